# SPDX-License-Identifier: GPL-3.0-or-later
"""Node names: the program's names are letters, digits and _ (not a keyword), so "fc1.weight"
is named fc1_weight and keeps "fc1.weight" as the label the window shows; and the names a
lecturer gave the tensors in Python, found among the caller's variables."""

import re
import sys

import torch

KEYWORDS = {"input", "param", "const", "backward", "with"}


def program_name(text):
    """A name the program accepts for `text`: "fc1.weight" -> "fc1_weight", "input" -> "input_"."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", text)
    if not name.strip("_"):
        name = "v" + name
    if name[0].isdigit():
        name = "_" + name
    if name in KEYWORDS:
        name += "_"
    return name


class NameTable:
    """The names given so far; a clash gets _2, _3, ..."""

    def __init__(self):
        self._used = set()

    def claim(self, wanted):
        name, n = wanted, 1
        while name in self._used:
            n += 1
            name = f"{wanted}_{n}"
        self._used.add(name)
        return name


def caller_frame():
    """The first frame outside this package: the lecturer's code (a script, a notebook cell)."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__", "").split(".")[0] == __name__.split(".")[0]:
        frame = frame.f_back
    return frame


def _is_notebook_name(name):
    # IPython keeps every output as _, __, _1, Out[...]: not names a lecturer chose.
    return name.startswith("_") or name in ("In", "Out")


def variables_of(frame):
    """(name, tensor) for every tensor the frame can see by name: its locals, then its globals."""
    if frame is None:
        return []
    seen, found = set(), []
    for scope in (frame.f_locals, frame.f_globals if frame.f_globals is not frame.f_locals else {}):
        for name, value in list(scope.items()):
            if isinstance(value, torch.Tensor) and not _is_notebook_name(name) and name not in seen:
                seen.add(name)
                found.append((name, value))
    return found
