# SPDX-License-Identifier: GPL-3.0-or-later
"""The graph of a tensor from PyTorch's autograd graph: grad_fn, next_functions and the tensors
the nodes saved for the backward pass.

The autograd graph keeps what the backward pass needs, not every forward value: the leaves that
need a gradient (AccumulateGrad.variable), the tensors an op saved (the x of W @ x, the target of
mse_loss), the result of sigmoid or exp. A number added or subtracted (b + 1, 1 - y) is not kept;
it is recovered from the operation's result where that result is known (a user's variable, a
tensor a later op saved, the loss itself), as result - other operand, and written as the
shortest decimal that gives the same result. The shape a view makes is not kept either; it is
taken from the tensors its users saved or from a variable holding it."""

import torch

from . import ir
from .autograd_ops import SHAPE_UNKNOWN, SPECS, function_of, hint_of, signed
from .errors import ConversionError, UnsupportedOperation

_FREED = ("the graph of this tensor was already freed by a backward pass (loss.backward() frees what the "
          "backward needs): convert it before calling backward, or call loss.backward(retain_graph=True)")

# Ops whose output has the shape of their (first) input.
_SHAPE_KEEPING = {"neg", "reciprocal", "sigmoid", "tanh", "exp", "log", "relu", "abs", "sqrt", "pow", "identity"}
_REDUCTIONS = {0: "none", 1: "mean", 2: "sum"}


class _Lost(ir.Node):
    """A number or tensor PyTorch did not keep (b + 1): a const whose value is to be recovered."""
    __slots__ = ()


def _saved(fn, field):
    try:
        return getattr(fn, field)
    except AttributeError:
        return None
    except RuntimeError as e:
        if "freed" in str(e) or "second time" in str(e):
            raise ConversionError(_FREED) from None
        raise


