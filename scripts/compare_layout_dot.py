#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crossings of Graphviz dot's layout of a small graph, to compare with core/layout.

Reads the edge-list format of tests/data/layout/*.edges ("nodes N", then "from to" per line,
'#' comments), writes a dot file (left to right, every node 60x30 like the tests), runs
`dot -Tplain` and counts crossings between adjacent ranks the way layeredLayout does: each edge
is cut where it passes a rank, and two pieces between the same ranks cross when their ends are
in opposite order. Graphviz is only run for comparison here, never linked.

    scripts/compare_layout_dot.py tests/data/layout/*.edges
"""
import subprocess
import sys


def read_graph(path):
    nodes, edges = 0, []
    with open(path) as f:
        for line in f:
            words = line.split('#')[0].split()
            if not words:
                continue
            if words[0] == 'nodes':
                nodes = int(words[1])
            else:
                edges.append((int(words[0]), int(words[1])))
    return nodes, edges


def to_dot(nodes, edges):
    lines = ['digraph G {', '  rankdir=LR; nodesep=0.4; ranksep=1.1;',
             '  node [shape=box, fixedsize=true, width=0.833, height=0.417];']
    lines += [f'  n{v};' for v in range(nodes)]
    lines += [f'  n{a} -> n{b};' for a, b in edges]
    return '\n'.join(lines + ['}']) + '\n'


def bezier(points, steps=16):
    """Samples dot's piecewise cubic Bezier into a polyline."""
    out = [points[0]]
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i:i + 4]
        for k in range(1, steps + 1):
            t = k / steps
            u = 1 - t
            out.append(tuple(u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * d
                             for a, b, c, d in zip(p0, p1, p2, p3)))
    return out


def y_at(polyline, x):
    best = min(polyline, key=lambda p: abs(p[0] - x))[1]
    for (x0, y0), (x1, y1) in zip(polyline, polyline[1:]):
        if min(x0, x1) <= x <= max(x0, x1) and x0 != x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return best


def dot_crossings(nodes, edges):
    plain = subprocess.run(['dot', '-Tplain'], input=to_dot(nodes, edges), capture_output=True,
                           text=True, check=True).stdout
    centre, splines = {}, []
    for line in plain.splitlines():
        words = line.split()
        if words[0] == 'node':
            centre[words[1]] = (float(words[2]), float(words[3]))
        elif words[0] == 'edge':
            n = int(words[3])
            pts = [(float(words[4 + 2 * i]), float(words[5 + 2 * i])) for i in range(n)]
            splines.append((words[1], words[2], bezier(pts)))
    xs = sorted({round(x, 2) for x, _ in centre.values()})
    rank_of_x = {x: i for i, x in enumerate(xs)}
    rank = {name: rank_of_x[round(x, 2)] for name, (x, _) in centre.items()}
    pieces = {}  # rank pair -> [(y at left rank, y at right rank)]
    dummies = 0
    for tail, head, poly in splines:
        a, b = sorted((tail, head), key=lambda name: rank[name])
        dummies += max(0, rank[b] - rank[a] - 1)
        ys = {rank[a]: centre[a][1], rank[b]: centre[b][1]}
        for r in range(rank[a] + 1, rank[b]):
            ys[r] = y_at(poly, xs[r])
        for r in range(rank[a], rank[b]):
            pieces.setdefault(r, []).append((ys[r], ys[r + 1]))
    crossings = 0
    for segs in pieces.values():
        for i in range(len(segs)):
            for j in range(i + 1, len(segs)):
                if (segs[i][0] - segs[j][0]) * (segs[i][1] - segs[j][1]) < -1e-6:
                    crossings += 1
    return crossings, len(xs), dummies


def main(paths):
    for path in paths:
        nodes, edges = read_graph(path)
        crossings, ranks, dummies = dot_crossings(nodes, edges)
        print(f'{path}: {nodes} nodes, {len(edges)} edges; dot: {ranks} ranks, {dummies} dummies, '
              f'{crossings} crossings')


if __name__ == '__main__':
    main(sys.argv[1:])
