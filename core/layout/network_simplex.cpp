// SPDX-License-Identifier: GPL-3.0-or-later
// Ranking by network simplex (Gansner, Koutsofios, North, Vo, "A technique for drawing directed
// graphs", 1993): minimise the total weighted edge length sum w(e) * (rank[head] - rank[tail])
// subject to every edge spanning at least one rank. Short edges mean few dummy nodes, and in
// practice fewer crossings than the longest-path ranking.
//
// The feasible spanning tree is grown by merging tight trees, smallest first (so each node is
// rescanned O(log V) times), not by Gansner's repeated whole-graph search. Each iteration then
// works as Graphviz's does: the entering edge is searched from the subtree the leaving edge cuts
// off, cut values change only along the cycle the entering edge closes, and only the subtree
// under that cycle is renumbered. A work budget caps the iterations, so huge graphs stay fast:
// the ranking is feasible at every step, only less tight when the budget runs out. Every
// connected component is its own tree. Everything is iterative.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <queue>
#include <utility>

#include "core/layout/layered_graph.h"

namespace bp::layout {
namespace {

struct Problem {
    const std::vector<int>& tail;
    const std::vector<int>& head;
    const std::vector<int>& weight;
    std::vector<int>& rank;
    std::vector<int> incStart, inc;  // edges incident to each node, by edge id

    int other(int e, int v) const { return tail[e] == v ? head[e] : tail[e]; }
    int slack(int e) const { return rank[head[e]] - rank[tail[e]] - 1; }
};

int findRoot(std::vector<int>& parent, int x) {
    int root = x;
    while (parent[root] != root) root = parent[root];
    while (parent[x] != root) x = std::exchange(parent[x], root);
    return root;
}

// Marks tree edges (inTree) so that each connected component is spanned by a tree of tight
// edges, shifting ranks as needed; returns each node's component (a representative node) and
// each component's nodes.
void feasibleTree(Problem& p, std::vector<char>& inTree, std::vector<int>& component,
                  std::vector<std::vector<int>>& members) {
    const int n = static_cast<int>(p.rank.size());
    // Maximal trees of tight edges, found by a search from each node not yet reached.
    std::vector<int> tree(n, -1), stack;
    members.assign(n, {});
    for (int s = 0; s < n; ++s) {
        if (tree[s] >= 0) continue;
        tree[s] = s;
        members[s].push_back(s);
        stack.push_back(s);
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            for (int k = p.incStart[v]; k < p.incStart[v + 1]; ++k) {
                const int e = p.inc[k], w = p.other(e, v);
                if (tree[w] >= 0 || p.slack(e) != 0) continue;
                tree[w] = s;
                inTree[e] = 1;
                members[s].push_back(w);
                stack.push_back(w);
            }
        }
    }
    // Merge: take the smallest tree, make its least slack incident edge tight by shifting it,
    // and join the tree at the other end.
    std::vector<int> uf(n);
    for (int v = 0; v < n; ++v) uf[v] = v;
    using Entry = std::pair<std::size_t, int>;  // size, tree
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    for (int s = 0; s < n; ++s)
        if (tree[s] == s) heap.emplace(members[s].size(), s);
    while (!heap.empty()) {
        const auto [size, t] = heap.top();
        heap.pop();
        if (findRoot(uf, t) != t || members[t].size() != size) continue;
        int best = -1;
        for (int v : members[t])
            for (int k = p.incStart[v]; k < p.incStart[v + 1]; ++k) {
                const int e = p.inc[k];
                if (findRoot(uf, tree[p.other(e, v)]) == t) continue;
                if (best < 0 || p.slack(e) < p.slack(best)) best = e;
            }
        if (best < 0) continue;  // t spans its whole component
        const bool tailInside = findRoot(uf, tree[p.tail[best]]) == t;
        const int delta = tailInside ? p.slack(best) : -p.slack(best);
        for (int v : members[t]) p.rank[v] += delta;
        inTree[best] = 1;
        int a = t, b = findRoot(uf, tree[tailInside ? p.head[best] : p.tail[best]]);
        if (members[a].size() < members[b].size()) std::swap(a, b);
        members[a].insert(members[a].end(), members[b].begin(), members[b].end());
        members[b].clear();
        members[b].shrink_to_fit();
        uf[b] = a;
        heap.emplace(members[a].size(), a);
    }
    component.assign(n, 0);
    for (int v = 0; v < n; ++v) component[v] = findRoot(uf, tree[v]);
}

// The spanning forest, each tree numbered in postorder: the subtree of v holds exactly the nodes
// u with low[v] <= lim[u] <= lim[v]. Numbers of different components never overlap.
struct Tree {
    std::vector<int> low, lim, parentEdge;
    std::vector<int> nodeAtLim;  // inverse of lim (index 0 unused)
    std::vector<int> stackNode, stackNext;
};

// Numbers the subtree hanging from `top` (reached through topParentEdge, -1 for a root) with
// lim values first, first + 1, ... and sets every descendant's parent edge.
// Returns the work done (nodes plus incidences scanned).
std::int64_t numberSubtree(const Problem& p, const std::vector<char>& inTree, int top, int topParentEdge, int first,
                           Tree& t) {
    std::int64_t work = 0;
    int next = first - 1;
    t.parentEdge[top] = topParentEdge;
    t.low[top] = first;
    t.stackNode.assign(1, top);
    t.stackNext.assign(1, p.incStart[top]);
    while (!t.stackNode.empty()) {
        const std::size_t depth = t.stackNode.size() - 1;
        const int v = t.stackNode[depth];
        int child = -1;
        while (child < 0 && t.stackNext[depth] < p.incStart[v + 1]) {
            const int e = p.inc[t.stackNext[depth]++];
            ++work;
            if (!inTree[e] || e == t.parentEdge[v]) continue;
            child = p.other(e, v);
            t.parentEdge[child] = e;
        }
        if (child >= 0) {
            t.low[child] = next + 1;
            t.stackNode.push_back(child);
            t.stackNext.push_back(p.incStart[child]);
            continue;
        }
        t.lim[v] = ++next;
        t.nodeAtLim[next] = v;
        t.stackNode.pop_back();
        t.stackNext.pop_back();
        ++work;
    }
    return work;
}

// Cut value of each tree edge: the weight of edges from the tail side to the head side of the
// cut the tree edge makes, minus the weight going back. Computed child before parent (postorder,
// lims first .. last), each from the node's incident edges and its children's cut values.
void cutValues(const Problem& p, const std::vector<char>& inTree, const Tree& t, int first, int last,
               std::vector<std::int64_t>& cut) {
    for (int l = first; l <= last; ++l) {
        const int child = t.nodeAtLim[l];
        const int pe = t.parentEdge[child];
        if (pe < 0) continue;
        const bool childIsTail = p.tail[pe] == child;
        std::int64_t value = p.weight[pe];
        for (int k = p.incStart[child]; k < p.incStart[child + 1]; ++k) {
            const int e = p.inc[k];
            if (e == pe) continue;
            const bool pointsToHead = (p.tail[e] == child) == childIsTail;
            value += pointsToHead ? p.weight[e] : -p.weight[e];
            if (inTree[e]) value += pointsToHead ? -cut[e] : cut[e];  // e leads to a child of `child`
        }
        cut[pe] = value;
    }
}

// After exchanging `leave` for an entering edge, only the tree edges on the cycle the entering
// edge closes change their cut value, by the leaving edge's: walk from v up to the common
// ancestor with w (Graphviz's treeupdate).
int updatePath(const Problem& p, const Tree& t, int v, int w, std::int64_t delta, bool forward,
               std::vector<std::int64_t>& cut, std::int64_t& work) {
    while (!(t.low[v] <= t.lim[w] && t.lim[w] <= t.lim[v])) {
        const int e = t.parentEdge[v];
        const bool d = v == p.tail[e] ? forward : !forward;
        cut[e] += d ? delta : -delta;
        v = p.other(e, v);
        ++work;
    }
    return v;
}

}  // namespace

