// SPDX-License-Identifier: GPL-3.0-or-later
// The layered layout put together: rank, order, place, route. See layered_layout.h.
#include "core/layout/layered_layout.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <unordered_map>

#include "core/layout/layered_graph.h"

namespace bp {
namespace {

int clampToInt(std::int64_t value) {
    return static_cast<int>(std::min<std::int64_t>(value, std::numeric_limits<int>::max()));
}

}  // namespace

namespace {

// Folding (LayoutOptions::foldAspect): which band each rank is in, and where bands and their
// wrap lanes are. Everything is per rank or per node: linear.
struct Fold {
    int bands = 1;
    std::vector<int> band;           // per rank
    std::vector<double> x;           // per rank, its centre within its band
    std::vector<double> shift;       // per band: added to a node's y
    std::vector<double> right;       // per band, its right edge
    std::vector<int> lanes;          // per band: edges leaving it for the next one
    std::vector<double> gapTop;      // per band, where the gap under it starts
    std::vector<int> lane;           // per node: its lane when it leaves its band, or -1
    double margin = 0, laneGap = 0, width = 0, height = 0;
};

// A graph of fewer ranks reads in one line (xor, an MLP of a few layers); a 10-layer network
// (two ranks a layer and more) is long.
constexpr int kMinFoldedRanks = 12;

// How many bands bring the layout nearest to `aspect`: none unless it is over twice as wide and long.
int bandCount(double width, double height, int ranks, double gap, double margin, double aspect) {
    if (aspect <= 0 || height <= 0 || ranks < kMinFoldedRanks || width <= 2 * aspect * height) return 1;
    auto ratio = [&](int k) { return (width / k + 2 * margin) / (k * height + (k - 1) * gap); };
    int k = 1;
    while (k < ranks && ratio(k + 1) > aspect) ++k;
    if (k < ranks && std::abs(std::log(ratio(k + 1) / aspect)) < std::abs(std::log(ratio(k) / aspect))) ++k;
    return std::max(k, 2 <= ranks ? 2 : 1);
}

// The ranks cut into about `bands` bands of equal width.
Fold foldInto(int bands, const layout::LayeredGraph& graph, const layout::Ordering& ordering, const std::vector<double>& y,
              const std::vector<double>& rankX, const std::vector<double>& rankWidth, double layerGap,
              double nodeGap, double width, double height) {
    Fold fold;
    const int ranks = graph.rankCount;
    fold.laneGap = std::max(6.0, nodeGap / 2);
    fold.margin = layerGap / 2;
    fold.bands = bands;
    fold.band.assign(ranks, 0);
    fold.x = rankX;
    fold.lane.assign(graph.nodeCount(), -1);
    if (fold.bands <= 1) {
        fold.shift = {0.0};
        fold.width = width;
        fold.height = height;
        return fold;
    }
    // Bands of about equal width, cut between ranks.
    const double target = width / fold.bands;
    std::vector<int> first{0};  // per band, its first rank
    for (int r = 1; r < ranks; ++r) {
        const double start = rankX[first.back()] - rankWidth[first.back()] / 2;
        const double without = rankX[r - 1] + rankWidth[r - 1] / 2 - start;
        const double with = rankX[r] + rankWidth[r] / 2 - start;
        if (with > target && with - target > target - without) first.push_back(r);
    }
    fold.bands = static_cast<int>(first.size());
    first.push_back(ranks);
    // Lanes: the nodes of a band's last rank with a segment into the next band, top to bottom.
    fold.lanes.assign(fold.bands, 0);
    for (int b = 0; b + 1 < fold.bands; ++b) {
        const int r = first[b + 1] - 1;
        for (int i = ordering.layerStart[r]; i < ordering.layerStart[r + 1]; ++i) {
            const int v = ordering.order[i];
            if (graph.downStart[v + 1] > graph.downStart[v]) fold.lane[v] = fold.lanes[b]++;
        }
    }
    int mostLanes = 1;
    for (int l : fold.lanes) mostLanes = std::max(mostLanes, l);
    fold.margin = layerGap / 4 + fold.laneGap * mostLanes;
    std::vector<double> top(fold.bands, std::numeric_limits<double>::infinity()), bottom(fold.bands, 0.0);
    for (int b = 0; b < fold.bands; ++b) {
        const double start = rankX[first[b]] - rankWidth[first[b]] / 2;
        for (int r = first[b]; r < first[b + 1]; ++r) {
            fold.band[r] = b;
            fold.x[r] = rankX[r] - start + fold.margin;
        }
        fold.right.push_back(rankX[first[b + 1] - 1] + rankWidth[first[b + 1] - 1] / 2 - start + fold.margin);
        fold.width = std::max(fold.width, fold.right.back() + fold.margin);
    }
    for (int v = 0; v < graph.nodeCount(); ++v) {
        const int b = fold.band[graph.rank[v]];
        top[b] = std::min(top[b], y[v] - graph.height[v] / 2);
        bottom[b] = std::max(bottom[b], y[v] + graph.height[v] / 2);
    }
    double offset = 0;
    for (int b = 0; b < fold.bands; ++b) {
        if (!std::isfinite(top[b])) top[b] = bottom[b] = 0;
        fold.shift.push_back(offset - top[b]);
        offset += bottom[b] - top[b];
        fold.gapTop.push_back(offset);
        if (b + 1 < fold.bands) offset += 2 * nodeGap + fold.laneGap * std::max(0, fold.lanes[b] - 1);
    }
    fold.height = offset;
    return fold;
}

// Folded to the number of bands, near the estimate, that comes nearest to `aspect`.
Fold foldRanks(const layout::LayeredGraph& graph, const layout::Ordering& ordering, const std::vector<double>& y,
               const std::vector<double>& rankX, const std::vector<double>& rankWidth, double layerGap,
               double nodeGap, double width, double height, double aspect) {
    const int estimate = bandCount(width, height, graph.rankCount, 2 * nodeGap, layerGap / 2, aspect);
    auto fold = [&](int bands) { return foldInto(bands, graph, ordering, y, rankX, rankWidth, layerGap, nodeGap, width, height); };
    Fold best = fold(estimate);
    if (estimate <= 1) return best;
    auto miss = [&](const Fold& f) { return std::abs(std::log(f.width / f.height / aspect)); };
    for (int bands : {estimate - 1, estimate + 1}) {
        if (bands < 2 || bands > graph.rankCount) continue;
        Fold other = fold(bands);
        if (miss(other) < miss(best)) best = std::move(other);
    }
    return best;
}

// The way from p (leaving band b in `lane`) to q in band b + 1: right, down under the band,
// back left and into q. The topmost leaver takes the outermost lane, so leavers do not cross.
void appendWrap(std::vector<LayoutPoint>& path, const Fold& fold, int b, int lane, LayoutPoint q, double nodeGap) {
    const int outward = fold.lanes[b] - 1 - lane;
    const double right = fold.right[b] + fold.laneGap * (outward + 1);  // the topmost outermost
    const double left = fold.margin - fold.laneGap * (lane + 1);        // and innermost here
    const double under = fold.gapTop[b] + nodeGap + fold.laneGap * outward;
    const LayoutPoint p = path.back();
    path.push_back({std::max(right, p.x), p.y});
    path.push_back({std::max(right, p.x), under});
    path.push_back({std::min(left, q.x), under});
    path.push_back({std::min(left, q.x), q.y});
}

LayoutResult layOut(const std::vector<LayoutSize>& sizes, const std::vector<LayoutEdge>& edges,
                    const LayoutOptions& options) {
    using namespace layout;
    // Progress at the end of each step, by rough shares of the time (scalar nets, long chains).
    bool stopped = false;
    auto reached = [&](double fraction) {
        stopped = stopped || (options.progress && !options.progress(fraction));
        return stopped;
    };
    LayoutResult cancelled;
    cancelled.complete = false;
    if (reached(0.0)) return cancelled;
    const int n = static_cast<int>(sizes.size());
    const Ranking ranking = rankNodes(n, edges);
    if (reached(0.15)) return cancelled;
    const LayeredGraph graph = buildLayeredGraph(sizes, edges, ranking);
    if (reached(0.2)) return cancelled;

    // Five starts, then the sweeps from the best: 0.2 to 0.8.
    const Ordering ordering = reduceCrossings(graph, options.sweeps, [&](int start) { return reached(0.3 + 0.1 * start); });
    if (reached(0.8)) return cancelled;
    std::vector<double> y = assignCrossCoordinates(graph, ordering, std::max(0.0, options.nodeGap));
    if (reached(0.95)) return cancelled;

    // Each rank is as wide as its widest node; all its nodes share its centre line.
    std::vector<double> rankWidth(graph.rankCount, 0.0), rankX(graph.rankCount, 0.0);
    for (int v = 0; v < n; ++v) {
        const double w = sizes[v].width;
        if (std::isfinite(w) && w > rankWidth[graph.rank[v]]) rankWidth[graph.rank[v]] = w;
    }
    const double layerGap = std::max(0.0, options.layerGap);
    double left = 0;
    for (int r = 0; r < graph.rankCount; ++r) {
        rankX[r] = left + rankWidth[r] / 2;
        left += rankWidth[r] + layerGap;
    }

    // Shift so the topmost node edge (or dummy) is at y = 0.
    double top = std::numeric_limits<double>::infinity(), bottom = 0;
    for (int v = 0; v < graph.nodeCount(); ++v) top = std::min(top, y[v] - graph.height[v] / 2);
    for (int v = 0; v < graph.nodeCount(); ++v) {
        y[v] -= top;
        bottom = std::max(bottom, y[v] + graph.height[v] / 2);
    }
    const double nodeGap = std::max(0.0, options.nodeGap);
    const Fold fold = foldRanks(graph, ordering, y, rankX, rankWidth, layerGap, nodeGap,
                                graph.rankCount > 0 ? left - layerGap : 0.0, bottom, options.foldAspect);
    auto bandOf = [&](int v) { return fold.band[graph.rank[v]]; };

    LayoutResult result;
    result.rank = ranking.rank;
    result.rankCount = graph.rankCount;
    result.dummyCount = graph.nodeCount() - n;
    result.bands = fold.bands;
    auto at = [&](int v) { return LayoutPoint{fold.x[graph.rank[v]], y[v] + fold.shift[bandOf(v)]}; };
    result.centers.resize(n);
    for (int v = 0; v < n; ++v) result.centers[v] = at(v);
    // A shared trunk is drawn through the points where it bends: per trunk, the indices of its
    // dummies that are not in the middle of a straight run (one height before and after), nor
    // where it leaves a band or enters one.
    const int trunks = static_cast<int>(graph.trunkStart.size()) - 1;
    std::vector<std::vector<int>> bends(trunks);
    for (int t = 0; t < trunks; ++t) {
        const int* d = graph.trunkNodes.data() + graph.trunkStart[t];
        const int length = graph.trunkStart[t + 1] - graph.trunkStart[t];
        for (int i = 0; i < length; ++i)
            if (i == 0 || i == length - 1 || y[d[i - 1]] != y[d[i]] || y[d[i + 1]] != y[d[i]] ||
                bandOf(d[i - 1]) != bandOf(d[i]) || bandOf(d[i + 1]) != bandOf(d[i]))
                bends[t].push_back(i);
    }
    // Appends node v's point, first wrapping from the previous node u when v starts the next band.
    auto visit = [&](std::vector<LayoutPoint>& path, int u, int v) {
        if (u >= 0 && bandOf(u) != bandOf(v) && fold.lane[u] >= 0)
            appendWrap(path, fold, bandOf(u), fold.lane[u], at(v), nodeGap);
        path.push_back(at(v));
    };

    result.edgePaths.resize(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        std::vector<LayoutPoint>& path = result.edgePaths[e];
        const int m = graph.edgeChain[e];
        if (m < 0) {
            const LayoutEdge& edge = edges[e];
            if (edge.from == edge.to && edge.from >= 0 && edge.from < n)
                path = {result.centers[edge.from], result.centers[edge.from]};
            continue;
        }
        const int t = graph.chainTrunk[m];
        const int* chain = graph.chain.data() + graph.chainStart[m];
        const int length = graph.chainStart[m + 1] - graph.chainStart[m];
        if (t < 0 || length == 2) {
            for (int k = 0; k < length; ++k) visit(path, k > 0 ? chain[k - 1] : -1, chain[k]);
        } else {
            // tail, the trunk's bends before the dummy where the edge leaves it, that dummy, head
            const int tail = chain[0], last = chain[1], head = chain[2];
            const int leave = graph.rank[last] - graph.rank[tail] - 1;  // index of `last` in the trunk
            int previous = tail;
            visit(path, -1, tail);
            for (int i : bends[t]) {
                if (i >= leave) break;
                const int d = graph.trunkNodes[graph.trunkStart[t] + i];
                visit(path, previous, d);
                previous = d;
            }
            visit(path, previous, last);
            visit(path, last, head);
        }
        if (ranking.reversed[e]) std::reverse(path.begin(), path.end());
    }
    result.crossings = clampToInt(countCrossings(graph, ordering));
    result.extent = {fold.width, fold.height};
    return result;
}

// The uses of shared leaves (LayoutOptions::inlineLeafUses): per edge, the node it is laid out
// from (the leaf, or a copy of it numbered from sizes.size() on), and per copy its leaf and consumer.
struct LeafCopies {
    std::vector<LayoutEdge> edges;
    std::vector<LayoutCopy> copies;
    std::vector<int> edgeCopy;
};

LeafCopies copySharedLeaves(const std::vector<LayoutSize>& sizes, const std::vector<LayoutEdge>& edges, int minUses) {
    const int n = static_cast<int>(sizes.size());
    LeafCopies out;
    out.edges = edges;
    out.edgeCopy.assign(edges.size(), -1);
    if (minUses <= 0) return out;
    auto valid = [&](const LayoutEdge& e) { return e.from >= 0 && e.from < n && e.to >= 0 && e.to < n && e.from != e.to; };
    std::vector<char> hasInput(n, 0);
    for (const LayoutEdge& e : edges)
        if (valid(e)) hasInput[e.to] = 1;
    // Per leaf, its distinct consumers in edge order (x*x uses x once); per edge from a leaf, which.
    std::vector<std::vector<int>> consumers(n);
    std::unordered_map<std::int64_t, int> useOf;
    std::vector<int> useIndex(edges.size(), -1);
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const LayoutEdge& edge = edges[e];
        if (!valid(edge) || hasInput[edge.from]) continue;
        const auto [it, added] = useOf.try_emplace(std::int64_t(edge.from) * n + edge.to, int(consumers[edge.from].size()));
        if (added) consumers[edge.from].push_back(edge.to);
        useIndex[e] = it->second;
    }
    std::vector<std::vector<int>> copyOf(n);  // per shared leaf, per consumer index, its copy id (or the leaf)
    for (int v = 0; v < n; ++v) {
        if (static_cast<int>(consumers[v].size()) < minUses) continue;
        copyOf[v].push_back(-1);
        for (std::size_t k = 1; k < consumers[v].size(); ++k) {
            copyOf[v].push_back(static_cast<int>(out.copies.size()));
            out.copies.push_back({v, consumers[v][k], {}});
        }
    }
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const LayoutEdge& edge = edges[e];
        if (useIndex[e] < 0 || copyOf[edge.from].empty()) continue;
        const int copy = copyOf[edge.from][useIndex[e]];
        if (copy < 0) continue;
        out.edgeCopy[e] = copy;
        out.edges[e].from = n + copy;
    }
    return out;
}

}  // namespace

