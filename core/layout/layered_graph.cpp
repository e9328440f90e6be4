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
    std::vector<int> multiplicity;  // per merged edge, the input edges it stands for
    std::vector<std::pair<int, int>> merged;  // per merged edge, (tail, head)
    for (std::size_t i = 0; i < byEnds.size(); ++i) {
        const int e = byEnds[i];
        if (i > 0 && ends[e] == ends[byEnds[i - 1]]) {
            g.edgeChain[e] = static_cast<int>(multiplicity.size()) - 1;
            ++multiplicity.back();
            continue;
        }
        g.edgeChain[e] = static_cast<int>(multiplicity.size());
        multiplicity.push_back(1);
        merged.push_back(ends[e]);
    }

    // Each long edge gets a dummy node per rank it crosses. A node feeding many nodes far below it
    // (the constant k of `v = v + k * tanh(v)` repeated 10,000 times, a bias shared by every
    // layer) would need the sum of all those spans, quadratic in the length of the graph: past
    // kPrivateDummies its long edges (two or more) share one trunk of dummies instead, one per
    // rank, and leave it in the rank before their heads (drawn as a bus that branches off).
    constexpr long kPrivateDummies = 256;
    g.chainStart.push_back(0);
    auto newDummy = [&](int r) {
        g.rank.push_back(r);
        g.height.push_back(0.0);
        return static_cast<int>(g.rank.size()) - 1;
    };
    for (std::size_t first = 0; first < merged.size();) {
        const int tail = merged[first].first;
        std::size_t last = first;
        long spans = 0;
        int longest = 0, longEdges = 0;
        for (; last < merged.size() && merged[last].first == tail; ++last) {
            const int span = std::max(0, g.rank[merged[last].second] - g.rank[tail] - 1);
            spans += span;
            longest = std::max(longest, span);
            longEdges += span > 0;
        }
        if (spans <= kPrivateDummies || longEdges < 2) {  // one long edge has nothing to share
            for (std::size_t m = first; m < last; ++m) {
                const auto [from, head] = merged[m];
                g.chain.push_back(from);
                int upper = from;
                for (int r = g.rank[from] + 1; r < g.rank[head]; ++r) {
                    const int dummy = newDummy(r);
                    g.segments.push_back({upper, dummy, multiplicity[m]});
                    g.chain.push_back(dummy);
                    upper = dummy;
                }
                g.segments.push_back({upper, head, multiplicity[m]});
                g.chain.push_back(head);
                g.chainStart.push_back(static_cast<int>(g.chain.size()));
                g.chainTrunk.push_back(-1);
            }
            first = last;
            continue;
        }
        // The trunk: a dummy in each of the `longest` ranks after the tail. Segment k of it (into
        // dummy k) carries every edge that leaves the trunk at dummy k or later.
        const int trunkId = static_cast<int>(g.trunkStart.size()) - 1;
        const std::size_t trunkBegin = g.trunkNodes.size();
        std::vector<int> bySpan(static_cast<std::size_t>(longest) + 1, 0);  // edge weight by dummies crossed
        for (std::size_t m = first; m < last; ++m)
            bySpan[std::max(0, g.rank[merged[m].second] - g.rank[tail] - 1)] += multiplicity[m];
        std::vector<int> carried(static_cast<std::size_t>(longest) + 1, 0);  // by the segment into dummy k
        for (int k = longest - 1; k >= 0; --k) carried[k] = carried[k + 1] + bySpan[k + 1];
        int upper = tail;
        for (int k = 0; k < longest; ++k) {
            const int dummy = newDummy(g.rank[tail] + 1 + k);
            g.trunkNodes.push_back(dummy);
            g.segments.push_back({upper, dummy, carried[k]});
            upper = dummy;
        }
        g.trunkStart.push_back(static_cast<int>(g.trunkNodes.size()));
        for (std::size_t m = first; m < last; ++m) {
            const int head = merged[m].second;
            const int span = g.rank[head] - g.rank[tail] - 1;
            const int from = span > 0 ? g.trunkNodes[trunkBegin + static_cast<std::size_t>(span) - 1] : tail;
            g.chain.push_back(tail);
            if (span > 0) g.chain.push_back(from);
            g.chain.push_back(head);
            g.chainStart.push_back(static_cast<int>(g.chain.size()));
            g.chainTrunk.push_back(trunkId);
            g.segments.push_back({from, head, multiplicity[m]});
        }
        first = last;
    }

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
