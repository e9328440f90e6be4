# SPDX-License-Identifier: GPL-3.0-or-later
"""The errors the converters raise: each says what in the PyTorch code is at fault and what to do."""


class ConversionError(ValueError):
    """A tensor or model that cannot become a Backprop Studio graph."""


class UnsupportedOperation(ConversionError):
    """A PyTorch operation with no counterpart among the program's ops.

    ``function`` names the PyTorch function (``torch.nn.functional.cross_entropy``)."""

    def __init__(self, function, detail=""):
        self.function = function
        message = (f"{function} cannot be shown: Backprop Studio has no op for it "
                   f"(its ops: {', '.join(PROGRAM_OPS)})")
        super().__init__(message + (f"; {detail}" if detail else ""))


class ExecutableNotFound(RuntimeError):
    """The backprop-studio program is not where the module looks for it."""


# The ops of the program's op table (core/ops/op_table.cpp), as the document names them.
PROGRAM_OPS = ("add", "sub", "mul", "div", "neg", "matmul", "pow", "transpose", "sigmoid", "tanh", "exp", "log",
               "relu", "abs", "sqrt", "sum", "mean", "mse", "reshape", "identity")
