// SPDX-License-Identifier: GPL-3.0-or-later
// The layered layout: what a user of the canvas would check (ranks left to right, nothing
// overlapping, few crossings, chains straight, the same picture every time) and that big graphs
// lay out quickly without deep recursion.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/layout/layered_layout.h"
#include "core/language/parser.h"
#include "test_support.h"

namespace bp {
namespace {

// Time limits are for an optimised build; -O0 and sanitizers run 5 to 20 times slower. Times are
// processor time (std::clock), so a busy machine running other tests does not fail them.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define BP_LAYOUT_TEST_SANITIZED 1
#endif
#endif
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__) && !defined(BP_LAYOUT_TEST_SANITIZED)
constexpr double slowdown = 1;
#else
constexpr double slowdown = 20;
#endif

struct Graph {
    std::string name;
    std::vector<LayoutSize> sizes;
    std::vector<LayoutEdge> edges;

    int add(LayoutSize size = {60, 30}) {
        sizes.push_back(size);
        return static_cast<int>(sizes.size()) - 1;
    }
    int op(std::initializer_list<int> inputs) {
        const int v = add();
        for (int in : inputs) edges.push_back({in, v});
        return v;
    }
};

// tests/data/layout/NAME.edges: "nodes N" then one "from to" per line; '#' starts a comment.
Graph loadGraph(const std::string& name) {
#ifdef BPS_TEST_DATA
    const std::filesystem::path data = BPS_TEST_DATA;
#else
    const std::filesystem::path data = std::filesystem::path(__FILE__).parent_path() / ".." / "data";
#endif
    const auto path = data / "layout" / (name + ".edges");
    std::ifstream in(path);
    EXPECT_TRUE(in) << "cannot open " << path;
    Graph g{name, {}, {}};
    std::string line;
    while (std::getline(in, line)) {
        line = line.substr(0, line.find('#'));
        std::istringstream words(line);
        std::string first;
        if (!(words >> first)) continue;
        if (first == "nodes") {
            int n = 0;
            words >> n;
            g.sizes.assign(n, {60, 30});
        } else {
            int to = 0;
            words >> to;
            g.edges.push_back({std::stoi(first), to});
        }
    }
    return g;
}

// A random DAG: each node takes 1-3 inputs, mostly from the few nodes just before it, sometimes
// from anywhere earlier; sizes vary like labels do. std::mt19937 is the same everywhere; its
// raw output is used (distributions differ between standard libraries).
Graph randomDag(int nodes, unsigned seed) {
    std::mt19937 rng(seed);
    Graph g{"random" + std::to_string(nodes) + "_" + std::to_string(seed), {}, {}};
    for (int v = 0; v < nodes; ++v) {
        g.add({40.0 + rng() % 80, 20.0 + rng() % 40});
        if (v == 0) continue;
        const int inputs = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < inputs && v > 0; ++k) {
            const int from = rng() % 4 == 0 ? static_cast<int>(rng() % v) : std::max(0, v - 1 - static_cast<int>(rng() % 8));
            g.edges.push_back({from, v});
        }
    }
    return g;
}

// A fully connected net expanded to scalar ops, as the engine draws it: per neuron a weight leaf
// and a product per input, a chain of additions, a bias, an activation; then a squared error.
Graph scalarMlp(const std::vector<int>& widths) {
    Graph g{"mlp", {}, {}};
    std::vector<int> prev;
    for (int i = 0; i < widths[0]; ++i) prev.push_back(g.add());
    for (std::size_t l = 1; l < widths.size(); ++l) {
        std::vector<int> next;
        for (int j = 0; j < widths[l]; ++j) {
            int sum = -1;
            for (int in : prev) {
                const int product = g.op({g.add(), in});
                sum = sum < 0 ? product : g.op({sum, product});
            }
            next.push_back(g.op({g.op({sum, g.add()})}));
        }
        prev = next;
    }
    const int diff = g.op({prev[0], g.add()});
    g.op({diff, diff});
    return g;
}

