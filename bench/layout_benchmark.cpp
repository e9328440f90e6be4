// SPDX-License-Identifier: GPL-3.0-or-later
// The layered layout on big graphs: a 24-24-24-1 net expanded to scalars (~3,650 nodes, the
// `render` row of scripts/bench_compare.py, where Graphviz dot lays out the same graph) and long
// scalar chains. Its cost should grow about linearly with the graph.
#include <benchmark/benchmark.h>

#include "bench/workloads.h"
#include "core/language/parser.h"
#include "core/layout/layered_layout.h"

namespace bp {
namespace {

struct LayoutInput {
    std::vector<LayoutSize> sizes;
    std::vector<LayoutEdge> edges;
};

// Every node the size of a canvas node with a number in it; edges as the canvas lays them out.
LayoutInput layoutInput(const Graph& g) {
    LayoutInput in;
    for (NodeId id = 0; id < g.size(); ++id) {
        in.sizes.push_back({120, 64});
        for (NodeId from : g.node(id).inputs) in.edges.push_back({from, id});
    }
    return in;
}

// folded: as the canvas asks (rows fitting a 16:9 screen, shared leaves beside each use).
void layoutOf(benchmark::State& state, const std::string& source, bool folded = false) {
    const Program p = parseProgram(source, "graph.bpg");
    const LayoutInput in = layoutInput(p.graph);
    LayoutOptions options;
    options.layerGap = 110;
    options.nodeGap = 36;
    if (folded) {
        options.foldAspect = 16.0 / 9.0;
        options.inlineLeafUses = 3;
    }
    for (auto _ : state) benchmark::DoNotOptimize(layeredLayout(in.sizes, in.edges, options));
    state.counters["nodes"] = static_cast<double>(in.sizes.size());
    state.counters["edges"] = static_cast<double>(in.edges.size());
}

void BM_LayoutScalarNet(benchmark::State& state) {
    const int w = static_cast<int>(state.range(0));
    layoutOf(state, bench::scalarNetSource({w, w, w, 1}));
}
BENCHMARK(BM_LayoutScalarNet)->Arg(12)->Arg(24)->ArgName("width")->Unit(benchmark::kMillisecond);

void BM_LayoutChain(benchmark::State& state) {
    layoutOf(state, bench::chainSource(static_cast<int>(state.range(0))));
}
BENCHMARK(BM_LayoutChain)->Arg(1'000)->Arg(10'000)->ArgName("steps")->Unit(benchmark::kMillisecond);

void BM_LayoutChainFolded(benchmark::State& state) {
    layoutOf(state, bench::chainSource(static_cast<int>(state.range(0))), true);
}
BENCHMARK(BM_LayoutChainFolded)->Arg(1'000)->Arg(10'000)->ArgName("steps")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace bp
