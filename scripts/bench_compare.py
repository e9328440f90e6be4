#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Backprop Studio against PyTorch and Graphviz, side by side in one run (issue 8).

    /usr/bin/python3 scripts/bench_compare.py [BINARY] [--runs N] [--bench BPS_BENCH] [--keep DIR]

BINARY defaults to build/app/backprop-studio, BPS_BENCH to build/bench/bps_bench next to it.
Every workload is generated afresh (.bpg files with fixed random seeds, in a temporary folder).
Each row times the whole `backprop-studio` process (start-up, Qt's libraries, parsing, the work,
the output) against the other tool doing only the work, best of N runs each (the machine is
shared; the best run is the one least disturbed), and prints the ratio and whether it meets the
issue's goal. The numbers are checked too: losses and gradients agree with PyTorch to 1e-6.

Threads: our engine runs on one thread, so PyTorch gets one too (torch.set_num_threads(1)),
and the comparison is core against core.

Needs Debian's python3-torch and graphviz's `dot`; rows whose tool is missing are skipped.
"""
import argparse
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---- workloads ---------------------------------------------------------------------------------

MLP_SIZES = (784, 256, 256, 10)
MLP_BATCH = 64
MLP_STEPS = 30
MLP_LR = 0.5
CHAIN_STEPS = 10_000  # v = v + 0.001 * tanh(v): 3 ops a step, 30,000 ops
CHAIN_LR = 0.1
MEMORY_CHAIN_OPS = 100_000
SCALAR_NET = (24, 24, 24, 1)


def fmt(x, digits):
    """A short decimal (the text is what both tools read, so they start from the same doubles)."""
    return f'{x:.{digits}f}'.rstrip('0').rstrip('.') or '0'


def matrix_text(rows, cols, draw):
    """`[[a,b],[c,d]]` and, beside it, the same numbers as Python floats."""
    text_rows, values = [], []
    for _ in range(rows):
        row = [draw() for _ in range(cols)]
        text_rows.append('[' + ','.join(row) + ']')
        values.append([float(v) for v in row])
    return '[' + ',\n'.join(text_rows) + ']', values


def mlp_workload(seed=8):
    """An MLP 64x784 -> 256 -> 256 -> 10, sigmoid after every layer, MSE against a 0/1 target.

    Rows are samples (x is 64x784, W1 784x256, b1 1x256 broadcast over the rows), as a PyTorch
    nn.Linear with its weight stored transposed."""
    rng = random.Random(seed)
    lines, data = ['# MLP 64x784 -> 256 -> 256 -> 10, sigmoid, MSE (scripts/bench_compare.py)'], {}
    text, data['x'] = matrix_text(MLP_BATCH, MLP_SIZES[0], lambda: fmt(rng.random(), 3))
    lines.append(f'input x = {text}')
    target = [[1.0 if c == r % MLP_SIZES[-1] else 0.0 for c in range(MLP_SIZES[-1])] for r in range(MLP_BATCH)]
    data['t'] = target
    lines.append('const t = [' + ',\n'.join('[' + ','.join(fmt(v, 0) for v in row) + ']' for row in target) + ']')
    for layer, (n_in, n_out) in enumerate(zip(MLP_SIZES, MLP_SIZES[1:]), start=1):
        bound = 1 / n_in ** 0.5
        draw = lambda: fmt(rng.uniform(-bound, bound), 4)
        text, data[f'w{layer}'] = matrix_text(n_in, n_out, draw)
        lines.append(f'param w{layer} = {text}')
        text, data[f'b{layer}'] = matrix_text(1, n_out, draw)
        lines.append(f'param b{layer} = {text}')
    h = 'x'
    for layer in range(1, len(MLP_SIZES)):
        lines.append(f'h{layer} = sigmoid({h} @ w{layer} + b{layer})')
        h = f'h{layer}'
    lines.append(f'loss = mse({h}, t)')
    return '\n'.join(lines) + '\n', data


def chain_workload(steps, v0=0.5, k=0.001):
    """v = v + k * tanh(v), `steps` times: 3 ops a step (tanh, mul, add); the root is the last v."""
    lines = ['# v = v + 0.001 * tanh(v) (scripts/bench_compare.py)', f'param v0 = {v0}', f'const k = {k}']
    lines += [f'v{i} = v{i - 1} + k * tanh(v{i - 1})' for i in range(1, steps + 1)]
    return '\n'.join(lines) + '\n'


def scalar_net_workload(widths=SCALAR_NET, seed=24):
    """A fully connected sigmoid net expanded to scalars: per neuron a weight and a product per
    input, a chain of additions, a bias, a sigmoid; then a squared error. Also returns the graph
    as (node count, edges) for `dot`: node ids in creation order, as the parser creates them."""
    rng = random.Random(seed)
    lines = ['# a 24-24-24-1 sigmoid net expanded to scalars (scripts/bench_compare.py)']
    nodes, edges = 0, []

    def leaf():
        nonlocal nodes
        nodes += 1
        return nodes - 1

    def op(*inputs):
        nonlocal nodes
        edges.extend((i, nodes) for i in inputs)
        nodes += 1
        return nodes - 1

    prev_names, prev_ids = [], []
    for i in range(widths[0]):
        lines.append(f'input x{i} = {fmt(rng.uniform(-1, 1), 3)}')
        prev_names.append(f'x{i}')
        prev_ids.append(leaf())
    for layer in range(1, len(widths)):
        names, ids = [], []
        for j in range(widths[layer]):
            weights = []
            for i in range(widths[layer - 1]):
                lines.append(f'param w{layer}_{j}_{i} = {fmt(rng.uniform(-0.5, 0.5), 3)}')
                weights.append(leaf())
            lines.append(f'param b{layer}_{j} = {fmt(rng.uniform(-0.1, 0.1), 3)}')
            bias = leaf()
            terms = ' + '.join(f'w{layer}_{j}_{i} * {prev_names[i]}' for i in range(widths[layer - 1]))
            lines.append(f'h{layer}_{j} = sigmoid({terms} + b{layer}_{j})')
            total = None
            for w, x in zip(weights, prev_ids):
                product = op(w, x)
                total = product if total is None else op(total, product)
            ids.append(op(op(total, bias)))
            names.append(f'h{layer}_{j}')
        prev_names, prev_ids = names, ids
    lines.append('const y = 1')
    target = leaf()
    lines.append(f'loss = ({prev_names[0]} - y) ^ 2')
    diff = op(prev_ids[0], target)
    op(diff)
    return '\n'.join(lines) + '\n', (nodes, edges)


def dot_text(nodes, edges):
    """The same graph for Graphviz, left to right, boxes about our node size."""
    out = ['digraph G {', ' rankdir=LR; nodesep=0.4; ranksep=1.1;',
           ' node [shape=box, fixedsize=true, width=1.4, height=0.8];']
    out += [f' n{v};' for v in range(nodes)]
    out += [f' n{a} -> n{b};' for a, b in edges]
    return '\n'.join(out + ['}']) + '\n'
