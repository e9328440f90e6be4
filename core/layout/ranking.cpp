// SPDX-License-Identifier: GPL-3.0-or-later
// Ranks: break cycles, longest path from the sources, pull feeders toward their consumers, drop
// empty ranks. All loops, no recursion.
#include <algorithm>
#include <cstddef>
#include <limits>

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

    // Pull right, in reverse topological order so consumers are final first. Moving v right by d
    // lengthens its in-edges and shortens its out-edges by d each, so it pays when v feeds at
    // least as much as it consumes. An in-edge from a source whose only consumer is v costs
    // nothing: that source (a weight, a constant) will follow v and stay adjacent.
    std::vector<int> soleConsumer(nodeCount, -1);  // for a source feeding one node only, that node
    for (int u = 0; u < nodeCount; ++u) {
        if (inWeight[u] != 0 || outWeight[u] == 0) continue;
        int only = head(adj.edge[adj.start[u]]);
        for (int k = adj.start[u]; k < adj.start[u + 1]; ++k)
            if (head(adj.edge[k]) != only) only = -1;
        soleConsumer[u] = only;
    }
    std::vector<int> freeIn(nodeCount, 0);
    for (std::size_t e = 0; e < edgeCount; ++e)
        if (!ranking.ignored[e] && soleConsumer[tail(e)] == head(e)) ++freeIn[head(e)];
    for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
        const int u = *it;
        if (outWeight[u] == 0 || outWeight[u] < inWeight[u] - freeIn[u]) continue;
        int nearest = std::numeric_limits<int>::max();
        for (int k = adj.start[u]; k < adj.start[u + 1]; ++k) nearest = std::min(nearest, rank[head(adj.edge[k])]);
        rank[u] = nearest - 1;  // >= rank[u]: every head is already right of u
    }

    // Drop ranks that hold no node and that no edge passes through (sources all pulled right
    // empty rank 0; disconnected parts can leave gaps), keeping every edge's direction.
    int maxRank = 0;
    for (int v = 0; v < nodeCount; ++v) maxRank = std::max(maxRank, rank[v]);
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
