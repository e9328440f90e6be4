# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds the program's JSON document (format version 1) node by node: leaves with their values
as lists of rows, ops naming their inputs, anonymous nodes as %k, a node's label where its name
had to change (fc1.weight -> fc1_weight)."""

import math

from .names import NameTable, program_name


def number(x):
    """A double as the document writes it: non-finite numbers as "nan", "inf", "-inf"."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def matrix_rows(matrix):
    """A 2-D tensor as a list of rows of numbers."""
    return [[number(x) for x in row] for row in matrix.tolist()]


class ProgramBuilder:
    def __init__(self):
        self.nodes = []
        self._names = NameTable()
        self._shapes = {}
        self._by_name = {}
        self._used = set()  # names some op takes as an input

    def shape(self, name):
        return self._shapes[name]

    def _append(self, fields, wanted_name, label, shape):
        node = {}
        if wanted_name:
            node["name"] = self._names.claim(program_name(wanted_name))
            label = label or wanted_name
            if label != node["name"]:
                node["label"] = label
        else:
            node["name"] = self._names.claim(f"%{len(self.nodes) + 1}")
        node.update(fields)
        self.nodes.append(node)
        self._by_name[node["name"]] = node
        self._shapes[node["name"]] = shape
        return node["name"]

    def leaf(self, kind, value, name=None, label=None):
        """A leaf holding `value`, a 2-D float64 tensor."""
        node = {"kind": kind, "op": kind, "inputs": [], "value": matrix_rows(value)}
        return self._append(node, name, label, tuple(value.shape))

    def op(self, op, inputs, shape, attrs=None, name=None, label=None):
        node = {"kind": "op", "op": op, "inputs": list(inputs)}
        self._used.update(inputs)
        if attrs:
            node["attrs"] = attrs
        return self._append(node, name, label, tuple(shape))

    def renamable(self, name):
        """Whether `name` is an anonymous op nothing uses yet: it can take a name instead of
        getting an identity node that carries one."""
        return name.startswith("%") and name not in self._used and self._by_name[name]["kind"] == "op"

    def rename(self, old, wanted, label=None):
        node = self._by_name.pop(old)
        new = self._names.claim(program_name(wanted))
        fields = {k: v for k, v in node.items() if k != "name"}
        node.clear()
        node["name"] = new
        if (label or wanted) != new:
            node["label"] = label or wanted
        node.update(fields)
        self._by_name[new] = node
        self._shapes[new] = self._shapes.pop(old)
        return new

    def document(self, root, seed=None):
        doc = {"format": "backprop-studio", "version": 1, "nodes": self.nodes, "root": root}
        if seed is not None:
            doc["seed"] = matrix_rows(seed)
        return doc
