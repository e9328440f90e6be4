// SPDX-License-Identifier: GPL-3.0-or-later
// Ranks: break cycles, longest path from the sources, network simplex for the least total edge
// length, each connected part from rank 0, no empty ranks. All loops, no recursion.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>

#include "core/layout/layered_graph.h"

namespace bp::layout {
namespace {

// Compressed adjacency: the edges leaving each node, in input order (so traversals are
// deterministic).
struct Adjacency {
    std::vector<int> start, edge;
};

Adjacency outgoing(int nodeCount, const std::vector<LayoutEdge>& edges, const std::vector<char>& ignored,
                   const std::vector<char>& reversed) {
    Adjacency adj;
    adj.start.assign(static_cast<std::size_t>(nodeCount) + 1, 0);
    for (std::size_t e = 0; e < edges.size(); ++e) {
        if (ignored[e]) continue;
        ++adj.start[(reversed[e] ? edges[e].to : edges[e].from) + 1];
    }
    for (int v = 0; v < nodeCount; ++v) adj.start[v + 1] += adj.start[v];
    adj.edge.resize(adj.start[nodeCount]);
    std::vector<int> fill(adj.start.begin(), adj.start.end() - 1);
    for (std::size_t e = 0; e < edges.size(); ++e) {
        if (ignored[e]) continue;
        adj.edge[fill[reversed[e] ? edges[e].to : edges[e].from]++] = static_cast<int>(e);
    }
    return adj;
}

// Reverses the back edges of a depth-first search (roots by id, edges in input order): what is
// left is acyclic, and for a DAG nothing is reversed.
void breakCycles(int nodeCount, const std::vector<LayoutEdge>& edges, Ranking& ranking) {
    const Adjacency adj = outgoing(nodeCount, edges, ranking.ignored, ranking.reversed);
    enum : char { Unseen, OnStack, Done };
    std::vector<char> state(nodeCount, Unseen);
    std::vector<int> next(adj.start.begin(), adj.start.end() - 1);  // next edge to look at
    std::vector<int> stack;
    for (int root = 0; root < nodeCount; ++root) {
        if (state[root] != Unseen) continue;
        state[root] = OnStack;
        stack.push_back(root);
        while (!stack.empty()) {
            const int u = stack.back();
            if (next[u] == adj.start[u + 1]) {
                state[u] = Done;
                stack.pop_back();
                continue;
            }
            const int e = adj.edge[next[u]++];
            const int v = edges[e].to;
            if (state[v] == OnStack) {
                ranking.reversed[e] = 1;
            } else if (state[v] == Unseen) {
                state[v] = OnStack;
                stack.push_back(v);
            }
        }
    }
}

// A node whose edges in and out weigh the same can sit anywhere between its inputs and its
// nearest consumer at the same total length; the simplex leaves it wherever it ran out of budget
// or found a tie. Where it sits decides the dummies: its long edge out is its own, but long edges
// in from a node feeding many can share that node's trunk (layered_graph.cpp). In a scalar net
// each product w*x is such a node (its weight w follows it): placed early, its edge to the sum
// crosses up to w ranks alone, w^3 dummies a layer (34 million in a 410-410-410-1 net); placed
// just before its sum, the x of one input reach their products in one trunk (w^2/2 a layer).
// Graphs under this many nodes keep their layouts as they were (tests and pictures depend on it).
constexpr int kTiesPulledFrom = 50'000;

bool pullsTiesRight(int nodeCount) { return nodeCount > kTiesPulledFrom; }

// Per node, the weight of its in-edges from leaves that feed it alone: the pull below moves such
// a leaf right behind it, so those edges keep their length whatever the node does.
template <class Head>
std::vector<int> privateLeafWeight(int nodeCount, const Adjacency& adj, const std::vector<int>& inWeight, Head head) {
    std::vector<int> weight(nodeCount, 0);
    for (int t = 0; t < nodeCount; ++t) {
        if (inWeight[t] != 0 || adj.start[t] == adj.start[t + 1]) continue;
        const int only = head(adj.edge[adj.start[t]]);
        bool alone = true;
        for (int k = adj.start[t] + 1; k < adj.start[t + 1] && alone; ++k) alone = head(adj.edge[k]) == only;
        if (alone) weight[only] += adj.start[t + 1] - adj.start[t];
    }
    return weight;
}

}  // namespace

Ranking rankNodes(int nodeCount, const std::vector<LayoutEdge>& edges) {
    Ranking ranking;
    const std::size_t edgeCount = edges.size();
    ranking.ignored.assign(edgeCount, 0);
    ranking.reversed.assign(edgeCount, 0);
    for (std::size_t e = 0; e < edgeCount; ++e) {
        const LayoutEdge& edge = edges[e];
        const bool inRange = edge.from >= 0 && edge.from < nodeCount && edge.to >= 0 && edge.to < nodeCount;
        ranking.ignored[e] = !inRange || edge.from == edge.to;
    }
    breakCycles(nodeCount, edges, ranking);

    auto tail = [&](std::size_t e) { return ranking.reversed[e] ? edges[e].to : edges[e].from; };
    auto head = [&](std::size_t e) { return ranking.reversed[e] ? edges[e].from : edges[e].to; };
    const Adjacency adj = outgoing(nodeCount, edges, ranking.ignored, ranking.reversed);

    // Longest path from the sources, in Kahn's topological order (a FIFO seeded by id).
    std::vector<int> inWeight(nodeCount, 0), outWeight(nodeCount, 0);
    for (std::size_t e = 0; e < edgeCount; ++e) {
        if (ranking.ignored[e]) continue;
        ++outWeight[tail(e)];
        ++inWeight[head(e)];
    }
    std::vector<int> pending(inWeight);
    std::vector<int> topo;
    topo.reserve(nodeCount);
    for (int v = 0; v < nodeCount; ++v)
        if (pending[v] == 0) topo.push_back(v);
    std::vector<int>& rank = ranking.rank;
    rank.assign(nodeCount, 0);
    for (std::size_t i = 0; i < topo.size(); ++i) {
        const int u = topo[i];
        for (int k = adj.start[u]; k < adj.start[u + 1]; ++k) {
            const int v = head(adj.edge[k]);
            rank[v] = std::max(rank[v], rank[u] + 1);
            if (--pending[v] == 0) topo.push_back(v);
        }
    }

    // Least total edge length (parallel edges merged into one of their total weight). Edges are
    // listed by (tail, head) so the result does not depend on the input order of edges.
    {
        std::vector<std::pair<int, int>> ends;
        for (std::size_t e = 0; e < edgeCount; ++e)
            if (!ranking.ignored[e]) ends.emplace_back(tail(e), head(e));
        std::sort(ends.begin(), ends.end());
        std::vector<int> tails, heads, weights;
        for (std::size_t i = 0; i < ends.size(); ++i) {
            if (i > 0 && ends[i] == ends[i - 1]) {
                ++weights.back();
                continue;
            }
            tails.push_back(ends[i].first);
            heads.push_back(ends[i].second);
            weights.push_back(1);
        }
        const std::int64_t size = nodeCount + static_cast<std::int64_t>(tails.size());
        // A budget of roughly 0.1 s (a work unit is a node or an incidence visited): enough
        // for the optimum of lecture graphs and of 3,500-node nets, bounded for bigger ones.
        networkSimplex(tails, heads, weights, rank, 30'000'000 + 50 * size);
    }

    // Should the budget have run out: pull right, in reverse topological order so consumers are
    // final first, every node that feeds more than it consumes (a leaf weight, a constant):
    // moving v right by d lengthens its in-edges and shortens its out-edges by d each.
    // A large graph pulls ties right too (see pullsTiesRight).
    const bool ties = pullsTiesRight(nodeCount);
    const std::vector<int> followers = ties ? privateLeafWeight(nodeCount, adj, inWeight, head) : std::vector<int>();
    for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
        const int u = *it;
        const int anchoring = ties ? inWeight[u] - followers[u] : inWeight[u];
        if (outWeight[u] < anchoring || (outWeight[u] == anchoring && !(ties && outWeight[u] > 0))) continue;
        int nearest = std::numeric_limits<int>::max();
        for (int k = adj.start[u]; k < adj.start[u + 1]; ++k) nearest = std::min(nearest, rank[head(adj.edge[k])]);
        rank[u] = nearest - 1;  // >= rank[u]: every head is already right of u
    }

