// SPDX-License-Identifier: GPL-3.0-or-later
// The proper layered graph: parallel edges merged, long edges broken into dummy nodes, and the
// two orderings crossing reduction can start from.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

#include "core/layout/layered_graph.h"

namespace bp::layout {
namespace {

double cleanLength(double value) { return std::isfinite(value) && value > 0 ? value : 0.0; }

// Compressed lists of segment ids per node, keyed by one end of the segment.
void buildIndex(const std::vector<Segment>& segments, int nodeCount, bool byLower, std::vector<int>& start,
                std::vector<int>& list) {
    start.assign(static_cast<std::size_t>(nodeCount) + 1, 0);
    for (const Segment& s : segments) ++start[(byLower ? s.lower : s.upper) + 1];
    for (int v = 0; v < nodeCount; ++v) start[v + 1] += start[v];
    list.resize(segments.size());
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        list[fill[byLower ? s.lower : s.upper]++] = static_cast<int>(i);
    }
}

}  // namespace

LayeredGraph buildLayeredGraph(const std::vector<LayoutSize>& sizes, const std::vector<LayoutEdge>& edges,
                               const Ranking& ranking) {
    LayeredGraph g;
    g.realCount = static_cast<int>(sizes.size());
    g.rankCount = ranking.rankCount;
    g.rank = ranking.rank;
    g.height.resize(sizes.size());
    for (std::size_t v = 0; v < sizes.size(); ++v) g.height[v] = cleanLength(sizes[v].height);

    // Merge parallel edges (same tail and head after cycle breaking); merged edges in (tail, head)
    // order, which also fixes the order dummies are created in.
    std::vector<std::pair<int, int>> ends(edges.size());
    std::vector<int> byEnds;
    for (std::size_t e = 0; e < edges.size(); ++e) {
        if (ranking.ignored[e]) continue;
        ends[e] = ranking.reversed[e] ? std::pair{edges[e].to, edges[e].from} : std::pair{edges[e].from, edges[e].to};
        byEnds.push_back(static_cast<int>(e));
    }
    std::stable_sort(byEnds.begin(), byEnds.end(), [&](int a, int b) { return ends[a] < ends[b]; });

    g.edgeChain.assign(edges.size(), -1);
    g.chainStart.push_back(0);
    std::vector<int> multiplicity;  // per merged edge, the input edges it stands for
    for (std::size_t i = 0; i < byEnds.size(); ++i) {
        const int e = byEnds[i];
        if (i > 0 && ends[e] == ends[byEnds[i - 1]]) {
            g.edgeChain[e] = static_cast<int>(multiplicity.size()) - 1;
            ++multiplicity.back();
            continue;
        }
        g.edgeChain[e] = static_cast<int>(multiplicity.size());
        multiplicity.push_back(1);
        const auto [tail, head] = ends[e];
        g.chain.push_back(tail);
        for (int r = g.rank[tail] + 1; r < g.rank[head]; ++r) {
            g.chain.push_back(static_cast<int>(g.rank.size()));
            g.rank.push_back(r);
            g.height.push_back(0.0);
        }
        g.chain.push_back(head);
        g.chainStart.push_back(static_cast<int>(g.chain.size()));
    }
    for (std::size_t m = 0; m < multiplicity.size(); ++m)
        for (int k = g.chainStart[m]; k + 1 < g.chainStart[m + 1]; ++k)
            g.segments.push_back({g.chain[k], g.chain[k + 1], multiplicity[m]});

    buildIndex(g.segments, g.nodeCount(), true, g.upStart, g.up);
    buildIndex(g.segments, g.nodeCount(), false, g.downStart, g.down);
    return g;
}

Ordering idOrdering(const LayeredGraph& g) {
    Ordering o;
    const int n = g.nodeCount();
    o.layerStart.assign(static_cast<std::size_t>(g.rankCount) + 1, 0);
    for (int v = 0; v < n; ++v) ++o.layerStart[g.rank[v] + 1];
    for (int r = 0; r < g.rankCount; ++r) o.layerStart[r + 1] += o.layerStart[r];
    o.order.resize(n);
    o.pos.resize(n);
    std::vector<int> fill(o.layerStart.begin(), o.layerStart.end() - 1);
    for (int v = 0; v < n; ++v) {
        const int r = g.rank[v];
        o.pos[v] = fill[r] - o.layerStart[r];
        o.order[fill[r]++] = v;
    }
    return o;
}

Ordering searchOrdering(const LayeredGraph& g, Search search) {
    // Roots: real nodes by rank (from the sinks' side: last rank first), then id. Each search
    // appends the nodes it reaches to their ranks, so what is connected starts out together.
    Ordering o = idOrdering(g);
    const int n = g.nodeCount();
    std::vector<int> roots;
    roots.reserve(g.realCount);
    for (int r = 0; r < g.rankCount; ++r) {
        const int rank = search.fromSinks ? g.rankCount - 1 - r : r;
        for (int i = o.layerStart[rank]; i < o.layerStart[rank + 1]; ++i)
            if (!g.isDummy(o.order[i])) roots.push_back(o.order[i]);
    }
    const std::vector<int>& start = search.fromSinks ? g.upStart : g.downStart;
    const std::vector<int>& list = search.fromSinks ? g.up : g.down;
    auto far = [&](int k) { return search.fromSinks ? g.segments[list[k]].upper : g.segments[list[k]].lower; };

    std::vector<int> fill(o.layerStart.begin(), o.layerStart.end() - 1);
    std::vector<char> seen(n, 0);
    std::vector<int> next(start.begin(), start.end() - 1);
    std::vector<int> pending;  // a stack (depth first) or a queue read from `head` (breadth first)
    std::size_t head = 0;
    auto visit = [&](int v) {
        seen[v] = 1;
        const int r = g.rank[v];
        o.pos[v] = fill[r] - o.layerStart[r];
        o.order[fill[r]++] = v;
        pending.push_back(v);
    };
    for (int root : roots) {
        if (seen[root]) continue;
        visit(root);
        if (search.breadthFirst) {
            for (; head < pending.size(); ++head) {
                const int u = pending[head];
                for (int k = start[u]; k < start[u + 1]; ++k)
                    if (!seen[far(k)]) visit(far(k));
            }
            continue;
        }
        while (!pending.empty()) {
            const int u = pending.back();
            if (next[u] == start[u + 1]) {
                pending.pop_back();
                continue;
            }
            const int w = far(next[u]++);
            if (!seen[w]) visit(w);
        }
    }
    return o;
}

}  // namespace bp::layout
