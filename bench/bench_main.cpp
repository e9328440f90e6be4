// SPDX-License-Identifier: GPL-3.0-or-later
// The one main() of bps_bench: BENCHMARK_MAIN with a QApplication first (offscreen), because
// the benchmarks of the window's parts need one. Benchmarks of the core need nothing of it.
#include <benchmark/benchmark.h>

#include <QApplication>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::benchmark::Initialize(&argc, argv);
    if (::benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    ::benchmark::RunSpecifiedBenchmarks();
    ::benchmark::Shutdown();
    return 0;
}
