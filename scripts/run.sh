#!/usr/bin/env bash
# Quick start: install what is needed, build (Release) and open the window on the default example.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
exec build/app/backprop-studio "$@"
