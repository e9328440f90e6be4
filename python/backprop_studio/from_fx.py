# SPDX-License-Identifier: GPL-3.0-or-later
"""The graph of a module from torch.fx: the module's code traced into calls (of submodules,
functions, methods), every call's value from running it on the example inputs, and names from
the module's structure (fc1, fc1.weight, the forward's argument names)."""

import operator

import torch
import torch.nn as nn
import torch.nn.functional as F

from . import ir
from .errors import ConversionError, UnsupportedOperation

_BINARY = {"add": "add", "sub": "sub", "mul": "mul", "truediv": "div", "div": "div", "rsub": "rsub"}
_UNARY = {"neg": "neg", "sigmoid": "sigmoid", "tanh": "tanh", "exp": "exp", "log": "log", "relu": "relu",
          "abs": "abs", "sqrt": "sqrt", "reciprocal": "reciprocal"}
_MATMUL = {"matmul", "mm", "mv", "dot"}
_REDUCE = {"sum", "mean"}
_RESHAPE = {"view", "reshape", "flatten", "squeeze", "unsqueeze", "view_as", "reshape_as"}
_SAME = {"clone", "contiguous", "double", "float", "to", "detach_copy", "type_as"}

_FUNCTION_NAMES = {operator.add: "add", operator.sub: "sub", operator.mul: "mul", operator.truediv: "truediv",
                   operator.neg: "neg", operator.matmul: "matmul", operator.pow: "pow",
                   F.relu: "relu", F.linear: "linear", F.mse_loss: "mse_loss", torch.t: "t",
                   torch.transpose: "transpose", F.sigmoid: "sigmoid", F.tanh: "tanh"}

_CROSS_ENTROPY_HINT = ("softmax and cross-entropy are not among the program's ops yet: use mse_loss, or write the "
                       "loss from exp, log and sum (logits - logits.exp().sum(1, keepdim=True).log() is log_softmax)")


def _module_function(module):
    """The op a leaf module of torch.nn computes, or None."""
    table = {nn.Sigmoid: "sigmoid", nn.Tanh: "tanh", nn.ReLU: "relu", nn.Identity: "identity",
             nn.Flatten: "flatten", nn.Linear: "linear", nn.MSELoss: "mse_loss"}
    return table.get(type(module))


class _Recorder(torch.fx.Interpreter):
    """Runs the traced module and keeps every call's value."""

    def __init__(self, module):
        super().__init__(module)
        self.values = {}

    def run_node(self, n):
        result = super().run_node(n)
        self.values[n] = result
        return result


def trace(callable_, what):
    try:
        return torch.fx.symbolic_trace(callable_)
    except Exception as e:  # TraceError, or a Python error from code that needs real values
        raise ConversionError(
            f"torch.fx cannot trace {what}: {e}; compute the loss in PyTorch and use "
            f"from_loss(loss, model=model) instead") from None


