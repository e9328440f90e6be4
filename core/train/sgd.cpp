// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/train/sgd.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/train/accuracy.h"

namespace bp {

void SgdOptimizer::step(const Graph& graph, const Evaluation& eval, LeafValues& updates) {
    std::size_t count = 0;
    for (NodeId id = 0; id < graph.size(); ++id) {
        const Node& node = graph.node(id);
        if (node.kind != NodeKind::Param) continue;
        if (count == updates.size()) updates.emplace_back();
        auto& [updated, value] = updates[count++];
        updated = id;
        const Matrix& g = eval.grads[id];
        if (momentum_ == 0.0) {
            value.noalias() = node.leafValue() - lr_ * g;
            continue;
        }
        auto [it, first] = buffers_.try_emplace(id, g);
        if (!first) it->second = momentum_ * it->second + g;
        value.noalias() = node.leafValue() - lr_ * it->second;
    }
    updates.resize(count);
}

double LrSchedule::rate(double base, int step) const {
    switch (kind) {
    case Kind::Constant: return base;
    case Kind::Step: return base * std::pow(gamma, step / std::max(stepSize, 1));
    case Kind::Exponential: return base * std::pow(gamma, step);
    }
    return base;
}

TrainResult train(Program& program, int steps, double learningRate, double momentum, Evaluation* evaluation,
                  const LrSchedule& schedule) {
    const Node& root = program.graph.node(program.root);
    if (root.shape != Shape{1, 1})
        throw std::invalid_argument("training needs a 1x1 loss as the root; '" + root.name() + "' is " +
                                    shapeText(root.shape));
    SgdOptimizer optimizer(learningRate, momentum);
    LeafValues updates;
    TrainResult result;
    Evaluation own;
    Evaluation& eval = evaluation ? *evaluation : own;  // each pass writes into the matrices of the one before
    auto record = [&] {
        result.losses.push_back(eval.values[program.root](0, 0));
        if (auto accuracy = classifierAccuracy(program.graph, program.root, eval)) result.accuracies.push_back(*accuracy);
    };
    for (int i = 0; i < steps; ++i) {
        runForward(program.graph, eval);
        record();
        zeroGrad(program.graph, eval);
        runBackward(program.graph, program.root, program.seed, eval, TraceMode::Skip, GradsFor::Params);
        optimizer.setLearningRate(schedule.rate(learningRate, i));
        result.rates.push_back(optimizer.learningRate());
        optimizer.step(program.graph, eval, updates);
        for (const auto& [id, value] : updates) program.graph.setLeafValue(id, value);
    }
    runForward(program.graph, eval);
    record();
    return result;
}

}  // namespace bp
