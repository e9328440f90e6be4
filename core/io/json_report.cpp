// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/json_report.h"

#include <algorithm>
#include <functional>

#include <cmath>
#include <stdexcept>

namespace bp {

using nlohmann::json;

json numberToJson(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    return x;
}

json matrixToJson(const Matrix& m) {
    json rows = json::array();
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        json row = json::array();
        for (Eigen::Index c = 0; c < m.cols(); ++c) row.push_back(numberToJson(m(r, c)));
        rows.push_back(std::move(row));
    }
    return rows;
}

static double numberFromJson(const json& j) {
    if (j.is_number()) return j.get<double>();
    if (j.is_string()) {
        const auto& s = j.get_ref<const std::string&>();
        if (s == "nan") return std::nan("");
        if (s == "inf") return INFINITY;
        if (s == "-inf") return -INFINITY;
    }
    throw std::invalid_argument("expected a number, \"nan\", \"inf\" or \"-inf\", got " + j.dump());
}

Matrix matrixFromJson(const json& j) {
    if (!j.is_array() || j.empty() || !j[0].is_array() || j[0].empty())
        throw std::invalid_argument("expected a matrix as a non-empty list of non-empty rows");
    const auto rows = static_cast<Eigen::Index>(j.size());
    const auto cols = static_cast<Eigen::Index>(j[0].size());
    Matrix m(rows, cols);
    for (Eigen::Index r = 0; r < rows; ++r) {
        if (!j[r].is_array() || static_cast<Eigen::Index>(j[r].size()) != cols)
            throw std::invalid_argument("ragged matrix: row " + std::to_string(r + 1) + " has a different length");
        for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = numberFromJson(j[r][c]);
    }
    return m;
}

static json inputNames(const Graph& graph, const Node& node) {
    json names = json::array();
    for (NodeId in : node.inputs) names.push_back(graph.node(in).name);
    return names;
}

json evalReport(const Program& program, const Evaluation& eval) {
    const Graph& g = program.graph;
    json nodes = json::array();
    for (NodeId id = 0; id < g.size(); ++id) {
        const Node& node = g.node(id);
        nodes.push_back({{"name", node.name},
                         {"kind", kindName(node.kind)},
                         {"op", node.isLeaf() ? std::string(kindName(node.kind)) : std::string(node.op->name)},
                         {"inputs", inputNames(g, node)},
                         {"shape", {node.shape.rows, node.shape.cols}},
                         {"value", matrixToJson(eval.values[id])},
                         {"grad", matrixToJson(eval.grads[id])}});
    }
    return {{"root", g.node(program.root).name}, {"nodes", std::move(nodes)}};
}

json traceReport(const Program& program, const Evaluation& eval) {
    const Graph& g = program.graph;
    json forward = json::array();
    for (NodeId id : eval.trace.forward) {
        const Node& node = g.node(id);
        forward.push_back({{"node", node.name},
                           {"op", node.op->name},
                           {"inputs", inputNames(g, node)},
                           {"value", matrixToJson(eval.values[id])}});
    }
    json backward = json::array();
    for (const BackwardEvent& e : eval.trace.backward) {
        backward.push_back({{"from", g.node(e.from).name},
                            {"to", g.node(e.to).name},
                            {"slot", e.slot},
                            {"upstream", matrixToJson(eval.grads[e.from])},
                            {"contribution", matrixToJson(eval.trace.contribution(e))},
                            {"grad_after", matrixToJson(eval.trace.gradAfter(e))}});
    }
    return {{"forward", std::move(forward)}, {"backward", std::move(backward)}};
}

json trainReport(const Program& program, const TrainResult& result) {
    json losses = json::array();
    for (double loss : result.losses) losses.push_back(numberToJson(loss));
    json params = json::object();
    for (const Node& node : program.graph.nodes())
        if (node.kind == NodeKind::Param) params[node.name] = matrixToJson(node.leafValue);
    json report = {{"loss", std::move(losses)}, {"params", std::move(params)}};
    if (!result.accuracies.empty()) {  // a classifier: the fraction right beside each loss
        json accuracies = json::array();
        for (double a : result.accuracies) accuracies.push_back(numberToJson(a));
        report["accuracy"] = std::move(accuracies);
    }
    // The learning rate of each update, when a schedule changed it.
    if (std::adjacent_find(result.rates.begin(), result.rates.end(), std::not_equal_to<>()) != result.rates.end()) {
        json rates = json::array();
        for (double r : result.rates) rates.push_back(numberToJson(r));
        report["lr"] = std::move(rates);
    }
    return report;
}

json checkReport(const Program& program, const std::vector<LeafCheck>& checks, const CheckOptions& options) {
    json leaves = json::array();
    bool ok = true;
    for (const LeafCheck& c : checks) {
        ok = ok && c.ok;
        json kinks = json::array();
        for (const KinkAt& k : c.kinks)
            kinks.push_back({{"entry", k.entry}, {"left", numberToJson(k.left)}, {"right", numberToJson(k.right)}});
        leaves.push_back({{"name", program.graph.node(c.leaf).name},
                          {"analytic", matrixToJson(c.analytic)},
                          {"numeric", matrixToJson(c.numeric)},
                          {"max_error", numberToJson(c.maxError)},
                          {"entries", c.analytic.size()},
                          {"checked", c.checked},
                          {"non_finite", c.nonFinite},
                          {"disagreeing", c.disagreeing},
                          {"kinks", std::move(kinks)},
                          {"ok", c.ok}});
    }
    return {{"ok", ok},
            {"sample_per_leaf", options.samplePerLeaf > 0 ? json(options.samplePerLeaf) : json("all")},
            {"sample_seed", options.sampleSeed},
            {"leaves", std::move(leaves)}};
}

}  // namespace bp