template <class F>
double cpuSeconds(F&& f) {
    const std::clock_t start = std::clock();
    f();
    return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

Graph chain(int nodes) {
    Graph g{"chain", {}, {}};
    g.add();
    for (int v = 1; v < nodes; ++v) g.op({v - 1});
    return g;
}

void expectRanksIncrease(const Graph& g, const LayoutResult& r) {
    ASSERT_EQ(r.rank.size(), g.sizes.size());
    for (const LayoutEdge& e : g.edges)
        EXPECT_GT(r.rank[e.to], r.rank[e.from]) << g.name << ": edge " << e.from << "->" << e.to;
}

void expectNoOverlap(const Graph& g, const LayoutResult& r) {
    ASSERT_EQ(r.centers.size(), g.sizes.size());
    struct Box {
        double left, right, top, bottom;
        int id;
    };
    std::vector<Box> boxes;
    for (std::size_t v = 0; v < g.sizes.size(); ++v) {
        const LayoutPoint c = r.centers[v];
        const LayoutSize s = g.sizes[v];
        boxes.push_back({c.x - s.width / 2, c.x + s.width / 2, c.y - s.height / 2, c.y + s.height / 2,
                         static_cast<int>(v)});
    }
    // Sweep by left edge: only boxes whose x ranges meet are compared.
    std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.left < b.left; });
    int overlaps = 0;
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size() && boxes[j].left < boxes[i].right; ++j) {
            const bool meet = boxes[j].top < boxes[i].bottom && boxes[i].top < boxes[j].bottom;
            if (meet && ++overlaps <= 5) ADD_FAILURE() << g.name << ": nodes " << boxes[i].id << " and " << boxes[j].id << " overlap";
        }
    EXPECT_EQ(overlaps, 0) << g.name;
}

void expectPathsJoinCentres(const Graph& g, const LayoutResult& r) {
    ASSERT_EQ(r.edgePaths.size(), g.edges.size());
    for (std::size_t e = 0; e < g.edges.size(); ++e) {
        const auto& path = r.edgePaths[e];
        ASSERT_GE(path.size(), 2u) << g.name << ": edge " << e;
        const LayoutPoint a = r.centers[g.edges[e].from], b = r.centers[g.edges[e].to];
        EXPECT_EQ(path.front().x, a.x);
        EXPECT_EQ(path.front().y, a.y);
        EXPECT_EQ(path.back().x, b.x);
        EXPECT_EQ(path.back().y, b.y);
    }
}

bool sameResult(const LayoutResult& a, const LayoutResult& b) {
    if (a.rank != b.rank || a.crossings != b.crossings || a.centers.size() != b.centers.size() ||
        a.edgePaths.size() != b.edgePaths.size())
        return false;
    for (std::size_t v = 0; v < a.centers.size(); ++v)
        if (a.centers[v].x != b.centers[v].x || a.centers[v].y != b.centers[v].y) return false;
    for (std::size_t e = 0; e < a.edgePaths.size(); ++e) {
        if (a.edgePaths[e].size() != b.edgePaths[e].size()) return false;
        for (std::size_t k = 0; k < a.edgePaths[e].size(); ++k)
            if (a.edgePaths[e][k].x != b.edgePaths[e][k].x || a.edgePaths[e][k].y != b.edgePaths[e][k].y) return false;
    }
    return true;
}

std::vector<Graph> testGraphs() {
    std::vector<Graph> graphs;
    for (const char* name : {"mlp_1_2_2", "k33", "k33_chains", "diamond_chain", "crossed"}) graphs.push_back(loadGraph(name));
    for (int nodes : {20, 50, 100, 200})
        for (unsigned seed : {1u, 2u, 3u}) graphs.push_back(randomDag(nodes, seed));
    Graph mlp = scalarMlp({3, 4, 4, 1});
    mlp.name = "mlp_3_4_4_1";
    graphs.push_back(mlp);
    return graphs;
}

TEST(LayeredLayout, RanksIncreaseAlongEveryEdge) {
    for (const Graph& g : testGraphs()) expectRanksIncrease(g, layeredLayout(g.sizes, g.edges));
}

TEST(LayeredLayout, NodesNeverOverlap) {
    for (const Graph& g : testGraphs()) expectNoOverlap(g, layeredLayout(g.sizes, g.edges));
}

