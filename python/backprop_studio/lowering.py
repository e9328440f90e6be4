# SPDX-License-Identifier: GPL-3.0-or-later
"""From PyTorch's operations to the program's ops (core/ops/op_table.cpp): every value becomes a
matrix. A 0-d tensor is 1x1, a 2-D tensor keeps its shape, and a vector (1-D) is a column, as
in the .bpg language ([1, 0] is 2x1), or a row where PyTorch's broadcasting or matmul treats it
as one; a transpose node is inserted where one value is needed both ways. Operations the op
table lacks are written with the ops it has (linear is x @ Wᵀ + b, sum over a dimension is a
product with a column of ones)."""

import torch

from .builder import ProgramBuilder
from .errors import ConversionError, UnsupportedOperation

# Defaults for leaves without a name of their own: the leaf kinds of the .bpg language.
_DEFAULT_LEAF_NAME = {"param": "w", "input": "x", "const": None}


def _broadcast(a, b):
    rows = a[0] if b[0] == 1 else b[0]
    cols = a[1] if b[1] == 1 else b[1]
    return rows, cols


def _layout(dims, vector_layout="col"):
    return {0: "scalar", 1: vector_layout, 2: "mat"}[dims]


class Lowering:
    def __init__(self):
        self.builder = ProgramBuilder()
        self._lowered = {}     # id(Node) -> (program name, layout)
        self._transposed = {}  # program name -> the name of its transpose
        self._renamed = {}     # an anonymous op's first name -> the name it took later
        self._final_made = False
        self._current = None

    # ---- program nodes ---------------------------------------------------------------------

    def _shape_of(self, op, inputs, attrs):
        shapes = [self.builder.shape(i) for i in inputs]
        if op in ("add", "sub", "mul", "div"):
            return _broadcast(*shapes)
        if op == "matmul":
            if shapes[0][1] != shapes[1][0]:
                raise ConversionError(f"internal: matmul of {shapes[0]} and {shapes[1]}")
            return shapes[0][0], shapes[1][1]
        if op == "transpose":
            return shapes[0][1], shapes[0][0]
        if op in ("sum", "mean", "mse"):
            return 1, 1
        if op == "reshape":
            return tuple(attrs["shape"])
        return shapes[0]

    def _op(self, op, inputs, attrs=None, name=None, label=None):
        return self.builder.op(op, inputs, self._shape_of(op, inputs, attrs), attrs, name, label)

    def _const(self, value):
        value = torch.as_tensor(value, dtype=torch.float64)
        return self.builder.leaf("const", value.reshape(1, 1) if value.dim() == 0 else value)

    def _transpose(self, name):
        """A transpose of `name`, made once however many users want it."""
        if name not in self._transposed:
            self._transposed[name] = self._op("transpose", [name])
        return self._transposed[name]

    # ---- values as the program holds them --------------------------------------------------

    def _emit_leaf(self, node, layout):
        v = node.value
        if v.dim() == 1:
            matrix = v.reshape(1, -1) if layout == "row" else v.reshape(-1, 1)
        else:
            matrix = v.reshape(1, 1) if v.dim() == 0 else v
        name = node.name or _DEFAULT_LEAF_NAME[node.kind]
        self._lowered[id(node)] = (self.builder.leaf(node.kind, matrix, name, node.name), _layout(v.dim(), layout))

    def get(self, node, want=None):
        """The program name of `node`; a vector as a column (want="col") or a row (want="row")."""
        if id(node) not in self._lowered:
            self._emit_leaf(node, want or "col")  # a leaf: made where it is first used, as that use wants it
        name, layout = self._lowered[id(node)]
        name = self._renamed.get(name, name)
        if layout in ("col", "row") and want and want != layout:
            return self._transpose(name)
        return name

    def layout(self, node):
        if id(node) not in self._lowered:
            return None
        return self._lowered[id(node)][1]

    def _vector_layout(self, *nodes):
        """For an op on vectors: the layout one of its operands already has, else a column."""
        for n in nodes:
            if n.value.dim() == 1 and self.layout(n) in ("col", "row"):
                return self.layout(n)
        return "col"

    # ---- one PyTorch operation -------------------------------------------------------------

    def lower(self, node):
        method = getattr(self, "_lower_" + node.op, None)
        if method is None:
            raise UnsupportedOperation(node.function)
        self._final_made = False
        self._current = node
        name, layout = method(node, *node.inputs, **node.attrs)
        if node.name and node.keep_name and not self._final_made:
            if self.builder.renamable(name):  # e.g. the matrix product inside x @ W for a vector x
                old, name = name, self.builder.rename(name, node.name)
                self._renamed[old] = name
            else:
                name = self._op("identity", [name], name=node.name)  # a view or copy the lecturer named
        self._lowered[id(node)] = (name, layout)

    def _final(self, op, inputs, attrs=None):
        """The node that holds the PyTorch operation's result: it takes the operation's name."""
        self._final_made = True
        return self._op(op, inputs, attrs, name=self._current.name)

    def _scaled(self, operand, factor, want):
        name = self.get(operand, want)
        return name if factor == 1 else self._op("mul", [name, self._const(factor)])

    def _binary(self, node, op, a, b, alpha=1):
        dims = node.value.dim()
        want = "row" if dims == 2 else self._vector_layout(a, b) if dims == 1 else None
        return self._final(op, [self.get(a, want), self._scaled(b, alpha, want)]), _layout(dims, want)

    def _lower_add(self, node, a, b, alpha=1):
        return self._binary(node, "add", a, b, alpha)

    def _lower_sub(self, node, a, b, alpha=1):
        return self._binary(node, "sub", a, b, alpha)

    def _lower_rsub(self, node, a, b, alpha=1):
        return self._binary(node, "sub", b, a, alpha)

    def _lower_mul(self, node, a, b):
        if b.kind == "const" and b.value.numel() == 1 and float(b.value) == 1.0 and a.value.shape == node.value.shape:
            return self._lower_identity(node, a)  # 1 / w is reciprocal(w) * 1 in PyTorch's graph
        return self._binary(node, "mul", a, b)

    def _lower_div(self, node, a, b):
        return self._binary(node, "div", a, b)

    def _unary(self, op, a, attrs=None):
        source = self.get(a)
        return self._final(op, [source], attrs), self.layout(a)

    def _lower_neg(self, node, a):
        return self._unary("neg", a)

    def _lower_sigmoid(self, node, a):
        return self._unary("sigmoid", a)

    def _lower_tanh(self, node, a):
        return self._unary("tanh", a)

    def _lower_exp(self, node, a):
        return self._unary("exp", a)

    def _lower_log(self, node, a):
        return self._unary("log", a)

    def _lower_relu(self, node, a):
        return self._unary("relu", a)

    def _lower_abs(self, node, a):
        return self._unary("abs", a)

    def _lower_sqrt(self, node, a):
        return self._unary("sqrt", a)

    def _lower_pow(self, node, a, exponent):
        if isinstance(exponent, torch.Tensor):
            if exponent.dim() != 0 or exponent.requires_grad:
                raise UnsupportedOperation(node.function, "the exponent must be a number, not a tensor")
            exponent = exponent.item()
        return self._unary("pow", a, {"exponent": float(exponent)})

    def _lower_reciprocal(self, node, a):
        return self._final("div", [self._const(1.0), self.get(a)]), self.layout(a)

    def _lower_identity(self, node, a):
        return self.get(a), self.layout(a)

    def _lower_transpose(self, node, a):
        if a.value.dim() < 2:
            return self._lower_identity(node, a)  # PyTorch's t() leaves a vector as it is
        return self._final("transpose", [self.get(a)]), "mat"

    def _lower_transpose_dims(self, node, a, dim0, dim1):
        d = a.value.dim()
        swaps = d == 2 and dim0 % 2 != dim1 % 2
        return self._lower_transpose(node, a) if swaps else self._lower_identity(node, a)

    def _lower_permute(self, node, a, dims):
        swaps = a.value.dim() == 2 and [x % 2 for x in dims] == [1, 0]
        return self._lower_transpose(node, a) if swaps else self._lower_identity(node, a)

    def _lower_matmul(self, node, a, b):
        da, db = a.value.dim(), b.value.dim()
        if da == 0 or db == 0:
            raise ConversionError(f"{node.function}: both operands of a matrix product need a dimension")
        left = self.get(a, "row")   # a vector on the left is a row ...
        right = self.get(b, "col")  # ... and on the right a column
        layout = "mat" if da == 2 and db == 2 else "col" if da == 2 else "row" if db == 2 else "scalar"
        return self._final("matmul", [left, right]), layout

    def _lower_linear(self, node, x, weight, bias=None):
        if x.value.dim() == 1:  # W @ x (+ b): the lecture's way round
            product_inputs, layout, bias_layout = [self.get(weight), self.get(x, "col")], "col", "col"
        else:
            product_inputs, layout, bias_layout = [self.get(x), self._transpose(self.get(weight))], "mat", "row"
        if bias is None:
            return self._final("matmul", product_inputs), layout
        return self._final("add", [self._op("matmul", product_inputs), self.get(bias, bias_layout)]), layout

    def _lower_addmm(self, node, bias, m1, m2, beta=1, alpha=1):
        product = self._op("matmul", [self.get(m1), self.get(m2)])
        if alpha != 1:
            product = self._op("mul", [product, self._const(alpha)])
        return self._final("add", [product, self._scaled(bias, beta, "row")]), "mat"

    def _reduce(self, node, op, a, dims, keepdim):
        d = a.value.dim()
        if isinstance(dims, int):
            dims = [dims]
        dims = sorted({x % max(d, 1) for x in dims}) if dims else None  # () is every dimension, as None
        if d < 2 or dims is None or dims == [0, 1]:
            out_dims = node.value.dim()
            return self._final(op, [self.get(a)]), _layout(out_dims) if out_dims < 2 else "mat"
        rows, cols = a.value.shape
        weight = 1.0 if op == "sum" else 1.0 / (cols if dims == [1] else rows)
        if dims == [1]:  # each row's sum: a @ ones(cols, 1)
            ones = self._const(torch.full((cols, 1), weight))
            return self._final("matmul", [self.get(a), ones]), "mat" if keepdim else "col"
        ones = self._const(torch.full((1, rows), weight))  # each column's: ones(1, rows) @ a
        return self._final("matmul", [ones, self.get(a)]), "mat" if keepdim else "row"

    def _lower_sum(self, node, a, dims=None, keepdim=False):
        return self._reduce(node, "sum", a, dims, keepdim)

    def _lower_mean(self, node, a, dims=None, keepdim=False):
        return self._reduce(node, "mean", a, dims, keepdim)

    def _lower_mse(self, node, a, b, reduction="mean"):
        dims = max(a.value.dim(), b.value.dim())
        want = "row" if dims == 2 else self._vector_layout(a, b) if dims == 1 else None
        pa, pb = self.get(a, want), self.get(b, want)
        if reduction == "mean":
            return self._final("mse", [pa, pb]), "scalar"
        if reduction == "sum":
            count = torch.broadcast_shapes(a.value.shape, b.value.shape).numel()
            return self._final("mul", [self._op("mse", [pa, pb]), self._const(float(count))]), "scalar"
        if reduction == "none":
            difference = self._op("sub", [pa, pb])
            return self._final("pow", [difference], {"exponent": 2.0}), _layout(dims, want)
        raise UnsupportedOperation(f"{node.function} with reduction='{reduction}'")

    def _lower_reshape(self, node, a, shape=None):
        out = tuple(node.value.shape)
        if a.value.dim() == 1 and len(out) == 2 and 1 in out:  # a vector as a row or a column
            return self.get(a, "row" if out[0] == 1 else "col"), "mat"
        source = self.get(a)
        have = self.builder.shape(source)
        if len(out) == 1:  # a vector: a column or a row already is one
            if have[1] == 1:
                return source, "col"
            if have[0] == 1:
                return source, "row"
            return self._final("reshape", [source], {"shape": [out[0], 1]}), "col"
        target = (1, 1) if len(out) == 0 else out
        if have == target:
            return source, _layout(len(out))
        return self._final("reshape", [source], {"shape": list(target)}), _layout(len(out))

    def _lower_squeeze(self, node, a, dim=None):
        return self._lower_reshape(node, a)

    def _lower_unsqueeze(self, node, a, dim):
        return self._lower_reshape(node, a)

    def _lower_expand(self, node, a, shape=None):
        out = tuple(node.value.shape)
        if tuple(a.value.shape) == out:
            return self._lower_identity(node, a)
        want = "row" if len(out) == 2 else "col"
        target = (1, 1) if len(out) == 0 else out if len(out) == 2 else (out[0], 1)
        zeros = self._const(torch.zeros(target))  # a + 0 broadcast: PyTorch's expand, its gradient summed back
        return self._final("add", [self.get(a, want), zeros]), _layout(len(out))


def lower(order, root, seed=None):
    """The document of the graph ending at `root` (every Node it depends on, in `order`)."""
    lowering = Lowering()
    for node in order:
        if not node.is_leaf:
            lowering.lower(node)
    root_name = lowering.get(root)
    layout = lowering.layout(root)
    seed_matrix = None
    if seed is not None and seed.numel() != 1:
        seed_matrix = seed.reshape(1, -1) if layout == "row" else seed.reshape(-1, 1) if seed.dim() == 1 else seed
    return lowering.builder.document(root_name, seed_matrix)
