// SPDX-License-Identifier: GPL-3.0-or-later
// The layered layout put together: rank, order, place, route. See layered_layout.h.
#include "core/layout/layered_layout.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "core/layout/layered_graph.h"

namespace bp {
namespace {

int clampToInt(std::int64_t value) {
    return static_cast<int>(std::min<std::int64_t>(value, std::numeric_limits<int>::max()));
}

}  // namespace

LayoutResult layeredLayout(const std::vector<LayoutSize>& sizes, const std::vector<LayoutEdge>& edges,
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

    LayoutResult result;
    result.rank = ranking.rank;
    result.rankCount = graph.rankCount;
    result.dummyCount = graph.nodeCount() - n;
    result.centers.resize(n);
    for (int v = 0; v < n; ++v) result.centers[v] = {rankX[graph.rank[v]], y[v]};
    // A shared trunk is drawn through the points where it bends: per trunk, the indices of its
    // dummies that are not in the middle of a straight run (one height before and after).
    const int trunks = static_cast<int>(graph.trunkStart.size()) - 1;
    std::vector<std::vector<int>> bends(trunks);
    for (int t = 0; t < trunks; ++t) {
        const int* d = graph.trunkNodes.data() + graph.trunkStart[t];
        const int length = graph.trunkStart[t + 1] - graph.trunkStart[t];
        for (int i = 0; i < length; ++i)
            if (i == 0 || i == length - 1 || y[d[i - 1]] != y[d[i]] || y[d[i + 1]] != y[d[i]]) bends[t].push_back(i);
    }
    auto at = [&](int v) { return LayoutPoint{rankX[graph.rank[v]], y[v]}; };

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
            for (int k = 0; k < length; ++k) path.push_back(at(chain[k]));
        } else {
            // tail, the trunk's bends before the dummy where the edge leaves it, that dummy, head
            const int tail = chain[0], last = chain[1], head = chain[2];
            const int leave = graph.rank[last] - graph.rank[tail] - 1;  // index of `last` in the trunk
            path.push_back(at(tail));
            for (int i : bends[t]) {
                if (i >= leave) break;
                path.push_back(at(graph.trunkNodes[graph.trunkStart[t] + i]));
            }
            path.push_back(at(last));
            path.push_back(at(head));
        }
        if (ranking.reversed[e]) std::reverse(path.begin(), path.end());
    }
    result.crossings = clampToInt(countCrossings(graph, ordering));
    result.extent = {graph.rankCount > 0 ? left - layerGap : 0.0, bottom};
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