TEST(LayeredLayout, EdgePathsRunFromCentreToCentreOnePointPerRank) {
    for (const Graph& g : testGraphs()) {
        const LayoutResult r = layeredLayout(g.sizes, g.edges);
        expectPathsJoinCentres(g, r);
        for (std::size_t e = 0; e < g.edges.size(); ++e) {
            const auto& path = r.edgePaths[e];
            EXPECT_EQ(static_cast<int>(path.size()), r.rank[g.edges[e].to] - r.rank[g.edges[e].from] + 1);
            for (std::size_t k = 1; k < path.size(); ++k) EXPECT_GT(path[k].x, path[k - 1].x);
        }
    }
}

TEST(LayeredLayout, NoMoreCrossingsThanOrderingById) {
    for (const Graph& g : testGraphs()) {
        const LayoutResult r = layeredLayout(g.sizes, g.edges);
        const int baseline = baselineCrossings(g.sizes, g.edges);
        std::cout << "[ layout   ] " << g.name << ": " << g.sizes.size() << " nodes, " << g.edges.size()
                  << " edges, " << r.rankCount << " ranks, " << r.dummyCount << " dummies, crossings " << r.crossings
                  << " (by id " << baseline << ")\n";
        EXPECT_LE(r.crossings, baseline) << g.name;
    }
}

TEST(LayeredLayout, ReportedCrossingsAreThoseOfTheDrawing) {
    // Count again from the polylines, pair by pair: two pieces between the same two ranks cross
    // when their ends are in opposite vertical order.
    for (const Graph& g : testGraphs()) {
        const LayoutResult r = layeredLayout(g.sizes, g.edges);
        struct Piece {
            double x, y0, y1;
        };
        std::vector<Piece> pieces;
        for (const auto& path : r.edgePaths)
            for (std::size_t k = 1; k < path.size(); ++k) pieces.push_back({path[k - 1].x, path[k - 1].y, path[k].y});
        std::int64_t crossings = 0;
        for (std::size_t i = 0; i < pieces.size(); ++i)
            for (std::size_t j = i + 1; j < pieces.size(); ++j)
                if (pieces[i].x == pieces[j].x &&
                    (pieces[i].y0 - pieces[j].y0) * (pieces[i].y1 - pieces[j].y1) < 0)
                    ++crossings;
        EXPECT_EQ(crossings, r.crossings) << g.name;
    }
}

TEST(LayeredLayout, HandMadeGraphsReachTheirMinimum) {
    auto crossings = [](const char* name) {
        const Graph g = loadGraph(name);
        return layeredLayout(g.sizes, g.edges).crossings;
    };
    auto baseline = [](const char* name) {
        const Graph g = loadGraph(name);
        return baselineCrossings(g.sizes, g.edges);
    };
    // Two hidden units each feeding both outputs through their own product (all products in one
    // rank) make a cycle that reaches the outer ranks twice on each side: one crossing is
    // unavoidable.
    EXPECT_EQ(crossings("mlp_1_2_2"), 1);
    EXPECT_EQ(crossings("diamond_chain"), 0);
    EXPECT_EQ(crossings("crossed"), 0);
    EXPECT_GT(baseline("crossed"), 0);
    // K(3,3) between two ranks: every pair of sources with every pair of sinks, 3 * 3.
    EXPECT_EQ(crossings("k33"), 9);
    EXPECT_EQ(baseline("k33"), 9);
    // Subdivided, the middle rank can be reordered; 9 is still the optimum (all 9! orders of the
    // middle rank tried), down from 22 by id.
    EXPECT_EQ(crossings("k33_chains"), 9);
}

// The shipped mlp-1-2-2 (matrices, no biases) is drawn without a crossing between ranks; the
// canvas enters each node's inputs in the order they arrive from (tested with the window), so its
// picture has none at all.
TEST(LayeredLayout, ShippedMlpExampleHasNoCrossings) {
    const Program p = parseProgram(test::readFile(test::examplePath("mlp-1-2-2")), "mlp-1-2-2.bpg");
    Graph g{"mlp-1-2-2", {}, {}};
    for (NodeId id = 0; id < p.graph.size(); ++id) {
        g.add({120, 80});
        for (NodeId in : p.graph.node(id).inputs) g.edges.push_back({in, id});
    }
    EXPECT_EQ(layeredLayout(g.sizes, g.edges).crossings, 0);
}

