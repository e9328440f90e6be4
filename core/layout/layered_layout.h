// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A layered (Sugiyama) layout for the canvas, drawn left to right:
//   1. ranks (the x axis): cycles broken by reversing depth-first back edges; then network
//      simplex from the longest-path ranking, for the least total edge length, so a leaf (a
//      weight, a constant) used deep in the graph sits one rank before its consumer;
//   2. edges spanning several ranks broken into dummy nodes, one per rank crossed; parallel
//      edges share one route, and so do the long edges of a node that feeds many nodes far
//      below it (a shared constant, a bias used by every layer): one trunk of dummies that
//      they branch off, so the dummies stay linear in the graph (not quadratic);
//   3. crossing reduction: median and barycentre sweeps down and up plus adjacent transposition,
//      from several starting orders, keeping the best (never worse than ordering ranks by id);
//   4. coordinates within a rank (the y axis): Brandes-Köpf (four alignments, balanced), which
//      keeps chains and long edges straight; ranks are as wide as their widest node;
//   5. on request (the canvas asks): folding, so a long chain reads in rows that fit a screen
//      like lines of text, and shared leaves copied beside each use (no long edges from a bias).
// Every step is iterative and about linear (network simplex runs within a work budget): a
// 3,500-node net takes about 0.1 s, a 100,000-node chain needs no deep stack, and the 100,000-op
// chain v = v + k * tanh(v) (k used by every step) about a second.
// The same input always gives the same output. Pure standard library (no Qt, no Graphviz).
#include <functional>
#include <vector>

namespace bp {

struct LayoutSize {
    double width = 0, height = 0;
};

struct LayoutPoint {
    double x = 0, y = 0;
};

// An edge from node `from` to node `to`. Edges may repeat (x*x gives two edges x->mul). The graph
// should be a DAG; if it is not, cycles are broken (some edges then point right to left).
// Self loops and edges naming a node that does not exist are not laid out (see edgePaths).
struct LayoutEdge {
    int from = 0, to = 0;
};

struct LayoutOptions {
    double layerGap = 80;  // horizontal space between the widest nodes of adjacent ranks
    double nodeGap = 30;   // vertical space between nodes of one rank (half of it next to a dummy)
    int sweeps = 8;        // crossing-reduction iterations from the best start (each one sweep,
                           // down or up, plus transposition); every start is tried with min(sweeps, 4)
    // Called between the steps of the layout with the fraction done so far (0 to 1, rising);
    // returning false stops it: the result is then empty, with `complete` false. layeredLayout
    // touches nothing but its arguments, so a window can run it on a worker thread (a huge
    // import takes seconds) and show this progress, or drop the work when a new graph arrives.
    std::function<bool(double fraction)> progress = nullptr;
    // Folding, like text: when > 0 and the layout is more than twice as wide as this aspect
    // (width / height), its ranks are cut into bands of consecutive ranks stacked top to bottom,
    // as many as bring the whole nearest to this aspect (16/9 for a screen). An edge from one band
    // to the next leaves to the right, runs back left under the band and enters the next from the
    // left, each in its own lane. 0 (the default): one band.
    double foldAspect = 0;
    // Shared leaves drawn beside each use: when > 0, a node without inputs that feeds at least this
    // many distinct nodes sits one rank before its first consumer, and a copy of it (copySizes) one
    // rank before each other consumer, whose edges start at that copy (LayoutResult::copies). So
    // a bias or constant used by every layer adds no long edges. 0 (the default): never.
    int inlineLeafUses = 0;
    // The size of a copy, per node (a copy is drawn smaller than its node: a name and a value);
    // empty: a copy takes its node's size.
    std::vector<LayoutSize> copySizes;
};

// A copy of a shared leaf placed beside one of its consumers (LayoutOptions::inlineLeafUses).
struct LayoutCopy {
    int node = 0;       // the node it is a copy of
    int consumer = 0;   // the node it feeds
    LayoutPoint center;
};

struct LayoutResult {
    std::vector<LayoutPoint> centers;  // node centres; x grows with rank (left to right), y >= 0 down
    std::vector<int> rank;             // rank per node: rank[to] > rank[from] for every edge of a DAG
    // Per input edge, the polyline from source centre to target centre through its dummy nodes
    // (one point per rank; along a shared trunk, only the trunk's bends and the point where the
    // edge leaves it). A self loop gives {centre, centre}; an edge naming a missing node gives an
    // empty polyline.
    std::vector<std::vector<LayoutPoint>> edgePaths;
    // Edge crossings of the final ordering, counted between adjacent ranks (so through dummy
    // nodes); parallel edges share a route but count one crossing each, as if drawn apart.
    int crossings = 0;
    LayoutSize extent;  // bounding box of all nodes and paths, from (0, 0)
    int rankCount = 0;  // number of ranks
    int dummyCount = 0; // dummy nodes inserted for edges spanning more than one rank
    bool complete = true;  // false when options.progress stopped the layout (nothing else is set)
    int bands = 1;         // bands of ranks after folding (LayoutOptions::foldAspect), top to bottom
    std::vector<LayoutCopy> copies;  // copies of shared leaves (LayoutOptions::inlineLeafUses)
    // Per input edge, the copy its path starts at (an index into copies), or -1: from the node.
    std::vector<int> edgeCopy;
};

LayoutResult layeredLayout(const std::vector<LayoutSize>& sizes, const std::vector<LayoutEdge>& edges,
                           const LayoutOptions& options = {});

// Baseline for tests: same ranks, nodes ordered within a rank by id (dummies after real nodes, in
// a fixed order), no crossing reduction.
int baselineCrossings(const std::vector<LayoutSize>& sizes, const std::vector<LayoutEdge>& edges);

}  // namespace bp
