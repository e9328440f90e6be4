// SPDX-License-Identifier: GPL-3.0-or-later
// Crossing reduction: layer-by-layer sweeps that sort each rank by the median or barycentre of
// its neighbours in the rank just fixed, then adjacent transposition (Gansner et al., "A technique
// for drawing directed graphs", 1993). Crossings are counted with the accumulator tree of Barth,
// Jünger and Mutzel ("Simple and efficient bilayer cross counting", 2004).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <utility>

#include "core/layout/layered_graph.h"

namespace bp::layout {
namespace {

struct Weighted {
    int pos = 0;     // position of the neighbour within its rank
    int weight = 1;  // parallel input edges the segment stands for
    bool operator<(const Weighted& other) const { return pos < other.pos; }
};

// The far end and weight of every segment, in the graph's CSR order (up: the upper ends of the
// segments below a node; down: the lower ends of those above), so that reading a node's
// neighbours touches one contiguous run and the positions, not the segments as well.
struct End {
    int node = 0;
    int weight = 1;
};
struct Adjacency {
    const LayeredGraph& g;
    std::vector<End> up, down;
};

Adjacency adjacencyOf(const LayeredGraph& g) {
    Adjacency a{g, {}, {}};
    a.up.reserve(g.up.size());
    for (int k : g.up) a.up.push_back({g.segments[k].upper, g.segments[k].weight});
    a.down.reserve(g.down.size());
    for (int k : g.down) a.down.push_back({g.segments[k].lower, g.segments[k].weight});
    return a;
}

// The neighbours of v in the rank above (up) or below, by position.
void neighbours(const Adjacency& a, const Ordering& o, int v, bool up, std::vector<Weighted>& out) {
    out.clear();
    const std::vector<int>& start = up ? a.g.upStart : a.g.downStart;
    const End* ends = up ? a.up.data() : a.down.data();
    for (int k = start[v]; k < start[v + 1]; ++k) out.push_back({o.pos[ends[k].node], ends[k].weight});
    if (out.size() > 1) std::sort(out.begin(), out.end());
}

// Crossings between rank r and rank r + 1. Segments are inserted by upper position (then lower);
// each one crosses every segment already inserted whose lower end lies strictly further right,
// which the tree of partial weight sums over lower positions answers in O(log V).
std::int64_t crossingsBelow(const Adjacency& a, const Ordering& o, int r, std::vector<std::int64_t>& tree,
                            std::vector<Weighted>& ends) {
    const int lowerSize = o.layerStart[r + 2] - o.layerStart[r + 1];
    int leaves = 1;
    while (leaves < lowerSize) leaves *= 2;
    tree.assign(static_cast<std::size_t>(2 * leaves - 1), 0);
    const int firstLeaf = leaves - 1;
    std::int64_t crossings = 0;
    for (int i = o.layerStart[r]; i < o.layerStart[r + 1]; ++i) {
        neighbours(a, o, o.order[i], false, ends);
        for (const Weighted& end : ends) {
            int index = end.pos + firstLeaf;
            tree[index] += end.weight;
            while (index > 0) {
                if (index % 2 == 1) crossings += tree[index + 1] * end.weight;  // right sibling
                index = (index - 1) / 2;
                tree[index] += end.weight;
            }
        }
    }
    return crossings;
}

// Gansner's weighted median: the middle position, or between the two middle ones weighted toward
// the side where neighbours are packed more tightly. Parallel edges count as many times: the
// positions are read at cumulative weights (ns is sorted by position), so a bundle of N/3 edges
// costs one entry, not N/3.
double medianKey(const std::vector<Weighted>& ns, std::vector<std::int64_t>& cumulative) {
    cumulative.clear();
    std::int64_t total = 0;
    for (const Weighted& n : ns) cumulative.push_back(total += n.weight);
    // The position of the k-th parallel edge (0-based) in the expanded list.
    auto at = [&](std::int64_t k) {
        return ns[std::size_t(std::upper_bound(cumulative.begin(), cumulative.end(), k) - cumulative.begin())].pos;
    };
    const std::int64_t m = total, mid = m / 2;
    if (m % 2 == 1) return at(mid);
    if (m == 2) return (at(0) + at(1)) / 2.0;
    const double lower = at(mid - 1), upper = at(mid);
    const double left = lower - ns.front().pos;
    const double right = ns.back().pos - upper;
    if (left + right == 0) return (lower + upper) / 2.0;
    return (lower * right + upper * left) / (left + right);
}

double barycentreKey(const std::vector<Weighted>& ns) {
    double sum = 0, weight = 0;
    for (const Weighted& n : ns) {
        sum += static_cast<double>(n.pos) * n.weight;
        weight += n.weight;
    }
    return sum / weight;
}

struct SweepScratch {
    std::vector<Weighted> ns;
    std::vector<std::int64_t> cumulative;
    std::vector<std::tuple<double, int, int>> movable;  // key, current position, node
    std::vector<char> fixed;
};

// Reorders rank r by its neighbours in the rank above (fromAbove) or below. A node with no
// neighbour there keeps its place. Equal keys keep their order, or with `ties` reverse it.
void sortLayer(const Adjacency& a, Ordering& o, int r, bool fromAbove, bool median, bool ties, SweepScratch& s) {
    const int begin = o.layerStart[r], size = o.layerStart[r + 1] - begin;
    if (size < 2) return;
    s.movable.clear();
    s.fixed.assign(static_cast<std::size_t>(size), 0);
    for (int i = 0; i < size; ++i) {
        const int v = o.order[begin + i];
        neighbours(a, o, v, fromAbove, s.ns);
        if (s.ns.empty()) {
            s.fixed[i] = 1;
            continue;
        }
        const double key = median ? medianKey(s.ns, s.cumulative) : barycentreKey(s.ns);
        s.movable.emplace_back(key, ties ? -i : i, v);  // ties: equal keys swap their order
    }
    std::sort(s.movable.begin(), s.movable.end());
    std::size_t next = 0;
    for (int i = 0; i < size; ++i) {
        if (s.fixed[i]) continue;
        const int v = std::get<2>(s.movable[next++]);
        o.order[begin + i] = v;
        o.pos[v] = i;
    }
}

// Weighted crossings between the segments of a (left) and b (right) on one side:
// pairs whose far ends are in the opposite order.
std::int64_t pairCrossings(const Weighted* a, const Weighted* aEnd, const Weighted* b, const Weighted* bEnd) {
    std::int64_t totalA = 0;
    for (const Weighted* p = a; p != aEnd; ++p) totalA += p->weight;
    std::int64_t passed = 0, crossings = 0;
    for (; b != bEnd; ++b) {
        while (a != aEnd && a->pos <= b->pos) passed += (a++)->weight;
        crossings += (totalA - passed) * b->weight;
    }
    return crossings;
}

struct TransposeScratch {
    std::vector<int> localOf;       // node -> index into start (its place when lists were built)
    std::vector<int> start;         // per local node: up list, down list (3 boundaries per node)
    std::vector<Weighted> items;
    std::vector<Weighted> ns;
    std::vector<char> dirty;        // per rank: to be transposed (again)
};

// Swaps adjacent nodes of rank r while that removes crossings with both neighbouring ranks. With
// `ties`, pairs that cross as much either way are swapped too (that moves a plateau along and
// lets the next sweep see a different order), but only strict gains count as progress.
struct TransposeOutcome {
    bool improved = false;  // crossings went down
    bool changed = false;   // the order changed (ties included)
};

TransposeOutcome transposeLayer(const Adjacency& a, Ordering& o, int r, bool ties, int maxPasses,
                                TransposeScratch& t) {
    const int begin = o.layerStart[r], size = o.layerStart[r + 1] - begin;
    if (size < 2) return {};
    t.start.assign(static_cast<std::size_t>(2 * size + 1), 0);
    t.items.clear();
    for (int i = 0; i < size; ++i) {
        const int v = o.order[begin + i];
        t.localOf[v] = i;
        for (bool up : {true, false}) {
            neighbours(a, o, v, up, t.ns);
            t.items.insert(t.items.end(), t.ns.begin(), t.ns.end());
            t.start[2 * i + (up ? 1 : 2)] = static_cast<int>(t.items.size());
        }
    }
    const Weighted* items = t.items.data();
    auto crossings = [&](int left, int right) {
        const int a = t.localOf[left], b = t.localOf[right];
        return pairCrossings(items + t.start[2 * a], items + t.start[2 * a + 1], items + t.start[2 * b],
                             items + t.start[2 * b + 1]) +
               pairCrossings(items + t.start[2 * a + 1], items + t.start[2 * a + 2], items + t.start[2 * b + 1],
                             items + t.start[2 * b + 2]);
    };
    TransposeOutcome outcome;
    for (int pass = 0; pass < maxPasses; ++pass) {
        bool swapped = false;
        for (int i = 0; i + 1 < size; ++i) {
            const int u = o.order[begin + i], v = o.order[begin + i + 1];
            const std::int64_t before = crossings(u, v), after = crossings(v, u);
            if (after < before || (ties && after == before && before > 0)) {
                o.order[begin + i] = v;
                o.order[begin + i + 1] = u;
                o.pos[v] = i;
                o.pos[u] = i + 1;
                outcome.changed = true;
                if (after < before) swapped = outcome.improved = true;
            }
        }
        if (!swapped) break;
    }
    return outcome;
}

// Transposes rank after rank; a rank is visited again in a later round only if it or a
// neighbouring rank changed since its last visit.
// The passes over one rank (usually 1-3 suffice) and the rounds over all ranks are bounded, the
// more tightly on a large graph (see Effort).
void transpose(const Adjacency& a, Ordering& o, bool ties, int maxRounds, int maxPasses, TransposeScratch& t) {
    const LayeredGraph& g = a.g;
    t.dirty.assign(static_cast<std::size_t>(g.rankCount), 1);
    for (int round = 0; round < maxRounds; ++round) {
        bool improved = false;
        for (int r = 0; r < g.rankCount; ++r) {
            if (!t.dirty[r]) continue;
            t.dirty[r] = 0;
            const TransposeOutcome outcome = transposeLayer(a, o, r, ties, maxPasses, t);
            if (!outcome.changed) continue;
            improved = improved || outcome.improved;
            for (int d : {r - 1, r, r + 1})
                if (d >= 0 && d < g.rankCount) t.dirty[d] = 1;
        }
        if (!improved) break;
    }
}


// How much work the minimizer may do. A graph of a few thousand nodes gets the full treatment;
// one whose ranks hold hundreds of thousands of nodes and dummies (a scalar net of 100,000 nodes
// has a million) gets one start, a few sweeps and short transpositions, so the work stays a
// small multiple of its size: each iteration is about linear in the segments.
struct Effort {
    int starts = 5;
    int probe = 4;
    int sweeps = 8;
    int transposeRounds = 4;
    int transposePasses = 16;
};

constexpr std::size_t kLargeLayeredGraph = 200'000;  // nodes and segments

Effort effortFor(const LayeredGraph& g, int sweeps) {
    Effort e;
    e.sweeps = sweeps;
    e.probe = std::min(sweeps, 4);
    if (std::size_t(g.nodeCount()) + g.segments.size() > kLargeLayeredGraph) {
        e.starts = 1;
        e.probe = std::min(sweeps, 2);
        e.sweeps = std::min(sweeps, 4);
        e.transposeRounds = 1;
        e.transposePasses = 2;
    }
    if (std::size_t(g.nodeCount()) + g.segments.size() > 5 * kLargeLayeredGraph) {
        // Past a million, each iteration costs about a second (its reads of positions miss the
        // cache): one from the start and two from the best.
        e.probe = std::min(sweeps, 1);
        e.sweeps = std::min(sweeps, 2);
    }
    return e;
}

std::int64_t crossingsOf(const Adjacency& a, const Ordering& o) {
    std::vector<std::int64_t> tree;
    std::vector<Weighted> ends;
    std::int64_t total = 0;
    for (int r = 0; r + 1 < a.g.rankCount; ++r) total += crossingsBelow(a, o, r, tree, ends);
    return total;
}

// Runs sweeps from several starts and keeps the best ordering seen.
struct Minimizer {
    const LayeredGraph& g;
    Adjacency adjacency;
    Effort effort;
    SweepScratch sweepScratch;
    TransposeScratch transposeScratch;
    Ordering best;
    std::int64_t bestCrossings = 0;