// What the canvas asks for: folding to a 16:9 screen, shared leaves beside each use.
LayoutOptions canvasOptions() {
    LayoutOptions options;
    options.layerGap = 110;
    options.nodeGap = 36;
    options.foldAspect = 16.0 / 9.0;
    options.inlineLeafUses = 3;
    return options;
}

Graph shippedExample(const std::string& name) {
    const Program p = parseProgram(test::readFile(test::examplePath(name)), name + ".bpg");
    Graph g{name, {}, {}};
    for (NodeId id = 0; id < p.graph.size(); ++id) {
        g.add({110, 64});
        for (NodeId in : p.graph.node(id).inputs) g.edges.push_back({in, id});
    }
    return g;
}

double aspectOf(const LayoutResult& r) { return r.extent.width / r.extent.height; }

// Every node, copy and bend inside the extent; nodes and copies never overlap.
void expectFoldedLayoutTidy(const Graph& g, const LayoutResult& r, const std::vector<LayoutSize>& copySizes = {}) {
    Graph all = g;
    LayoutResult placed = r;
    for (const LayoutCopy& c : r.copies) {
        all.sizes.push_back(copySizes.empty() ? g.sizes[c.node] : copySizes[c.node]);
        placed.centers.push_back(c.center);
    }
    expectNoOverlap(all, placed);
    for (std::size_t v = 0; v < all.sizes.size(); ++v) {
        const LayoutPoint c = placed.centers[v];
        EXPECT_GE(c.x - all.sizes[v].width / 2, -1e-9) << g.name << " node " << v;
        EXPECT_LE(c.x + all.sizes[v].width / 2, r.extent.width + 1e-9) << g.name << " node " << v;
        EXPECT_GE(c.y - all.sizes[v].height / 2, -1e-9) << g.name << " node " << v;
        EXPECT_LE(c.y + all.sizes[v].height / 2, r.extent.height + 1e-9) << g.name << " node " << v;
    }
    ASSERT_EQ(r.edgeCopy.size(), g.edges.size());
    for (std::size_t e = 0; e < g.edges.size(); ++e) {
        const auto& path = r.edgePaths[e];
        ASSERT_GE(path.size(), 2u);
        const LayoutPoint from = r.edgeCopy[e] < 0 ? r.centers[g.edges[e].from] : r.copies[r.edgeCopy[e]].center;
        EXPECT_EQ(path.front().x, from.x);
        EXPECT_EQ(path.front().y, from.y);
        EXPECT_EQ(path.back().x, r.centers[g.edges[e].to].x);
        EXPECT_EQ(path.back().y, r.centers[g.edges[e].to].y);
        for (const LayoutPoint& p : path) {
            EXPECT_TRUE(p.x >= 0 && p.x <= r.extent.width && p.y >= 0 && p.y <= r.extent.height) << g.name << " edge " << e;
        }
    }
}

// deep-sigmoid's eight layers in one line were specks on a strip; folded like text they fit a
// screen, and its bias b (used by all eight z's) is drawn beside each use.
TEST(LayeredLayout, DeepSigmoidFoldsToAScreen) {
    const Graph g = shippedExample("deep-sigmoid");
    const LayoutResult line = layeredLayout(g.sizes, g.edges);
    const LayoutResult r = layeredLayout(g.sizes, g.edges, canvasOptions());
    std::cout << "[ layout   ] deep-sigmoid: one line " << line.extent.width << " x " << line.extent.height
              << ", folded " << r.extent.width << " x " << r.extent.height << " in " << r.bands << " bands\n";
    EXPECT_GT(aspectOf(line), 3.0);
    EXPECT_GT(r.bands, 1);
    EXPECT_GE(aspectOf(r), 1.0);
    EXPECT_LE(aspectOf(r), 3.0);
    expectRanksIncrease(g, r);
    expectFoldedLayoutTidy(g, r);
    // b feeds z1 .. z8: the node sits by z1, a copy by each of the seven others, and every edge
    // from b or a copy joins adjacent ranks (no long edge).
    const Program p = parseProgram(test::readFile(test::examplePath("deep-sigmoid")), "deep-sigmoid.bpg");
    const NodeId b = p.graph.find("b");
    ASSERT_GE(b, 0);
    int copiesOfB = 0;
    for (const LayoutCopy& c : r.copies) copiesOfB += c.node == b;
    EXPECT_EQ(copiesOfB, 7);
    for (std::size_t e = 0; e < g.edges.size(); ++e) {
        if (g.edges[e].from != b) continue;
        EXPECT_EQ(r.edgePaths[e].size(), 2u) << "edge " << e;
    }
}

