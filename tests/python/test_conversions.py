# SPDX-License-Identifier: GPL-3.0-or-later
"""Networks built in PyTorch, converted with from_loss and from_module, evaluated by the real
backprop-studio (eval --json): every value and gradient agrees with PyTorch's to 1e-9."""

import unittest

from support import ConversionCase, Recorder, bps, seed_values, torch

nn = torch.nn
F = torch.nn.functional
torch.manual_seed(19)


def randn(*shape):
    return torch.randn(*shape, dtype=torch.float64)


# ---- modules: each converted by both entry points ----------------------------------------------

class Mlp122(nn.Module):
    """The lesson's network: x = 1, w1 = (1, 2), w2 = ((3, 4), (5, 6)), sigmoid, MSE 0.4999."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(1, 2, bias=False)
        self.fc2 = nn.Linear(2, 2, bias=False)
        with torch.no_grad():
            self.fc1.weight.copy_(torch.tensor([[1.0], [2.0]]))
            self.fc2.weight.copy_(torch.tensor([[3.0, 4.0], [5.0, 6.0]]))

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


class Mlp(nn.Module):
    def __init__(self, sizes, activation):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))
        self.activation = activation

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i + 1 < len(self.layers):
                x = self.activation(x)
        return x


class SequentialRelu(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 5), nn.ReLU(), nn.Linear(5, 2))

    def forward(self, x):
        return self.net(x)


class SoftmaxByHand(nn.Module):
    """Classification with cross-entropy written from exp, log and sum (log_softmax by hand)."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        logits = self.fc(torch.tanh(x))
        return logits - logits.exp().sum(1, keepdim=True).log()


def nll_of_one_hot(log_probabilities, one_hot):
    return -(one_hot * log_probabilities).sum(dim=1).mean()


