#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Proves scripts/install-deps.sh complete, whatever this machine happens to have installed.

Every file the build read from the system (the CMake files that configuring read, every header in
the compiler's dependency files, every library on a link line, the tools in the CMake cache) and
every file the program opens at run time (the Qt plugins and fonts that `render` and a widget test
load, traced with strace) is mapped to the Debian package that owns it (dpkg -S). A package that is
neither listed in scripts/install-deps.sh nor pulled in by what is listed (the recursive Depends
and Pre-Depends of the listed packages, as installed here) nor part of every Debian system
(Essential) fails the check, named with a file it owns.

    scripts/check-deps.py [--build DIR] [--without PKG ...] [--no-runtime] [--test-build]

What `cmake --build` reads must come from the plain list (scripts/run.sh installs only that); what
the tests run, and builds made only for the tests (--test-build), may use the --test list too.

--without PKG drops a package from the list, to show the check catches it (exit 1 naming it).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_PREFIXES = ("/usr/", "/lib/", "/lib64/", "/bin/", "/sbin/", "/etc/fonts/", "/opt/")
SKIP_PREFIXES = ("/usr/lib/locale/", "/usr/share/locale/", "/etc/ld.so.cache")


def listed_packages(without, test):
    flags = ["--test", "--list"] if test else ["--list"]
    out = subprocess.run([str(ROOT / "scripts/install-deps.sh"), *flags],
                         check=True, capture_output=True, text=True).stdout.split()
    return [p for p in out if p not in without]


def installed(package):
    r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return r.returncode == 0 and "install ok installed" in r.stdout


def pulled_in(packages):
    """The listed packages and everything they depend on, recursively, among installed ones."""
    present = [p for p in packages if installed(p)]
    missing = [p for p in packages if p not in present]
    if missing:
        sys.exit("check-deps: listed but not installed (run scripts/install-deps.sh --test): "
                 + " ".join(missing))
    out = subprocess.run(["apt-cache", "depends", "--recurse", "--installed", "--no-recommends",
                          "--no-suggests", "--no-conflicts", "--no-breaks", "--no-replaces",
                          "--no-enhances", *present], check=True, capture_output=True,
                         text=True).stdout
    allowed = set(present)
    for line in out.splitlines():
        name = line.strip()
        if not line.startswith(" "):
            allowed.add(name.strip("<>"))
        elif name.startswith(("Depends:", "PreDepends:")):
            allowed.add(name.split(":", 1)[1].strip().strip("<>").split(":")[0])
        elif line.startswith("    "):  # a provider of a virtual dependency
            allowed.add(name.split(":")[0])
    return {a.split(":")[0] for a in allowed}


def essential_packages():
    out = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Essential}\n"], check=True,
                         capture_output=True, text=True).stdout
    return {line.split()[0] for line in out.splitlines() if line.endswith(" yes")}


def configure_files(build):
    """The CMake files configuring read: the generator lists them all as what re-runs CMake.
    (Not the cache's FILEPATH entries: optional finds put libraries there that nothing uses.)"""
    files = set()
    makefile = build / "CMakeFiles/Makefile.cmake"
    if makefile.exists():
        files |= set(re.findall(r'"(/[^"]+)"', makefile.read_text()))
    ninja = build / "build.ninja"
    if ninja.exists():
        files |= set(re.findall(r"(/[^\s|:$]+\.cmake)\b", ninja.read_text()))
    return files


def compiled_files(build):
    """Every header in the compiler's dependency files and every library on a link line."""
    files = set()
    for dep in build.rglob("*.d"):
        files |= {w for w in dep.read_text(errors="replace").replace("\\\n", " ").split()
                  if w.startswith("/")}
    for link in build.rglob("link.txt"):
        files |= {w for w in link.read_text().split() if w.startswith("/")}
    return files


