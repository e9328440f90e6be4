// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/train/gradient_check.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include "core/trace/evaluation.h"

namespace bp {
namespace {

// f(x) = Σ seed ∘ root(x), the scalar whose gradient the backward pass computes, after an entry of
// `leaf` changed: only the nodes that depend on the leaf are computed again.
double objective(const Graph& graph, const Program& program, NodeId leaf, Evaluation& scratch) {
    updateForward(graph, scratch, std::span<const NodeId>(&leaf, 1), /*holdStopped=*/true);
    return scratch.values[program.root].cwiseProduct(program.seed).sum();
}

bool close(double a, double b, const CheckOptions& o) {
    return std::abs(a - b) <= o.absTolerance + o.relTolerance * std::max(std::abs(a), std::abs(b));
}

// The entries of a leaf of `size` entries to check: all, or a sorted sample without repeats.
std::vector<long> entriesToCheck(long size, const CheckOptions& o, std::mt19937_64& random) {
    std::vector<long> entries(static_cast<std::size_t>(size));
    std::iota(entries.begin(), entries.end(), 0L);
    if (o.samplePerLeaf <= 0 || size <= o.samplePerLeaf) return entries;
    for (long i = 0; i < o.samplePerLeaf; ++i) {  // a partial Fisher–Yates shuffle
        std::uniform_int_distribution<long> pick(i, size - 1);
        std::swap(entries[static_cast<std::size_t>(i)], entries[static_cast<std::size_t>(pick(random))]);
    }
    entries.resize(static_cast<std::size_t>(o.samplePerLeaf));
    std::sort(entries.begin(), entries.end());
    return entries;
}

long totalToCheck(const Graph& graph, const CheckOptions& o) {
    long total = 0;
    for (const Node& n : graph.nodes())
        if (n.isLeaf()) total += o.samplePerLeaf > 0 ? std::min(n.shape.size(), o.samplePerLeaf) : n.shape.size();
    return total;
}

void record(LeafCheck& check, long entry, EntryVerdict verdict, double left, double right) {
    const double a = check.analytic(entry), n = check.numeric(entry);
    const double error = std::abs(a - n);
    if (std::isnan(error) || std::isnan(check.maxError)) check.maxError = std::numeric_limits<double>::quiet_NaN();
    else check.maxError = std::max(check.maxError, error);
    ++check.checked;
    check.entries.push_back(entry);
    check.verdicts.push_back(verdict);
    switch (verdict) {
    case EntryVerdict::Agrees: break;
    case EntryVerdict::Kink: check.kinks.push_back({entry, left, right}); break;
    case EntryVerdict::NonFinite: ++check.nonFinite; check.ok = false; break;
    case EntryVerdict::Disagrees: ++check.disagreeing; check.ok = false; break;
    }
}

}  // namespace

EntryVerdict judgeEntry(double analytic, double central, double left, double right, const CheckOptions& o) {
    if (!std::isfinite(analytic) || !std::isfinite(central)) return EntryVerdict::NonFinite;
    if (close(analytic, central, o)) return EntryVerdict::Agrees;
    const bool slopesDiffer = std::isfinite(left) && std::isfinite(right) && !close(left, right, o);
    const double low = std::min(left, right), high = std::max(left, right);
    const double slack = o.absTolerance + o.relTolerance * std::max(std::abs(low), std::abs(high));
    if (slopesDiffer && analytic >= low - slack && analytic <= high + slack) return EntryVerdict::Kink;
    return EntryVerdict::Disagrees;
}

std::vector<LeafCheck> checkGradients(const Program& program, const CheckOptions& options) {
    const Evaluation eval = evaluate(program, TraceMode::Skip);
    Graph graph = program.graph;  // perturbed one entry at a time
    Evaluation scratch;
    runForward(graph, scratch);
    std::mt19937_64 random(options.sampleSeed);
    const long total = options.progress ? totalToCheck(graph, options) : 0;
    long done = 0;
    std::vector<LeafCheck> checks;
    for (NodeId id = 0; id < graph.size(); ++id) {
        if (!graph.node(id).isLeaf()) continue;
        const Matrix& grad = eval.grads[id];
        LeafCheck check;
        check.leaf = id;
        check.analytic = grad;
        check.numeric = Matrix::Constant(grad.rows(), grad.cols(), std::numeric_limits<double>::quiet_NaN());
        const Matrix& x = graph.node(id).leafValue();
        const double base = scratch.values[program.root].cwiseProduct(program.seed).sum();
        for (const long i : entriesToCheck(x.size(), options, random)) {
            const double original = x(i);
            const double h = options.relativeStep * std::max(1.0, std::abs(original));
            graph.setLeafEntry(id, i, original + h);
            const double up = objective(graph, program, id, scratch);
            graph.setLeafEntry(id, i, original - h);
            const double down = objective(graph, program, id, scratch);
            graph.setLeafEntry(id, i, original);
            check.numeric(i) = (up - down) / (2 * h);
            const double left = (base - down) / h, right = (up - base) / h;  // the one-sided slopes
            record(check, i, judgeEntry(check.analytic(i), check.numeric(i), left, right, options), left, right);
            if (options.progress && ++done % 256 == 0) options.progress(done, total);
        }
        updateForward(graph, scratch, std::span<const NodeId>(&id, 1), true);  // the leaf as it was again
        checks.push_back(std::move(check));
    }
    if (options.progress) options.progress(total, total);
    return checks;
}

}  // namespace bp
