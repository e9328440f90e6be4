// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/json_report.h"

#include <algorithm>
#include <functional>

#include <cmath>
#include <functional>
#include <optional>
#include <stdexcept>

#include "core/trace/step_text.h"

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
    for (NodeId in : node.inputs) names.push_back(graph.node(in).name());
    return names;
}

json evalReport(const Program& program, const Evaluation& eval) {
    const Graph& g = program.graph;
    json nodes = json::array();
    for (NodeId id = 0; id < g.size(); ++id) {
        const Node& node = g.node(id);
        nodes.push_back({{"name", node.name()},
                         {"kind", kindName(node.kind)},
                         {"op", node.isLeaf() ? std::string(kindName(node.kind)) : std::string(node.op->name)},
                         {"inputs", inputNames(g, node)},
                         {"shape", {node.shape.rows, node.shape.cols}},
                         {"value", matrixToJson(eval.values[id])},
                         {"grad", matrixToJson(eval.grads[id])}});
    }
    return {{"root", g.node(program.root).name()}, {"nodes", std::move(nodes)}};
}

// An event whose entries would hold more factors than this gets its "text" only: a large matrix
// product's trace would otherwise grow with the cube of its size.
constexpr double kMaxExplainedFactors = 1e6;

static json entriesJson(const StepTerms& terms) {
    json entries = json::array();
    for (const EntryTerms& e : terms.entries) {
        json products = json::array();
        for (const Product& p : e.products) {
            json factors = json::array();
            for (const Factor& f : p) factors.push_back(numberToJson(f.value));
            products.push_back(std::move(factors));
        }
        entries.push_back({{"index", {e.row, e.col}}, {"products", std::move(products)}, {"value", numberToJson(e.value)}});
    }
    return entries;
}

static std::string linesText(const StepText& text) {
    std::string out;
    for (const TextLine& line : text.lines) out += (out.empty() ? "" : "\n") + lineText(line);
    return out;
}

// The terms of every entry, when there are not too many of them (estimated from the first entry).
static std::optional<StepTerms> allEntries(const StepTerms& first, const std::function<StepTerms()>& all) {
    if (first.entries.empty()) return std::nullopt;
    // A General op's forward step (softmax, the losses, ...) is written as formula and result, and
    // an input no gradient flows into has no products: nothing to list.
    if (first.op && first.op->explain.arithmetic == Arithmetic::General && !writesEntryArithmetic(first))
        return std::nullopt;
    double factors = 0;
    for (const Product& p : first.entries[0].products) factors += double(p.size());
    if (factors * double(first.shape.size()) > kMaxExplainedFactors) return std::nullopt;
    return all();
}

// "explain": the step written out in plain English, and the products summed into each entry.
static json explainJson(const Graph& g, const StepTerms& first, const std::function<StepTerms()>& all,
                        bool withEntries) {
    json out{{"text", linesText(writeStep(g, first))}};
    if (!withEntries) return out;
    if (const auto terms = allEntries(first, all)) out["entries"] = entriesJson(*terms);
    return out;
}

json traceReport(const Program& program, const Evaluation& eval) {
    const Graph& g = program.graph;
    json forward = json::array();
    for (NodeId id : eval.trace.forward) {
        const Node& node = g.node(id);
        const Arithmetic kind = node.op->explain.arithmetic;
        const bool sums = kind == Arithmetic::MatMul || kind == Arithmetic::Sum;
        forward.push_back({{"node", node.name()},
                           {"op", node.op->name},
                           {"inputs", inputNames(g, node)},
                           {"value", matrixToJson(eval.values[id])},
                           {"explain", explainJson(g, forwardTerms(g, eval, id),
                                                   [&] { return forwardTerms(g, eval, id, {.all = true}); }, sums)}});
    }
    json backward = json::array();
    std::vector<std::vector<int>> into(std::size_t(g.size()));
    for (std::size_t k = 0; k < eval.trace.backward.size(); ++k) into[eval.trace.backward[k].to].push_back(int(k));
    for (std::size_t k = 0; k < eval.trace.backward.size(); ++k) {
        const BackwardEvent& e = eval.trace.backward[k];
        const auto& edges = into[e.to];
        const StepTerms first = backwardTerms(g, eval, int(k), edges);
        const auto all = [&] { return backwardTerms(g, eval, int(k), edges, {.all = true}); };
        backward.push_back({{"from", g.node(e.from).name()},
                            {"to", g.node(e.to).name()},
                            {"slot", e.slot},
                            {"upstream", matrixToJson(eval.grads[e.from])},
                            {"contribution", matrixToJson(eval.contribution(e))},
                            {"grad_after", matrixToJson(eval.gradAfter(e))},
                            {"explain", explainJson(g, first, all, true)}});
    }
    return {{"forward", std::move(forward)}, {"backward", std::move(backward)}};
}

json trainReport(const Program& program, const TrainResult& result) {
    json losses = json::array();
    for (double loss : result.losses) losses.push_back(numberToJson(loss));
    json params = json::object();
    for (const Node& node : program.graph.nodes())
        if (node.kind == NodeKind::Param) params[node.name()] = matrixToJson(node.leafValue());
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
        leaves.push_back({{"name", program.graph.node(c.leaf).name()},
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
