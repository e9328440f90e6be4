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
    const int n = static_cast<int>(sizes.size());
    const Ranking ranking = rankNodes(n, edges);
    const LayeredGraph graph = buildLayeredGraph(sizes, edges, ranking);

    const Ordering ordering = reduceCrossings(graph, options.sweeps);
    std::vector<double> y = assignCrossCoordinates(graph, ordering, std::max(0.0, options.nodeGap));

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
        for (int k = graph.chainStart[m]; k < graph.chainStart[m + 1]; ++k) {
            const int v = graph.chain[k];
            path.push_back({rankX[graph.rank[v]], y[v]});
        }
        if (ranking.reversed[e]) std::reverse(path.begin(), path.end());
    }
    result.crossings = clampToInt(countCrossings(graph, ordering));
    result.extent = {graph.rankCount > 0 ? left - layerGap : 0.0, bottom};
    return result;
}

int baselineCrossings(const std::vector<LayoutSize>& sizes, const std::vector<LayoutEdge>& edges) {
    using namespace layout;
    const Ranking ranking = rankNodes(static_cast<int>(sizes.size()), edges);
    const LayeredGraph graph = buildLayeredGraph(sizes, edges, ranking);
    return clampToInt(countCrossings(graph, idOrdering(graph)));
}

}  // namespace bp
