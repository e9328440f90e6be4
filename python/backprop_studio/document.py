# SPDX-License-Identifier: GPL-3.0-or-later
"""A graph as the program's JSON document, and what can be done with it: save it, open the
window on it, draw it (SVG, inline in Jupyter), evaluate it with the program."""

import json
import tempfile
from pathlib import Path

import torch

from . import executable


def _matrix(rows):
    """A matrix of the program's JSON: "nan", "inf", "-inf" are strings there."""
    return torch.tensor([[float(x) for x in row] for row in rows], dtype=torch.float64)


class SVG:
    """An SVG picture: shown inline by Jupyter, its text in .data."""

    def __init__(self, data):
        self.data = data

    def _repr_svg_(self):
        return self.data

    def __str__(self):
        return self.data

    def save(self, path):
        Path(path).write_text(self.data, encoding="utf-8")


class Document:
    """The program's document of a graph (format version 1): .data is the JSON object."""

    def __init__(self, data):
        self.data = data

    @property
    def root(self):
        return self.data["root"]

    @property
    def node_names(self):
        return [n["name"] for n in self.data["nodes"]]

    def node(self, name):
        for n in self.data["nodes"]:
            if n["name"] == name:
                return n
        raise KeyError(name)

    def text(self):
        """The document as the program writes it: one line per node."""
        d = dict(self.data)
        nodes = d.pop("nodes")
        head = json.dumps(d, ensure_ascii=False)[1:-1]
        lines = ",\n  ".join(json.dumps(n, ensure_ascii=False) for n in nodes)
        return "{" + head + ',\n "nodes": [\n  ' + lines + "\n ]\n}\n"

    def save(self, path):
        """Writes the document (.json); a .bpg or .py path is converted by the program."""
        path = Path(path)
        if path.suffix.lower() in (".bpg", ".py"):
            with tempfile.TemporaryDirectory(prefix="backprop-studio-") as folder:
                source = Path(folder) / "graph.json"
                source.write_text(self.text(), encoding="utf-8")
                executable.run(["convert", str(source), "-o", str(path)])
        else:
            path.write_text(self.text(), encoding="utf-8")
        return path

    def temporary_file(self):
        """The document in a new temporary folder, left there for the window to read and save."""
        folder = Path(tempfile.mkdtemp(prefix="backprop-studio-"))
        return self.save(folder / f"{self.root}.json")

    def show(self):
        """Opens the window on the graph; returns the window's process (subprocess.Popen)."""
        return executable.start_window(self.temporary_file())

    def svg(self, step=None, phase="backward"):
        """The graph drawn as the window draws it at `step` of the phase (the phase's end by
        default), through `backprop-studio render`."""
        with tempfile.TemporaryDirectory(prefix="backprop-studio-") as folder:
            source, picture = Path(folder) / "graph.json", Path(folder) / "graph.svg"
            source.write_text(self.text(), encoding="utf-8")
            arguments = ["render", str(source), "-o", str(picture), "--phase", phase]
            if step is not None:
                arguments += ["--step", str(int(step))]
            executable.run(arguments)
            return SVG(picture.read_text(encoding="utf-8"))

    def _repr_svg_(self):
        return self.svg().data

    def evaluate(self):
        """Every node's value and gradient as the program computes them:
        {name: (value, grad)}, float64 matrices."""
        report = json.loads(executable.run(["eval", "-", "--json"], input_text=self.text()))
        return {n["name"]: (_matrix(n["value"]), _matrix(n["grad"])) for n in report["nodes"]}

    def train(self, steps, lr, momentum=0.0):
        """`steps` steps of PyTorch's SGD on every param, by the program (backprop-studio train):
        (the losses before and after each step, {param name: its new value})."""
        report = json.loads(executable.run(
            ["train", "-", "--steps", str(int(steps)), "--lr", repr(float(lr)), "--momentum", repr(float(momentum)),
             "--json"], input_text=self.text()))
        return [float(x) for x in report["loss"]], {k: _matrix(v) for k, v in report["params"].items()}

    def __repr__(self):
        return f"<backprop_studio.Document: {len(self.data['nodes'])} nodes, root '{self.root}'>"
