#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference numbers for the window's training and vanishing-gradient demo, from PyTorch.

Run with Debian's python3-torch:  /usr/bin/python3 make_training_reference.py
It writes training-reference.json beside itself:

  runs:   torch.optim.SGD on a shipped example, N steps of zero_grad / forward / backward / step,
          in float64. "loss" holds L0 (before the first update) ... LN (after the last), as
          `backprop-studio train` and the training dock record them; "params" the final weights.
  chains: the deep chain of the demo (x = 0.5, z_k = w_k * h_{k-1} + b, h_k = act(z_k),
          loss = mse(h_N, 0), every w_k = 1, b = 0): the gradient of every z_k.

The leaf values are read from the example files themselves, so the reference follows them.
"""
import ast
import json
import pathlib
import re

import torch

HERE = pathlib.Path(__file__).resolve().parent
EXAMPLES = HERE.parent.parent.parent / "resources" / "examples"
torch.set_default_dtype(torch.float64)


def read_leaves(name):
    """The input/param/const declarations of an example: {name: (kind, tensor)}, with .bpg's
    shapes: a number is 1x1, [a, b] a column vector, [[...], ...] row by row."""
    text = (EXAMPLES / f"{name}.bpg").read_text()
    text = re.sub(r"#[^\n]*", "", text)
    leaves = {}
    for m in re.finditer(r"^(input|param|const)\s+(\w+)\s*=\s*", text, re.M):
        start, depth, i = m.end(), 0, m.end()
        while i < len(text):  # the literal runs to the end of the line outside brackets
            c = text[i]
            if c in "[(":
                depth += 1
            elif c in "])":
                depth -= 1
            elif c == "\n" and depth == 0:
                break
            i += 1
        value = ast.literal_eval(text[start:i].strip())
        t = torch.tensor(value, dtype=torch.float64)
        if t.dim() == 0:
            t = t.reshape(1, 1)
        elif t.dim() == 1:
            t = t.reshape(-1, 1)
        leaves[m.group(2)] = (m.group(1), t)
    return leaves


def xor_loss(v):
    H = torch.tanh(v["W1"] @ v["X"] + v["b1"])
    P = torch.sigmoid(v["W2"] @ H + v["b2"])
    return torch.nn.functional.mse_loss(P, v["Y"])


def mlp_loss(v):
    y1 = torch.sigmoid(v["w1"] @ v["x"])
    y2 = torch.sigmoid(v["w2"] @ y1)
    return torch.nn.functional.mse_loss(y2, v["target"])


def train_run(example, loss_fn, steps, lr, momentum):
    leaves = read_leaves(example)
    values = {n: t.clone().requires_grad_(kind == "param") for n, (kind, t) in leaves.items()}
    params = [values[n] for n, (kind, _) in leaves.items() if kind == "param"]
    opt = torch.optim.SGD(params, lr=lr, momentum=momentum)
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        loss = loss_fn(values)
        losses.append(loss.item())
        loss.backward()
        opt.step()
    with torch.no_grad():
        losses.append(loss_fn(values).item())
    return {
        "example": example, "steps": steps, "lr": lr, "momentum": momentum, "loss": losses,
        "params": {n: values[n].detach().tolist() for n, (kind, _) in leaves.items() if kind == "param"},
    }


def deep_chain(depth, activation):
    act = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}[activation]
    x = torch.tensor([[0.5]])
    b = torch.zeros(1, 1, requires_grad=True)
    h, zs = x, []
    for _ in range(depth):
        w = torch.ones(1, 1, requires_grad=True)
        z = w * h + b
        z.retain_grad()
        zs.append(z)
        h = act(z)
    loss = torch.nn.functional.mse_loss(h, torch.zeros(1, 1))
    loss.backward()
    return {"depth": depth, "activation": activation, "loss": loss.item(),
            "z_grads": [z.grad.item() for z in zs]}


def main():
    reference = {
        "generator": "tests/data/training/make_training_reference.py, torch " + torch.__version__ + ", float64",
        "runs": [
            train_run("xor", xor_loss, 20, 0.5, 0.9),
            train_run("xor", xor_loss, 200, 0.5, 0.0),
            train_run("mlp-1-2-2", mlp_loss, 5, 1.0, 0.5),
        ],
        "chains": [deep_chain(d, a) for d in (1, 10, 30) for a in ("sigmoid", "tanh", "relu")],
    }
    out = HERE / "training-reference.json"
    out.write_text(json.dumps(reference, indent=1) + "\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
