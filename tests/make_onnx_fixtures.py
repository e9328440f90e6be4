#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""ONNX fixtures for tests/core/onnx_import_test.cpp: models exported by PyTorch, their numbers,
and a corpus of malformed files.

Run (Debian's python3-torch 1.13 and python3-onnx 1.12):   /usr/bin/python3 tests/make_onnx_fixtures.py

Writes tests/data/onnx/*.onnx, tests/data/onnx/fixtures.json and tests/data/onnx/bad/*.onnx.
The output is deterministic: run it twice and diff.

The models are exported in float32, as everyone exports them. The reference numbers are computed
in float64 by the same PyTorch module with the exported (float32-rounded) weights cast to float64
and an input whose entries are float32 numbers, so the importer (which reads the float32 weights
into doubles) must agree with them to rounding, far inside the tests' 1e-5.

fixtures.json:
{
 "generated_by": "...",
 "fixtures": {
  "<name>": {
   "file": "<name>.onnx",
   "about": "one line",
   "ops": ["MatMul", "Sigmoid", ...],       the op_type of every node of the exported graph
   "inputs": {"<onnx name>": {"dims": [...], "values": [...]}},   values row-major
   "output": {"name": "<onnx name>", "dims": [...], "values": [...]},
   "grads": {"<onnx name>": {"dims": [...], "values": [...], "torch": "<parameter>", "transposed": bool}}
  }
 }
}
"grads" holds, for each initializer and each graph input, the gradient of sum(output) (the
backward pass of output.backward(torch.ones_like(output))) in the ONNX tensor's own dims.
"torch" names the PyTorch parameter the initializer holds; "transposed" says the exporter stored
it transposed (a MatMul export stores nn.Linear's weight W as Wᵀ), so its gradient is W.grad.T.
"""
import copy
import io
import json
import os
import random
import sys

import numpy as np
import onnx
import torch
import torch.nn as nn
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data", "onnx")
BAD = os.path.join(OUT, "bad")


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).reshape(-1)]


# ---- the PyTorch models --------------------------------------------------------------------------

def mlp_1_2_2():
    """The article's 1-2-2 network without biases: w1 = [[1],[2]], w2 = [[3,4],[5,6]]."""
    model = nn.Sequential(nn.Linear(1, 2, bias=False), nn.Sigmoid(), nn.Linear(2, 2, bias=False), nn.Sigmoid())
    with torch.no_grad():
        model[0].weight.copy_(torch.tensor([[1.0], [2.0]]))
        model[2].weight.copy_(torch.tensor([[3.0, 4.0], [5.0, 6.0]]))
    return model, torch.tensor([1.0])


def gemm_tanh():
    """3-4-2 with biases on a [1, 3] batch: nn.Linear on 2-D input exports Gemm(x, W, b, transB=1)."""
    model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2), nn.Sigmoid())
    return model, torch.randn(1, 3)


def matmul_add_relu_3d():
    """nn.Linear on a 3-D [1, 1, 3] input exports MatMul(x, Wᵀ) + Add(b, ...)."""
    model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
    return model, torch.tensor([[[0.5, -1.25, 2.0]]])


class FlattenReshapeTranspose(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(6, 4)

    def forward(self, x):  # x: [1, 2, 3]
        y = torch.flatten(x, 1)            # Flatten(axis=1): [1, 6]
        y = self.linear(y)                 # Gemm: [1, 4]
        y = y.reshape(2, 2).t()            # Reshape to [2, 2] (a Constant shape), Transpose
        y = torch.sigmoid(y).reshape(-1)   # Reshape with -1: [4]
        return y * 3.0


def flatten_reshape_transpose():
    return FlattenReshapeTranspose(), torch.randn(1, 2, 3)


class Elementwise(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(3, 4)

    def forward(self, x):  # x: [2, 3], a batch of two: the bias broadcasts over it
        h = self.linear(x)
        a = torch.sqrt(torch.abs(h) + 1.0)
        b = torch.exp(-a) * 2.0 - torch.log(a) ** 2 / 3.0
        return b.mean(dim=0) + b.sum() - (h * h).mean(dim=1, keepdim=True)  # [4] with [2, 1]: [2, 4]


def elementwise():
    return Elementwise(), torch.randn(2, 3)


class SoftmaxClassifier(nn.Module):
    """A 2-4-3 classifier on five points whose output is its loss: cross-entropy against class
    labels, nll of log_softmax, and a softmax term (SoftmaxCrossEntropyLoss, NegativeLogLikelihoodLoss,
    LogSoftmax, Softmax)."""

    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(2, 4)
        self.l2 = nn.Linear(4, 3)
        self.register_buffer("labels", torch.tensor([0, 2, 1, 2, 0]))
        self.register_buffer("mix", torch.tensor([[0.5, -1.0, 2.0]]))

    def forward(self, x):  # x: [5, 2]
        z = self.l2(torch.tanh(self.l1(x)))
        nll = nn.functional.nll_loss(torch.log(torch.softmax(z, dim=1)), self.labels)
        ls = torch.log_softmax(z, dim=1)
        return nn.functional.cross_entropy(z, self.labels) + 0.5 * nll + (ls * self.mix).sum() * 0.125


def softmax_classifier():
    return SoftmaxClassifier(), torch.randn(5, 2)


class Activations(nn.Module):
    """LeakyReLU and GELU (exported as Erf), maximum, clamp, sin, cos, softplus, amax/amin along
    an axis, cat and a slice."""

    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(3, 4)
        self.l2 = nn.Linear(4, 4)

    def forward(self, x):  # x: [2, 3]
        h = nn.functional.leaky_relu(self.l1(x), 0.125)
        g = nn.functional.gelu(self.l2(h))
        m = torch.maximum(g, -h)
        c = torch.clamp(g, -0.5, 0.75)
        s = torch.sin(h) * torch.cos(g) + nn.functional.softplus(g)
        r = g.amax(dim=1, keepdim=True) + h.amin(dim=0)
        return torch.cat((m, c), dim=1)[:, 1:6].sum(dim=1, keepdim=True) + s + r


def activations():
    return Activations(), torch.randn(2, 3)


class Embed(nn.Module):
    """An embedding (Gather on its table) with a repeated index, then a linear layer."""

    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(6, 3)
        self.lin = nn.Linear(3, 2)
        self.register_buffer("idx", torch.tensor([4, 0, 5, 4]))

    def forward(self, x):  # x: [4, 3]
        return self.lin(torch.tanh(self.emb(self.idx) + x))


def embedding():
    return Embed(), torch.randn(4, 3)


def norms():
    """Linear, BatchNorm1d (running statistics) and LayerNorm (opset 17's LayerNormalization)."""
    model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.LayerNorm(4), nn.Tanh())
    with torch.no_grad():
        model[1].running_mean.copy_(torch.randn(4) * 0.3)
        model[1].running_var.copy_(torch.rand(4) + 0.5)
        model[1].weight.copy_(torch.rand(4) + 0.5)
        model[1].bias.copy_(torch.randn(4) * 0.2)
        model[2].weight.copy_(torch.rand(4) + 0.5)
        model[2].bias.copy_(torch.randn(4) * 0.2)
    return model, torch.randn(5, 3)


def batchnorm_training():
    """BatchNorm1d exported in training mode: the batch's own mean and variance."""
    model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.Tanh())
    with torch.no_grad():
        model[1].weight.copy_(torch.rand(4) + 0.5)
        model[1].bias.copy_(torch.randn(4) * 0.2)
    return model, torch.randn(6, 3)


TORCH_MODELS = {
    "model2": (mlp_1_2_2, "the article's 1-2-2 sigmoid network, exported as the article does"),
    "gemm_tanh": (gemm_tanh, "3-4-2 tanh/sigmoid network with biases on a [1, 3] batch (Gemm)"),
    "matmul_add_relu_3d": (matmul_add_relu_3d, "3-4-2 relu network on a [1, 1, 3] input (MatMul + Add)"),
    "flatten_reshape_transpose": (flatten_reshape_transpose, "Flatten, Gemm, Reshape (0/-1), Transpose"),
    "elementwise": (elementwise, "abs sqrt exp neg log pow div sub, ReduceMean/ReduceSum, a batch of 2"),
    "softmax_classifier": (softmax_classifier, "a 2-4-3 classifier whose output is its loss: SoftmaxCrossEntropyLoss, "
                           "NegativeLogLikelihoodLoss, LogSoftmax, Softmax"),
    "activations": (activations, "LeakyRelu, GELU as Erf, Max, Clip, Sin, Cos, Softplus, ReduceMax/ReduceMin along an "
                    "axis, Concat, Slice"),
    "embedding": (embedding, "an embedding (Gather on a 2-D table, a repeated index) and a linear layer"),
    "norms": (norms, "BatchNormalization with running statistics and LayerNormalization (opset 17)"),
    "batchnorm_training": (batchnorm_training, "BatchNormalization in training mode (the batch's statistics)"),
}

# Exported other than the article's way: the opset, or the training mode.
EXPORT_OPTIONS = {
    "norms": dict(opset_version=17),
    "embedding": dict(do_constant_folding=False),  # else the lookup of constant indices is folded away
    "batchnorm_training": dict(training=torch.onnx.TrainingMode.TRAINING, do_constant_folding=False),
}


def export(name, model, x):
    """Exported as the article exports: torch.onnx.export(model, x, "model2.onnx", export_params=True)."""
    path = os.path.join(OUT, name + ".onnx")
    torch.onnx.export(model, x, path, export_params=True, **EXPORT_OPTIONS.get(name, {}))
    return path


def match_parameter(array, params):
    """The PyTorch parameter an initializer holds: (name, transposed), or (None, False)."""
    for pname, p in params.items():
        value = p.detach().numpy()
        if value.shape == array.shape and np.array_equal(value, array):
            return pname, False
        if value.ndim == 2 and value.T.shape == array.shape and np.array_equal(value.T, array):
            return pname, True
    return None, False


def torch_fixture(name, make, about):
    torch.manual_seed(7)
    model, x = make()
    training = EXPORT_OPTIONS.get(name, {}).get("training") == torch.onnx.TrainingMode.TRAINING
    model.train(training)
    path = export(name, model, x)
    model.train(training)  # the export puts the model back as it found it; be sure
    m = onnx.load(path)

    # float64 reference with the same float32 weights and input
    model64 = copy.deepcopy(model).double()
    x64 = x.detach().double().clone().requires_grad_(True)
    out = model64(x64)
    out.backward(torch.ones_like(out))
    params = dict(model64.named_parameters())
    params32 = dict(model.named_parameters())

    graph_input = [i for i in m.graph.input if i.name not in {t.name for t in m.graph.initializer}][0]
    grads = {}
    for init in m.graph.initializer:
        array = numpy_helper.to_array(init)
        pname, transposed = match_parameter(array, params32)
        if pname is None:
            continue
        g = params[pname].grad.detach().numpy()
        g = g.T if transposed else g
        assert list(g.shape) == list(init.dims), (name, init.name)
        grads[init.name] = {"dims": list(init.dims), "values": flat(g), "torch": pname, "transposed": transposed}
    grads[graph_input.name] = {"dims": list(x.shape), "values": flat(x64.grad), "torch": "input", "transposed": False}
    fixture = {
        "file": name + ".onnx",
        "about": about,
        "ops": [n.op_type for n in m.graph.node],
        "inputs": {graph_input.name: {"dims": list(x.shape), "values": flat(x64.detach())}},
        "output": {"name": m.graph.output[0].name, "dims": list(out.shape), "values": flat(out.detach())},
        "grads": grads,
    }
    if name in TOLERANCES:
        fixture["tolerance"], fixture["why"] = TOLERANCES[name]
    return fixture


# The constants the exporter writes are float32: where one is not the float64 PyTorch computes
# with, the file's function differs from the model's by that rounding.
TOLERANCES = {
    "activations": (1e-7, "GELU is exported as x·(1 + erf(x / √2))/2 with √2 rounded to float32"),
}


# ---- a hand-made model: what PyTorch does not export ----------------------------------------------

def f32(a):
    return np.asarray(a, dtype=np.float32)


def handmade_fixture():
    """Gemm with transA, alpha, beta and a column C; Identity; MatMul with a 1-D right operand;
    Unsqueeze/Squeeze; ReduceMean over rows; MatMul of a vector; value_float Constant. The
    reference is the same arithmetic written in PyTorch (float64)."""
    rng = np.random.default_rng(11)
    x = f32(rng.standard_normal((2, 3)))
    W = f32(rng.standard_normal((2, 4)))
    C = f32(rng.standard_normal((3, 1)))
    v = f32(rng.standard_normal(4))
    M = f32(rng.standard_normal((3, 2)))
    P = f32(rng.standard_normal((4, 2)))
    inits = [numpy_helper.from_array(a, n) for a, n in [(W, "W"), (C, "C"), (v, "v"), (M, "M"), (P, "P")]]
    inits.append(numpy_helper.from_array(np.array([0], dtype=np.int64), "axes0"))
    nodes = [
        helper.make_node("Gemm", ["x", "W", "C"], ["g"], name="gemm", transA=1, alpha=0.5, beta=2.0),  # [3, 4]
        helper.make_node("Identity", ["g"], ["g.copy"], name="identity"),
        helper.make_node("MatMul", ["g.copy", "v"], ["gv"], name="matvec"),           # [3]
        helper.make_node("Unsqueeze", ["gv", "axes0"], ["row"], name="unsqueeze"),   # [1, 3]
        helper.make_node("Tanh", ["row"], ["t"], name="tanh"),
        helper.make_node("Squeeze", ["t", "axes0"], ["s"], name="squeeze"),          # [3]
        helper.make_node("MatMul", ["s", "M"], ["sm"], name="vecmat"),               # [2]
        helper.make_node("ReduceMean", ["g"], ["colmean"], name="colmean", axes=[0], keepdims=0),  # [4]
        helper.make_node("MatMul", ["colmean", "P"], ["cp"], name="vecmat2"),        # [2]
        helper.make_node("Constant", [], ["half"], name="half", value_float=0.5),
        helper.make_node("Mul", ["cp", "half"], ["cph"], name="scale"),
        helper.make_node("Sub", ["sm", "cph"], ["y"], name="out"),
    ]
    graph = helper.make_graph(
        nodes, "handmade",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="make_onnx_fixtures")
    onnx.checker.check_model(model)
    path = os.path.join(OUT, "handmade.onnx")
    onnx.save(model, path)

    t = {k: torch.tensor(a, dtype=torch.float64, requires_grad=True) for k, a in
         [("x", x), ("W", W), ("C", C), ("v", v), ("M", M), ("P", P)]}
    g = 0.5 * (t["x"].T @ t["W"]) + 2.0 * t["C"]
    s = torch.tanh((g @ t["v"]).unsqueeze(0)).squeeze(0)
    y = s @ t["M"] - (g.mean(dim=0) @ t["P"]) * 0.5
    y.backward(torch.ones_like(y))
    grads = {k: {"dims": list(a.shape), "values": flat(a.grad.detach()), "torch": "input" if k == "x" else k,
                 "transposed": False}
             for k, a in t.items()}
    return {
        "file": "handmade.onnx",
        "about": "hand-made with onnx.helper: Gemm transA/alpha/beta/column C, Identity, 1-D MatMul, "
                 "Unsqueeze/Squeeze, ReduceMean axes, value_float Constant",
        "ops": [n.op_type for n in nodes],
        "inputs": {"x": {"dims": [2, 3], "values": flat(x)}},
        "output": {"name": "y", "dims": list(y.shape), "values": flat(y.detach())},
        "grads": grads,
    }


# ---- the malformed corpus ----------------------------------------------------------------------

def small_model(nodes, inputs, outputs, inits=(), opset=14):
    graph = helper.make_graph(nodes, "bad", inputs, outputs, list(inits))
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name="make_onnx_fixtures")


def vinfo(name, dims):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, dims)


def save_bytes(name, data):
    with open(os.path.join(BAD, name), "wb") as f:
        f.write(data)


def save_model(name, model):
    save_bytes(name, model.SerializeToString())  # no checker: these models are wrong on purpose


def nested_if(depth):
    """An If node whose branch holds an If node ... `depth` levels: protobuf nesting 3 per level."""
    leaf = helper.make_graph([helper.make_node("Identity", ["c"], ["r0"])], "g0", [], [vinfo("r0", [1])])
    inner = leaf
    for level in range(1, depth + 1):  # only the then-branch nests: the file stays linear in depth
        node = helper.make_node("If", ["c"], ["r%d" % level], then_branch=inner, else_branch=leaf)
        inner = helper.make_graph([node], "g%d" % level, [], [vinfo("r%d" % level, [1])])
    return small_model(list(inner.node), [vinfo("c", [1])], [vinfo("r%d" % depth, [1])])


def bad_corpus(good_bytes):
    """Each file has one defect; the test expects a LoadError from each, and the message words
    listed in bad/README.txt."""
    os.makedirs(BAD, exist_ok=True)
    for f in os.listdir(BAD):
        os.remove(os.path.join(BAD, f))
    x, y = vinfo("x", [1, 2]), vinfo("y", [1, 2])
    w = numpy_helper.from_array(f32([[1, 2], [3, 4]]), "w")
    expected = {}

    def note(name, words):
        expected[name] = words

    save_bytes("empty.onnx", b""); note("empty.onnx", "empty")
    rng = random.Random(3)
    save_bytes("random.onnx", bytes(rng.getrandbits(8) for _ in range(2048)))
    note("random.onnx", "not an ONNX model")
    save_bytes("text.onnx", b"# a .bpg graph saved as .onnx\nx = 1\nw = [[1], [2]]\nz = w @ x\n"); note("text.onnx", "text file")
    save_bytes("html.onnx", b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head></html>\n")
    note("html.onnx", "HTML page")
    save_bytes("lfs_pointer.onnx", b"version https://git-lfs.github.com/spec/v1\n"
               b"oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 1234567\n")
    note("lfs_pointer.onnx", "git lfs pull")
    save_bytes("trailing_garbage.onnx", good_bytes + b"\x00\x00\x00\x00"); note("trailing_garbage.onnx", "damaged")
    save_bytes("truncated_half.onnx", good_bytes[: len(good_bytes) // 2]); note("truncated_half.onnx", "truncated")

    huge = helper.make_tensor("w", TensorProto.FLOAT, [2, 2], [1.0, 2.0, 3.0, 4.0])
    huge.dims[:] = [100000, 100000]  # declares 10^10 entries, holds 4
    save_model("huge_dims_initializer.onnx", small_model([helper.make_node("MatMul", ["x", "w"], ["y"])], [x], [y], [huge]))
    note("huge_dims_initializer.onnx", "more than the limit")
    save_model("huge_dims_input.onnx", small_model([helper.make_node("Sigmoid", ["x"], ["y"])],
                                                   [vinfo("x", [1 << 40, 1 << 40])], [y]))
    note("huge_dims_input.onnx", "more than the limit")
    save_model("huge_result.onnx", small_model([helper.make_node("Add", ["a", "b"], ["y"])],
                                               [vinfo("a", [5000, 1]), vinfo("b", [1, 5000])], [y]))
    note("huge_result.onnx", "more than the limit")
    neg = helper.make_tensor("w", TensorProto.FLOAT, [2, 2], [1.0, 2.0, 3.0, 4.0])
    neg.dims[0] = -2
    save_model("negative_dim.onnx", small_model([helper.make_node("MatMul", ["x", "w"], ["y"])], [x], [y], [neg]))
    note("negative_dim.onnx", "negative dimension")
    short = helper.make_tensor("w", TensorProto.FLOAT, [2, 2], b"\x00" * 16, raw=True)
    short.raw_data = b"\x00" * 12  # three floats for [2, 2]
    save_model("raw_data_size.onnx", small_model([helper.make_node("MatMul", ["x", "w"], ["y"])], [x], [y], [short]))
    note("raw_data_size.onnx", "bytes of raw_data")
    few = helper.make_tensor("w", TensorProto.FLOAT, [2, 2], [1.0, 2.0, 3.0, 4.0])
    del few.float_data[3:]  # three floats for [2, 2]
    save_model("typed_data_count.onnx", small_model([helper.make_node("MatMul", ["x", "w"], ["y"])], [x], [y], [few]))
    note("typed_data_count.onnx", "needs 4")
    ext = helper.make_tensor("w", TensorProto.FLOAT, [2, 2], [1.0, 2.0, 3.0, 4.0])
    ext.ClearField("float_data")
    ext.data_location = TensorProto.EXTERNAL
    ext.external_data.add(key="location", value="weights.bin")
    save_model("external_data.onnx", small_model([helper.make_node("MatMul", ["x", "w"], ["y"])], [x], [y], [ext]))
    note("external_data.onnx", "external")
    boolean = helper.make_tensor("w", TensorProto.BOOL, [2, 2], [1, 0, 0, 1])
    save_model("bool_initializer.onnx", small_model([helper.make_node("MatMul", ["x", "w"], ["y"])], [x], [y], [boolean]))
    note("bool_initializer.onnx", "BOOL")

    save_model("cycle.onnx", small_model([helper.make_node("Sigmoid", ["b"], ["a"], name="first"),
                                          helper.make_node("Tanh", ["a"], ["b"], name="second"),
                                          helper.make_node("Add", ["x", "a"], ["y"], name="out")], [x], [y]))
    note("cycle.onnx", "cycle")
    save_model("cycle_downstream.onnx", small_model([helper.make_node("Add", ["x", "a"], ["y"], name="out"),
                                                     helper.make_node("Sigmoid", ["b"], ["a"], name="first"),
                                                     helper.make_node("Tanh", ["a"], ["b"], name="second")], [x], [y]))
    note("cycle_downstream.onnx", "cycle: node 'first' (node 1) depends on its own output")
    save_model("self_loop.onnx", small_model([helper.make_node("Add", ["x", "y"], ["y"], name="loop")], [x], [y]))
    note("self_loop.onnx", "cycle")
    save_model("missing_input.onnx", small_model([helper.make_node("Add", ["x", "nowhere"], ["y"], name="add")], [x], [y]))
    note("missing_input.onnx", "'nowhere', which no node")
    save_model("missing_output.onnx", small_model([helper.make_node("Sigmoid", ["x"], ["s"])], [x], [y]))
    note("missing_output.onnx", "not computed")
    save_model("duplicate_output.onnx", small_model([helper.make_node("Sigmoid", ["x"], ["y"]),
                                                     helper.make_node("Tanh", ["x"], ["y"])], [x], [y]))
    note("duplicate_output.onnx", "already defined")
    conv = small_model([helper.make_node("Sigmoid", ["x"], ["a"], name="s1"),
                        helper.make_node("Tanh", ["a"], ["b"], name="t1"),
                        helper.make_node("Relu", ["b"], ["c"], name="r1"),
                        helper.make_node("Conv", ["c", "w"], ["y"], name="conv1")], [x], [y], [w])
    save_model("unsupported_op.onnx", conv)
    note("unsupported_op.onnx", "unsupported ONNX op 'Conv' in node 'conv1' (node 3): convolution and pooling work on "
         "tensors of more than two dimensions")
    save_model("max_pool.onnx", small_model([helper.make_node("MaxPool", ["x"], ["y"], name="pool", kernel_shape=[2])],
                                            [x], [y]))
    note("max_pool.onnx", "unsupported ONNX op 'MaxPool' in node 'pool' (node 0): convolution and pooling")
    save_model("lstm.onnx", small_model([helper.make_node("LSTM", ["x", "w", "w"], ["y"], name="rnn", hidden_size=2)],
                                        [x], [y], [w]))
    note("lstm.onnx", "unsupported ONNX op 'LSTM' in node 'rnn' (node 0) (supported: ")
    save_model("softmax_4d.onnx", small_model([helper.make_node("Softmax", ["x4"], ["y"], name="sm", axis=1)],
                                              [vinfo("x4", [1, 3, 2, 2])], [y]))
    note("softmax_4d.onnx", "2-D matrices")
    save_model("custom_domain.onnx", small_model([helper.make_node("FusedGemm", ["x", "w"], ["y"], name="fused",
                                                                   domain="com.microsoft")], [x], [y], [w]))
    note("custom_domain.onnx", "unsupported ONNX op 'com.microsoft::FusedGemm'")
    save_model("wrong_arity.onnx", small_model([helper.make_node("Sigmoid", ["x", "x"], ["y"], name="sig")], [x], [y]))
    note("wrong_arity.onnx", "has 2 inputs")
    save_model("unknown_attribute.onnx", small_model([helper.make_node("Gemm", ["x", "w"], ["y"], name="g", gamma=2.0)],
                                                     [x], [y], [w]))
    note("unknown_attribute.onnx", "attribute 'gamma'")
    save_model("attribute_type.onnx", small_model([helper.make_node("Gemm", ["x", "w"], ["y"], name="g", alpha="two")],
                                                  [x], [y], [w]))
    note("attribute_type.onnx", "must be a number")
    save_model("matmul_dims.onnx", small_model([helper.make_node("MatMul", ["x", "w3"], ["y"], name="mm")], [x], [y],
                                               [numpy_helper.from_array(f32(np.ones((3, 2))), "w3")]))
    note("matmul_dims.onnx", "inner dimensions")
    save_model("broadcast_dims.onnx", small_model([helper.make_node("Add", ["x", "z"], ["y"], name="add")],
                                                  [x, vinfo("z", [3])], [y]))
    note("broadcast_dims.onnx", "do not broadcast")
    save_model("rank3_batch.onnx", small_model([helper.make_node("Relu", ["x3"], ["y"])], [vinfo("x3", [2, 3, 4])],
                                               [vinfo("y", [2, 3, 4])]))
    note("rank3_batch.onnx", "2-D matrices")
    save_model("reshape_computed_shape.onnx", small_model([helper.make_node("Reshape", ["x", "shape"], ["y"])],
                                                          [x, helper.make_tensor_value_info("shape", TensorProto.INT64, [2])], [y]))
    note("reshape_computed_shape.onnx", "must be a constant")
    save_model("reshape_count.onnx", small_model([helper.make_node("Reshape", ["x", "shape"], ["y"])], [x], [y],
                                                 [numpy_helper.from_array(np.array([3, -1], dtype=np.int64), "shape")]))
    note("reshape_count.onnx", "cannot infer")
    m = onnx.ModelProto()
    m.ir_version = 7
    m.opset_import.add(domain="", version=14)
    save_model("no_graph.onnx", m)
    note("no_graph.onnx", "no graph")
    m = small_model([helper.make_node("Sigmoid", ["x"], ["y"])], [x], [y])
    del m.opset_import[:]
    save_model("no_opset.onnx", m)
    note("no_opset.onnx", "opset_import")
    save_model("no_outputs.onnx", small_model([helper.make_node("Sigmoid", ["x"], ["y"])], [x], []))
    note("no_outputs.onnx", "no outputs")
    save_model("no_input_shape.onnx", small_model([helper.make_node("Sigmoid", ["x"], ["y"])],
                                                  [helper.make_tensor_value_info("x", TensorProto.FLOAT, None)], [y]))
    note("no_input_shape.onnx", "no shape")
    save_model("output_dims_lie.onnx", small_model([helper.make_node("Sigmoid", ["x"], ["y"])], [x], [vinfo("y", [3])]))
    note("output_dims_lie.onnx", "other dims")
    save_model("deep_nesting.onnx", nested_if(60))
    note("deep_nesting.onnx", "nested more than")
    with open(os.path.join(BAD, "README.txt"), "w") as f:
        f.write("Malformed ONNX files, one defect each, made by tests/make_onnx_fixtures.py.\n"
                "Each line: FILE<TAB>words the refusal must contain.\n")
        for name in sorted(expected):
            f.write("%s\t%s\n" % (name, expected[name]))


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.set_printoptions(precision=10)
    fixtures = {}
    for name, (make, about) in TORCH_MODELS.items():
        fixtures[name] = torch_fixture(name, make, about)
    fixtures["handmade"] = handmade_fixture()
    with open(os.path.join(OUT, "fixtures.json"), "w") as f:
        json.dump({"generated_by": "tests/make_onnx_fixtures.py with torch %s, onnx %s; reference in float64"
                   % (torch.__version__, onnx.__version__), "fixtures": fixtures}, f, indent=1)
        f.write("\n")
    with open(os.path.join(OUT, "gemm_tanh.onnx"), "rb") as f:
        bad_corpus(f.read())
    for name, fx in fixtures.items():
        print("%-26s %s -> %s" % (name, " ".join(fx["ops"]), fx["output"]["values"]))


if __name__ == "__main__":
    sys.exit(main())
