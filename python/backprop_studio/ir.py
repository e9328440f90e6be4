# SPDX-License-Identifier: GPL-3.0-or-later
"""The graph as PyTorch sees it, between the two front ends (the autograd graph of a tensor,
torch.fx of a module) and the lowering to the program's ops: one Node per PyTorch operation,
with PyTorch's shapes (0, 1 or 2 dimensions) and its value."""

import torch

from .errors import ConversionError

# op -> how PyTorch computes it from the input values and attrs (used where the autograd graph
# does not keep a value: the front end computes it, as PyTorch did).
_FORWARD = {
    "add": lambda a, b, alpha=1: a + alpha * b,
    "sub": lambda a, b, alpha=1: a - alpha * b,
    "rsub": lambda a, b, alpha=1: b - alpha * a,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "neg": lambda a: -a,
    "reciprocal": lambda a: 1 / a,
    "matmul": torch.matmul,
    "linear": lambda x, w, b=None: torch.nn.functional.linear(x, w, b),
    "addmm": lambda bias, m1, m2, beta=1, alpha=1: beta * bias + alpha * (m1 @ m2),
    "pow": lambda a, exponent: a ** exponent,
    "transpose": lambda a: a.t(),
    "transpose_dims": lambda a, dim0, dim1: a.transpose(dim0, dim1),
    "permute": lambda a, dims: a.permute(dims),
    "squeeze": lambda a, dim=None: a.squeeze() if dim is None else a.squeeze(dim),
    "unsqueeze": lambda a, dim: a.unsqueeze(dim),
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "exp": torch.exp,
    "log": torch.log,
    "relu": torch.relu,
    "abs": torch.abs,
    "sqrt": torch.sqrt,
    "sum": lambda a, dims=None, keepdim=False: a.sum() if dims is None else a.sum(dim=dims, keepdim=keepdim),
    "mean": lambda a, dims=None, keepdim=False: a.mean() if dims is None else a.mean(dim=dims, keepdim=keepdim),
    "mse": lambda a, b, reduction="mean": torch.nn.functional.mse_loss(a, b, reduction=reduction),
    "reshape": lambda a, shape: a.reshape(shape),
    "expand": lambda a, shape: a.expand(shape),
    "identity": lambda a: a,
}

LEAF_KINDS = ("param", "input", "const")


def forward(op, values, attrs):
    """What PyTorch computes for `op` on these input values."""
    with torch.no_grad():
        return _FORWARD[op](*values, **attrs)


class Node:
    """One PyTorch operation or leaf tensor.

    kind: "param", "input", "const" for a leaf, "op" otherwise. name: the user's name for it (a
    variable, a module path such as "fc1.weight"), or None. function: the PyTorch function, for
    messages. value: a float64 tensor, or None while it is not known."""

    __slots__ = ("kind", "op", "inputs", "attrs", "value", "name", "function", "keep_name")

    def __init__(self, kind, op=None, inputs=(), attrs=None, value=None, name=None, function=None, keep_name=False):
        self.kind = kind
        self.op = op
        self.inputs = list(inputs)
        self.attrs = dict(attrs or {})
        self.value = value
        self.name = name
        self.function = function or op
        # A name the lecturer wrote (a variable): kept even where the op adds no node of its own
        # (a view), as an identity node, so every variable of the code is on the canvas.
        self.keep_name = keep_name

    @property
    def is_leaf(self):
        return self.kind in LEAF_KINDS

    def compute(self):
        """The value from the inputs' values, as PyTorch computes it."""
        self.value = forward(self.op, [i.value for i in self.inputs], self.attrs)
        return self.value

    def __repr__(self):
        return f"<{self.kind} {self.op or ''} {self.name or ''} {self.function}>"


def as_float64(tensor, function):
    """A detached float64 copy, or a ConversionError for what the program cannot hold.
    `function` names the operation that gave it, or the leaf ("the input 'x'")."""
    if not isinstance(tensor, torch.Tensor):
        tensor = torch.tensor(tensor)
    if tensor.is_complex():
        raise ConversionError(f"{function}: a complex tensor; Backprop Studio computes with real numbers")
    check_dimensions(tensor.shape, function)
    return tensor.detach().to(device="cpu", dtype=torch.float64).clone()


def check_dimensions(shape, function):
    if len(shape) > 2:
        raise ConversionError(
            f"{function}: a tensor of shape {tuple(shape)}, and Backprop Studio's values are matrices "
            f"(at most 2 dimensions); reshape or index it to 2 dimensions in PyTorch first")


def topological(root):
    """Every node the root depends on, inputs before the nodes that use them (iterative: a chain
    of 30,000 ops must not exhaust Python's recursion limit)."""
    order, state, stack = [], {}, [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
            continue
        if id(node) in state:
            continue
        state[id(node)] = True
        stack.append((node, True))
        for i in reversed(node.inputs):
            if id(i) not in state:
                stack.append((i, False))
    return order
