#!/usr/bin/env bash
# Install what is needed, build (Release), prove the package list complete and run every test.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
# Fails, naming the package, if the build or the program used a package that install-deps.sh
# neither lists nor pulls in: a machine that happens to have it cannot hide it.
scripts/check-deps.py --build build
cd build
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$(nproc)"
