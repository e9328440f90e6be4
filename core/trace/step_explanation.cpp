// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/trace/step_explanation.h"

#include <algorithm>

#include "core/text/number_format.h"

namespace bp {
namespace {

constexpr int kDigits = 4;  // what a student reads on the projector

std::string num(const Matrix& m) { return formatMatrix(m, kDigits); }
bool scalar(const Matrix& m) { return m.size() == 1; }
const std::string& label(const Graph& g, NodeId id) { return g.node(id).label; }

// The root the trace was recorded from: the node whose start gradient is the seed.
NodeId traceRoot(const Evaluation& eval) {
    for (auto it = eval.trace.startGrads.rbegin(); it != eval.trace.startGrads.rend(); ++it) return it->first;
    return -1;
}

// "b + 1", "w1 @ x", "sigmoid(z1)": the op applied to its inputs' labels.
std::string expressionText(const Graph& g, const Node& node) {
    const OpDef& op = *node.op;
    if (!infixText(op).empty() && op.arity == 2)
        return label(g, node.inputs[0]) + " " + std::string(infixText(op)) + " " + label(g, node.inputs[1]);
    if (op.name == "pow") return label(g, node.inputs[0]) + "^" + formatNumber(node.attrs.exponent, kDigits);
    if (op.name == "neg") return "-" + label(g, node.inputs[0]);
    if (op.name == "transpose") return label(g, node.inputs[0]) + "ᵀ";
    std::string text = std::string(op.name) + "(";
    for (std::size_t i = 0; i < node.inputs.size(); ++i) text += (i ? ", " : "") + label(g, node.inputs[i]);
    return text + ")";
}

StepExplanation explainForward(const Graph& g, const Evaluation& eval, const StepCursor& cursor) {
    const NodeId id = cursor.activeForwardNode();
    const Node& node = g.node(id);
    StepExplanation e;
    e.title = "Forward " + std::to_string(cursor.indexInPhase()) + " / " + std::to_string(cursor.forwardCount()) +
              ": " + node.label;
    std::string line = node.label + " = " + expressionText(g, node);
    bool allScalar = scalar(eval.values[id]);
    for (NodeId in : node.inputs) allScalar = allScalar && scalar(eval.values[in]);
    if (allScalar && node.inputs.size() > 0) {
        // Numbers in place of the names: c = a + b = 2 + 1 = 3
        std::string numbers;
        if (!infixText(*node.op).empty() && node.inputs.size() == 2)
            numbers = num(eval.values[node.inputs[0]]) + " " + std::string(infixText(*node.op)) + " " +
                      num(eval.values[node.inputs[1]]);
        else if (node.op->name != "pow")
            numbers = std::string(node.op->name) + "(" + num(eval.values[node.inputs[0]]) + ")";
        if (!numbers.empty()) line += " = " + numbers;
    }
    e.lines.push_back(line + " = " + num(eval.values[id]));
    e.lines.push_back("shape " + shapeText(node.shape));
    return e;
}

// One term of the chain rule for the event into `to` from `from`: "∂e/∂c·∂c/∂b".
std::string termSymbols(const Graph& g, NodeId root, const BackwardEvent& ev) {
    return partial(g, root, ev.from) + "·∂" + label(g, ev.from) + "/∂" + label(g, ev.to);
}

StepExplanation explainBackward(const Graph& g, const Evaluation& eval, const StepCursor& cursor) {
    const int active = cursor.activeEventIndex();
    const BackwardEvent& ev = eval.trace.backward[active];
    const NodeId root = traceRoot(eval);
    StepExplanation e;
    e.title = "Backward " + std::to_string(cursor.indexInPhase()) + " / " + std::to_string(cursor.backwardCount()) +
              ": " + label(g, ev.from) + " → " + label(g, ev.to);
    const std::vector<int>& into = cursor.eventsInto(ev.to);
    const Matrix& upstream = eval.grads[ev.from];
    const std::string lhs = partial(g, root, ev.to);
    const Matrix contribution = eval.trace.contribution(ev);
    const Matrix gradAfter = eval.trace.gradAfter(ev);
    const bool scalarCase = scalar(upstream) && scalar(contribution);
    if (scalarCase) {
        // Every term of the sum, those still to come shown as "…".
        std::string symbols, numbers;
        int done = 0;
        for (std::size_t i = 0; i < into.size(); ++i) {
            const BackwardEvent& t = eval.trace.backward[into[i]];
            const std::string sep = i ? " + " : "";
            symbols += sep + termSymbols(g, root, t);
            if (into[i] <= active) {
                const Matrix local = localDerivative(g, eval, t.from, t.slot);
                numbers += sep + num(eval.grads[t.from]) + "·" + num(local);
                ++done;
            } else {
                numbers += sep + "…";
            }
        }
        e.lines.push_back(lhs + " = " + symbols);
        e.lines.push_back("= " + numbers);
        std::string total = "= " + num(gradAfter);
        if (done < static_cast<int>(into.size()))
            total += "   (" + std::to_string(done) + " of " + std::to_string(into.size()) + " terms so far)";
        e.lines.push_back(total);
    } else {
        const Node& consumer = g.node(ev.from);
        e.lines.push_back(std::string(consumer.op->formula[ev.slot]));
        e.lines.push_back(lhs + " (" + shapeText(shapeOf(gradAfter)) + ") += vjp of " + label(g, ev.from) + " = " +
                          expressionText(g, consumer) + " with G = " + partial(g, root, ev.from) + " (" +
                          shapeText(shapeOf(upstream)) + ")");
        e.lines.push_back("G = " + num(upstream));
        e.lines.push_back("contribution = " + num(contribution));
        e.lines.push_back(lhs + " = " + num(gradAfter) + "   (" +
                          std::to_string(std::distance(into.begin(), std::find(into.begin(), into.end(), active)) + 1) +
                          " of " + std::to_string(into.size()) + " edges)");
    }
    return e;
}

}  // namespace

std::string partial(const Graph& graph, NodeId root, NodeId of) {
    const std::string top = root >= 0 ? graph.node(root).label : "L";
    return "∂" + top + "/∂" + graph.node(of).label;
}

NodeId firstNonFinite(const Graph& graph, const Evaluation& eval) {
    for (NodeId id = 0; id < graph.size() && id < NodeId(eval.values.size()); ++id)
        if (!eval.values[id].allFinite()) return id;
    for (NodeId id = graph.size() - 1; id >= 0 && id < NodeId(eval.grads.size()); --id)
        if (!eval.grads[id].allFinite()) return id;  // gradients arise from the root backwards
    return -1;
}

static StepExplanation explainCurrent(const Graph& graph, const Evaluation& eval, const StepCursor& cursor) {
    switch (cursor.phase()) {
    case Phase::Forward: return explainForward(graph, eval, cursor);
    case Phase::Backward: return explainBackward(graph, eval, cursor);
    case Phase::Start: break;
    }
    StepExplanation e;
    e.title = "Start";
    e.lines.push_back("The leaves hold their values; press → to compute the graph one node at a time.");
    return e;
}

StepExplanation explainStep(const Graph& graph, const Evaluation& eval, const StepCursor& cursor) {
    StepExplanation e = explainCurrent(graph, eval, cursor);
    if (const NodeId bad = firstNonFinite(graph, eval); bad >= 0) {
        const Node& n = graph.node(bad);
        const bool value = !eval.values[bad].allFinite();
        const std::string what = n.isLeaf() ? std::string(kindName(n.kind)) : expressionText(graph, n);
        e.lines.push_back("⚠ the first non-finite " + std::string(value ? "value" : "gradient") + " arises at " +
                          n.label + " = " + what + ": " + num(value ? eval.values[bad] : eval.grads[bad]));
    }
    return e;
}

std::string edgeLabel(const Graph& graph, const Evaluation& eval, const BackwardEvent& event) {
    const Matrix local = localDerivative(graph, eval, event.from, event.slot);
    const Matrix& upstream = eval.grads[event.from];
    const Matrix contribution = eval.trace.contribution(event);
    if (scalar(upstream) && scalar(contribution))
        return num(upstream) + " × " + num(local) + " = +" + num(contribution);
    if (contribution.size() > 4) return "+ a " + shapeText(shapeOf(contribution)) + " contribution";
    return "+" + formatMatrix(contribution, 3);
}

}  // namespace bp
