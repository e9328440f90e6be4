#!/usr/bin/env bash
# Pictures of the window for docs/lecture-hall/: each shipped example at 1280x720 and 1920x1080,
# in the window and in presentation mode, taken on a virtual screen (Xvfb) with the settings of a
# first start (a fresh configuration directory).
#
#   scripts/screenshots.sh [BUILD_DIR] [OUT_DIR]
#   scripts/screenshots.sh --one FILE WIDTHxHEIGHT OUT.png [KEYS...]
#
# KEYS are xdotool key names sent one by one after the window opened (F5 presents, Right steps).
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
        for key in "${@:3}"; do xdotool key --clearmodifiers "$key"; sleep 0.4; done
        sleep 1.5
        import -window root "$2"
        kill "$app"; wait "$app" 2>/dev/null || true
    ' "$window" "$file" "$out" "$@"
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
        one "$file" "$size" "$out/$name-present-$size.png" F5 End Left Left
    done
done