    // Every connected part starts at rank 0 (the simplex leaves each part's offset arbitrary).
    std::vector<int> part(nodeCount);
    for (int v = 0; v < nodeCount; ++v) part[v] = v;
    auto find = [&](int v) {
        int root = v;
        while (part[root] != root) root = part[root];
        while (part[v] != root) v = std::exchange(part[v], root);
        return root;
    };
    for (std::size_t e = 0; e < edgeCount; ++e)
        if (!ranking.ignored[e]) part[find(tail(e))] = find(head(e));
    std::vector<int> partMin(nodeCount, std::numeric_limits<int>::max());
    for (int v = 0; v < nodeCount; ++v) partMin[find(v)] = std::min(partMin[find(v)], rank[v]);
    int maxRank = 0;
    for (int v = 0; v < nodeCount; ++v) maxRank = std::max(maxRank, rank[v] -= partMin[find(v)]);

    // Drop ranks that hold no node and that no edge passes through, keeping every edge's
    // direction.
    std::vector<int> used(static_cast<std::size_t>(maxRank) + 2, 0);  // difference array
    for (int v = 0; v < nodeCount; ++v) {
        ++used[rank[v]];
        --used[rank[v] + 1];
    }
    for (std::size_t e = 0; e < edgeCount; ++e) {
        if (ranking.ignored[e]) continue;
        const int a = rank[tail(e)], b = rank[head(e)];
        if (b - a > 1) {
            ++used[a + 1];
            --used[b];
        }
    }
    std::vector<int> remap(static_cast<std::size_t>(maxRank) + 1, 0);
    int running = 0, next = 0;
    for (int r = 0; r <= maxRank; ++r) {
        running += used[r];
        remap[r] = next;
        if (running > 0) ++next;
    }
    for (int v = 0; v < nodeCount; ++v) rank[v] = remap[rank[v]];
    ranking.rankCount = nodeCount == 0 ? 0 : next;
    return ranking;
}

}  // namespace bp::layout
