# SPDX-License-Identifier: GPL-3.0-or-later
"""What the Python tests share: PyTorch or a skip, the program, and comparing a document's
numbers (the real backprop-studio's eval --json) with PyTorch's own."""

import json
import os
import sys
import unittest

SKIP = 77  # CTest's SKIP_RETURN_CODE: PyTorch is not installed

try:
    import torch
except ImportError:
    print("PyTorch is not installed (Debian: python3-torch): skipped")
    sys.exit(SKIP)

import backprop_studio as bps  # noqa: E402
from backprop_studio.names import program_name  # noqa: E402

torch.set_default_dtype(torch.float64)
__all__ = ["bps", "torch", "seed_values", "near", "Recorder", "ConversionCase", "TOLERANCE"]
TOLERANCE = 1e-9
DATA = os.environ.get("BPS_TEST_DATA", os.path.join(os.path.dirname(__file__), "..", "data"))


def seed_values():
    with open(os.path.join(DATA, "seed-values.json")) as f:
        return json.load(f)


def near(ours, theirs):
    """Whether two tensors agree to TOLERANCE (relative for large numbers), entry by entry, in
    any arrangement of the same entries (a vector is a column or a row in the program)."""
    ours, theirs = ours.flatten(), theirs.detach().to(torch.float64).flatten()
    if ours.shape != theirs.shape:
        return False
    return bool(((ours - theirs).abs() <= TOLERANCE * theirs.abs().clamp(min=1)).all())


class Recorder(torch.fx.Interpreter):
    """Runs a traced module keeping every call's result by the name the converter gives it;
    with retain=True, each keeps its gradient too."""

    def __init__(self, module, retain):
        super().__init__(module)
        self.tensors = {}
        self.retain = retain

    def run_node(self, n):
        out = super().run_node(n)
        if n.op in ("call_module", "call_function", "call_method") and isinstance(out, torch.Tensor):
            if self.retain and out.grad_fn is not None:
                out.retain_grad()
            self.tensors.setdefault(n.target if n.op == "call_module" else n.name, out)
        return out


class ConversionCase(unittest.TestCase):
    def assertMatchesPyTorch(self, document, reference, label, minimum=1):
        """Every node of `document` named in `reference` ({name: tensor with .grad}) has
        PyTorch's value and gradient; at least `minimum` of them are compared."""
        evaluated = document.evaluate()
        compared = 0
        for name, tensor in reference.items():
            ours = evaluated.get(program_name(name))
            if ours is None:
                continue
            compared += 1
            self.assertTrue(near(ours[0], tensor), f"{label}: value of {name}: {ours[0]} vs {tensor}")
            if not tensor.requires_grad:
                continue  # data PyTorch computes no gradient for
            grad = tensor.grad if tensor.grad is not None else torch.zeros_like(tensor)  # not reached: 0
            self.assertTrue(near(ours[1], grad), f"{label}: gradient of {name}: {ours[1]} vs {grad}")
        self.assertGreaterEqual(compared, minimum, f"{label}: too few nodes compared ({sorted(evaluated)})")
        return compared
