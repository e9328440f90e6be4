#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that every translation in translations/ is complete and current.

Runs lupdate over the window's sources (ui/) into a copy of each .ts file, with the options the
build's update_translations target uses, and fails when a text is unfinished (new or changed in
the sources and not translated yet), obsolete or vanished (gone from the sources but still in the
file), or when the copy differs from the file in the repository (the file was not updated).

usage: check-translations.py LUPDATE SOURCE_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def problems(ts_path):
    found = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            forms = [t.text for t in translation.iter("numerusform")] if translation is not None else []
            empty = translation is None or (not (translation.text or "").strip() and not any(forms))
            if kind in ("unfinished", "obsolete", "vanished", "missing") or empty:
                found.append(f"{name}: {kind or 'empty'}: {message.findtext('source')!r}")
    return found


def main():
    lupdate, source_dir = sys.argv[1], sys.argv[2]
    folder = os.path.join(source_dir, "translations")
    failures = []
    with tempfile.TemporaryDirectory() as temp:
        for ts in sorted(f for f in os.listdir(folder) if f.endswith(".ts")):
            original = os.path.join(folder, ts)
            copy = os.path.join(temp, ts)
            shutil.copyfile(original, copy)
            run = subprocess.run([lupdate, "-locations", "none", "-no-ui-lines", "-I", source_dir,
                                  os.path.join(source_dir, "ui"),
                                  os.path.join(source_dir, "core", "text", "message_catalog.h"), "-ts", copy],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                failures.append(f"{ts}: lupdate failed:\n{run.stdout}{run.stderr}")
                continue
            print(f"{ts}: {run.stdout.strip().splitlines()[-1].strip()}")
            failures += [f"{ts}: {p}" for p in problems(copy)]
            with open(original, encoding="utf-8") as a, open(copy, encoding="utf-8") as b:
                if a.read() != b.read():
                    failures.append(f"{ts}: not current: run `cmake --build build --target update_translations`")
    for f in failures:
        print(f)
    print(f"{len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
