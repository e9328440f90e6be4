#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default 60),
# seeded with the shipped examples and the test fixtures. Fails if any target finds a crash;
# the crashing input is left in build-fuzz/findings/ to become a regression test.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# scripts/fuzz.sh --window [SECONDS] instead builds the window's open-path target (Qt and the ui
# built with the fuzzer's instrumentation, in build-fuzz-window/: a longer build, not run by CI)
# and runs it alone.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ${1:-} == --window ]]; then
  shift
  exec scripts/fuzz-window.sh "$@"
fi
seconds=${1:-60}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DBPS_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} > /dev/null
cmake --build build-fuzz -j"$(nproc)" > /dev/null
scripts/check-deps.py --build build-fuzz --no-runtime --test-build
mkdir -p build-fuzz/findings
status=0
run() {
  local target=$1; shift
  local corpus=build-fuzz/corpus/$target
  mkdir -p "$corpus"
  for seed in "$@"; do cp -f "$seed" "$corpus/" 2>/dev/null || true; done
  echo "== $target: $(ls "$corpus" | wc -l) seeds, ${seconds}s"
  if ! build-fuzz/fuzz/$target "$corpus" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
       -max_len=1048576 -print_final_stats=1 -artifact_prefix=build-fuzz/findings/$target- \
       2> build-fuzz/$target.log; then
    status=1
    tail -n 40 build-fuzz/$target.log
  fi
  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|cov:" build-fuzz/$target.log | tail -n 3
  echo "corpus now $(ls "$corpus" | wc -l) inputs"
}
run bpg_parser_fuzzer resources/examples/*.bpg tests/data/golden/*.bpg
run json_document_fuzzer tests/data/documents/*.json tests/data/documents/regressions/*
run onnx_import_fuzzer tests/data/onnx/*.onnx tests/data/onnx/bad/*
run layout_fuzzer tests/data/onnx/bad/* resources/examples/*.bpg
run report_fuzzer resources/examples/*.bpg tests/data/golden/*.bpg
exit $status