// Any long chain folds: 30 sigmoid layers z = w * h + b, h = sigmoid(z), with one shared b.
TEST(LayeredLayout, LongSigmoidChainFoldsToAScreen) {
    Graph g{"sigmoid30", {}, {}};
    const int b = g.add({110, 64});
    int h = g.add({110, 64});
    for (int layer = 0; layer < 30; ++layer) {
        const int w = g.add({110, 64});
        const int product = g.add({110, 64});
        g.edges.push_back({w, product});
        g.edges.push_back({h, product});
        const int z = g.add({110, 64});
        g.edges.push_back({product, z});
        g.edges.push_back({b, z});
        h = g.add({110, 64});
        g.edges.push_back({z, h});
    }
    const LayoutResult r = layeredLayout(g.sizes, g.edges, canvasOptions());
    std::cout << "[ layout   ] 30 sigmoid layers: " << r.extent.width << " x " << r.extent.height << " in " << r.bands
              << " bands\n";
    EXPECT_GE(aspectOf(r), 1.0);
    EXPECT_LE(aspectOf(r), 3.0);
    EXPECT_EQ(r.copies.size(), 29u);
    expectRanksIncrease(g, r);
    expectFoldedLayoutTidy(g, r);
}

// A plain chain folds too, into bands joined by one wrapping edge each, without crossings.
TEST(LayeredLayout, FoldedChainWrapsLikeText) {
    const Graph g = chain(200);
    const LayoutResult r = layeredLayout(g.sizes, g.edges, canvasOptions());
    EXPECT_GT(r.bands, 1);
    EXPECT_GE(aspectOf(r), 1.0);
    EXPECT_LE(aspectOf(r), 3.0);
    EXPECT_EQ(r.crossings, 0);
    expectFoldedLayoutTidy(g, r);
    int wraps = 0;
    for (std::size_t e = 0; e < g.edges.size(); ++e) {
        if (r.edgePaths[e].size() == 2u) continue;
        ++wraps;
        // right, down, left, down, right: from the end of one band to the start of the next
        const auto& path = r.edgePaths[e];
        ASSERT_EQ(path.size(), 6u);
        EXPECT_GT(path[1].x, path[0].x);
        EXPECT_GT(path[2].y, path[1].y);
        EXPECT_LT(path[3].x, path[2].x);
        EXPECT_GT(path[4].y, path[3].y);
        EXPECT_GT(path[5].x, path[4].x);
    }
    EXPECT_EQ(wraps, r.bands - 1);
}

// Compact graphs keep their layout: the canvas's options change nothing for them.
TEST(LayeredLayout, CompactExamplesDoNotFold) {
    for (const char* name : {"chain-rule", "mlp-1-2-2", "xor", "vjp"}) {
        const Graph g = shippedExample(name);
        LayoutOptions plain = canvasOptions();
        plain.foldAspect = 0;
        plain.inlineLeafUses = 0;
        const LayoutResult a = layeredLayout(g.sizes, g.edges, plain), b = layeredLayout(g.sizes, g.edges, canvasOptions());
        EXPECT_EQ(b.bands, 1) << name;
        EXPECT_TRUE(b.copies.empty()) << name;
        EXPECT_TRUE(sameResult(a, b)) << name;
    }
}