    // Up to `iterations` iterations from `o`, each one sweep (down and up alternately) and a
    // transposition. Stops after four iterations without a gain of at least 0.5% (Gansner's
    // convergence test). `known` is o's count of crossings when the caller has it (-1: count).
    void improve(Ordering o, int iterations, std::int64_t known = -1) {
        std::int64_t current = known >= 0 ? known : crossingsOf(adjacency, o);
        if (best.order.empty() || current < bestCrossings) {
            best = o;
            bestCrossings = current;
        }
        int sinceGain = 0;
        for (int it = 0; it < iterations && sinceGain < 4 && bestCrossings > 0; ++it) {
            // Median keys for two iterations, then barycentres for two; equal keys reversed in
            // the first two of every four iterations, equal pairs swapped by transposition in
            // the other two (Gansner's way of moving along a plateau).
            const bool down = it % 2 == 0, median = (it / 2) % 2 == 0;
            const bool sortTies = it % 4 < 2, swapTies = !sortTies;
            if (down)
                for (int r = 1; r < g.rankCount; ++r) sortLayer(adjacency, o, r, true, median, sortTies, sweepScratch);
            else
                for (int r = g.rankCount - 2; r >= 0; --r) sortLayer(adjacency, o, r, false, median, sortTies, sweepScratch);
            transpose(adjacency, o, swapTies, effort.transposeRounds, effort.transposePasses, transposeScratch);
            current = crossingsOf(adjacency, o);
            if (current < bestCrossings) {
                sinceGain = current * 1000 < bestCrossings * 995 ? 0 : sinceGain + 1;
                best = o;
                bestCrossings = current;
            } else {
                ++sinceGain;
            }
        }
    }
};

}  // namespace

std::int64_t countCrossings(const LayeredGraph& g, const Ordering& o) { return crossingsOf(adjacencyOf(g), o); }

Ordering reduceCrossings(const LayeredGraph& g, int sweeps, const std::function<bool(int start)>& stopped) {
    Minimizer minimizer{g, adjacencyOf(g), effortFor(g, sweeps), {}, {}, {}, 0};
    minimizer.transposeScratch.localOf.assign(static_cast<std::size_t>(g.nodeCount()), 0);
    // A few iterations from each start (the by-id order first, so ties keep the baseline), then
    // the full number from the best ordering found.
    const int probe = minimizer.effort.probe;
    int start = 0;
    auto stop = [&] { return stopped && stopped(start++); };
    minimizer.improve(idOrdering(g), probe);
    if (stop()) return std::move(minimizer.best);
    int starts = 1;
    for (bool fromSinks : {false, true})
        for (bool breadthFirst : {false, true}) {
            if (starts++ >= minimizer.effort.starts) break;
            minimizer.improve(searchOrdering(g, {fromSinks, breadthFirst}), probe);
            if (stop()) return std::move(minimizer.best);
        }
    minimizer.improve(minimizer.best, minimizer.effort.sweeps, minimizer.bestCrossings);
    return std::move(minimizer.best);
}

}  // namespace bp::layout
