# %% [markdown]
# # Backpropagation, from PyTorch into Backprop Studio
#
# The lesson's network, written as an `nn.Module`: one input x = 1, two sigmoid units with
# weights w1 = (1, 2), two sigmoid outputs with w2 = ((3, 4), (5, 6)), the MSE loss against the
# target (1, 0). Run the cells in Jupyter (or `python3 docs/pytorch-lesson.py`) with the
# `backprop-studio` program on the PATH or named by `$BACKPROP_STUDIO`, and the package on the
# Python path (`pip install ./python`, or `PYTHONPATH=python`).

# %%
import torch
import torch.nn as nn

import backprop_studio as bps

torch.set_default_dtype(torch.float64)  # the program computes in double precision


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(1, 2, bias=False)
        self.fc2 = nn.Linear(2, 2, bias=False)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


model = Net()
with torch.no_grad():
    model.fc1.weight.copy_(torch.tensor([[1.0], [2.0]]))
    model.fc2.weight.copy_(torch.tensor([[3.0, 4.0], [5.0, 6.0]]))
x, target = torch.tensor([1.0]), torch.tensor([1.0, 0.0])
loss_fn = nn.MSELoss()

# %% [markdown]
# ## The forward pass and the loss, in PyTorch

# %%
loss = loss_fn(model(x), target)
print(f"loss = {loss.item():.4f}")  # 0.4999

# %% [markdown]
# ## The same graph in Backprop Studio
#
# `from_module` traces the module with torch.fx: the nodes are named as the module names them
# (fc1.weight, fc1, sigmoid, ...). `show` opens the window on it: step through the backward pass
# with the Right arrow, one edge at a time, the chain rule written out with the numbers.

# %%
doc = bps.from_module(model, x, loss_fn=loss_fn, target=target)
window = doc.show()
doc  # in Jupyter: the graph drawn inline, every value in blue and every gradient in red

# %% [markdown]
# ## Step by step, inline
#
# `svg(doc, step=k)` draws the graph as the window shows it after k steps of a phase: the forward
# pass fills in the values, the backward pass the gradients, one edge at a time.

# %%
first_backward_steps = [bps.svg(doc, step=k) for k in (1, 2, 3)]
forward_half_way = bps.svg(doc, step=3, phase="forward")
first_backward_steps[0]  # shown inline in a notebook

# %% [markdown]
# ## The gradients agree with PyTorch's
#
# `loss.backward()` computes the same numbers as the program (`doc.evaluate()` runs
# `backprop-studio eval`).

# %%
loss.backward()
ours = doc.evaluate()
for name, parameter in model.named_parameters():
    print(name, parameter.grad.flatten().tolist(), ours[name.replace(".", "_")][1].flatten().tolist())
    assert torch.allclose(parameter.grad.flatten(), ours[name.replace(".", "_")][1].flatten(), rtol=0, atol=1e-12)

# %% [markdown]
# ## Training
#
# Five steps of SGD (lr = 1) in PyTorch, and the same five in the program: the loss falls alike,
# in the sixth decimal only. The second layer's sigmoids are saturated (z = 5.7 and 8.9, where
# σ'(z) is 0.003 and 0.0001): the vanishing gradient that the window's sigmoid chart shows.
# Show the graph again after training to see the new weights.

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
losses = []
for step in range(5):
    optimizer.zero_grad()
    loss = loss_fn(model(x), target)
    losses.append(loss.item())
    loss.backward()
    optimizer.step()
losses.append(loss_fn(model(x), target).item())

program_losses, program_weights = doc.train(steps=5, lr=1.0)
print("PyTorch:", [f"{v:.10f}" for v in losses])
print("program:", [f"{v:.10f}" for v in program_losses])
assert max(abs(a - b) for a, b in zip(losses, program_losses)) < 1e-12

trained = bps.from_module(model, x, loss_fn=loss_fn, target=target)
trained_window = trained.show()
