#!/usr/bin/env bash
# Builds the window's open-path fuzzer (clang, ASan + UBSan, Qt offscreen) and runs it for
# SECONDS (default 60). Each input's first byte picks the file type (.bpg, .bps, .json, .onnx);
# the seeds are the shipped examples, documents and models with that byte in front. Fails if the
# fuzzer finds a crash; the input is left in build-fuzz-window/findings/.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
dir=build-fuzz-window
CC=clang CXX=clang++ cmake -S . -B $dir -DBPS_FUZZ=ON -DBPS_FUZZ_WINDOW=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} > /dev/null
cmake --build $dir -j"$(nproc)" --target window_open_fuzzer > /dev/null
corpus=$dir/corpus/window_open_fuzzer
mkdir -p "$corpus" $dir/findings
seed() {  # seed BYTE FILE...: each file with the byte that picks its type in front
  local byte=$1; shift
  for f in "$@"; do [[ -f $f ]] && { printf "\\x$byte"; cat "$f"; } > "$corpus/$(basename "$f").seed"; done
}
seed 00 resources/examples/*.bpg tests/data/golden/*.bpg
seed 02 tests/data/documents/*.json
seed 03 tests/data/onnx/*.onnx
echo "== window_open_fuzzer: $(ls "$corpus" | wc -l) seeds, ${seconds}s"
# Qt and fontconfig keep caches for the life of the process (LeakSanitizer reports them when the
# process ends): leaks are not findings here.
if ! ASAN_OPTIONS=detect_leaks=0 $dir/fuzz/window_open_fuzzer "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
     -max_len=1048576 -detect_leaks=0 -print_final_stats=1 -artifact_prefix=$dir/findings/window_open_fuzzer- \
     2> $dir/window_open_fuzzer.log; then
  tail -n 40 $dir/window_open_fuzzer.log
  exit 1
fi
grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|cov:" $dir/window_open_fuzzer.log | tail -n 3
echo "corpus now $(ls "$corpus" | wc -l) inputs"
