#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Golden values and gradients from PyTorch (float64) for cross-checking the engine.

Run (Debian's python3-torch):   /usr/bin/python3 tests/data/make_golden.py

Writes tests/data/golden/<case>.bpg (one small graph per case, in the language of SPEC section 1)
and tests/data/golden/golden.json. The output is deterministic: run it twice and diff.

Each case is written twice, by hand: once as .bpg text and once as a Python function that builds
the same graph in PyTorch from a dict of leaf tensors (the "reference route"). To catch a slip
between the two, the script also runs the .bpg text itself through PyTorch with a throwaway
evaluator (`run_bpg_text`: Python's eval after `^` -> `**` and bracket literals -> tensors) and
asserts that both routes give the same names, kinds, leaves, root, seed, values and gradients.
The JSON holds the reference route's numbers.

golden.json:
{
 "generated_by": "...",
 "cases": {
  "<case>": {
   "file": "<case>.bpg",
   "about": "one line",
   "root": "<name>",                 the root of the backward pass
   "seed": [[...]],                  root's shape; [[1.0]] for a 1x1 root without `with`
   "kinds": {"<name>": "input" | "param" | "const" | "op"},   every named node, file order
   "values": {"<name>": [[...]]},    every named node (leaves and assigned names)
   "grads": {"<name>": [[...]]},     d(seed . root)/d(node); zeros where the root is not reached
   "train": [                        only for training cases (1x1 root)
     {"steps": 5, "lr": 0.1, "momentum": 0.0, "loss": [L0, ..., L5],
      "schedule": {"kind": "step", "step_size": 2, "gamma": 0.5},   optional (StepLR, ExponentialLR)
      "params": {"<param>": [[...]]}}, ...]
  }, ...
 }
}
Matrices are lists of rows; a 1x1 value is [[v]]; a column of n is n rows of one.
`train` follows torch.optim.SGD: per step zero_grad, forward, backward, step; L0 is the loss
before the first update, L5 the loss after the last one (one extra forward at the end).
"""
import json
import math
import os
import re

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, "golden")
TRAIN_RUNS = [(5, 0.1, 0.0), (5, 0.1, 0.9)]   # (steps, lr, momentum)


# ---------------------------------------------------------------- the ops, as SPEC section 1 defines them

def sigmoid(a):
    return torch.sigmoid(a)


def tanh(a):
    return torch.tanh(a)


def exp(a):
    return torch.exp(a)


def log(a):
    return torch.log(a)


def relu(a):
    # Keep clear of the kink, where a finite-difference check is meaningless.
    assert a.detach().abs().min().item() > 1e-6, "relu input too close to 0"
    return torch.relu(a)


def total(a):          # sum(a): over all elements, 1x1
    return a.sum().reshape(1, 1)


def mean(a):           # mean(a): over all elements, 1x1
    return a.mean().reshape(1, 1)


def mse(a, b):         # mse(a, b) = mean((a-b)^2), PyTorch MSELoss(reduction='mean'), 1x1
    assert a.shape == b.shape, "mse of two shapes"
    return F.mse_loss(a, b, reduction="mean").reshape(1, 1)


def transpose(a):
    return a.T


# The ops of classification, as PyTorch computes them. Reductions keep the reduced axis (2-d).
def total_or_axis(a, axis=None):    # sum(a) over everything, sum(a, axis) along one axis
    return total(a) if axis is None else a.sum(axis, keepdim=True)


def mean_or_axis(a, axis=None):
    return mean(a) if axis is None else a.mean(axis, keepdim=True)


def max_(a, b=None):                # max(a), max(a, axis) (amax: ties share), max(a, b) elementwise
    if b is None:
        return a.amax().reshape(1, 1)
    if isinstance(b, int):
        return a.amax(b, keepdim=True)
    return torch.maximum(a, b)


def min_(a, b=None):
    if b is None:
        return a.amin().reshape(1, 1)
    if isinstance(b, int):
        return a.amin(b, keepdim=True)
    return torch.minimum(a, b)


def softmax(a, axis):
    return torch.softmax(a, axis)


def log_softmax(a, axis):
    return torch.log_softmax(a, axis)


def logsumexp(a, axis):
    return torch.logsumexp(a, axis, keepdim=True)


def cross_entropy(z, t):            # t: nx1 class indices or nxC probabilities; mean over rows
    if t.shape == z.shape:
        return F.cross_entropy(z, t).reshape(1, 1)
    return F.cross_entropy(z, t.detach()[:, 0].long()).reshape(1, 1)


def nll(logp, t):
    return F.nll_loss(logp, t.detach()[:, 0].long()).reshape(1, 1)


def bce_with_logits(a, t):
    return F.binary_cross_entropy_with_logits(a, t).reshape(1, 1)


def sin(a):
    return torch.sin(a)


def cos(a):
    return torch.cos(a)


def gelu(a):
    return F.gelu(a)


def softplus(a):
    return F.softplus(a)


def leaky_relu(a, slope):
    return F.leaky_relu(a, slope)


def clamp(a, lo, hi):
    return torch.clamp(a, lo, hi)


def detach(a):                      # the value passes, the gradient stops: a new leaf of its own
    return a.detach().requires_grad_(True)


def one_hot(t, classes):            # class indices in, no gradient back
    return F.one_hot(t.detach()[:, 0].long(), classes).double().requires_grad_(True)


def concat(a, b, axis):
    return torch.cat((a, b), axis)


def C(rows):
    """An anonymous const written inside an expression, given as explicit rows."""
    return torch.tensor(rows, dtype=torch.float64)


# ---------------------------------------------------------------- the cases

CASES = []


# Extra SGD runs with a learning-rate schedule (torch.optim.lr_scheduler, stepped after every
# optimizer step): (steps, lr, momentum, {"kind": "step", "step_size": N, "gamma": G} or
# {"kind": "exponential", "gamma": G}).
SCHEDULE_RUNS = [(6, 0.5, 0.0, {"kind": "step", "step_size": 2, "gamma": 0.5}),
                 (6, 0.5, 0.9, {"kind": "exponential", "gamma": 0.8})]


def case(name, about, bpg, leaves, fn, root=None, seed=None, train=False):
    """leaves: [(name, kind, rows)] with explicit rows (a number is [[v]], a column [[a], [b]]).
    fn(v): builds the graph from v = {leaf name: tensor}, returns {assigned name: tensor} in
    file order. root: default the last assigned name. seed: rows, default [[1]] (1x1 root)."""
    CASES.append(dict(name=name, about=about, bpg=bpg.strip("\n") + "\n", leaves=leaves, fn=fn,
                      root=root, seed=seed, train=train))


case("chain-rule", "SPEC 2: e = (a+b)*(b+1); b feeds two consumers, the contributions add", """
param a = 2
param b = 1
c = a + b
d = b + 1
e = c * d
""", [("a", "param", [[2]]), ("b", "param", [[1]])],
    lambda v: _named(c := v["a"] + v["b"], d := v["b"] + 1, e := c * d, names="c d e"))

case("mlp-1-2-2", "SPEC 2: the default example, a 1-2-2 sigmoid network with an mse loss", """
input x = 1
param w1 = [[1], [2]]
param w2 = [[3, 4], [5, 6]]
z1 = w1 @ x
y1 = sigmoid(z1)
z2 = w2 @ y1
y2 = sigmoid(z2)
loss = mse(y2, [1, 0])
""", [("x", "input", [[1]]), ("w1", "param", [[1], [2]]), ("w2", "param", [[3, 4], [5, 6]])],
    lambda v: _named(z1 := v["w1"] @ v["x"], y1 := sigmoid(z1), z2 := v["w2"] @ y1,
                     y2 := sigmoid(z2), loss := mse(y2, C([[1], [0]])),
                     names="z1 y1 z2 y2 loss"), train=True)

case("vjp", "SPEC 2: t = x + y, l = t.T @ z (column vectors)", """
input x = [1, 2, 3]
input y = [4, 5, 6]
input z = [7, 8, 9]
t = x + y
l = t.T @ z
""", [("x", "input", [[1], [2], [3]]), ("y", "input", [[4], [5], [6]]),
      ("z", "input", [[7], [8], [9]])],
    lambda v: _named(t := v["x"] + v["y"], l := t.T @ v["z"], names="t l"))

case("vjp-seed", "vector root with an explicit seed; l comes after the root and gets zero grads", """
input x = [1, 2, 3]
input y = [4, 5, 6]
input z = [7, 8, 9]
t = x + y
l = t.T @ z
backward t with [7, 8, 9]
""", [("x", "input", [[1], [2], [3]]), ("y", "input", [[4], [5], [6]]),
      ("z", "input", [[7], [8], [9]])],
    lambda v: _named(t := v["x"] + v["y"], l := t.T @ v["z"], names="t l"),
    root="t", seed=[[7], [8], [9]])

case("bcast-row", "(2x3)+(1x3) and (1x3)-(2x3): the row's gradient is summed over rows", """
param A = [[1, -2, 3], [0.5, 4, -1]]
param b = [[0.1, 0.2, -0.3]]
const K = [[1, 2, 3], [4, 5, 6]]
C = A + b
E = b - A
l = sum(C ^ 2 * K) + sum(E * K)
""", [("A", "param", [[1, -2, 3], [0.5, 4, -1]]), ("b", "param", [[0.1, 0.2, -0.3]]),
      ("K", "const", [[1, 2, 3], [4, 5, 6]])],
    lambda v: _named(Cn := v["A"] + v["b"], E := v["b"] - v["A"],
                     l := total(Cn ** 2 * v["K"]) + total(E * v["K"]), names="C E l"))

case("bcast-col", "(2x3)-(2x1) and (2x1)*(2x3): the column's gradient is summed over columns", """
param A = [[1, 2, 3], [4, 5, 6]]
param c = [-1, 0.5]
const K = [[0.5, -1, 2], [1.5, 1, -2]]
B = A - c
E = c * A
l = sum(B * K) + mean(E ^ 2)
""", [("A", "param", [[1, 2, 3], [4, 5, 6]]), ("c", "param", [[-1], [0.5]]),
      ("K", "const", [[0.5, -1, 2], [1.5, 1, -2]])],
    lambda v: _named(B := v["A"] - v["c"], E := v["c"] * v["A"],
                     l := total(B * v["K"]) + mean(E ** 2), names="B E l"))

case("bcast-scalar", "(2x3)+(1x1), (1x1)/(2x3), (2x3)/(1x1) with a 1x1 param", """
param A = [[1, -2, 3], [0.5, 4, -1.5]]
param s = 1.5
B = A + s
Q = s / A
D = A / s
l = sum(B * Q) + sum(D ^ 2)
""", [("A", "param", [[1, -2, 3], [0.5, 4, -1.5]]), ("s", "param", [[1.5]])],
    lambda v: _named(B := v["A"] + v["s"], Q := v["s"] / v["A"], D := v["A"] / v["s"],
                     l := total(B * Q) + total(D ** 2), names="B Q D l"))

case("bcast-outer", "(1x3) with (2x1) -> 2x3: both operands broadcast, under * / -", """
param r = [[1, 2, -3]]
param c = [0.5, -1]
const K = [[1, -1, 2], [0.5, 3, -2]]
O = r * c
Q = c / r
P = r - c
l = sum(O * K) + sum(Q * K) + sum(P * P)
""", [("r", "param", [[1, 2, -3]]), ("c", "param", [[0.5], [-1]]),
      ("K", "const", [[1, -1, 2], [0.5, 3, -2]])],
    lambda v: _named(O := v["r"] * v["c"], Q := v["c"] / v["r"], P := v["r"] - v["c"],
                     l := total(O * v["K"]) + total(Q * v["K"]) + total(P * P),
                     names="O Q P l"))

case("scalar-matrix", "numbers (1x1 anonymous consts) with a matrix on either side", """
param A = [[1, 2], [3, -4]]
B = 2.5 * A
D = A * 3 - 1
E = 1 / A + .5
F = 2 - A / 4
l = sum(B * D) + sum(E * F)
""", [("A", "param", [[1, 2], [3, -4]])],
    lambda v: _named(B := 2.5 * v["A"], D := v["A"] * 3 - 1, E := 1 / v["A"] + .5,
                     Fn := 2 - v["A"] / 4, l := total(B * D) + total(E * Fn),
                     names="B D E F l"))

case("neg", "unary minus: -x, -x ^ 2 is -(x^2), x - -y, -(x * y)", """
input x = [[1, -2], [3, 0.5]]
param y = [[2, 1], [-1, 4]]
a = -x
b = -x ^ 2
c = x - -y
d = -(x * y)
l = sum(a * y) + sum(b * y) + sum(c * c) + mean(d)
""", [("x", "input", [[1, -2], [3, 0.5]]), ("y", "param", [[2, 1], [-1, 4]])],
    lambda v: _named(a := -v["x"], b := -(v["x"] ** 2), c := v["x"] - (-v["y"]),
                     d := -(v["x"] * v["y"]),
                     l := total(a * v["y"]) + total(b * v["y"]) + total(c * c) + mean(d),
                     names="a b c d l"))

case("matmul-shapes", "@ with (2x3)(3x2), (1x3)(3x1) -> 1x1, (3x1)(1x3) -> 3x3, (2x2)(2x3), (2x3)(3x3)", """
param A = [[1, 2, 3], [4, 5, 6]]
param B = [[0.5, -1], [2, 0], [1, 1]]
param u = [[1, -1, 2]]
param v = [0.5, 1, -2]
C = A @ B
d = u @ v
O = v @ u
E = C @ A
F = A @ O
l = sum(E * F) * d
""", [("A", "param", [[1, 2, 3], [4, 5, 6]]), ("B", "param", [[0.5, -1], [2, 0], [1, 1]]),
      ("u", "param", [[1, -1, 2]]), ("v", "param", [[0.5], [1], [-2]])],
    lambda v: _named(Cn := v["A"] @ v["B"], d := v["u"] @ v["v"], O := v["v"] @ v["u"],
                     E := Cn @ v["A"], Fn := v["A"] @ O, l := total(E * Fn) * d,
                     names="C d O E F l"))

case("power", "^ with exponents 2, 3, 0.5, -1 (positive x; y has negatives for 2, 3, -1)", """
param x = [[0.5, 2, 1.5], [3, 0.25, 1.2]]
param y = [[-1.5, 2, -0.5]]
a = x ^ 2
b = x ^ 3
c = x ^ 0.5
d = x ^ -1
e = y ^ 3
f = y ^ -1
g = y ^ 2
l = sum(a) + 2 * sum(b) + sum(c * d) + sum(e) - sum(f * g) + mean(a * y)
""", [("x", "param", [[0.5, 2, 1.5], [3, 0.25, 1.2]]), ("y", "param", [[-1.5, 2, -0.5]])],
    lambda v: _named(a := v["x"] ** 2, b := v["x"] ** 3, c := v["x"] ** 0.5, d := v["x"] ** -1,
                     e := v["y"] ** 3, f := v["y"] ** -1, g := v["y"] ** 2,
                     l := total(a) + 2 * total(b) + total(c * d) + total(e) - total(f * g)
                     + mean(a * v["y"]),
                     names="a b c d e f g l"))

case("transpose", ".T and transpose(), chained .T.T, transpose of a product", """
param A = [[1, 2, 3], [4, 5, 6]]
param B = [[1, -1], [0.5, 2], [-2, 1]]
const K = [[1, 2], [3, 4]]
C = A.T
D = transpose(A)
E = (A @ B).T
F = A.T.T
G = transpose(B.T @ A.T)
l = sum(C * B) + sum(D * D) + sum(E * K) + sum(F * A) + sum(G * K)
""", [("A", "param", [[1, 2, 3], [4, 5, 6]]), ("B", "param", [[1, -1], [0.5, 2], [-2, 1]]),
      ("K", "const", [[1, 2], [3, 4]])],
    lambda v: _named(Cn := v["A"].T, D := v["A"].T, E := (v["A"] @ v["B"]).T, Fn := v["A"].T.T,
                     G := (v["B"].T @ v["A"].T).T,
                     l := total(Cn * v["B"]) + total(D * D) + total(E * v["K"])
                     + total(Fn * v["A"]) + total(G * v["K"]),
                     names="C D E F G l"))

case("sigmoid", "sigmoid of negative and positive entries, under an mse loss", """
param z = [[-3, -0.5, 0.25], [1, 4, -6]]
const t = [[0, 1, 0], [1, 1, 0]]
s = sigmoid(z)
u = sigmoid(-2 * z)
l = mse(s, t) + mean(u)
""", [("z", "param", [[-3, -0.5, 0.25], [1, 4, -6]]), ("t", "const", [[0, 1, 0], [1, 1, 0]])],
    lambda v: _named(s := sigmoid(v["z"]), u := sigmoid(-2 * v["z"]),
                     l := mse(s, v["t"]) + mean(u), names="s u l"))

case("tanh-exp-log", "tanh, exp, log, and exp(log(p)) = p", """
param x = [[0.5, -1.2], [2, -0.3]]
param p = [[1.5, 0.2], [3, 0.7]]
a = tanh(x)
b = exp(x)
c = log(p)
d = exp(log(p))
l = sum(a * c) + mean(b * d)
""", [("x", "param", [[0.5, -1.2], [2, -0.3]]), ("p", "param", [[1.5, 0.2], [3, 0.7]])],
    lambda v: _named(a := tanh(v["x"]), b := exp(v["x"]), c := log(v["p"]),
                     d := exp(log(v["p"])), l := total(a * c) + mean(b * d),
                     names="a b c d l"))

case("relu", "relu with negative and positive entries (none at 0)", """
param x = [[-2, 0.5, 3], [1.5, -0.1, -4]]
param w = [[1, -1], [0.5, 2], [-1.5, 1]]
r = relu(x)
h = relu(x @ w)
n = relu(-x)
l = sum(r ^ 2) + sum(h) + mean(n * x)
""", [("x", "param", [[-2, 0.5, 3], [1.5, -0.1, -4]]),
      ("w", "param", [[1, -1], [0.5, 2], [-1.5, 1]])],
    lambda v: _named(r := relu(v["x"]), h := relu(v["x"] @ v["w"]), n := relu(-v["x"]),
                     l := total(r ** 2) + total(h) + mean(n * v["x"]), names="r h n l"))

case("sum-mean", "sum and mean give 1x1, which then broadcasts against matrices", """
param A = [[1, 2], [3, -4], [0.5, 6]]
param B = [[2, -1, 0.5]]
s = sum(A)
m = mean(A)
n = mean(B)
C = m * A
D = s * B - n
l = sum(C * A) + mean(D ^ 2)
""", [("A", "param", [[1, 2], [3, -4], [0.5, 6]]), ("B", "param", [[2, -1, 0.5]])],
    lambda v: _named(s := total(v["A"]), m := mean(v["A"]), n := mean(v["B"]), Cn := m * v["A"],
                     D := s * v["B"] - n, l := total(Cn * v["A"]) + mean(D ** 2),
                     names="s m n C D l"))

case("mse", "mse against an input, and mse of two computed nodes", """
param a = [[0.5, -1, 2], [1.5, 0.1, -0.5]]
input b = [[1, -1.5, 0.25], [2, 1, -1]]
e = mse(a, b)
f = mse(tanh(a), a * 0.5)
l = e + 2 * f
""", [("a", "param", [[0.5, -1, 2], [1.5, 0.1, -0.5]]),
      ("b", "input", [[1, -1.5, 0.25], [2, 1, -1]])],
    lambda v: _named(e := mse(v["a"], v["b"]), f := mse(tanh(v["a"]), v["a"] * 0.5),
                     l := e + 2 * f, names="e f l"))

case("fanout-square", "x * x (two edges into x), y with three consumers, x with five", """
param x = [[1.5, -2], [0.5, 3]]
y = x * x
a = sigmoid(y)
b = y * 2
c = tanh(y - x)
l = sum(a + b) + sum(c * x)
""", [("x", "param", [[1.5, -2], [0.5, 3]])],
    lambda v: _named(y := v["x"] * v["x"], a := sigmoid(y), b := y * 2, c := tanh(y - v["x"]),
                     l := total(a + b) + total(c * v["x"]), names="y a b c l"))

case("fanout-gram", "X @ X.T and X.T @ X: X on both sides of a product", """
param X = [[1, -0.5, 2], [0.5, 1, -1]]
G = X @ X.T
H = X.T @ X
l = sum(G ^ 2) / 10 + mean(H * H)
""", [("X", "param", [[1, -0.5, 2], [0.5, 1, -1]])],
    lambda v: _named(G := v["X"] @ v["X"].T, H := v["X"].T @ v["X"],
                     l := total(G ** 2) / 10 + mean(H * H), names="G H l"))

case("deep-compose", "a deeper chain: matmul, tanh, ^, exp, log, sigmoid, and a root that reuses e", """
input x = [0.5, -1]
param W1 = [[0.3, -0.2], [0.8, 0.5], [-0.6, 0.1]]
param W2 = [[0.4, -0.7, 0.2]]
a = W1 @ x
b = tanh(a)
c = exp(b ^ 2)
d = log(c + 1)
e = sigmoid(W2 @ d)
l = mean(d) * e + (e - 0.5) ^ 2
""", [("x", "input", [[0.5], [-1]]), ("W1", "param", [[0.3, -0.2], [0.8, 0.5], [-0.6, 0.1]]),
      ("W2", "param", [[0.4, -0.7, 0.2]])],
    lambda v: _named(a := v["W1"] @ v["x"], b := tanh(a), c := exp(b ** 2), d := log(c + 1),
                     e := sigmoid(v["W2"] @ d), l := mean(d) * e + (e - 0.5) ** 2,
                     names="a b c d e l"))

case("deep-sigmoid", "five sigmoid layers of 1x1 weights: the gradient shrinks layer by layer", """
input x = 0.5
param w1 = 1.5; param w2 = -1.2; param w3 = 2
param w4 = 0.8; param w5 = -2.5
h1 = sigmoid(w1 * x)
h2 = sigmoid(w2 * h1)
h3 = sigmoid(w3 * h2)
h4 = sigmoid(w4 * h3)
h5 = sigmoid(w5 * h4)
""", [("x", "input", [[0.5]]), ("w1", "param", [[1.5]]), ("w2", "param", [[-1.2]]),
      ("w3", "param", [[2]]), ("w4", "param", [[0.8]]), ("w5", "param", [[-2.5]])],
    lambda v: _named(h1 := sigmoid(v["w1"] * v["x"]), h2 := sigmoid(v["w2"] * h1),
                     h3 := sigmoid(v["w3"] * h2), h4 := sigmoid(v["w4"] * h3),
                     h5 := sigmoid(v["w5"] * h4), names="h1 h2 h3 h4 h5"))

case("mlp-xor", "2-3-1 tanh/sigmoid network with biases on the four XOR points (columns)", """
# X holds one point per column; b1 (3x1) broadcasts over the 4 columns, b2 is 1x1
input X = [[0, 0, 1, 1],
           [0, 1, 0, 1]]
input Y = [[0, 1, 1, 0]]
param W1 = [[0.5, -0.4], [0.3, 0.8], [-0.7, 0.2]]
param b1 = [0.1, -0.2, 0.05]
param W2 = [[0.6, -0.5, 0.9]]
param b2 = -0.1
Z1 = W1 @ X + b1
H = tanh(Z1)
Z2 = W2 @ H + b2
P = sigmoid(Z2)
loss = mse(P, Y)
""", [("X", "input", [[0, 0, 1, 1], [0, 1, 0, 1]]), ("Y", "input", [[0, 1, 1, 0]]),
      ("W1", "param", [[0.5, -0.4], [0.3, 0.8], [-0.7, 0.2]]),
      ("b1", "param", [[0.1], [-0.2], [0.05]]), ("W2", "param", [[0.6, -0.5, 0.9]]),
      ("b2", "param", [[-0.1]])],
    lambda v: _named(Z1 := v["W1"] @ v["X"] + v["b1"], H := tanh(Z1),
                     Z2 := v["W2"] @ H + v["b2"], P := sigmoid(Z2), loss := mse(P, v["Y"]),
                     names="Z1 H Z2 P loss"), train=True)

case("mlp-relu", "2-3-1 relu network with biases, one sample per row (b1 is a 1x3 row)", """
input X = [[1, 2], [-1, 0.5], [0.3, -1.2], [2, -0.7]]
input y = [1.5, -0.5, 0.2, 1]
param W1 = [[0.4, -0.6, 0.9], [0.7, 0.3, -0.5]]
param b1 = [[0.1, -0.2, 0.15]]
param W2 = [0.8, -0.4, 0.6]
param b2 = 0.2
Z = X @ W1 + b1
H = relu(Z)
out = H @ W2 + b2
loss = mse(out, y)
""", [("X", "input", [[1, 2], [-1, 0.5], [0.3, -1.2], [2, -0.7]]),
      ("y", "input", [[1.5], [-0.5], [0.2], [1]]),
      ("W1", "param", [[0.4, -0.6, 0.9], [0.7, 0.3, -0.5]]),
      ("b1", "param", [[0.1, -0.2, 0.15]]), ("W2", "param", [[0.8], [-0.4], [0.6]]),
      ("b2", "param", [[0.2]])],
    lambda v: _named(Z := v["X"] @ v["W1"] + v["b1"], H := relu(Z),
                     out := H @ v["W2"] + v["b2"], loss := mse(out, v["y"]),
                     names="Z H out loss"), train=True)

case("backward-mid", "`backward l` on a 1x1 node that is not the last; d misses the root", """
param a = [[1, 2], [3, 4]]
param b = [[0.5, -1], [2, 0.25]]
c = a @ b
d = tanh(b)
l = sum(c * a)
m = l * 3
n = exp(-m) + d
backward l
""", [("a", "param", [[1, 2], [3, 4]]), ("b", "param", [[0.5, -1], [2, 0.25]])],
    lambda v: _named(c := v["a"] @ v["b"], d := tanh(v["b"]), l := total(c * v["a"]),
                     m := l * 3, n := exp(-m) + d, names="c d l m n"), root="l")

case("matrix-seed", "a 2x2 root with an explicit 2x2 seed", """
param A = [[1, 2], [-1, 0.5]]
param B = [[0.3, -0.2], [1.1, 0.4]]
M = tanh(A @ B) * A
backward M with [[1, -2], [0.5, 3]]
""", [("A", "param", [[1, 2], [-1, 0.5]]), ("B", "param", [[0.3, -0.2], [1.1, 0.4]])],
    lambda v: _named(M := tanh(v["A"] @ v["B"]) * v["A"], names="M"),
    root="M", seed=[[1, -2], [0.5, 3]])

case("syntax", "number forms (.5, 1e0, E-1), literals inside expressions, `;`, end-of-line comments", """
# literals: [a, b] is a 2x1 column, [[a, b]] a 1x2 row
input x = [.5, -1.5e0]        # column vector, 2x1
param w = [[2.5E-1, -1e-1]]   # row vector, 1x2
a = x + [1, -1]               # anonymous const column
b = [[1, 2]] @ a ; c = w @ x * b
d = (a.T @ [[3, 4], [5, 6]]) @ x
l = c + d ^ 2
""", [("x", "input", [[0.5], [-1.5]]), ("w", "param", [[0.25, -0.1]])],
    lambda v: _named(a := v["x"] + C([[1], [-1]]), b := C([[1, 2]]) @ a,
                     c := v["w"] @ v["x"] * b, d := (a.T @ C([[3, 4], [5, 6]])) @ v["x"],
                     l := c + d ** 2, names="a b c d l"))


# ---- classification ops (softmax, losses, reductions along an axis, PyTorch's elementwise ops)

case("softmax", "softmax, log_softmax and logsumexp along rows and columns; a row [1000, 0] stays finite", """
param Z = [[1, -2, 0.5], [1000, 0, 3], [-1.5, 2, 0.25]]
const K = [[1, 2, -1], [0.5, -1, 2], [3, 1, -2]]
S = softmax(Z, 1)
T = softmax(Z, 0)
Q = log_softmax(Z, 1)
M = log_softmax(Z, -2)
r = logsumexp(Z, 1)
c = logsumexp(Z, 0)
l = sum(S * K) + sum(T * K) + sum(Q * K) / 1000 + mean(M * K) / 1000 + sum(r) / 1000 + sum(c * [[1, 2, 3]]) / 1000
""", [("Z", "param", [[1, -2, 0.5], [1000, 0, 3], [-1.5, 2, 0.25]]),
      ("K", "const", [[1, 2, -1], [0.5, -1, 2], [3, 1, -2]])],
    lambda v: _named(S := softmax(v["Z"], 1), T := softmax(v["Z"], 0), Q := log_softmax(v["Z"], 1),
                     M := log_softmax(v["Z"], 0), r := logsumexp(v["Z"], 1), c := logsumexp(v["Z"], 0),
                     l := total(S * v["K"]) + total(T * v["K"]) + total(Q * v["K"]) / 1000
                     + mean(M * v["K"]) / 1000 + total(r) / 1000 + total(c * C([[1, 2, 3]])) / 1000,
                     names="S T Q M r c l"))

case("cross-entropy", "cross_entropy against class indices and probabilities, nll of log_softmax; "
     "logits [1000, 0] with target 0 give 0 as in PyTorch", """
param Z = [[2, -1, 0.5], [0.1, 0.2, 3], [-1, 1.5, 0.3], [1, 1, 1]]
input t = [0, 2, 1, 2]
input P = [[0.7, 0.2, 0.1], [0, 0, 1], [0.25, 0.5, 0.25], [1, 0, 0]]
param E = [[1000, 0]]
a = cross_entropy(Z, t)
b = cross_entropy(Z, P)
c = nll(log_softmax(Z, 1), t)
e = cross_entropy(E, [0])
l = a + 2 * b + c + e
""", [("Z", "param", [[2, -1, 0.5], [0.1, 0.2, 3], [-1, 1.5, 0.3], [1, 1, 1]]),
      ("t", "input", [[0], [2], [1], [2]]),
      ("P", "input", [[0.7, 0.2, 0.1], [0, 0, 1], [0.25, 0.5, 0.25], [1, 0, 0]]),
      ("E", "param", [[1000, 0]])],
    lambda v: _named(a := cross_entropy(v["Z"], v["t"]), b := cross_entropy(v["Z"], v["P"]),
                     c := nll(log_softmax(v["Z"], 1), v["t"]), e := cross_entropy(v["E"], C([[0]])),
                     l := a + 2 * b + c + e, names="a b c e l"))

case("bce-with-logits", "bce_with_logits, mean over entries; a logit of -800 with target 1 costs 800", """
param a = [[0.5, -1.5], [3, -0.2]]
input t = [[1, 0], [0.3, 1]]
param x = -800
b = bce_with_logits(a, t)
e = bce_with_logits(x, [1])
l = b + e / 100
""", [("a", "param", [[0.5, -1.5], [3, -0.2]]), ("t", "input", [[1, 0], [0.3, 1]]),
      ("x", "param", [[-800]])],
    lambda v: _named(b := bce_with_logits(v["a"], v["t"]), e := bce_with_logits(v["x"], C([[1]])),
                     l := b + e / 100, names="b e l"))

case("max-min", "max/min elementwise (a tie splits the gradient in halves) and as reductions "
     "(over everything and along an axis; tied maxima share)", """
param A = [[1, 3, -2], [3, 0.5, 3]]
param B = [[1, 2, -1], [4, 0.5, 2]]
const K = [[1, -2, 3], [0.5, 2, -1]]
u = max(A, B)
v = min(A, B)
w = max(A)
x = max(A, 1)
y = min(A, 0)
z = max(A, [1])
l = sum(u * K) + sum(v * K) + w + sum(x * [2, -1]) + sum(y * [[1, 2, 3]]) + sum(z * K)
""", [("A", "param", [[1, 3, -2], [3, 0.5, 3]]), ("B", "param", [[1, 2, -1], [4, 0.5, 2]]),
      ("K", "const", [[1, -2, 3], [0.5, 2, -1]])],
    lambda v: _named(u := max_(v["A"], v["B"]), vv := min_(v["A"], v["B"]), w := max_(v["A"]),
                     x := max_(v["A"], 1), y := min_(v["A"], 0), z := max_(v["A"], C([[1]])),
                     l := total(u * v["K"]) + total(vv * v["K"]) + w + total(x * C([[2], [-1]]))
                     + total(y * C([[1, 2, 3]])) + total(z * v["K"]),
                     names="u v w x y z l"))

case("axis-sums", "sum and mean along an axis keep it (1xn, mx1) and broadcast back", """
param A = [[1, 2, -3], [0.5, -1, 4]]
s = sum(A, 0)
r = sum(A, 1)
m = mean(A, 0)
n = mean(A, -1)
l = sum(s * s) + sum(r * [1, -2]) + sum(A * m) + sum(n ^ 2)
""", [("A", "param", [[1, 2, -3], [0.5, -1, 4]])],
    lambda v: _named(s := total_or_axis(v["A"], 0), r := total_or_axis(v["A"], 1),
                     m := mean_or_axis(v["A"], 0), n := mean_or_axis(v["A"], 1),
                     l := total(s * s) + total(r * C([[1], [-2]])) + total(v["A"] * m) + total(n ** 2),
                     names="s r m n l"))

case("activations", "sin, cos, gelu (exact), softplus, leaky_relu(x, slope), clamp(x, lo, hi)", """
param x = [[-2, -0.5, 0.3], [1.2, 2.5, -30]]
a = sin(x)
b = cos(x)
c = gelu(x)
d = softplus(x)
e = leaky_relu(x, 0.1)
f = clamp(x, -1, 1.5)
l = sum(a * b) + sum(c) + mean(d) + sum(e * x) + sum(f * [[1, 2, 3]])
""", [("x", "param", [[-2, -0.5, 0.3], [1.2, 2.5, -30]])],
    lambda v: _named(a := sin(v["x"]), b := cos(v["x"]), c := gelu(v["x"]), d := softplus(v["x"]),
                     e := leaky_relu(v["x"], 0.1), f := clamp(v["x"], -1.0, 1.5),
                     l := total(a * b) + total(c) + mean(d) + total(e * v["x"]) + total(f * C([[1, 2, 3]])),
                     names="a b c d e f l"))

case("pow-node", "a node as exponent: x ^ y, 2 ^ x, x ^ -y, right-associative x ^ 2 ^ y", """
param x = [[0.5, 2, 1.5], [3, 0.25, 1.2]]
param y = [[1.5, -0.5, 2]]
a = x ^ y
b = 2 ^ x
c = x ^ -y
d = x ^ 0.5 ^ y
l = sum(a) + sum(b * c) + mean(d)
""", [("x", "param", [[0.5, 2, 1.5], [3, 0.25, 1.2]]), ("y", "param", [[1.5, -0.5, 2]])],
    lambda v: _named(a := v["x"] ** v["y"], b := 2 ** v["x"], c := v["x"] ** -v["y"],
                     d := v["x"] ** (C([[0.5]]) ** v["y"]),
                     l := total(a) + total(b * c) + mean(d), names="a b c d l"))

case("concat-onehot", "concat along rows and columns, one_hot of class indices, detach stops the gradient", """
param A = [[1, 2], [3, -1]]
param B = [[0.5, -2]]
input t = [2, 0]
param W = [[1, -1, 0.5], [2, 0.25, -1]]
R = concat(A, B, 0)
C = concat(A, A * 2, 1)
H = one_hot(t, 3)
D = detach(A)
l = sum(R * R) + sum(C * [[1, 2, 3, 4]]) + sum(H * W) + sum(D * A)
""", [("A", "param", [[1, 2], [3, -1]]), ("B", "param", [[0.5, -2]]), ("t", "input", [[2], [0]]),
      ("W", "param", [[1, -1, 0.5], [2, 0.25, -1]])],
    lambda v: _named(R := concat(v["A"], v["B"], 0), Cn := concat(v["A"], v["A"] * 2, 1),
                     H := one_hot(v["t"], 3), D := detach(v["A"]),
                     l := total(R * R) + total(Cn * C([[1, 2, 3, 4]])) + total(H * v["W"]) + total(D * v["A"]),
                     names="R C H D l"))

case("slice", "indexing and slicing: ranges, single indices (kept as a dimension of one), negative indices, open ends", """
param A = [[1, 2, 3], [4, -5, 6], [0.5, 7, -8]]
param w = [[2, -1]]
R = A[0:2, 1:]
S = A[-1]
E = A[1, 2]
T = (A @ A)[:, 0]
l = sum(R * R) + sum(S * [[1, 2, 3]]) * E + sum(T) + sum(A[2:, :2] * w)
""", [("A", "param", [[1, 2, 3], [4, -5, 6], [0.5, 7, -8]]), ("w", "param", [[2, -1]])],
    lambda v: _named(R := v["A"][0:2, 1:], S := v["A"][-1:, :], E := v["A"][1:2, 2:3],
                     T := (v["A"] @ v["A"])[:, 0:1],
                     l := total(R * R) + total(S * C([[1, 2, 3]])) * E + total(T) + total(v["A"][2:, :2] * v["w"]),
                     names="R S E T l"))

case("classifier", "a 2-4-3 softmax classifier on six points, cross-entropy against class indices", """
input X = [[0.5, 1], [-1, 0.3], [0.2, -0.8], [1.5, -0.2], [-0.4, -1.1], [0.9, 0.7]]
input y = [0, 1, 2, 0, 2, 1]
param W1 = [[0.3, -0.5, 0.8, 0.1], [0.6, 0.2, -0.4, 0.7]]
param b1 = [[0.1, -0.1, 0.05, 0]]
param W2 = [[0.5, -0.3, 0.2], [-0.6, 0.4, 0.1], [0.3, 0.3, -0.5], [0.2, -0.7, 0.4]]
param b2 = [[0, 0.1, -0.1]]
H = tanh(X @ W1 + b1)
Z = H @ W2 + b2
P = softmax(Z, 1)
loss = cross_entropy(Z, y)
""", [("X", "input", [[0.5, 1], [-1, 0.3], [0.2, -0.8], [1.5, -0.2], [-0.4, -1.1], [0.9, 0.7]]),
      ("y", "input", [[0], [1], [2], [0], [2], [1]]),
      ("W1", "param", [[0.3, -0.5, 0.8, 0.1], [0.6, 0.2, -0.4, 0.7]]),
      ("b1", "param", [[0.1, -0.1, 0.05, 0]]),
      ("W2", "param", [[0.5, -0.3, 0.2], [-0.6, 0.4, 0.1], [0.3, 0.3, -0.5], [0.2, -0.7, 0.4]]),
      ("b2", "param", [[0, 0.1, -0.1]])],
    lambda v: _named(H := tanh(v["X"] @ v["W1"] + v["b1"]), Z := H @ v["W2"] + v["b2"],
                     P := softmax(Z, 1), loss := cross_entropy(Z, v["y"]),
                     names="H Z P loss"), train=True)


def _named(*tensors, names):
    names = names.split()
    assert len(names) == len(tensors)
    return dict(zip(names, tensors))


# ---------------------------------------------------------------- the reference route

def leaf_tensors(c):
    return {n: torch.tensor(rows, dtype=torch.float64, requires_grad=True)
            for n, _, rows in c["leaves"]}


def evaluate(leaves, kinds, named, root, seed):
    """Backward from root with seed; returns (values, grads) of every named node, in order."""
    for t in named.values():
        assert t.requires_grad and t.dim() == 2
        if not t.is_leaf:      # detach and one_hot make leaves of their own
            t.retain_grad()
    nodes = {**leaves, **named}
    assert seed.shape == nodes[root].shape, (root, seed.shape, nodes[root].shape)
    nodes[root].backward(seed)
    values = {n: t.detach().clone() for n, t in nodes.items()}
    grads = {n: (t.grad.clone() if t.grad is not None else torch.zeros_like(t.detach()))
             for n, t in nodes.items()}
    return values, grads


def run_reference(c):
    leaves = leaf_tensors(c)
    named = c["fn"](leaves)
    kinds = {n: k for n, k, _ in c["leaves"]}
    kinds.update({n: "op" for n in named})
    root = c["root"] or list(named)[-1]
    seed = torch.tensor(c["seed"] if c["seed"] is not None else [[1.0]], dtype=torch.float64)
    values, grads = evaluate(leaves, kinds, named, root, seed)
    return dict(kinds=kinds, root=root, seed=seed, values=values, grads=grads)


def sgd_reference(c, steps, lr, momentum, schedule=None):
    """torch.optim.SGD over the params: zero_grad, forward, backward, step (and the scheduler's
    step); L0..Lsteps."""
    leaves = leaf_tensors(c)
    params = [leaves[n] for n, k, _ in c["leaves"] if k == "param"]
    opt = torch.optim.SGD(params, lr=lr, momentum=momentum)
    sched = None
    if schedule and schedule["kind"] == "step":
        sched = torch.optim.lr_scheduler.StepLR(opt, schedule["step_size"], schedule["gamma"])
    elif schedule:
        sched = torch.optim.lr_scheduler.ExponentialLR(opt, schedule["gamma"])
    root = c["root"] or list(c["fn"](leaves))[-1]
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        loss = c["fn"](leaves)[root]
        assert loss.shape == (1, 1)
        losses.append(loss.item())
        loss.backward()
        opt.step()
        if sched:
            sched.step()
    with torch.no_grad():
        losses.append(c["fn"](leaves)[root].item())
    return losses, {n: leaves[n].detach().clone() for n, k, _ in c["leaves"] if k == "param"}


def scheduled_rate(lr, schedule, step):
    if not schedule:
        return lr
    if schedule["kind"] == "step":
        return lr * schedule["gamma"] ** (step // schedule["step_size"])
    return lr * schedule["gamma"] ** step


def sgd_by_hand(c, steps, lr, momentum, schedule=None):
    """The same SGD written out (PyTorch's rule: buf = g on the first step, then
    buf = momentum*buf + g; p -= lr*buf), to pin down what the engine must do."""
    leaves = leaf_tensors(c)
    pnames = [n for n, k, _ in c["leaves"] if k == "param"]
    root = c["root"] or list(c["fn"](leaves))[-1]
    bufs = {}
    losses = []
    for step in range(steps):
        rate = scheduled_rate(lr, schedule, step)
        for t in leaves.values():
            t.grad = None
        loss = c["fn"](leaves)[root]
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            for n in pnames:
                g = leaves[n].grad
                bufs[n] = g.clone() if n not in bufs else momentum * bufs[n] + g
                leaves[n] -= rate * (bufs[n] if momentum != 0 else g)
    with torch.no_grad():
        losses.append(c["fn"](leaves)[root].item())
    return losses, {n: leaves[n].detach().clone() for n in pnames}


# ---------------------------------------------------------------- the cross-check route

KEYWORDS = {"input", "param", "const", "backward", "with"}


def bpg_statements(text):
    """(line, statement) pairs: `#` comments dropped, newlines inside brackets joined, `;` split."""
    out, cur, depth, line, start = [], [], 0, 1, 1
    for ch in re.sub(r"#[^\n]*", "", text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if depth == 0 and ch in "\n;":
            if "".join(cur).strip():
                out.append((start, "".join(cur).strip()))
            cur = []
            if ch == "\n":
                line += 1
            start = line
            continue
        if ch == "\n":
            line += 1
            ch = " "
        cur.append(ch)
    if "".join(cur).strip():
        out.append((start, "".join(cur).strip()))
    return out


def literal_rows(py):
    """A .bpg literal (read by Python's eval) as rows: n -> 1x1, [a, b] -> 2x1, [[..]..] -> rows."""
    if isinstance(py, (int, float)):
        return [[float(py)]]
    if all(isinstance(e, (int, float)) for e in py):
        return [[float(e)] for e in py]
    assert all(isinstance(r, list) and len(r) == len(py[0]) for r in py), "ragged literal"
    return [[float(e) for e in r] for r in py]


def to_python_expr(expr):
    """`^` -> `**`, each bracket literal -> L(...)."""
    out, i = [], 0
    while i < len(expr):
        ch = expr[i]
        if ch == "[":
            depth, j = 0, i
            while True:
                depth += {"[": 1, "]": -1}.get(expr[j], 0)
                if depth == 0:
                    break
                j += 1
            before = "".join(out).rstrip()
            if before and (before[-1].isalnum() or before[-1] in "_)"):  # indexing: .bpg keeps 2 dims
                out.append(".__getitem__(IX(" + repr(expr[i + 1:j]) + "))")
            else:
                out.append("L(" + expr[i:j + 1] + ")")
            i = j + 1
            continue
        out.append("**" if ch == "^" else ch)
        i += 1
    return "".join(out)


def index_key(text):
    """A .bpg index `i, a:b` as a PyTorch key that keeps both dimensions (an index i is i:i+1)."""
    parts = [p.strip() for p in text.split(",")]
    key = []
    for p in parts:
        if ":" in p:
            a, b = (x.strip() for x in p.split(":"))
            key.append(slice(int(a) if a else None, int(b) if b else None))
        else:
            i = int(p)
            key.append(slice(i, i + 1 if i != -1 else None))
    return tuple(key)


def run_bpg_text(text):
    def lit(py):
        return torch.tensor(literal_rows(py), dtype=torch.float64)

    funcs = dict(sigmoid=sigmoid, tanh=tanh, exp=exp, log=log, relu=relu, sum=total_or_axis,
                 mean=mean_or_axis, mse=mse, transpose=transpose, L=lit, max=max_, min=min_,
                 softmax=softmax, log_softmax=log_softmax, logsumexp=logsumexp,
                 cross_entropy=cross_entropy, nll=nll, bce_with_logits=bce_with_logits, sin=sin,
                 cos=cos, gelu=gelu, softplus=softplus, leaky_relu=leaky_relu, clamp=clamp,
                 detach=detach, one_hot=one_hot, concat=concat, IX=index_key)
    leaves, named, kinds = {}, {}, {}
    root = seed = None
    for line, st in bpg_statements(text):
        if m := re.fullmatch(r"(input|param|const)\s+([A-Za-z_]\w*)\s*=\s*(.+)", st):
            kind, name, literal = m.groups()
            t = lit(eval(literal, {"__builtins__": {}}))
            leaves[name] = t.requires_grad_(True)
        elif m := re.fullmatch(r"backward\s+([A-Za-z_]\w*)(?:\s+with\s+(.+))?", st):
            assert root is None, f"line {line}: second backward"
            root = m.group(1)
            seed = lit(eval(m.group(2), {"__builtins__": {}})) if m.group(2) else None
            continue
        elif m := re.fullmatch(r"([A-Za-z_]\w*)\s*=\s*(.+)", st):
            kind, name, expr = "op", m.group(1), m.group(2)
            ns = {**funcs, **leaves, **named}
            named[name] = eval(to_python_expr(expr), {"__builtins__": {}}, ns)
        else:
            raise SyntaxError(f"line {line}: {st!r}")
        assert name not in kinds and name not in KEYWORDS, f"line {line}: {name} redefined"
        kinds[name] = kind
    root = root or list(named)[-1]
    if seed is None:
        seed = torch.ones(1, 1)
    values, grads = evaluate(leaves, kinds, named, root, seed)
    return dict(kinds=kinds, root=root, seed=seed, values=values, grads=grads)


def same(a, b):
    return a.shape == b.shape and torch.allclose(a, b, rtol=1e-13, atol=1e-15)


def cross_check(c, ref):
    txt = run_bpg_text(c["bpg"])
    where = c["name"]
    assert list(txt["kinds"].items()) == list(ref["kinds"].items()), (where, txt["kinds"])
    assert txt["root"] == ref["root"] and torch.equal(txt["seed"], ref["seed"]), where
    for n, k in ref["kinds"].items():
        if k != "op":
            assert torch.equal(txt["values"][n], ref["values"][n]), (where, n)
        assert same(txt["values"][n], ref["values"][n]), (where, n, "value")
        assert same(txt["grads"][n], ref["grads"][n]), (where, n, "grad")


def check_against_seed_values(golden):
    """The three SPEC 2 examples must agree with shared/reference/seed-values.json."""
    with open(os.path.join(HERE, "seed-values.json")) as f:
        seed = json.load(f)
    for name in ("chain-rule", "mlp-1-2-2", "vjp"):
        for part in ("values", "grads"):
            for n, rows in seed[name][part].items():
                assert torch.allclose(torch.tensor(golden[name][part][n]), torch.tensor(rows),
                                      rtol=1e-14, atol=0), (name, part, n)
    vs = seed["vjp"]["backward_t_with_z"]["grads"]
    for n, rows in vs.items():
        assert golden["vjp-seed"]["grads"][n] == rows, n


# ---------------------------------------------------------------- output

def rows(t):
    t = t.detach()
    assert t.dim() == 2
    assert all(math.isfinite(x) for r in t.tolist() for x in r)
    return [[x + 0.0 for x in r] for r in t.tolist()]   # + 0.0 turns -0.0 into 0.0


def dump(doc, ind=0):
    """Objects one key a line; each matrix (or list of numbers) on one line; diffs read well."""
    pad = " " * (ind + 1)
    if isinstance(doc, dict):
        items = [f'{pad}"{k}": {dump(v, ind + 1)}' for k, v in doc.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * ind + "}"
    if isinstance(doc, list) and doc and isinstance(doc[0], dict):
        return "[\n" + ",\n".join(pad + dump(v, ind + 1) for v in doc) + "\n" + " " * ind + "]"
    return json.dumps(doc)


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    cases = {}
    assert len({c["name"] for c in CASES}) == len(CASES)
    for c in CASES:
        ref = run_reference(c)
        cross_check(c, ref)
        entry = {"file": c["name"] + ".bpg", "about": c["about"], "root": ref["root"],
                 "seed": rows(ref["seed"]), "kinds": ref["kinds"],
                 "values": {n: rows(t) for n, t in ref["values"].items()},
                 "grads": {n: rows(t) for n, t in ref["grads"].items()}}
        if c["train"]:
            assert ref["values"][ref["root"]].shape == (1, 1)
            entry["train"] = []
            runs = [(st, lr, mo, None) for st, lr, mo in TRAIN_RUNS]
            if c["name"] == "classifier":
                runs += SCHEDULE_RUNS
            for steps, lr, momentum, schedule in runs:
                losses, params = sgd_reference(c, steps, lr, momentum, schedule)
                losses2, params2 = sgd_by_hand(c, steps, lr, momentum, schedule)
                assert all(abs(a - b) <= 1e-13 * max(1.0, abs(a)) for a, b in zip(losses, losses2))
                assert all(same(params[n], params2[n]) for n in params)
                assert math.isclose(losses[0], ref["values"][ref["root"]].item(), rel_tol=1e-15)
                run = {"steps": steps, "lr": lr, "momentum": momentum}
                if schedule:
                    run["schedule"] = schedule
                run.update({"loss": [x + 0.0 for x in losses], "params": {n: rows(t) for n, t in params.items()}})
                entry["train"].append(run)
        cases[c["name"]] = entry
        header = (f"# golden case {c['name']}: {c['about']}\n"
                  "# generated by tests/data/make_golden.py (PyTorch float64 values in golden.json)\n")
        with open(os.path.join(OUT_DIR, c["name"] + ".bpg"), "w") as f:
            f.write(header + c["bpg"])
    check_against_seed_values(cases)
    doc = {"generated_by": f"PyTorch {torch.__version__}, float64, tests/data/make_golden.py",
           "cases": cases}
    with open(os.path.join(OUT_DIR, "golden.json"), "w") as f:
        f.write(dump(doc) + "\n")
    print(f"{len(cases)} cases written to {OUT_DIR}")


if __name__ == "__main__":
    main()