def runtime_files(build):
    """What `render` and one widget test open at run time: Qt plugins, fonts, libraries."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    example = ROOT / "resources/examples/mlp-1-2-2.bpg"
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        window = build / "app/backprop-studio-window"
        if window.exists() and example.exists():
            runs.append([str(window), "render", str(example), "-o", f"{tmp}/shot.png"])
        widget_tests = build / "tests/ui_tests"
        if widget_tests.exists():  # the main window with its docks and charts, and an export
            runs.append([str(widget_tests), "--gtest_filter=WindowLayout.*:ExportPicture.*"])
        files = set()
        for i, cmd in enumerate(runs):
            log = f"{tmp}/trace{i}"
            subprocess.run(["strace", "-f", "-qq", "-e", "trace=open,openat,execve", "-o", log,
                            *cmd], env=env, cwd=tmp, capture_output=True, timeout=600)
            for line in Path(log).read_text(errors="replace").splitlines():
                if "ENOENT" in line or "ENOTDIR" in line:
                    continue
                m = re.search(r'(?:open|openat|execve)\((?:[A-Z_]+, )?"(/[^"]+)"', line)
                if m:
                    files.add(m.group(1))
    return files


def system_files(files):
    out = set()
    for f in files:
        if f.startswith(SYSTEM_PREFIXES) and not f.startswith(SKIP_PREFIXES) and os.path.isfile(f):
            out.add(os.path.normpath(f))
    return out


def owners(files):
    """File -> owning package, asking dpkg -S with the path as given, resolved and merged-/usr."""
    result = {}
    pending = {}
    for f in files:
        candidates = [f, os.path.realpath(f)]
        for c in list(candidates):
            if c.startswith("/usr/lib/") or c.startswith("/usr/bin/") or c.startswith("/usr/sbin/"):
                candidates.append(c[4:])
            elif c.startswith(("/lib/", "/bin/", "/sbin/")):
                candidates.append("/usr" + c)
        pending[f] = list(dict.fromkeys(candidates))
    for round_ in range(4):
        ask = {f: c[round_] for f, c in pending.items() if f not in result and len(c) > round_}
        if not ask:
            break
        paths = sorted(set(ask.values()))
        found = {}
        for i in range(0, len(paths), 500):
            out = subprocess.run(["dpkg", "-S", *paths[i:i + 500]], capture_output=True,
                                 text=True).stdout
            for line in out.splitlines():
                if line.startswith("diversion "):
                    continue
                pkgs, _, path = line.partition(": ")
                found[path.strip()] = [p.strip().split(":")[0] for p in pkgs.split(",")]
        for f, path in ask.items():
            if path in found:
                result[f] = found[path]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=str(ROOT / "build"))
    parser.add_argument("--without", action="append", default=[])
    parser.add_argument("--no-runtime", action="store_true")
    parser.add_argument("--test-build", action="store_true",
                        help="a build made only for the tests (sanitizers, fuzzers): it may use "
                             "the packages of install-deps.sh --test")
    args = parser.parse_args()
    build = Path(args.build).resolve()
    if not (build / "CMakeCache.txt").exists():
        sys.exit(f"check-deps: {build} is not a configured build directory; build first")

    # Building (scripts/run.sh) installs the plain list; running the tests adds the --test list.
    essential = essential_packages()
    for_build = pulled_in(listed_packages(set(args.without), test=False)) | essential
    for_tests = pulled_in(listed_packages(set(args.without), test=True)) | essential
    built = system_files(configure_files(build) | compiled_files(build))
    ran = system_files(runtime_files(build)) if not args.no_runtime else set()
    files = built | ran
    owned = owners(files)

    unowned = sorted(f for f in files if f not in owned)
    offenders = {}
    for f, pkgs in owned.items():
        allowed = for_build if f in built and not args.test_build else for_tests
        if not any(p in allowed for p in pkgs):
            offenders.setdefault(" or ".join(sorted(pkgs)), []).append(f)
    print(f"check-deps: {len(files)} system files read by the build and the program, "
          f"from {len({p for v in owned.values() for p in v})} packages")
    for f in unowned:
        print(f"check-deps: {f} belongs to no Debian package (a fresh machine will not have it)")
    for pkg, fs in sorted(offenders.items()):
        print(f"check-deps: package {pkg} is used but not installed by scripts/install-deps.sh "
              f"(nor pulled in by a listed package): e.g. {sorted(fs)[0]} ({len(fs)} files)")
    if unowned or offenders:
        return 1
    print("check-deps: every package used is installed by scripts/install-deps.sh")
    return 0


if __name__ == "__main__":
    sys.exit(main())
