// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internals of the layered layout (not for use outside core/layout): the ranking, the proper
// layered graph it induces (every segment joins adjacent ranks) and an ordering of its ranks.
#include <cstdint>
#include <functional>
#include <vector>

#include "core/layout/layered_layout.h"

namespace bp::layout {

// ranking.cpp ------------------------------------------------------------------------------------

struct Ranking {
    std::vector<int> rank;        // per node, 0 .. rankCount-1, no rank left empty
    std::vector<char> reversed;   // per input edge: it closed a cycle and is laid out to -> from
    std::vector<char> ignored;    // per input edge: a self loop or a node id out of range
    int rankCount = 0;
};

Ranking rankNodes(int nodeCount, const std::vector<LayoutEdge>& edges);

// network_simplex.cpp: improves a feasible ranking (every edge tail -> head spans >= 1 rank) to
// one of least total weighted edge length, within about `workBudget` steps.
void networkSimplex(const std::vector<int>& tail, const std::vector<int>& head, const std::vector<int>& weight,
                    std::vector<int>& rank, std::int64_t workBudget);

// layered_graph.cpp ------------------------------------------------------------------------------

// A piece of an edge between adjacent ranks: `upper` in rank r, `lower` in rank r + 1. Parallel
// input edges share one chain of segments; `weight` counts them.
struct Segment {
    int upper = 0, lower = 0;
    int weight = 1;
};

struct LayeredGraph {
    int realCount = 0;             // nodes 0 .. realCount-1 are the caller's, the rest dummies
    int rankCount = 0;
    std::vector<int> rank;         // per node (real and dummy)
    std::vector<double> height;    // per node; dummies 0
    std::vector<Segment> segments;
    std::vector<int> upStart, up;      // CSR: segments whose lower end is the node
    std::vector<int> downStart, down;  // CSR: segments whose upper end is the node
    std::vector<int> chainStart, chain;  // per merged edge, its nodes from tail to head
    std::vector<int> edgeChain;          // per input edge, its merged edge or -1 (ignored)
    // Edges of one tail that share a trunk of dummies (see buildLayeredGraph): per merged edge
    // the trunk it runs along, or -1. Such a chain holds only its tail, the last trunk dummy it
    // passes (when it passes one) and its head; the trunk's dummies, one per rank from the rank
    // after the tail, are trunkNodes[trunkStart[t] ..).
    std::vector<int> chainTrunk;
    std::vector<int> trunkStart{0}, trunkNodes;

    int nodeCount() const { return static_cast<int>(rank.size()); }
    bool isDummy(int v) const { return v >= realCount; }
};

LayeredGraph buildLayeredGraph(const std::vector<LayoutSize>& sizes, const std::vector<LayoutEdge>& edges,
                               const Ranking& ranking);

// The nodes of each rank in order: rank r is order[layerStart[r] .. layerStart[r+1]).
struct Ordering {
    std::vector<int> layerStart;
    std::vector<int> order;
    std::vector<int> pos;  // per node, its index within its rank
};

Ordering idOrdering(const LayeredGraph& graph);  // by id within each rank (the baseline)

// Orders each rank as a graph search reaches it: a good start for crossing reduction.
struct Search {
    bool fromSinks = false;     // walk segments backwards, starting from the last rank
    bool breadthFirst = false;  // otherwise depth first
};
Ordering searchOrdering(const LayeredGraph& graph, Search search);

// crossing_reduction.cpp -------------------------------------------------------------------------

// Weighted crossings of all segments: the accumulator tree of Barth, Jünger and Mutzel,
// O(E log V) per pair of adjacent ranks.
std::int64_t countCrossings(const LayeredGraph& graph, const Ordering& ordering);

// An ordering with few crossings: a few iterations from each of several starts (the by-id
// order among them, so never worse than the baseline), then up to `sweeps` more from the best.
// `stopped` is asked after each start; when it says true, the best ordering so far is returned.
Ordering reduceCrossings(const LayeredGraph& graph, int sweeps, const std::function<bool(int start)>& stopped = {});

// coordinates.cpp --------------------------------------------------------------------------------

// The coordinate of every node across its rank (y), Brandes-Köpf. Nodes of a rank keep their
// order and are at least (h_a + h_b) / 2 + gap apart (half the gap when one is a dummy).
std::vector<double> assignCrossCoordinates(const LayeredGraph& graph, const Ordering& ordering,
                                           double nodeGap);

}  // namespace bp::layout
