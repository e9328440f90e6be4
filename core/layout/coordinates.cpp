// SPDX-License-Identifier: GPL-3.0-or-later
// Coordinates across ranks: Brandes and Köpf, "Fast and simple horizontal coordinate assignment"
// (2001). Each of four passes (aligning with the rank before or after, leaning to one side or the
// other) joins every node to a median neighbour where that crosses no earlier alignment, giving
// vertical blocks that are drawn straight; blocks are then packed as tightly as the separations
// allow. The result per node is the average of the two middle values of the four passes.
// Two changes to the paper: side branches are kept out of the alignment (see markSideBranches),
// and compaction is a longest path over the block graph (as dagre does) instead of the paper's
// class shifts, which needed corrections (Brandes, Walter and Zink's erratum, 2020).
#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <utility>

#include "core/layout/layered_graph.h"

namespace bp::layout {
namespace {

struct Pass {
    bool fromBelow = false;  // align with the rank after instead of the rank before
    bool fromRight = false;  // scan each rank right to left
};

// What each segment may do in the vertical alignment.
enum Alignable : char {
    Free = 0,
    Conflict = 1,  // may not be aligned along, still counts when taking medians
    Aside = 2,     // a side branch: left out of the medians altogether
};

// A segment is a side branch unless it continues the longest path of real nodes through both its
// ends: of the upper end's lower neighbours the one that leads on furthest, of the lower end's
// upper neighbours the one reached by the longest path. So in ((a + b) + c) + d the additions form
// a straight chain with a, b, c, d beside it (Brandes-Köpf alone would draw a staircase), and a
// skip connection bends around the chain it skips instead of pulling it crooked. Ties stay
// free, leaving the choice to the medians.
void markSideBranches(const LayeredGraph& g, const Ordering& o, std::vector<char>& marks) {
    const int n = g.nodeCount();
    auto real = [&](int v) { return g.isDummy(v) ? 0 : 1; };
    std::vector<int> depth(n, 0), height(n, 0);  // real nodes on the longest path before / after
    for (int i = 0; i < n; ++i) {
        const int v = o.order[i];  // ranks in increasing order
        for (int k = g.upStart[v]; k < g.upStart[v + 1]; ++k) {
            const int u = g.segments[g.up[k]].upper;
            depth[v] = std::max(depth[v], depth[u] + real(u));
        }
    }
    for (int i = n - 1; i >= 0; --i) {
        const int v = o.order[i];
        for (int k = g.downStart[v]; k < g.downStart[v + 1]; ++k) {
            const int w = g.segments[g.down[k]].lower;
            height[v] = std::max(height[v], height[w] + real(w));
        }
    }
    for (std::size_t i = 0; i < g.segments.size(); ++i) {
        const int u = g.segments[i].upper, v = g.segments[i].lower;
        // depth[v] is the best over v's upper neighbours, height[u] over u's lower neighbours.
        if (depth[u] + real(u) < depth[v] || height[v] + real(v) < height[u]) marks[i] = Aside;
    }
}

// Segments with a real end that cross a segment between two dummies (type 1 conflicts), so long
// edges win and stay straight in the middle.
void markConflicts(const LayeredGraph& g, const Ordering& o, std::vector<char>& marks) {
    auto innerUpper = [&](int v) {  // the upper end of v's inner segment, or -1
        if (!g.isDummy(v) || g.upStart[v + 1] - g.upStart[v] != 1) return -1;
        const int u = g.segments[g.up[g.upStart[v]]].upper;
        return g.isDummy(u) ? u : -1;
    };
    for (int r = 0; r + 1 < g.rankCount; ++r) {
        const int upperSize = o.layerStart[r + 1] - o.layerStart[r];
        const int lowerBegin = o.layerStart[r + 1], lowerSize = o.layerStart[r + 2] - lowerBegin;
        int k0 = 0, scan = 0;
        for (int l1 = 0; l1 < lowerSize; ++l1) {
            const int v = o.order[lowerBegin + l1];
            const int inner = innerUpper(v);
            if (inner < 0 && l1 != lowerSize - 1) continue;
            const int k1 = inner >= 0 ? o.pos[inner] : upperSize - 1;
            for (; scan <= l1; ++scan) {
                const int w = o.order[lowerBegin + scan];
                for (int k = g.upStart[w]; k < g.upStart[w + 1]; ++k) {
                    const int s = g.up[k];
                    const int u = g.segments[s].upper;
                    if ((o.pos[u] < k0 || o.pos[u] > k1) && !(g.isDummy(u) && g.isDummy(w)) && marks[s] == Free)
                        marks[s] = Conflict;
                }
            }
            k0 = k1;
        }
    }
}

double separation(const LayeredGraph& g, int a, int b, double gap) {
    const bool bothReal = !g.isDummy(a) && !g.isDummy(b);
    return (g.height[a] + g.height[b]) / 2 + (bothReal ? gap : gap / 2);
}

// One of the four passes. The ordering is read through the pass's mirror: ranks visited in
// reverse when aligning from below, positions mirrored when scanning from the right; coordinates
// come back in the unmirrored frame.
std::vector<double> alignAndCompact(const LayeredGraph& g, const Ordering& o, const std::vector<char>& marks,
                                    Pass pass, double gap) {
    const int n = g.nodeCount();
    auto rankAt = [&](int k) { return pass.fromBelow ? g.rankCount - 1 - k : k; };
    auto layerSize = [&](int r) { return o.layerStart[r + 1] - o.layerStart[r]; };
    auto nodeAt = [&](int r, int i) {  // i-th node of rank r in the pass's scan order
        return o.order[o.layerStart[r] + (pass.fromRight ? layerSize(r) - 1 - i : i)];
    };
    auto scanPos = [&](int v) { return pass.fromRight ? layerSize(g.rank[v]) - 1 - o.pos[v] : o.pos[v]; };

    // Vertical alignment: root[v] is the top of v's block, align[] links the block as a cycle.
    std::vector<int> root(n), align(n);
    for (int v = 0; v < n; ++v) root[v] = align[v] = v;
    std::vector<std::pair<int, int>> ns;  // (scan position, segment) of neighbours in the prior rank
    for (int k = 1; k < g.rankCount; ++k) {
        const int r = rankAt(k);
        int lastAligned = -1;
        for (int i = 0; i < layerSize(r); ++i) {
            const int v = nodeAt(r, i);
            ns.clear();
            const std::vector<int>& start = pass.fromBelow ? g.downStart : g.upStart;
            const std::vector<int>& list = pass.fromBelow ? g.down : g.up;
            for (int j = start[v]; j < start[v + 1]; ++j) {
                if (marks[list[j]] == Aside) continue;
                const Segment& s = g.segments[list[j]];
                ns.emplace_back(scanPos(pass.fromBelow ? s.lower : s.upper), list[j]);
            }
            if (ns.empty()) continue;
            std::sort(ns.begin(), ns.end());
            const std::size_t d = ns.size();
            for (std::size_t m : {(d - 1) / 2, d / 2}) {
                if (align[v] != v) break;
                const auto [p, s] = ns[m];
                if (marks[s] != Free || p <= lastAligned) continue;
                const int u = pass.fromBelow ? g.segments[s].lower : g.segments[s].upper;
                align[u] = v;
                root[v] = root[u];
                align[v] = root[v];
                lastAligned = p;
            }
        }
    }

    // Block graph: an edge from the block of each node to the block of the next node in scan
    // order, weighted by the separation they need. Alignment never crosses, so it is acyclic.
    std::vector<int> edgeStart(static_cast<std::size_t>(n) + 1, 0), edgeTo, indegree(n, 0);
    std::vector<double> edgeWeight;
    std::vector<std::pair<int, int>> pairs;  // (from node, to node), adjacent in scan order
    for (int r = 0; r < g.rankCount; ++r)
        for (int i = 0; i + 1 < layerSize(r); ++i) pairs.emplace_back(nodeAt(r, i), nodeAt(r, i + 1));
    for (const auto& [a, b] : pairs) ++edgeStart[root[a] + 1];
    for (int v = 0; v < n; ++v) edgeStart[v + 1] += edgeStart[v];
    edgeTo.resize(pairs.size());
    edgeWeight.resize(pairs.size());
    std::vector<int> fill(edgeStart.begin(), edgeStart.end() - 1);
    for (const auto& [a, b] : pairs) {
        const int slot = fill[root[a]]++;
        edgeTo[slot] = root[b];
        edgeWeight[slot] = separation(g, a, b, gap);
        ++indegree[root[b]];
    }

    // Pack: longest path from the left, then every block slides right as far as its right
    // neighbours allow, closing gaps left by blocks that have nothing on their left.
    std::vector<int> topo;
    for (int v = 0; v < n; ++v)
        if (root[v] == v && indegree[v] == 0) topo.push_back(v);
    std::vector<double> xs(n, 0.0);
    for (std::size_t i = 0; i < topo.size(); ++i) {
        const int b = topo[i];
        for (int j = edgeStart[b]; j < edgeStart[b + 1]; ++j) {
            xs[edgeTo[j]] = std::max(xs[edgeTo[j]], xs[b] + edgeWeight[j]);
            if (--indegree[edgeTo[j]] == 0) topo.push_back(edgeTo[j]);
        }
    }
    int blocks = 0;
    for (int v = 0; v < n; ++v) blocks += root[v] == v;
    if (static_cast<int>(topo.size()) != blocks) return {};  // cannot happen; caller falls back
    for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
        const int b = *it;
        double limit = std::numeric_limits<double>::infinity();
        for (int j = edgeStart[b]; j < edgeStart[b + 1]; ++j) limit = std::min(limit, xs[edgeTo[j]] - edgeWeight[j]);
        if (limit != std::numeric_limits<double>::infinity()) xs[b] = std::max(xs[b], limit);
    }

