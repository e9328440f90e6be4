#!/usr/bin/env bash
# Installs the Debian 12 packages Backprop Studio needs to build, run and test.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
packages=(g++ cmake make qt6-base-dev qt6-charts-dev qt6-svg-dev libgl-dev libeigen3-dev libgtest-dev
          libbenchmark-dev nlohmann-json3-dev libonnx-dev libprotobuf-dev fonts-dejavu-core)
if [ "${1:-}" = "--test" ]; then
  # For the tests: PyTorch checks of generated scripts, and the fuzzers and sanitizers (clang).
  packages+=(python3 python3-torch clang libclang-rt-14-dev)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
