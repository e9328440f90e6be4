// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/trace/edit_effect.h"

namespace bp {

double EditEffect::predicted() const {
    if (gradBefore.rows() != before.rows() || gradBefore.cols() != before.cols() || after.size() != before.size())
        return 0;
    return (gradBefore.array() * (after - before).array()).sum();
}

double seededRoot(const Program& program, const Evaluation& eval) {
    if (program.root < 0 || program.root >= static_cast<int>(eval.values.size())) return 0;
    const Matrix& value = eval.values[program.root];
    if (program.seed.rows() != value.rows() || program.seed.cols() != value.cols()) return value.sum();
    return (program.seed.array() * value.array()).sum();
}

EditEffect effectBefore(const Program& program, const Evaluation& eval, bool accumulated, NodeId id, int mergeKey) {
    EditEffect effect;
    effect.leaf = id;
    effect.mergeKey = mergeKey;
    effect.before = program.graph.node(id).leafValue();
    if (accumulated || eval.grads.size() != static_cast<std::size_t>(program.graph.size())) {
        // After "backward again" a leaf holds the sum of several passes, not ∂L/∂w.
        const Evaluation fresh = evaluate(program);
        effect.gradBefore = fresh.grads[id];
        effect.lossBefore = seededRoot(program, fresh);
    } else {
        effect.gradBefore = eval.grads[id];
        effect.lossBefore = seededRoot(program, eval);
    }
    return effect;
}

void finishEffect(EditEffect& effect, const Program& program, const Evaluation& eval) {
    effect.after = program.graph.node(effect.leaf).leafValue();
    effect.lossAfter = seededRoot(program, eval);
    effect.finished = true;
}

}  // namespace bp