// A copy may be drawn smaller than its node (the canvas draws a name and a value): it is laid
// out at its own size, still overlapping nothing, and the drawing is no larger for it.
TEST(LayeredLayout, CopiesTakeTheirOwnSize) {
    const Graph g = shippedExample("deep-sigmoid");
    LayoutOptions small = canvasOptions();
    small.copySizes.assign(g.sizes.size(), LayoutSize{70, 30});
    const LayoutResult full = layeredLayout(g.sizes, g.edges, canvasOptions());
    const LayoutResult r = layeredLayout(g.sizes, g.edges, small);
    ASSERT_EQ(r.copies.size(), full.copies.size());
    expectFoldedLayoutTidy(g, r, small.copySizes);
    EXPECT_LE(r.extent.width * r.extent.height, full.extent.width * full.extent.height);
    EXPECT_GE(aspectOf(r), 1.0);
    EXPECT_LE(aspectOf(r), 3.0);
}

// A 100,000-node chain folds into many bands (linear work: no quadratic step on the way).
TEST(LayeredLayout, HundredThousandNodeChainFolds) {
    const Graph g = chain(100000);
    const LayoutResult r = layeredLayout(g.sizes, g.edges, canvasOptions());
    ASSERT_EQ(r.centers.size(), g.sizes.size());
    EXPECT_GT(r.bands, 100);
    EXPECT_GE(aspectOf(r), 1.0);
    EXPECT_LE(aspectOf(r), 3.0);
}

TEST(LayeredLayout, SameGraphSameResult) {
    for (const Graph& g : testGraphs()) {
        const LayoutResult a = layeredLayout(g.sizes, g.edges), b = layeredLayout(g.sizes, g.edges);
        EXPECT_TRUE(sameResult(a, b)) << g.name;
    }
}

TEST(LayeredLayout, LeafUsedDeepSitsOneRankBeforeItsConsumer) {
    const Graph g = loadGraph("crossed");
    const LayoutResult r = layeredLayout(g.sizes, g.edges);
    EXPECT_EQ(r.rank[10], 5);
    EXPECT_EQ(r.rank[11], 4);
    // And in the net: every weight and bias leaf is right before the op that uses it.
    const Graph mlp = scalarMlp({3, 4, 1});
    const LayoutResult m = layeredLayout(mlp.sizes, mlp.edges);
    std::vector<int> uses(mlp.sizes.size(), 0), consumer(mlp.sizes.size(), -1), inputs(mlp.sizes.size(), 0);
    for (const LayoutEdge& e : mlp.edges) {
        ++uses[e.from];
        consumer[e.from] = e.to;
        ++inputs[e.to];
    }
    for (std::size_t v = 0; v < mlp.sizes.size(); ++v)
        if (inputs[v] == 0 && uses[v] == 1) {
            EXPECT_EQ(m.rank[v], m.rank[consumer[v]] - 1) << "leaf " << v;
        }
}

TEST(LayeredLayout, LongChainIsStraight) {
    const Graph g = chain(1000);
    const LayoutResult r = layeredLayout(g.sizes, g.edges);
    for (std::size_t v = 0; v < g.sizes.size(); ++v) {
        EXPECT_EQ(r.rank[v], static_cast<int>(v));
        EXPECT_EQ(r.centers[v].y, r.centers[0].y);
    }
    EXPECT_EQ(r.crossings, 0);
}

TEST(LayeredLayout, LongEdgeBesideAChainIsStraight) {
    // a -> b -> c -> d -> e and a -> e: the long edge's dummies line up.
    Graph g = chain(5);
    g.edges.push_back({0, 4});
    const LayoutResult r = layeredLayout(g.sizes, g.edges);
    const auto& path = r.edgePaths.back();
    ASSERT_EQ(path.size(), 5u);
    for (std::size_t k = 2; k + 1 < path.size(); ++k) EXPECT_EQ(path[k].y, path[1].y);
    for (int v = 0; v < 5; ++v) EXPECT_EQ(r.centers[v].y, r.centers[0].y) << v;
}

TEST(LayeredLayout, SumChainIsStraightWithItsTermsBeside) {
    // ((((a + b) + c) + d) + ...): the additions in one line, each term one rank before its use.
    Graph g;
    int sum = g.op({g.add(), g.add()});
    std::vector<int> sums{sum};
    for (int k = 0; k < 12; ++k) sums.push_back(sum = g.op({sum, g.add()}));
    const LayoutResult r = layeredLayout(g.sizes, g.edges);
    for (int s : sums) EXPECT_EQ(r.centers[s].y, r.centers[sums[0]].y) << s;
    for (std::size_t k = 1; k < sums.size(); ++k) EXPECT_EQ(r.rank[sums[k]], r.rank[sums[k - 1]] + 1);
    EXPECT_EQ(r.crossings, 0);
    expectNoOverlap(g, r);
}