void networkSimplex(const std::vector<int>& tail, const std::vector<int>& head, const std::vector<int>& weight,
                    std::vector<int>& rank, std::int64_t workBudget) {
    const int n = static_cast<int>(rank.size());
    const int m = static_cast<int>(tail.size());
    Problem p{tail, head, weight, rank, {}, {}};
    p.incStart.assign(static_cast<std::size_t>(n) + 1, 0);
    for (int e = 0; e < m; ++e) {
        ++p.incStart[tail[e] + 1];
        ++p.incStart[head[e] + 1];
    }
    for (int v = 0; v < n; ++v) p.incStart[v + 1] += p.incStart[v];
    p.inc.resize(p.incStart[n]);
    {
        std::vector<int> fill(p.incStart.begin(), p.incStart.end() - 1);
        for (int e = 0; e < m; ++e) {
            p.inc[fill[tail[e]]++] = e;
            p.inc[fill[head[e]]++] = e;
        }
    }

    std::vector<char> inTree(m, 0);
    std::vector<int> component;
    std::vector<std::vector<int>> members;
    feasibleTree(p, inTree, component, members);

    // Edges of each component, and a numbering base per component.
    std::vector<int> edgeStart(static_cast<std::size_t>(n) + 1, 0), edgesOf(m);
    for (int e = 0; e < m; ++e) ++edgeStart[component[tail[e]] + 1];
    for (int v = 0; v < n; ++v) edgeStart[v + 1] += edgeStart[v];
    {
        std::vector<int> fill(edgeStart.begin(), edgeStart.end() - 1);
        for (int e = 0; e < m; ++e) edgesOf[fill[component[tail[e]]]++] = e;
    }

    Tree t;
    t.low.assign(n, 0);
    t.lim.assign(n, 0);
    t.parentEdge.assign(n, -1);
    t.nodeAtLim.assign(static_cast<std::size_t>(n) + 1, 0);
    std::vector<std::int64_t> cut(m, 0);
    std::vector<int> treeEdges;
    std::vector<int> treeSlot(m, -1);
    std::int64_t work = 0;
    int base = 0;
    for (int c = 0; c < n; ++c) {
        if (members[c].empty()) continue;
        const int root = members[c].front();
        const int size = static_cast<int>(members[c].size());
        const int first = base + 1, last = base + size;
        base += size;
        work += numberSubtree(p, inTree, root, -1, first, t);
        cutValues(p, inTree, t, first, last, cut);
        treeEdges.clear();
        for (int i = edgeStart[c]; i < edgeStart[c + 1]; ++i)
            if (inTree[edgesOf[i]]) {
                treeSlot[edgesOf[i]] = static_cast<int>(treeEdges.size());
                treeEdges.push_back(edgesOf[i]);
            }
        work += 2 * (edgeStart[c + 1] - edgeStart[c]);
        const int treeSize = static_cast<int>(treeEdges.size());
        int cursor = 0;  // the leaving-edge search resumes where it stopped (Gansner's cyclic search)
        while (treeSize > 0 && work <= workBudget) {
            // Leaving edge: the most negative cut value among the next few negative ones.
            int leave = -1, found = 0, scanned = 0;
            for (; scanned < treeSize && found < 30; ++scanned) {
                const int e = treeEdges[(cursor + scanned) % treeSize];
                if (cut[e] >= 0) continue;
                ++found;
                if (leave < 0 || cut[e] < cut[leave]) leave = e;
            }
            cursor = (cursor + scanned) % treeSize;
            work += scanned;
            if (leave < 0) break;  // optimal

            // Entering edge: least slack among edges from the head side of the cut back to the
            // tail side, found from the side not holding the root (`sub`, a subtree).
            const int sub = t.lim[p.tail[leave]] < t.lim[p.head[leave]] ? p.tail[leave] : p.head[leave];
            const bool subIsTailSide = sub == p.tail[leave];
            const int subLow = t.low[sub], subLim = t.lim[sub];
            auto inSub = [&](int v) { return subLow <= t.lim[v] && t.lim[v] <= subLim; };
            int enter = -1;
            for (int l = subLow; l <= subLim && (enter < 0 || p.slack(enter) > 0); ++l) {
                const int u = t.nodeAtLim[l];
                for (int k = p.incStart[u]; k < p.incStart[u + 1]; ++k) {
                    const int e = p.inc[k];
                    if (inTree[e] || (subIsTailSide ? p.head[e] : p.tail[e]) != u || inSub(p.other(e, u))) continue;
                    if (enter < 0 || p.slack(e) < p.slack(enter)) enter = e;
                }
                work += 1 + p.incStart[u + 1] - p.incStart[u];
            }
            if (enter < 0) break;  // cannot happen with a negative cut value

            // Make the entering edge tight by shifting the smaller side of the cut.
            const int delta = p.slack(enter);
            if (delta > 0) {
                const int subSize = subLim - subLow + 1;
                const int subShift = subIsTailSide ? -delta : delta;  // moves the entering edge's end in sub
                if (2 * subSize <= size) {
                    for (int l = subLow; l <= subLim; ++l) rank[t.nodeAtLim[l]] += subShift;
                } else {
                    for (int l = first; l < subLow; ++l) rank[t.nodeAtLim[l]] -= subShift;
                    for (int l = subLim + 1; l <= last; ++l) rank[t.nodeAtLim[l]] -= subShift;
                }
                work += std::min(subSize, size - subSize);
            }

            // Exchange: cut values change along the cycle closed by the entering edge; then
            // renumber the subtree of the cycle's top node (its set of nodes is unchanged).
            const std::int64_t value = cut[leave];
            const int top = updatePath(p, t, p.tail[enter], p.head[enter], value, true, cut, work);
            updatePath(p, t, p.head[enter], p.tail[enter], value, false, cut, work);
            cut[enter] = -value;
            cut[leave] = 0;
            inTree[leave] = 0;
            inTree[enter] = 1;
            treeEdges[treeSlot[leave]] = enter;
            treeSlot[enter] = treeSlot[leave];
            work += numberSubtree(p, inTree, top, t.parentEdge[top], t.low[top], t);
        }
    }
}

}  // namespace bp::layout
