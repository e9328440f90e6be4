#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile inputs against every subcommand, under an address-space limit (ulimit -v).

Usage: sweep.py PATH/TO/backprop-studio [--limit-mib 4096] [--quick] [--markdown]

Each input is made here (a huge computed size, a deep chain, a huge document, a malformed
ONNX model, Latin-1 bytes, a file that is a folder, ...) and given to each subcommand. An outcome
is a crash when the program ends by a signal (or 134, abort); a hang when it runs past the time
limit; unclear when it fails without naming the file. Prints one row per input and subcommand,
and exits 1 if any crash or hang was seen. --quick leaves out the inputs that take a while.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

SUBCOMMANDS = [
    ["eval"], ["eval", "--json"], ["trace", "--json"], ["check"], ["train", "--steps", "2", "--lr", "0.1"],
    ["convert", "-o", "{out}.json"], ["convert", "-o", "{out}.bpg"], ["convert", "-o", "{out}.py"],
    ["render", "-o", "{out}.png"],
]


def ones(n):
    return "[" + ", ".join(["1"] * n) + "]"


def big_document(folder, rows, cols):
    path = os.path.join(folder, "huge.json")
    row = "[" + ",".join(["0"] * cols) + "]"
    with open(path, "w") as f:
        f.write('{"format": "backprop-studio", "version": 1, "root": "y", "nodes": ['
                '{"name": "a", "kind": "input", "value": [')
        f.write(",".join([row] * rows))
        f.write(']}, {"name": "y", "kind": "op", "op": "sum", "inputs": ["a"]}]}')
    return path


def make_inputs(folder, quick):
    def put(name, content, mode="w"):
        path = os.path.join(folder, name)
        with open(path, mode) as f:
            f.write(content)
        return path

    inputs = {
        "outer product, 100,000 entries (80 GB computed)":
            put("outer.bpg", f"input a = {ones(100_000)}\ny = sum(a @ a.T)\n"),
        "outer product, 20,000 entries (3.2 GB computed)":
            put("outer20k.bpg", f"input a = {ones(20_000)}\nparam w = 1\ny = sum((a * w) @ a.T)\n"),
        "reshape to 1e9 entries": put("reshape.bpg", "input a = 1\ny = sum(reshape(a, 100000, 10000))\n"),
        "chain of 200,000 sigmoids": put("chain.bpg", "param x0 = 0.5\n" + "".join(
            f"x{i} = sigmoid(x{i - 1})\n" for i in range(1, 200_001))),
        "nesting 100,000 deep": put("deep.bpg", "input a = 1\ny = " + "(" * 100_000 + "a" + ")" * 100_000 + "\n"),
        "sigmoid(800), log(0), 0/0": put("extremes.bpg",
                                          "param a = 800\nparam z = 0\ny = sigmoid(a) + log(z) + z / z\n"),
        "Latin-1 comment and a BOM": put("latin1.bpg", b"\xef\xbb\xbf# caf\xe9\ninput a = 2\ny = a * a\n", "wb"),
        "a broken .bpg": put("broken.bpg", "input e = 2\nf = (e * \n"),
        "an empty file": put("empty.bpg", ""),
        "a folder named x.bpg": None,
        "binary noise as .onnx": put("noise.onnx", bytes(range(256)) * 64, "wb"),
        "a truncated ONNX header": put("truncated.onnx", b"\x08\x07\x12\x07pytorch\x1a", "wb"),
        "JSON nested 100,000 deep": put("nested.json", "[" * 100_000),
        "a document of 20M entries (40 MB)": None if quick else put(
            "big.json",
            '{"format": "backprop-studio", "version": 1, "root": "y", "nodes": ['
            '{"name": "a", "kind": "input", "value": [[' + ",".join(["1"] * 20_000_000) + ']]},'
            '{"name": "y", "kind": "op", "op": "sum", "inputs": ["a"]}]}'),
        "a document of 120M numbers (240 MB)": None if quick else big_document(folder, 12_000, 10_000),
    }
    folder_input = os.path.join(folder, "x.bpg")
    os.mkdir(folder_input)
    inputs["a folder named x.bpg"] = folder_input
    return {k: v for k, v in inputs.items() if v is not None}


def run(program, args, limit_kib, timeout):
    command = f"ulimit -v {limit_kib}; exec {program} " + " ".join(f"'{a}'" for a in args)
    try:
        p = subprocess.run(["bash", "-c", command], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "hang", ""
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    last = err[-1] if err else ""
    if p.returncode < 0 or p.returncode == 134 or p.returncode >= 128:
        return "crash", last
    return str(p.returncode), last


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("program")
    ap.add_argument("--limit-mib", type=int, default=4096)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    folder = tempfile.mkdtemp(prefix="bps-sweep-")
    bad = 0
    try:
        inputs = make_inputs(folder, args.quick)
        print(f"| input | subcommand | exit | stderr (last line) |\n|---|---|---|---|")
        for name, path in inputs.items():
            for sub in SUBCOMMANDS:
                out = os.path.join(folder, "out")
                argv = [sub[0], path] + [a.format(out=out) for a in sub[1:]]
                status, last = run(args.program, argv, args.limit_mib * 1024, args.timeout)
                # Exit 1 is a verdict (a gradient check that failed), not an error.
                unclear = status == "2" and os.path.basename(path) not in last
                flag = " **CRASH**" if status == "crash" else " **HANG**" if status == "hang" else \
                    " (unclear)" if unclear else ""
                bad += status in ("crash", "hang")
                print(f"| {name} | {' '.join(sub)} | {status}{flag} | {last[:140]} |", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