TEST(LayeredLayout, RanksAreAsWideAsTheirWidestNode) {
    Graph g;
    const int a = g.add({200, 20}), b = g.add({40, 20}), c = g.add({60, 20}), d = g.add({10, 80});
    g.edges = {{a, c}, {b, c}, {c, d}};
    LayoutOptions options;
    options.layerGap = 50;
    options.nodeGap = 10;
    options.sweeps = 8;
    const LayoutResult r = layeredLayout(g.sizes, g.edges, options);
    EXPECT_EQ(r.centers[a].x, r.centers[b].x);
    EXPECT_DOUBLE_EQ(r.centers[c].x - 30 - (r.centers[a].x + 100), 50);
    EXPECT_DOUBLE_EQ(r.centers[d].x - 5 - (r.centers[c].x + 30), 50);
    EXPECT_GE(std::abs(r.centers[a].y - r.centers[b].y), 20 + 10);
    expectNoOverlap(g, r);
}

TEST(LayeredLayout, DuplicateEdgesShareARoute) {
    Graph g;
    const int x = g.add(), square = g.op({x, x}), y = g.add(), sum = g.op({square, y, y});
    const LayoutResult r = layeredLayout(g.sizes, g.edges);
    expectRanksIncrease(g, r);
    expectPathsJoinCentres(g, r);
    EXPECT_EQ(r.rank[square], r.rank[x] + 1);
    EXPECT_EQ(r.rank[sum], r.rank[square] + 1);
    EXPECT_EQ(r.crossings, 0);
}

TEST(LayeredLayout, CyclesAreBrokenNotFollowed) {
    Graph g;
    for (int v = 0; v < 4; ++v) g.add();
    g.edges = {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 3}, {3, 1}, {0, 7}};
    const LayoutResult r = layeredLayout(g.sizes, g.edges);
    ASSERT_EQ(r.edgePaths.size(), g.edges.size());
    EXPECT_TRUE(r.edgePaths[6].empty());  // names a node that does not exist
    EXPECT_EQ(r.edgePaths[4].size(), 2u); // self loop
    g.edges.pop_back();
    LayoutResult drawn = r;
    drawn.edgePaths.pop_back();
    expectPathsJoinCentres(g, drawn);
    expectNoOverlap(g, r);
    // Depth-first from node 0: 2->0 and 3->1 close cycles and are the ones laid out backwards.
    int forward = 0;
    for (const LayoutEdge& e : g.edges) forward += r.rank[e.to] > r.rank[e.from];
    EXPECT_EQ(forward, 3);
    EXPECT_LT(r.rank[0], r.rank[2]);
    EXPECT_LT(r.rank[1], r.rank[3]);
}

TEST(LayeredLayout, EveryConnectedPartStartsAtRankZero) {
    Graph g = chain(4);
    const int a = g.add(), b = g.add(), c = g.op({a, b});
    g.op({c});
    const int lone = g.add();
    const LayoutResult r = layeredLayout(g.sizes, g.edges);
    EXPECT_EQ(r.rank[0], 0);
    EXPECT_EQ(r.rank[a], 0);
    EXPECT_EQ(r.rank[b], 0);
    EXPECT_EQ(r.rank[lone], 0);
    EXPECT_EQ(r.rankCount, 4);
    expectNoOverlap(g, r);
}

TEST(LayeredLayout, EmptyAndEdgelessGraphs) {
    const LayoutResult empty = layeredLayout({}, {});
    EXPECT_TRUE(empty.centers.empty());
    EXPECT_EQ(empty.crossings, 0);
    Graph g;
    for (int v = 0; v < 3; ++v) g.add();
    const LayoutResult r = layeredLayout(g.sizes, g.edges);
    for (int v = 0; v < 3; ++v) EXPECT_EQ(r.rank[v], 0);
    expectNoOverlap(g, r);
}