LayoutResult layeredLayout(const std::vector<LayoutSize>& sizes, const std::vector<LayoutEdge>& edges,
                           const LayoutOptions& options) {
    LeafCopies leaves = copySharedLeaves(sizes, edges, options.inlineLeafUses);
    if (leaves.copies.empty()) {
        LayoutResult result = layOut(sizes, edges, options);
        if (result.complete) result.edgeCopy.assign(edges.size(), -1);
        if (result.complete && options.progress) options.progress(1.0);
        return result;
    }
    const int n = static_cast<int>(sizes.size());
    std::vector<LayoutSize> all = sizes;
    for (const LayoutCopy& copy : leaves.copies)
        all.push_back(options.copySizes.empty() ? sizes[copy.node] : options.copySizes[copy.node]);
    LayoutResult result = layOut(all, leaves.edges, options);
    if (!result.complete) return result;
    for (std::size_t c = 0; c < leaves.copies.size(); ++c) leaves.copies[c].center = result.centers[n + c];
    result.centers.resize(n);
    result.rank.resize(n);
    result.copies = std::move(leaves.copies);
    result.edgeCopy = std::move(leaves.edgeCopy);
    if (options.progress) options.progress(1.0);
    return result;
}

int baselineCrossings(const std::vector<LayoutSize>& sizes, const std::vector<LayoutEdge>& edges) {
    using namespace layout;
    const Ranking ranking = rankNodes(static_cast<int>(sizes.size()), edges);
    const LayeredGraph graph = buildLayeredGraph(sizes, edges, ranking);
    return clampToInt(countCrossings(graph, idOrdering(graph)));
}

}  // namespace bp
