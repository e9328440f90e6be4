#!/usr/bin/env bash
# Pictures of the window for docs/lecture-hall/: each shipped example at 1280x720 and 1920x1080,
# in the window and in presentation mode, taken on a virtual screen (Xvfb) with the settings of a
# first start (a fresh configuration directory).
#
#   scripts/screenshots.sh [BUILD_DIR] [OUT_DIR]
#   scripts/screenshots.sh --one FILE WIDTHxHEIGHT OUT.png [KEYS...]
#
# KEYS are xdotool key names sent one by one after the window opened (F5 presents, Right steps);
# FULL sizes the window to the whole screen (what full screen does under a window manager);
# CLICK:X,Y clicks the left button at screen position (X, Y) (an entry of a node's gradient).
# Needs xvfb-run, xdotool and ImageMagick's import.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)

one() {  # FILE SIZE OUT KEYS...
    local file=$1 size=$2 out=$3
    shift 3
    local config
    config=$(mktemp -d)
    XDG_CONFIG_HOME=$config/config XDG_DATA_HOME=$config/data XDG_STATE_HOME=$config/state \
    xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
        "$0" "$1" & app=$!
        sleep 3
        # No window manager gives the window the keyboard: give it by hand.
        xdotool search --onlyvisible --name "Backprop Studio" windowfocus 2>/dev/null || true
        for key in "${@:4}"; do
            if [[ $key == FULL ]]; then
                # Full screen needs a window manager; without one, the window is sized by hand.
                xdotool search --onlyvisible --name "Backprop Studio" windowmove 0 0 windowsize "${3%x*}" "${3#*x}"
                sleep 1
            elif [[ $key == CLICK:* ]]; then
                at=${key#CLICK:}
                xdotool mousemove "${at%,*}" "${at#*,}" click 1
            else
                xdotool key --clearmodifiers "$key"
            fi
            sleep 0.4
        done
        sleep 1.5
        import -window root "$2"
        kill "$app"; wait "$app" 2>/dev/null || true
    ' "$window" "$file" "$out" "$size" "$@"
    rm -rf "$config"
}

if [[ ${1:-} == --one ]]; then
    window=${WINDOW:-$here/build/app/backprop-studio-window}
    shift
    one "$@"
    exit 0
fi

build=${1:-$here/build}
out=${2:-$here/docs/lecture-hall}
window=$build/app/backprop-studio-window
mkdir -p "$out"
examples=$here/resources/examples
for size in 1280x720 1920x1080; do
    for file in "$examples"/*.bpg; do
        name=$(basename "$file" .bpg)
        # The window at the start; presentation mode a few steps into the backward pass.
        one "$file" "$size" "$out/$name-window-$size.png"
        one "$file" "$size" "$out/$name-present-$size.png" F5 FULL End Left Left
    done
done
# An imported ONNX model (a small MLP exported by PyTorch), in the window and presenting.
for size in 1280x720 1920x1080; do
    one "$here/tests/data/onnx/model2.onnx" "$size" "$out/onnx-model2-window-$size.png"
    one "$here/tests/data/onnx/model2.onnx" "$size" "$out/onnx-model2-present-$size.png" F5 FULL End Left Left
done