TEST(LayeredLayout, ScalarMlpUnderASecond) {
    const Graph g = scalarMlp({24, 24, 24, 1});
    LayoutResult r;
    const double seconds = cpuSeconds([&] { r = layeredLayout(g.sizes, g.edges); });
    std::cout << "[ layout   ] mlp 24-24-24-1: " << g.sizes.size() << " nodes, " << g.edges.size() << " edges, "
              << r.rankCount << " ranks, " << r.dummyCount << " dummies, crossings " << r.crossings << " (by id "
              << baselineCrossings(g.sizes, g.edges) << "), " << seconds << " s (processor time)\n";
    expectRanksIncrease(g, r);
    expectNoOverlap(g, r);
    EXPECT_LT(seconds, 1.0 * slowdown);  // about 0.1 s in a release build
}

// Past 50,000 nodes the ranking pulls a product (a node whose edges in and out weigh the same)
// right, next to the sum it feeds: the inputs of one unit then reach their products along one
// shared trunk. Left where the simplex put it, each product's edge to its sum crossed up to w
// ranks alone: about w³/2 dummies a layer (a 410-410-410-1 net: 34 million, 273 s to render;
// now 15 s).
TEST(LayeredLayout, LargeScalarNetHasFewDummiesPerNode) {
    const Graph g = scalarMlp({100, 100, 100, 1});
    ASSERT_GT(g.sizes.size(), 50'000u);
    const LayoutResult r = layeredLayout(g.sizes, g.edges);
    std::cout << "[ layout   ] mlp 100-100-100-1: " << g.sizes.size() << " nodes, " << r.rankCount << " ranks, "
              << r.dummyCount << " dummies\n";
    expectRanksIncrease(g, r);
    EXPECT_LT(double(r.dummyCount), 2.0 * double(g.sizes.size()));
}

TEST(LayeredLayout, DenseRandomGraphIsQuick) {
    // 3,500 nodes, 10,000 edges, each input from one of the 40 nodes created just before.
    std::mt19937 rng(7);
    Graph g{"random3500", {}, {}};
    for (int v = 0; v < 3500; ++v) g.add({40.0 + rng() % 80, 20.0 + rng() % 40});
    for (int v = 1; v < 3500; ++v) g.edges.push_back({v - 1 - static_cast<int>(rng() % std::min(v, 40)), v});
    while (g.edges.size() < 10000) {
        const int to = 1 + static_cast<int>(rng() % 3499);
        g.edges.push_back({to - 1 - static_cast<int>(rng() % std::min(to, 40)), to});
    }
    LayoutResult r;
    const double seconds = cpuSeconds([&] { r = layeredLayout(g.sizes, g.edges); });
    std::cout << "[ layout   ] random 3500 nodes / 10000 edges: " << r.rankCount << " ranks, " << r.dummyCount
              << " dummies, crossings " << r.crossings << " (by id " << baselineCrossings(g.sizes, g.edges) << "), "
              << seconds << " s (processor time)\n";
    expectRanksIncrease(g, r);
    expectNoOverlap(g, r);
    EXPECT_LT(seconds, 2.0 * slowdown);  // about 0.3 s in a release build
}

TEST(LayeredLayout, HundredThousandNodeChain) {
    const Graph g = chain(100000);
    LayoutResult r;
    const double seconds = cpuSeconds([&] { r = layeredLayout(g.sizes, g.edges); });
    std::cout << "[ layout   ] chain 100000: " << seconds << " s (processor time)\n";
    ASSERT_EQ(r.rank.size(), g.sizes.size());
    EXPECT_EQ(r.rank.back(), 99999);
    EXPECT_EQ(r.centers.back().y, r.centers.front().y);
    EXPECT_EQ(r.crossings, 0);
    EXPECT_LT(seconds, 3.0 * slowdown);  // about 0.1 s in a release build
}

TEST(LayeredLayout, HundredThousandNodeRingIsBrokenWithoutRecursion) {
    // Depth-first cycle breaking walks the whole ring: it must not recurse either.
    Graph g = chain(100000);
    g.edges.push_back({99999, 0});
    const LayoutResult r = layeredLayout(g.sizes, g.edges);
    EXPECT_EQ(r.rankCount, 100000);
    EXPECT_EQ(r.edgePaths.back().size(), 100000u);
}

}  // namespace
}  // namespace bp