    std::vector<double> y(n);
    for (int v = 0; v < n; ++v) y[v] = pass.fromRight ? -xs[root[v]] : xs[root[v]];
    return y;
}

// Each rank stacked from 0: used only if a pass fails, which it should not.
std::vector<double> stacked(const LayeredGraph& g, const Ordering& o, double gap) {
    std::vector<double> y(g.nodeCount(), 0.0);
    for (int r = 0; r < g.rankCount; ++r)
        for (int i = o.layerStart[r] + 1; i < o.layerStart[r + 1]; ++i)
            y[o.order[i]] = y[o.order[i - 1]] + separation(g, o.order[i - 1], o.order[i], gap);
    return y;
}

}  // namespace

std::vector<double> assignCrossCoordinates(const LayeredGraph& g, const Ordering& o, double nodeGap) {
    const int n = g.nodeCount();
    if (n == 0) return {};
    std::vector<char> marks(g.segments.size(), Free);
    markSideBranches(g, o, marks);
    markConflicts(g, o, marks);
    const std::array<Pass, 4> passes{{{false, false}, {false, true}, {true, false}, {true, true}}};
    std::array<std::vector<double>, 4> ys;
    std::array<double, 4> low{}, high{};
    int narrowest = 0;
    for (int p = 0; p < 4; ++p) {
        ys[p] = alignAndCompact(g, o, marks, passes[p], nodeGap);
        if (ys[p].empty()) return stacked(g, o, nodeGap);
        low[p] = std::numeric_limits<double>::infinity();
        high[p] = -low[p];
        for (int v = 0; v < n; ++v) {
            low[p] = std::min(low[p], ys[p][v] - g.height[v] / 2);
            high[p] = std::max(high[p], ys[p][v] + g.height[v] / 2);
        }
        if (high[p] - low[p] < high[narrowest] - low[narrowest]) narrowest = p;
    }
    // Line the passes up with the narrowest one (left-leaning ones by their top, right-leaning by
    // their bottom), then take the mean of the two middle values. Order statistics of layouts
    // that each keep the separations keep them too, so nothing overlaps.
    for (int p = 0; p < 4; ++p) {
        const double shift = passes[p].fromRight ? high[narrowest] - high[p] : low[narrowest] - low[p];
        for (double& y : ys[p]) y += shift;
    }
    std::vector<double> y(n);
    for (int v = 0; v < n; ++v) {
        std::array<double, 4> values{ys[0][v], ys[1][v], ys[2][v], ys[3][v]};
        std::sort(values.begin(), values.end());
        y[v] = (values[1] + values[2]) / 2;
    }
    return y;
}

}  // namespace bp::layout
