# SPDX-License-Identifier: GPL-3.0-or-later
"""What each node of PyTorch's autograd graph (a grad_fn: MulBackward0, AddmmBackward0, ...)
stands for: the operation, the names of its tensor arguments in the order of next_functions
(which name the saved tensors, _saved_self, _saved_mat2, ...), and its other arguments as the
node saved them. Names are PyTorch 1.13's and later versions'."""

import re


class Spec:
    __slots__ = ("op", "args", "attrs", "scalar")

    def __init__(self, op, args=("self",), attrs=None, scalar=None):
        self.op = op
        self.args = args            # the tensor arguments, in the order of next_functions
        self.attrs = attrs or {}    # attribute -> the saved field that holds it
        self.scalar = scalar        # a number argument after the tensors: the saved field, or "lost"


def _unary(op):
    return Spec(op)


SPECS = {
    "AddBackward0": Spec("add", ("self", "other"), {"alpha": "_saved_alpha"}),
    "AddBackward1": Spec("add", ("self",), {"alpha": "_saved_alpha"}, scalar="lost"),
    "SubBackward0": Spec("sub", ("self", "other"), {"alpha": "_saved_alpha"}),
    "SubBackward1": Spec("sub", ("self",), {"alpha": "_saved_alpha"}, scalar="lost"),
    "RsubBackward0": Spec("rsub", ("self", "other"), {"alpha": "_saved_alpha"}),
    "RsubBackward1": Spec("rsub", ("self",), {"alpha": "_saved_alpha"}, scalar="lost"),
    "MulBackward0": Spec("mul", ("self", "other")),
    "MulBackward1": Spec("mul", ("self",), scalar="_saved_other"),
    "DivBackward0": Spec("div", ("self", "other")),
    "DivBackward1": Spec("div", ("self",), scalar="_saved_other"),
    "NegBackward0": _unary("neg"),
    "ReciprocalBackward0": _unary("reciprocal"),
    "MmBackward0": Spec("matmul", ("self", "mat2")),
    "MvBackward0": Spec("matmul", ("self", "vec")),
    "DotBackward0": Spec("matmul", ("self", "tensor")),
    "AddmmBackward0": Spec("addmm", ("self", "mat1", "mat2"), {"beta": "_saved_beta", "alpha": "_saved_alpha"}),
    "TBackward0": _unary("transpose"),
    "TransposeBackward0": Spec("transpose_dims", attrs={"dim0": "_saved_dim0", "dim1": "_saved_dim1"}),
    "PermuteBackward0": Spec("permute", attrs={"dims": "_saved_dims"}),
    "SigmoidBackward0": _unary("sigmoid"),
    "TanhBackward0": _unary("tanh"),
    "ExpBackward0": _unary("exp"),
    "LogBackward0": _unary("log"),
    "ReluBackward0": _unary("relu"),
    "AbsBackward0": _unary("abs"),
    "SqrtBackward0": _unary("sqrt"),
    "PowBackward0": Spec("pow", attrs={"exponent": "_saved_exponent"}),
    "SumBackward0": _unary("sum"),
    "SumBackward1": Spec("sum", attrs={"dims": "_saved_dim", "keepdim": "_saved_keepdim"}),
    "MeanBackward0": _unary("mean"),
    "MeanBackward1": Spec("mean", attrs={"dims": "_saved_dim", "keepdim": "_saved_keepdim"}),
    "MseLossBackward0": Spec("mse", ("self", "target"), {"reduction": "_saved_reduction"}),
    "ViewBackward0": _unary("reshape"),
    "ReshapeAliasBackward0": _unary("reshape"),
    "UnsafeViewBackward0": _unary("reshape"),
    "SqueezeBackward0": _unary("squeeze"),
    "SqueezeBackward1": Spec("squeeze", attrs={"dim": "_saved_dim"}),
    "SqueezeBackward2": Spec("squeeze", attrs={"dim": "_saved_dim"}),
    "SqueezeBackward3": Spec("squeeze", attrs={"dim": "_saved_dim"}),
    "UnsqueezeBackward0": Spec("unsqueeze", attrs={"dim": "_saved_dim"}),
    "ExpandBackward0": _unary("expand"),
    "CloneBackward0": _unary("identity"),
    "AliasBackward0": _unary("identity"),
    "ToCopyBackward0": _unary("identity"),
}

# Ops whose output shape the node does not keep: found from what its users saved, or its name.
SHAPE_UNKNOWN = {"reshape", "expand"}

# The operations PyTorch users know by another name than the autograd node's.
_FUNCTIONS = {
    "NllLoss": "torch.nn.functional.nll_loss (in torch.nn.functional.cross_entropy and nn.CrossEntropyLoss)",
    "NllLoss2D": "torch.nn.functional.nll_loss (in torch.nn.functional.cross_entropy)",
    "LogSoftmax": "torch.log_softmax (in torch.nn.functional.cross_entropy and nn.CrossEntropyLoss)",
    "Softmax": "torch.softmax",
    "BinaryCrossEntropy": "torch.nn.functional.binary_cross_entropy",
    "BinaryCrossEntropyWithLogits": "torch.nn.functional.binary_cross_entropy_with_logits",
    "Select": "indexing (t[i]: torch.select)",
    "Slice": "slicing (t[a:b]: torch.slice)",
    "Index": "indexing with a tensor (t[idx])",
    "Pow": "torch.pow with a tensor exponent (a ** t)",
    "Bmm": "torch.bmm (a batch of matrices, 3 dimensions)",
}

_HINTS = {
    "NllLoss": "softmax and cross-entropy are not among the program's ops yet: use mse_loss, or write the loss "
               "from exp, log and sum (logits - logits.exp().sum(1, keepdim=True).log() is log_softmax)",
}
_HINTS["LogSoftmax"] = _HINTS["Softmax"] = _HINTS["NllLoss2D"] = _HINTS["NllLoss"]


def function_of(class_name):
    """The PyTorch function an autograd node class stands for: "SoftmaxBackward0" -> "torch.softmax"."""
    base = re.sub(r"Backward\d*$", "", class_name)
    if base in _FUNCTIONS:
        return _FUNCTIONS[base]
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", base).lower()
    return ("torch.nn.functional." if snake.endswith("_loss") else "torch.") + snake + f" ({class_name})"


def hint_of(class_name):
    return _HINTS.get(re.sub(r"Backward\d*$", "", class_name), "")


def signed(dim):
    """A dimension as the node saved it: -1 comes back as 2**64 - 1."""
    return dim - (1 << 64) if dim >= (1 << 63) else dim
