#!/usr/bin/env bash
# Installs the Debian 12 packages Backprop Studio needs to build, run and test.
# scripts/check-deps.py proves this list complete: every file the build and the tests read from
# the system must belong to a package named here or pulled in by one.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
# To build and open the window. libqt6opengl6-dev is listed because qt6-charts-dev needs its CMake
# files (Qt6OpenGL) but Debian's package does not depend on it; fonts-noto-cjk draws Chinese,
# fonts-dejavu-extra the oblique (italic) faces of the canvas and panels;
# qt6-tools-dev (CMake's LinguistTools) and qt6-l10n-tools (lupdate, lrelease) build the
# translation, qt6-translations-l10n translates Qt's own dialogs.
packages=(g++ cmake make
          qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev libgl-dev
          qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
          libeigen3-dev nlohmann-json3-dev libonnx-dev libprotobuf-dev libcli11-dev
          fonts-dejavu-core fonts-dejavu-extra fonts-noto-cjk libgtest-dev libgmock-dev libbenchmark-dev)
test=0 list=0
for arg in "$@"; do
  case "$arg" in
    --test) test=1 ;;
    --list) list=1 ;;
    *) echo "usage: $0 [--test] [--list]" >&2; exit 2 ;;
  esac
done
if [ "$test" = 1 ]; then
  # For running the tests: PyTorch checks of generated scripts, the fuzzers and sanitizers
  # (clang; llvm for the llvm-ar CMake picks beside it), the dependency check (dpkg, apt, strace),
  # and the .deb's test (cpack's dpkg-shlibdeps from dpkg-dev, cpack's use of file,
  # desktop-file-validate, appstreamcli, update-mime-database).
  packages+=(python3 python3-torch
             clang libclang-rt-14-dev llvm dpkg apt strace
             dpkg-dev file desktop-file-utils appstream shared-mime-info)
fi
if [ "$list" = 1 ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
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