class AutogradWalk:
    def __init__(self, root_tensor, naming):
        """naming: (name, tensor) pairs, the first name of a tensor winning."""
        self.root_tensor = root_tensor
        self.naming = naming
        self.nodes = {}        # grad_fn -> Node
        self.leaves = {}       # a tensor's _cdata -> its leaf Node
        self.known_value = {}  # id(Node) -> a value PyTorch kept
        self.known_shape = {}  # id(Node) -> a shape PyTorch kept
        self.users = {}        # id(Node) -> [the Nodes that use it]
        self._tensor_names = {}
        self._storage_names = {}
        self._fn_names = {}

    # ---- the walk ----------------------------------------------------------------------------

    def run(self):
        root_fn = self.root_tensor.grad_fn
        functions = self._functions(root_fn) if root_fn is not None else []
        for name, tensor in self.naming:
            if tensor.grad_fn is not None:
                if tensor.output_nr == 0:
                    self._fn_names.setdefault(tensor.grad_fn, (name, tensor))
            else:
                self._tensor_names.setdefault(tensor._cdata, name)
                if not tensor.requires_grad:  # what a saved view of it (x.unsqueeze(0) in x @ W) shares
                    self._storage_names.setdefault((tensor.data_ptr(), tensor.numel()), name)
        for fn in functions:
            self.nodes[fn] = self._node(fn)
        root = self.nodes[root_fn] if root_fn is not None else self._param(self.root_tensor)
        self.known_value[id(root)] = self.root_tensor
        for fn, (name, tensor) in self._fn_names.items():
            if fn in self.nodes:
                self.known_value[id(self.nodes[fn])] = tensor
        order = ir.topological(root)
        self._resolve(order)
        return order, root

    @staticmethod
    def _functions(root_fn):
        """Every grad_fn below the root but the leaves', inputs first (iteratively: deep chains)."""
        order, seen, stack = [], set(), [(root_fn, False)]
        while stack:
            fn, done = stack.pop()
            if done:
                order.append(fn)
                continue
            if fn in seen:
                continue
            seen.add(fn)
            stack.append((fn, True))
            for next_fn, _ in reversed(fn.next_functions):
                if next_fn is not None and not hasattr(next_fn, "variable") and next_fn not in seen:
                    stack.append((next_fn, False))
        return order

    def _node(self, fn):
        cls = type(fn).__name__
        spec = SPECS.get(cls)
        function = function_of(cls)
        if spec is None or len(fn.next_functions) != len(spec.args):
            raise UnsupportedOperation(function, hint_of(cls))
        inputs = [self._input(fn, next_fn, nr, arg, function)
                  for (next_fn, nr), arg in zip(fn.next_functions, spec.args)]
        if spec.scalar == "lost":
            inputs.append(_Lost("const", function=function))
        elif spec.scalar:
            inputs.append(self._constant(_saved(fn, spec.scalar), function))
        attrs = {key: _saved(fn, field) for key, field in spec.attrs.items()}
        for key in ("dim", "dim0", "dim1"):
            if key in attrs:
                attrs[key] = signed(attrs[key])
        for key in ("dims",):
            if key in attrs:
                attrs[key] = [signed(d) for d in attrs[key]]
        if "reduction" in attrs:
            attrs["reduction"] = _REDUCTIONS.get(attrs["reduction"], attrs["reduction"])
        name, _ = self._fn_names.get(fn, (None, None))
        node = ir.Node("op", spec.op, inputs, attrs, name=name, function=function, keep_name=name is not None)
        for i in inputs:
            self.users.setdefault(id(i), []).append(node)
        result = _saved(fn, "_saved_result")
        if result is not None:
            self.known_value[id(node)] = result
        return node

    def _input(self, fn, next_fn, nr, arg, function):
        saved = _saved(fn, "_saved_" + arg)
        if next_fn is None:  # needs no gradient: PyTorch kept it only if the backward needs it
            return self._constant(saved, function) if saved is not None else _Lost("const", function=function)
        if hasattr(next_fn, "variable"):
            return self._param(next_fn.variable)
        if nr != 0:
            raise UnsupportedOperation(function_of(type(next_fn).__name__),
                                       "only operations with one result can be shown")
        child = self.nodes[next_fn]
        if saved is not None:
            self.known_value[id(child)] = saved
        for field in ("_saved_" + arg + "_sym_sizes", "_saved_" + arg + "_sizes"):
            sizes = _saved(fn, field)
            if isinstance(sizes, tuple):
                self.known_shape[id(child)] = tuple(sizes)
        return child

    def _param(self, tensor):
        if tensor._cdata not in self.leaves:
            name = self._tensor_names.get(tensor._cdata)
            value = ir.as_float64(tensor, f"the parameter {name or ''} of shape {tuple(tensor.shape)}")
            self.leaves[tensor._cdata] = ir.Node("param", value=value, name=name, function="a parameter")
        return self.leaves[tensor._cdata]

    def _constant(self, value, function):
        if not isinstance(value, torch.Tensor):  # a number the node saved (x * 2.5)
            return ir.Node("const", value=ir.as_float64(value, function), function=function)
        if value._cdata not in self.leaves:
            name = self._tensor_names.get(value._cdata)
            if name is None and value.is_contiguous():
                name = self._storage_names.get((value.data_ptr(), value.numel()))
            kind = "input" if name else "const"
            self.leaves[value._cdata] = ir.Node(kind, value=ir.as_float64(value, function), name=name,
                                                function=function)
        return self.leaves[value._cdata]

    # ---- the values PyTorch did not keep -------------------------------------------------------

    def _resolve(self, order):
        pending = [n for n in order if n.value is None and not isinstance(n, _Lost)]
        while pending:
            still = [n for n in pending if not self._settle(n)]
            if len(still) == len(pending):
                break
            pending = still
        if pending:
            node = pending[0]
            if any(isinstance(i, _Lost) and i.value is None for i in node.inputs):
                raise ConversionError(
                    f"{node.function}: PyTorch does not keep a number or tensor that is added or subtracted "
                    f"without needing a gradient, and the result of the operation is not kept either, so "
                    f"its value cannot be recovered; assign the result to a variable (z = x + c), give the "
                    f"constant requires_grad=True, or use from_module(model, x)")
            raise ConversionError(
                f"{node.function}: the shape it makes is not kept by PyTorch; assign its result to a "
                f"variable, or use from_module(model, x)")

    def _settle(self, node):
        known = self.known_value.get(id(node))
        lost = [i for i in node.inputs if isinstance(i, _Lost) and i.value is None]
        if lost:
            others = [i for i in node.inputs if i is not lost[0]]
            if known is None or len(lost) > 1 or any(i.value is None for i in others):
                return False
            known = ir.as_float64(known, node.function)
            slot = node.inputs.index(lost[0])
            named = self._named_constant(node, slot, known)
            if named is not None:
                node.inputs[slot] = named
                self.users.setdefault(id(named), []).append(node)
            else:
                lost[0].value = _recovered_constant(node, slot, known)
        if known is not None:
            node.value = ir.as_float64(known, node.function)
            if node.op in SHAPE_UNKNOWN:
                node.attrs["shape"] = tuple(node.value.shape)
            return True
        if any(i.value is None for i in node.inputs):
            return False
        if node.op in SHAPE_UNKNOWN:
            shape = self._shape_from_users(node)
            if shape is None:
                return False
            node.attrs["shape"] = shape
        node.compute()
        ir.check_dimensions(node.value.shape, node.function)
        return True

    def _named_constant(self, node, slot, out):
        """A variable of the caller's that gives the operation's result in the place PyTorch did
        not keep (the target of (y - target) ** 2): the input it was, by its name."""
        for name, tensor in self.naming:
            if (tensor.grad_fn is None and not tensor.requires_grad and tensor.dim() <= 2
                    and _gives_result(node, slot, tensor, out)):
                return self._constant(tensor, node.function)
        return None

    def _shape_from_users(self, node):
        if id(node) in self.known_shape:
            return self.known_shape[id(node)]
        for user in self.users.get(id(node), []):
            if user.value is not None and user.op in _SHAPE_KEEPING:
                return tuple(user.value.shape)
            if user.op == "mse":
                other = [i for i in user.inputs if i is not node]
                if other and other[0].value is not None:
                    return tuple(other[0].value.shape)
        return None


