# SPDX-License-Identifier: GPL-3.0-or-later
"""What cannot be converted is refused with a message that names the PyTorch function or the
tensor at fault and says what to do."""

import unittest

from support import bps, torch

nn = torch.nn
F = torch.nn.functional


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        return self.fc(x)


class WithSoftmax(nn.Module):
    def forward(self, x):
        return torch.softmax(x, dim=1)


class WithSin(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.ones(2))

    def forward(self, x):
        return torch.sin(self.w * x).sum()


class Errors(unittest.TestCase):
    def assertRaisesNaming(self, error, *words):
        """The context raises `error` whose message holds every one of `words`."""
        test = self

        class Context:
            def __enter__(self):
                return self

            def __exit__(self, kind, value, traceback):
                test.assertIsNotNone(kind, "no error raised")
                test.assertTrue(issubclass(kind, error), f"{kind.__name__}: {value}")
                for word in words:
                    test.assertIn(word, str(value))
                return True
        return Context()

    def test_cross_entropy_is_named_by_both_entry_points(self):
        x, labels = torch.randn(5, 4), torch.tensor([0, 2, 1, 1, 0])
        model = Classifier()
        with self.assertRaisesNaming(bps.UnsupportedOperation, "cross_entropy", "mse_loss"):
            bps.from_loss(F.cross_entropy(model(x), labels))
        with self.assertRaisesNaming(bps.UnsupportedOperation, "torch.nn.CrossEntropyLoss"):
            bps.from_module(model, x, loss_fn=nn.CrossEntropyLoss(), target=labels)
        with self.assertRaisesNaming(bps.UnsupportedOperation, "torch.nn.functional.cross_entropy"):
            bps.from_module(model, x, loss_fn=F.cross_entropy, target=labels)

    def test_other_ops_the_program_lacks_are_named(self):
        x = torch.randn(2, 2)
        with self.assertRaisesNaming(bps.UnsupportedOperation, "torch.softmax"):
            bps.from_loss(torch.softmax(torch.randn(3, requires_grad=True), 0).sum())
        with self.assertRaisesNaming(bps.UnsupportedOperation, "softmax"):
            bps.from_module(WithSoftmax(), x, seed=torch.ones(2, 2))
        with self.assertRaisesNaming(bps.UnsupportedOperation, "torch.sin"):
            bps.from_loss(torch.sin(torch.randn(3, requires_grad=True)).sum())
        with self.assertRaisesNaming(bps.UnsupportedOperation, "sin"):
            bps.from_module(WithSin(), torch.ones(2))
        with self.assertRaisesNaming(bps.UnsupportedOperation, "indexing"):
            bps.from_loss(torch.randn(3, 3, requires_grad=True)[0].sum())
        with self.assertRaisesNaming(bps.UnsupportedOperation, "torch.pow with a tensor exponent"):
            w = torch.randn(3, requires_grad=True)
            bps.from_loss((w ** w).sum())
        with self.assertRaisesNaming(bps.UnsupportedOperation, "torch.nn.LayerNorm"):
            bps.from_module(nn.Sequential(nn.Linear(2, 2), nn.LayerNorm(2)), torch.randn(1, 2), seed=torch.ones(1, 2))
        with self.assertRaisesNaming(bps.UnsupportedOperation, "model.eval()"):
            bps.from_module(nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5)), torch.randn(1, 2),
                            seed=torch.ones(1, 2))

    def test_more_than_two_dimensions_is_refused(self):
        with self.assertRaisesNaming(bps.ConversionError, "(2, 2, 2)", "at most 2 dimensions"):
            bps.from_loss((torch.randn(2, 2, 2, requires_grad=True) * 2).sum())
        with self.assertRaisesNaming(bps.ConversionError, "the input 'input'", "(1, 1, 4)", "at most 2 dimensions"):
            bps.from_module(nn.Conv1d(1, 1, 2), torch.randn(1, 1, 4))

    def test_a_loss_that_is_not_one_number_needs_a_seed(self):
        w = torch.randn(3, requires_grad=True)
        with self.assertRaisesNaming(bps.ConversionError, "shape (3,)", "seed=", ".sum()"):
            bps.from_loss(w * 2)
        with self.assertRaisesNaming(bps.ConversionError, "seed has shape (2,)", "(3,)"):
            bps.from_loss(w * 2, seed=torch.ones(2))
        with self.assertRaisesNaming(bps.ConversionError, "shape (1, 3)", "seed="):
            bps.from_module(Classifier(), torch.randn(1, 4))
        self.assertEqual(bps.from_loss(w * 2, seed=torch.ones(3)).data["seed"], [[1.0], [1.0], [1.0]])

    def test_a_tensor_that_needs_no_gradient(self):
        x = torch.randn(3)
        with self.assertRaisesNaming(bps.ConversionError, "needs no gradient", "requires_grad=True"):
            bps.from_loss((x * 2).sum())
        w = torch.randn(3, requires_grad=True)
        with torch.no_grad():
            loss = (w * 2).sum()
        with self.assertRaisesNaming(bps.ConversionError, "needs no gradient", "torch.no_grad()"):
            bps.from_loss(loss)
        with self.assertRaisesNaming(TypeError, "tensor"):
            bps.from_loss([1.0, 2.0])

    def test_a_graph_freed_by_backward(self):
        w = torch.randn(3, requires_grad=True)
        loss = (w * torch.randn(3)).sum()
        loss.backward()
        with self.assertRaisesNaming(bps.ConversionError, "freed", "retain_graph=True"):
            bps.from_loss(loss)

    def test_a_constant_pytorch_did_not_keep(self):
        w = torch.randn(3, requires_grad=True)
        loss = torch.tanh(w + torch.randn(3)).sum()  # neither the added tensor nor w + it is kept
        with self.assertRaisesNaming(bps.ConversionError, "torch.add", "assign the result to a variable"):
            bps.from_loss(loss)
        shifted = w + torch.randn(3)  # with a name, it is known
        loss = torch.tanh(shifted).sum()
        self.assertIn("shifted", bps.from_loss(loss).node_names)

    def test_show_of_a_module_needs_its_inputs(self):
        with self.assertRaisesNaming(TypeError, "from_module(model, x)"):
            bps.show(Classifier())

    def test_an_untraceable_module(self):
        class Branches(nn.Module):
            def forward(self, x):
                return x.sum() if x.sum() > 0 else -x.sum()
        with self.assertRaisesNaming(bps.ConversionError, "torch.fx cannot trace Branches", "from_loss"):
            bps.from_module(Branches(), torch.randn(3))

    def test_a_missing_program_is_named(self):
        import os
        saved = os.environ.get("BACKPROP_STUDIO")
        os.environ["BACKPROP_STUDIO"] = "/nonexistent/backprop-studio"
        try:
            w = torch.randn(3, requires_grad=True)
            with self.assertRaisesNaming(bps.ExecutableNotFound, "/nonexistent/backprop-studio"):
                bps.svg((w * 2).sum())
        finally:
            os.environ["BACKPROP_STUDIO"] = saved


if __name__ == "__main__":
    unittest.main()
