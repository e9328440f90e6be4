// SPDX-License-Identifier: GPL-3.0-or-later
// The engine on the workloads of issue 8 (bench/workloads.h): parsing big sources, a training
// step of an MLP, forward and backward over a 30,000-op scalar chain with and without the trace,
// and the re-evaluation after one weight of a scalar net changed (only what depends on it).
// scripts/bench_compare.py times the same work as whole processes beside PyTorch.
#include <benchmark/benchmark.h>

#include "bench/workloads.h"
#include "core/language/parser.h"
#include "core/trace/evaluation.h"
#include "core/trace/step_cursor.h"
#include "core/train/gradient_check.h"
#include "core/train/sgd.h"

namespace bp {
namespace {

const std::string& mlpText() {
    static const std::string text = bench::mlpSource();
    return text;
}

const std::string& chainText() {
    static const std::string text = bench::chainSource(10'000);
    return text;
}

void BM_ParseMlp(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(parseProgram(mlpText(), "mlp.bpg"));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * mlpText().size()));
}
BENCHMARK(BM_ParseMlp)->Unit(benchmark::kMillisecond);

void BM_ParseChain30k(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(parseProgram(chainText(), "chain.bpg"));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * chainText().size()));
}
BENCHMARK(BM_ParseChain30k)->Unit(benchmark::kMillisecond);

// One SGD step as `train` makes it: forward, zero_grad, backward (no trace), update.
void BM_TrainStepMlp(benchmark::State& state) {
    Program p = parseProgram(mlpText(), "mlp.bpg");
    Evaluation eval;
    for (auto _ : state) train(p, 1, 0.01, 0.0, &eval);
}
BENCHMARK(BM_TrainStepMlp)->Unit(benchmark::kMillisecond);

// Forward and backward of the chain in an Evaluation kept from the pass before (as `train` and
// the window do), without and with the trace.
void chainPass(benchmark::State& state, TraceMode mode) {
    const Program p = parseProgram(chainText(), "chain.bpg");
    Evaluation eval;
    for (auto _ : state) {
        runForward(p.graph, eval);
        zeroGrad(p.graph, eval);
        runBackward(p.graph, p.root, p.seed, eval, mode);
    }
    state.counters["nodes"] = p.graph.size();
}
void BM_ChainForwardBackward(benchmark::State& state) { chainPass(state, TraceMode::Skip); }
BENCHMARK(BM_ChainForwardBackward)->Unit(benchmark::kMillisecond);
void BM_ChainForwardBackwardWithTrace(benchmark::State& state) { chainPass(state, TraceMode::Record); }
BENCHMARK(BM_ChainForwardBackwardWithTrace)->Unit(benchmark::kMillisecond);

// The first evaluation of the chain, from nothing (every matrix allocated): what opening costs.
void BM_ChainEvaluateFresh(benchmark::State& state) {
    const Program p = parseProgram(chainText(), "chain.bpg");
    for (auto _ : state) benchmark::DoNotOptimize(evaluate(p));
}
BENCHMARK(BM_ChainEvaluateFresh)->Unit(benchmark::kMillisecond);

// One weight of the 24-24-24-1 scalar net changed: the ops that depend on it, against all of them.
void BM_ScalarNetForwardAfterEdit(benchmark::State& state) {
    static const std::string text = bench::scalarNetSource({24, 24, 24, 1});
    Program p = parseProgram(text, "net.bpg");
    Evaluation eval;
    runForward(p.graph, eval);
    const NodeId w = p.graph.find("w2_5_7");  // a weight of the second layer
    const bool incremental = state.range(0) != 0;
    int recomputed = 0;
    for (auto _ : state) {
        p.graph.setLeafEntry(w, 0, p.graph.node(w).leafValue()(0, 0) + 1e-3);
        if (incremental) {
            recomputed = updateForward(p.graph, eval, std::span<const NodeId>(&w, 1));
        } else {
            runForward(p.graph, eval);
            recomputed = static_cast<int>(eval.trace.forward.size());
        }
    }
    state.counters["ops_recomputed"] = recomputed;
}
BENCHMARK(BM_ScalarNetForwardAfterEdit)->Arg(0)->Arg(1)->ArgName("incremental")->Unit(benchmark::kMicrosecond);

// The gradient check of a 12-12-12-1 scalar net (~1,000 nodes, ~470 leaves, two forward passes
// per leaf entry): each pass recomputes only what depends on the perturbed leaf.
void BM_GradientCheckScalarNet1000(benchmark::State& state) {
    static const std::string text = bench::scalarNetSource({12, 12, 12, 1});
    const Program p = parseProgram(text, "net.bpg");
    for (auto _ : state) benchmark::DoNotOptimize(checkGradients(p));
    state.counters["nodes"] = p.graph.size();
}
BENCHMARK(BM_GradientCheckScalarNet1000)->Unit(benchmark::kMillisecond);

// Stepping reads the recorded trace: one step of the cursor and the gradient it shows.
void BM_StepCursorOneEdge(benchmark::State& state) {
    static const std::string text = bench::scalarNetSource({12, 12, 12, 1});
    const Program p = parseProgram(text, "net.bpg");
    const Evaluation eval = evaluate(p);
    StepCursor cursor;
    cursor.attach(p.graph, eval);
    const int middle = cursor.forwardCount() + cursor.backwardCount() / 2;
    cursor.setPosition(middle);
    int k = 0;
    for (auto _ : state) {
        cursor.setPosition(middle + (k++ & 1));
        benchmark::DoNotOptimize(cursor.shownGrad(cursor.activeEvent()->to));
    }
}
BENCHMARK(BM_StepCursorOneEdge)->Unit(benchmark::kNanosecond);

}  // namespace
}  // namespace bp