class FxConverter:
    def __init__(self):
        self.leaves = {}  # qualified parameter name -> its leaf Node

    def convert(self, traced, arguments, argument_nodes=None, prefix=""):
        """The IR node of `traced`'s output. arguments: the values of its placeholders;
        argument_nodes: IR nodes standing for some of them (by position), else inputs are made."""
        recorder = _Recorder(traced)
        with torch.no_grad():
            recorder.run(*arguments)
        self._values = recorder.values
        self._module = traced
        self._prefix = prefix
        env = {}
        position = 0
        output = None
        for n in traced.graph.nodes:
            if n.op == "placeholder":
                given = (argument_nodes or {}).get(position)
                env[n] = given if given is not None else ir.Node(
                    "input", value=ir.as_float64(arguments[position], f"the input '{n.target}'"), name=n.target,
                    function=f"the input '{n.target}'")
                position += 1
            elif n.op == "get_attr":
                env[n] = self._attribute(n.target)
            elif n.op == "output":
                output = n.args[0]
            else:
                env[n] = self._call(n, env)
        if not isinstance(output, torch.fx.Node):
            raise ConversionError("the model must return one tensor (it returns "
                                  f"{type(output).__name__}); pass loss_fn= to reduce it to a loss")
        return env[output]

    # ---- leaves --------------------------------------------------------------------------

    def _attribute(self, target):
        qualified = self._prefix + target
        if qualified not in self.leaves:
            value = self._module
            for part in target.split("."):
                value = getattr(value, part)
            if not isinstance(value, torch.Tensor):
                raise ConversionError(f"'{qualified}' is a {type(value).__name__}, not a tensor")
            kind = "param" if isinstance(value, nn.Parameter) and value.requires_grad else "const"
            self.leaves[qualified] = ir.Node(kind, value=ir.as_float64(value, f"'{qualified}'"), name=qualified,
                                             function=f"'{qualified}'")
        return self.leaves[qualified]

    def _operand(self, arg, env, function):
        if isinstance(arg, ir.Node):
            return arg
        if isinstance(arg, torch.fx.Node):
            return env[arg]
        if isinstance(arg, (int, float)) and not isinstance(arg, bool):
            return ir.Node("const", value=torch.tensor(float(arg), dtype=torch.float64), function=function)
        raise UnsupportedOperation(function, f"an argument of type {type(arg).__name__} ({arg!r})")

    # ---- calls ---------------------------------------------------------------------------

    def _call(self, n, env):
        value = self._values[n]
        if n.op == "call_module":
            module = self._module.get_submodule(n.target)
            name, function = _module_function(module), f"torch.nn.{type(module).__name__} ('{n.target}')"
            if name is None and isinstance(module, nn.Dropout):
                if module.training and module.p > 0:
                    raise UnsupportedOperation(function, "call model.eval() first: dropout in training mode is random")
                name = "identity"
            if name is None:
                hint = _CROSS_ENTROPY_HINT if "Softmax" in function or "Entropy" in function or "NLL" in function else ""
                raise UnsupportedOperation(function, hint)
            args = list(n.args)
            kwargs = dict(n.kwargs)
            if name == "linear":
                args += [self._attribute(n.target + ".weight")]
                args += [self._attribute(n.target + ".bias")] if module.bias is not None else []
            if name == "mse_loss":
                kwargs["reduction"] = module.reduction
            node_name = n.target
        elif n.op == "call_method":
            name, function, args, kwargs = n.target, f"Tensor.{n.target}", list(n.args), dict(n.kwargs)
            node_name = n.name
        else:
            target = n.target
            if target is getattr and n.args[1] == "T":
                target, args = torch.t, [n.args[0]]
            else:
                args = list(n.args)
            name = _FUNCTION_NAMES.get(target, getattr(target, "__name__", str(target)))
            module_name = getattr(target, "__module__", None) or "torch"
            function = f"{module_name.replace('torch._C._nn', 'torch.nn.functional')}.{name}".replace(
                "_operator.", "operator.").replace("torch._C._VariableFunctions.", "torch.")
            kwargs = dict(n.kwargs)
            node_name = n.name
        ir_node = self._op(name, function, args, kwargs, env, value)
        ir_node.value = ir.as_float64(value, function)
        ir_node.name = ir_node.name or node_name
        return ir_node

    def _op(self, name, function, args, kwargs, env, value):
        operand = lambda a: self._operand(a, env, function)  # noqa: E731
        if not isinstance(value, torch.Tensor):
            raise UnsupportedOperation(function, f"it gives a {type(value).__name__}, not a tensor")
        if name in _BINARY:
            attrs = {"alpha": kwargs["alpha"]} if "alpha" in kwargs else {}
            return ir.Node("op", _BINARY[name], [operand(args[0]), operand(args[1])], attrs, function=function)
        if name in _UNARY:
            return ir.Node("op", _UNARY[name], [operand(args[0])], function=function)
        if name in _MATMUL:
            return ir.Node("op", "matmul", [operand(args[0]), operand(args[1])], function=function)
        if name == "pow":
            exponent = args[1] if len(args) > 1 else kwargs.get("exponent")
            if isinstance(exponent, torch.fx.Node) or not isinstance(args[0], torch.fx.Node):
                raise UnsupportedOperation(function, "only a tensor to the power of a number can be shown")
            return ir.Node("op", "pow", [operand(args[0])], {"exponent": exponent}, function=function)
        if name in _REDUCE:
            dims = args[1] if len(args) > 1 else kwargs.get("dim")
            keepdim = args[2] if len(args) > 2 else kwargs.get("keepdim", False)
            return ir.Node("op", name, [operand(args[0])], {"dims": dims, "keepdim": keepdim}, function=function)
        if name == "mse_loss":
            reduction = kwargs.get("reduction", "mean")
            return ir.Node("op", "mse", [operand(args[0]), operand(args[1])], {"reduction": reduction},
                           function=function)
        if name == "linear":
            bias = args[2] if len(args) > 2 else kwargs.get("bias")
            inputs = [operand(args[0]), operand(args[1])] + ([operand(bias)] if bias is not None else [])
            return ir.Node("op", "linear", inputs, function=function)
        if name == "t" or (name == "transpose" and len(args) == 1):
            return ir.Node("op", "transpose", [operand(args[0])], function=function)
        if name == "transpose":
            return ir.Node("op", "transpose_dims", [operand(args[0])], {"dim0": args[1], "dim1": args[2]},
                           function=function)
        if name == "permute":
            dims = args[1] if len(args) == 2 and isinstance(args[1], (tuple, list)) else args[1:]
            return ir.Node("op", "permute", [operand(args[0])], {"dims": list(dims)}, function=function)
        if name in _RESHAPE:
            return ir.Node("op", "reshape", [operand(args[0])], {"shape": tuple(value.shape)}, function=function)
        if name in ("expand", "expand_as"):
            return ir.Node("op", "expand", [operand(args[0])], {"shape": tuple(value.shape)}, function=function)
        if name in _SAME or name == "identity":
            return ir.Node("op", "identity", [operand(args[0])], function=function)
        hint = _CROSS_ENTROPY_HINT if any(w in name for w in ("softmax", "entropy", "nll")) else ""
        raise UnsupportedOperation(function, hint)