class Broadcasting(nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(randn(3))       # a vector: broadcast over rows
        self.shift = nn.Parameter(randn(4, 1))    # a column: broadcast over columns
        self.offset = nn.Parameter(randn(()))     # a number

    def forward(self, x):
        return ((x * self.scale + self.shift) / (self.offset.exp() + 1) - 0.5).sum()


class MatmulChain(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Parameter(randn(2, 3))
        self.b = nn.Parameter(randn(3, 4))
        self.c = nn.Parameter(randn(4, 2))

    def forward(self, u, v):
        return u @ self.a @ self.b @ self.c @ v  # vector @ matrices @ vector: one number


class VectorWeights(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(randn(3))
        self.bias = nn.Parameter(randn(()))

    def forward(self, x):
        return torch.sigmoid(x @ self.w + self.bias)


class Functions(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(randn(2, 3).abs() + 0.5)

    def forward(self, x):
        y = torch.sqrt(self.w) * torch.log(self.w) - torch.exp(-self.w) ** 2 + 1 / self.w
        z = torch.abs(y - 0.3).t() @ x
        return (z.mean(dim=0) ** 3).sum() - z.mean()


class Reshapes(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(randn(2, 3))

    def forward(self, x):
        m = self.w.view(3, 2) @ x.reshape(2, 2)
        return torch.tanh(m.flatten()).unsqueeze(0).squeeze().sum(0)


class Chain(nn.Module):
    """The chain rule: e = (a + b)(b + 1) with a = 2, b = 1."""

    def __init__(self):
        super().__init__()
        self.a = nn.Parameter(torch.tensor(2.0))
        self.b = nn.Parameter(torch.tensor(1.0))

    def forward(self):
        return (self.a + self.b) * (self.b + 1)


def cases():
    """(label, model, inputs, loss_fn, target, seed)"""
    x4 = randn(5, 4)
    one_hot = F.one_hot(torch.tensor([0, 2, 1, 1, 0]), 3).to(torch.float64)
    return [
        ("mlp-1-2-2", Mlp122(), (torch.tensor([1.0]),), nn.MSELoss(), torch.tensor([1.0, 0.0]), None),
        ("sigmoid mlp 3-4-2, batch 5", Mlp([3, 4, 2], torch.sigmoid), (randn(5, 3),), nn.MSELoss(), randn(5, 2), None),
        ("tanh mlp 2-3-1 on xor, summed MSE", Mlp([2, 3, 1], torch.tanh),
         (torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]),), nn.MSELoss(reduction="sum"),
         torch.tensor([[0.0], [1.0], [1.0], [0.0]]), None),
        ("relu mlp 3-5-5-2", SequentialRelu(), (randn(6, 3),), F.mse_loss, randn(6, 2), None),
        ("cross-entropy from exp, log and sum", SoftmaxByHand(), (x4,), nll_of_one_hot, one_hot, None),
        ("broadcasting", Broadcasting(), (randn(4, 3),), None, None, None),
        ("matmul chain", MatmulChain(), (randn(2), randn(2)), None, None, None),
        ("vector weights", VectorWeights(), (randn(5, 3),), nn.MSELoss(), randn(5), None),
        ("functions", Functions(), (randn(2, 2),), None, None, None),
        ("reshapes", Reshapes(), (randn(4),), None, None, None),
        ("linear on one vector", Mlp([3, 2, 2], torch.tanh), (randn(3),), nn.MSELoss(), randn(2), None),
        ("vector-Jacobian product", Mlp([3, 4], torch.tanh), (randn(2, 3),), None, None, randn(2, 4)),
        ("chain rule", Chain(), (), None, None, None),
    ]


def reference(model, inputs, loss_fn, target, seed):
    """PyTorch's values and gradients of every call of the traced module, its parameters and
    inputs, and the loss."""
    traced = torch.fx.symbolic_trace(model)
    inputs = [x.clone().requires_grad_(True) for x in inputs]
    recorder = Recorder(traced, retain=True)
    output = recorder.run(*inputs)
    tensors = dict(recorder.tensors)
    if loss_fn is not None:
        output = loss_fn(output, target)
        tensors["loss"] = output
    output.retain_grad()
    model.zero_grad()
    output.backward(seed)
    tensors.update(model.named_parameters())
    tensors.update(zip([n.target for n in traced.graph.nodes if n.op == "placeholder"], inputs))
    return tensors


def loss_for_from_loss(model, inputs, loss_fn, target):
    """The same computation run plainly, its intermediate tensors by the same names."""
    recorder = Recorder(torch.fx.symbolic_trace(model), retain=False)
    output = recorder.run(*inputs)
    names = dict(recorder.tensors)
    if loss_fn is not None:
        output = loss_fn(output, target)
        names["loss"] = output
    names.update(zip([n.target for n in recorder.module.graph.nodes if n.op == "placeholder"], inputs))
    return output, names


class BothEntryPoints(ConversionCase):
    def test_every_case_by_both_entry_points(self):
        for label, model, inputs, loss_fn, target, seed in cases():
            with self.subTest(label):
                ref = reference(model, inputs, loss_fn, target, seed)
                by_module = bps.from_module(model, *inputs, loss_fn=loss_fn, target=target, seed=seed)
                n = self.assertMatchesPyTorch(by_module, ref, f"{label} (from_module)", minimum=3)
                output, names = loss_for_from_loss(model, inputs, loss_fn, target)
                by_loss = bps.from_loss(output, seed, model=model, names=names)
                self.assertMatchesPyTorch(by_loss, ref, f"{label} (from_loss)", minimum=min(n, 3))

    def test_parameters_are_named_from_the_module(self):
        doc = bps.from_module(SequentialRelu(), randn(6, 3), loss_fn=nn.MSELoss(), target=randn(6, 2))
        labels = {n["name"]: n.get("label", n["name"]) for n in doc.data["nodes"]}
        self.assertEqual(labels["net_0_weight"], "net.0.weight")
        self.assertEqual(labels["net_4_bias"], "net.4.bias")
        kinds = {n["name"]: n["kind"] for n in doc.data["nodes"]}
        self.assertEqual((kinds["net_0_weight"], kinds["x"], kinds["target"], kinds["loss"]),
                         ("param", "input", "const", "op"))
        model = SequentialRelu()
        loss = F.mse_loss(model(randn(6, 3)), randn(6, 2))
        names = {n.get("label", n["name"]) for n in bps.from_loss(loss, model=model).data["nodes"]}
        self.assertTrue({"net.0.weight", "net.2.bias", "net.4.weight", "loss"} <= names, names)


class TheLessonsNumbers(ConversionCase):
    """The seed's networks written as a lecturer writes them, named from the variables."""

    def test_chain_rule_from_its_variables(self):
        a = torch.tensor(2.0, requires_grad=True)
        b = torch.tensor(1.0, requires_grad=True)
        c = a + b
        d = b + 1
        e = c * d
        doc = bps.from_loss(e)
        ref = seed_values()["chain-rule"]
        evaluated = doc.evaluate()
        for name in "abcde":
            self.assertEqual(evaluated[name][0].tolist(), ref["values"][name], name)
            self.assertEqual(evaluated[name][1].tolist(), ref["grads"][name], name)
        constants = [n for n in doc.data["nodes"] if n["kind"] == "const"]
        self.assertEqual([n["value"] for n in constants], [[[1.0]]])  # the 1 of b + 1, which PyTorch does not keep
        for t in (c, d, e):
            t.retain_grad()
        e.backward()
        self.assertMatchesPyTorch(doc, {"a": a, "b": b, "c": c, "d": d, "e": e}, "chain rule", minimum=5)

    def test_mlp_1_2_2_from_its_variables(self):
        x = torch.tensor([[1.0]], requires_grad=True)
        w1 = torch.tensor([[1.0], [2.0]], requires_grad=True)
        w2 = torch.tensor([[3.0, 4.0], [5.0, 6.0]], requires_grad=True)
        target = torch.tensor([[1.0], [0.0]])
        z1 = w1 @ x
        y1 = torch.sigmoid(z1)
        z2 = w2 @ y1
        y2 = torch.sigmoid(z2)
        loss = ((y2 - target) ** 2).mean()
        doc = bps.from_loss(loss)
        evaluated = doc.evaluate()
        ref = seed_values()["mlp-1-2-2"]
        for part, index in (("values", 0), ("grads", 1)):
            for name, expected in ref[part].items():
                self.assertTrue(torch.allclose(evaluated[name][index], torch.tensor(expected), rtol=0, atol=1e-12),
                                f"{part} {name}")
        self.assertAlmostEqual(evaluated["loss"][0].item(), 0.4998743766, places=10)
        self.assertEqual(doc.node("target")["kind"], "input")  # found among the variables, though not kept
        for t in (z1, y1, z2, y2, loss):
            t.retain_grad()
        loss.backward()
        named = {"x": x, "w1": w1, "w2": w2, "z1": z1, "y1": y1, "z2": z2, "y2": y2, "loss": loss}
        self.assertMatchesPyTorch(doc, named, "mlp-1-2-2", minimum=8)

    def test_vector_jacobian_product_with_backward_of_a_seed(self):
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        y = torch.tensor([4.0, 5.0, 6.0], requires_grad=True)
        v = torch.tensor([7.0, 8.0, 9.0])
        t = x + y
        doc = bps.from_loss(t, seed=v)
        self.assertEqual(doc.data["seed"], [[7.0], [8.0], [9.0]])
        t.backward(v)
        self.assertMatchesPyTorch(doc, {"x": x, "y": y}, "vjp", minimum=2)
        self.assertEqual(doc.evaluate()["x"][1].flatten().tolist(), [7.0, 8.0, 9.0])

    def test_binary_cross_entropy_by_hand_recovers_the_one_of_one_minus_y(self):
        w = torch.tensor([[0.5, -1.0, 2.0]], requires_grad=True)
        x = torch.tensor([[1.0, 0.5], [2.0, -1.0], [0.1, 0.3]])
        t = torch.tensor([[1.0, 0.0]])
        y = torch.sigmoid(w @ x)
        bce = -(t * torch.log(y) + (1 - t) * torch.log(1 - y)).mean()
        doc = bps.from_loss(bce)
        y.retain_grad()
        bce.retain_grad()
        bce.backward()
        self.assertMatchesPyTorch(doc, {"w": w, "x": x, "y": y, "bce": bce}, "bce", minimum=4)
        self.assertAlmostEqual(doc.evaluate()["bce"][0].item(), F.binary_cross_entropy(y, t).item(), places=12)

    def test_numbers_that_are_not_finite_travel_as_strings(self):
        w = torch.tensor([800.0, -800.0, 0.0], requires_grad=True)
        loss = (torch.log(torch.sigmoid(w) - 0.5)).sum()
        doc = bps.from_loss(loss)
        evaluated = doc.evaluate()
        self.assertTrue(torch.isinf(evaluated["loss"][0]).all() or torch.isnan(evaluated["loss"][0]).all())
        w2 = torch.tensor([float("inf"), 1.0], requires_grad=True)
        self.assertEqual(bps.from_loss((w2 * 2).sum()).node("w2")["value"], [["inf"], [1.0]])


class Outputs(ConversionCase):
    def test_save_writes_the_document_and_converts_to_bpg(self):
        import tempfile
        from pathlib import Path
        w = torch.tensor([[1.0, 2.0]], requires_grad=True)
        loss = torch.tanh(w).sum()
        with tempfile.TemporaryDirectory() as folder:
            json_path = bps.save(loss, Path(folder) / "graph.json")
            self.assertIn('"format": "backprop-studio"', json_path.read_text())
            bpg = bps.save(bps.from_loss(loss), Path(folder) / "graph.BPG").read_text()
            self.assertIn("param w = [[1, 2]]", bpg)

    def test_svg_draws_the_graph_at_a_step(self):
        doc = bps.from_module(Mlp122(), torch.tensor([1.0]), loss_fn=nn.MSELoss(), target=torch.tensor([1.0, 0.0]))
        picture = bps.svg(doc, step=2)
        self.assertTrue(picture.data.lstrip().startswith("<?xml") or "<svg" in picture.data[:500])
        self.assertIn("fc1.weight", picture.data)
        self.assertEqual(doc._repr_svg_()[:100], picture._repr_svg_()[:100])


if __name__ == "__main__":
    unittest.main()
