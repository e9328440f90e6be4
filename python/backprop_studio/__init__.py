# SPDX-License-Identifier: GPL-3.0-or-later
"""Backprop Studio from PyTorch: a model or a loss sent to the window, drawn inline in Jupyter.

    import backprop_studio as bps
    bps.show(loss)                                   # the graph of a loss, in the window
    bps.from_module(model, x, loss_fn=nn.MSELoss(), target=y).show()

from_loss walks the autograd graph of a tensor (grad_fn, next_functions, the saved tensors);
from_module traces a module with torch.fx. Both give a Document: the program's JSON document,
which save(), show(), svg() and Jupyter's display (_repr_svg_) use through the backprop-studio
program ($BACKPROP_STUDIO, or backprop-studio on the PATH)."""

import torch

from .document import SVG, Document
from .errors import ConversionError, ExecutableNotFound, UnsupportedOperation
from .from_autograd import AutogradWalk
from .from_fx import FxConverter, trace
from .ir import Node, as_float64, topological
from .lowering import lower
from .names import caller_frame, variables_of

__all__ = ["from_loss", "from_module", "show", "svg", "save", "Document", "SVG", "ConversionError",
           "UnsupportedOperation", "ExecutableNotFound"]
__version__ = "1.0"


def _checked_seed(tensor, seed, what):
    if seed is None:
        if tensor.numel() != 1:
            raise ConversionError(
                f"{what} has shape {tuple(tensor.shape)}, not a single number: give seed= a tensor of that "
                f"shape, as tensor.backward(seed) takes (the backward pass then computes seedᵀ·J), or "
                f"reduce it to a loss with .sum() or .mean()")
        return None
    seed = as_float64(seed, "the seed")
    if tuple(seed.shape) != tuple(tensor.shape):
        raise ConversionError(f"the seed has shape {tuple(seed.shape)} but {what} has shape {tuple(tensor.shape)}")
    return seed


def from_loss(loss, seed=None, *, model=None, names=None):
    """The document of the computation that made `loss`, from its autograd graph.

    Parameters (tensors that require grad) are named from model.named_parameters() when a model
    is given (fc1.weight), from `names` ({"x": x, ...}), and from the caller's variables; the
    other tensors become inputs (a named variable) or constants. A loss that is not a single
    number needs a `seed` of its shape, as loss.backward(seed) does. Convert before
    loss.backward(), which frees the graph (or use backward(retain_graph=True))."""
    if not isinstance(loss, torch.Tensor):
        raise TypeError(f"from_loss takes a tensor, not {type(loss).__name__}")
    if not loss.requires_grad:
        raise ConversionError(
            "this tensor needs no gradient: nothing it was computed from requires grad, so it has no "
            "backward pass to show; create the parameters with requires_grad=True (nn.Parameter does), "
            "and do not compute the loss under torch.no_grad()")
    seed = _checked_seed(loss, seed, "the loss")
    naming = list((names or {}).items())
    if model is not None:
        naming += list(model.named_parameters())
    naming += variables_of(caller_frame())
    order, root = AutogradWalk(loss, naming).run()
    if root.name is None:
        root.name = "loss" if loss.numel() == 1 else "output"
    return Document(lower(order, root, seed))


def from_module(model, *example_inputs, loss_fn=None, target=None, seed=None):
    """The document of model(*example_inputs), or of loss_fn(model(*example_inputs), target),
    traced with torch.fx: nodes named as the module names them (fc1, fc1.weight, x)."""
    if not callable(model):
        raise TypeError(f"from_module takes a module, not {type(model).__name__}")
    converter = FxConverter()
    traced = trace(model, f"{type(model).__name__}")
    root = converter.convert(traced, list(example_inputs))
    if loss_fn is not None:
        if target is None:
            raise ConversionError("loss_fn needs the target: from_module(model, x, loss_fn=..., target=y)")
        target_node = Node("const", value=as_float64(target, "the target"), name="target", function="the target")
        loss_traced = trace(_LossCall(loss_fn), f"the loss function {getattr(loss_fn, '__name__', type(loss_fn).__name__)}")
        with torch.no_grad():
            model_output = traced(*example_inputs)
        root = converter.convert(loss_traced, [model_output, target], {0: root, 1: target_node}, "loss_fn.")
        root.name = "loss"
    seed = _checked_seed(root.value, seed, "the model's output" if loss_fn is None else "the loss")
    return Document(lower(topological(root), root, seed))


class _LossCall(torch.nn.Module):
    """loss_fn(output, target) as a module to trace: a loss module of torch.nn stays one call."""

    def __init__(self, loss_fn):
        super().__init__()
        self.loss_fn = loss_fn

    def forward(self, output, target):
        return self.loss_fn(output, target)


def _document(x):
    if isinstance(x, Document):
        return x
    if isinstance(x, torch.Tensor):
        return from_loss(x)
    if isinstance(x, torch.nn.Module):
        raise TypeError("a module needs example inputs: show(from_module(model, x)), or show(loss)")
    raise TypeError(f"expected a tensor or a Document, not {type(x).__name__}")


def show(x):
    """Opens the window on a loss tensor or a Document; returns the window's process."""
    return _document(x).show()


def svg(x, step=None, phase="backward"):
    """The graph of a loss tensor or a Document drawn at `step` of `phase` (the end of the
    backward pass by default): an SVG that Jupyter shows inline."""
    return _document(x).svg(step=step, phase=phase)


def save(x, path):
    """Writes the document of a loss tensor or a Document to `path` (.json; .bpg and .py are
    converted by the program)."""
    return _document(x).save(path)
