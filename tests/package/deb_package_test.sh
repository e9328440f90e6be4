#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The .deb as a student installs it: built with cpack -G DEB from the build folder ($1), its file
# list and Depends checked, unpacked into a temporary prefix, the desktop entry and the AppStream
# metainfo validated, the file types compiled, and the installed executables run from there.
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/bps-deb-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$work"/out/backprop-studio_*.deb)
[ "$(dpkg-deb -f "$deb" Package)" = backprop-studio ] || fail "package name"

# The files a desktop needs, where it looks for them.
id=io.github.backprop_studio.BackpropStudio
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in usr/bin/backprop-studio usr/bin/backprop-studio-window usr/lib/backprop-studio/bps_onnx.so \
         usr/share/applications/$id.desktop \
         usr/share/icons/hicolor/scalable/apps/$id.svg \
         usr/share/icons/hicolor/16x16/apps/$id.png usr/share/icons/hicolor/48x48/apps/$id.png \
         usr/share/icons/hicolor/256x256/apps/$id.png \
         usr/share/mime/packages/$id.xml usr/share/metainfo/$id.metainfo.xml \
         usr/share/man/man1/backprop-studio.1.gz usr/share/bash-completion/completions/backprop-studio \
         usr/share/doc/backprop-studio/copyright usr/share/doc/backprop-studio/LICENSE; do
  grep -qx "\./$f" <<<"$files" || fail "the package has no /$f"
done
# Nothing outside /usr, nothing of the build (tests, benchmarks, the icon tool).
if grep -v '^\./usr/' <<<"$files" | grep -vqx '\./'; then fail "files outside /usr: $(grep -v '^\./usr/' <<<"$files")"; fi
for f in core_tests ui_tests cli_tests bps_bench render_icon; do
  ! grep -q "/$f\$" <<<"$files" || fail "the package carries $f"
done

# Depends: the libraries linked (dpkg-shlibdeps) and what is opened at run time without linking.
depends=$(dpkg-deb -f "$deb" Depends)
depends_on() { sed 's/, /\n/g' <<<"$depends" | awk '{print $1}' | grep -qxF "$1"; }
for d in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6svg6 libqt6charts6 libonnx1 libprotobuf32 \
         fonts-dejavu-core hicolor-icon-theme; do
  depends_on "$d" || fail "Depends lacks $d: $depends"
done
# The xcb platform plugin and the SVG icon engine belong to packages it depends on.
for plugin in platforms/libqxcb.so iconengines/libqsvgicon.so; do
  owner=$(dpkg -S "qt6/plugins/$plugin" 2>/dev/null | cut -d: -f1 | head -1)
  [ -n "$owner" ] || continue
  depends_on "$owner" || fail "$plugin comes with $owner, not in Depends: $depends"
done
grep -q "GNU GENERAL PUBLIC LICENSE" <(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/backprop-studio/copyright) \
  || fail "the copyright file is not the GPL"

# Installed into a temporary prefix.
root="$work/root"
dpkg-deb -x "$deb" "$root"
desktop-file-validate "$root/usr/share/applications/$id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate"
grep -q "^Icon=$id\$" "$root/usr/share/applications/$id.desktop" || fail "the desktop entry names another icon"
gzip -t "$root/usr/share/man/man1/backprop-studio.1.gz" || fail "the man page"
mkdir -p "$work/mime/packages"
cp "$root/usr/share/mime/packages/$id.xml" "$work/mime/packages/"
XDG_DATA_DIRS="$work" update-mime-database "$work/mime" 2>"$work/mime.log" || { cat "$work/mime.log"; fail "update-mime-database"; }
[ ! -s "$work/mime.log" ] || { cat "$work/mime.log"; fail "update-mime-database warned"; }
grep -q "text/x-backprop-graph:\*\.bpg" "$work/mime/globs" || fail "no glob for .bpg"
grep -q "application/x-backprop-studio:\*\.bps" "$work/mime/globs" || fail "no glob for .bps"
for type in $(sed -n 's/^MimeType=//p' "$root/usr/share/applications/$id.desktop" | tr ';' ' '); do
  grep -q "type=\"$type\"" "$root/usr/share/mime/packages/$id.xml" || fail "the desktop entry's $type is not defined"
done

# The installed pair runs from the prefix: the command line, and the window program for render.
bin="$root/usr/bin"
"$bin/backprop-studio" --version | grep -q "^backprop-studio " || fail "--version from the package"
"$bin/backprop-studio" examples chain-rule >"$work/chain.bpg"
"$bin/backprop-studio" eval "$work/chain.bpg" --json | grep -q '"root"' || fail "eval from the package"
QT_QPA_PLATFORM=offscreen "$bin/backprop-studio" render "$work/chain.bpg" -o "$work/chain.png" 2>/dev/null \
  || fail "render from the package"
[ "$(head -c 4 "$work/chain.png" | tail -c 3)" = PNG ] || fail "render wrote no PNG"
# An ONNX model, through the importer module the program finds beside it (../lib/backprop-studio).
"$bin/backprop-studio" eval "$(dirname "$0")/../data/onnx/model2.onnx" --json | grep -q '"root"' \
  || fail "eval of an ONNX model from the package (the bps_onnx module)"
echo "ok: $(basename "$deb"), $(wc -l <<<"$files") entries, Depends: $depends"