def _recovered_constant(node, slot, out):
    """The operand PyTorch did not keep, from the result: the simplest value (a number rather
    than a matrix of equal numbers, 1 rather than 0.9999999999999998) that gives the result
    exactly, or the plain difference where none does."""
    values = [i.value for i in node.inputs]
    attrs = dict(node.attrs)
    alpha, beta = attrs.get("alpha", 1), attrs.get("beta", 1)
    others = [v for i, v in enumerate(values) if i != slot]
    if node.op == "add":
        raw = out - alpha * others[0] if slot == 0 else (out - others[0]) / alpha
    elif node.op == "sub":
        raw = out + alpha * others[0] if slot == 0 else (others[0] - out) / alpha
    elif node.op == "rsub":  # other - alpha * self
        raw = (others[0] - out) / alpha if slot == 0 else out + alpha * others[0]
    elif node.op == "addmm":
        raw = (out - alpha * (values[1] @ values[2])) / beta
    else:
        raise ConversionError(f"{node.function}: an operand PyTorch did not keep")

    def gives_result(candidate):
        return _gives_result(node, slot, candidate, out)

    for digits in list(range(1, 18)) + [None]:
        rounded = raw if digits is None else torch.tensor(
            [float(f"{x:.{digits}g}") for x in raw.flatten().tolist()], dtype=torch.float64).reshape(raw.shape)
        for shaped in _simpler_shapes(rounded):
            if gives_result(shaped):
                return shaped
    return raw


def _gives_result(node, slot, candidate, out):
    """Whether the operation gives exactly `out` with `candidate` in input `slot`."""
    trial = [i.value for i in node.inputs]
    trial[slot] = ir.as_float64(candidate, node.function)
    try:
        return torch.equal(ir.forward(node.op, trial, node.attrs), out)
    except RuntimeError:
        return False


def _simpler_shapes(value):
    """The value as a number, a row, a column where its entries allow, then as it is."""
    flat = value.flatten()
    if flat.numel() > 0 and bool((flat == flat[0]).all()):
        yield flat[0].clone()
    if value.dim() == 2:
        if bool((value == value[0:1]).all()):
            yield value[0].clone()
        if bool((value == value[:, 0:1]).all()):
            yield value[:, 0:1].clone()
    yield value
