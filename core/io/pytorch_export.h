// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The graph as a short PyTorch script a student can run (`python3 graph.py`) to see the same
// values and gradients computed by PyTorch in float64: leaves as torch.tensor(...) (inputs and
// params with requires_grad=True, consts without), one line per named node with PyTorch's own
// operators, anonymous inner nodes written inline, retain_grad() on the named intermediate
// nodes, root.backward(seed), then every named node's value and .grad printed.
//
// Run with `--json`, the script prints one object instead, for tests and tools:
//   {"values": {NAME: [[...], ...]}, "grads": {NAME: [[...], ...]}}
// keyed by the nodes' names in the graph; a number that is not finite is the string "nan",
// "inf" or "-inf" (as the command line's --json). "grads" holds the nodes PyTorch tracks: those
// that depend on an input or a param (a const has no .grad in PyTorch); a tracked node the
// backward pass does not reach gets zeros, as in Backprop Studio.
#include <string>
#include <string_view>

#include "core/graph/program.h"

namespace bp {

// Throws std::runtime_error for an op without a PyTorch spelling (see hasPyTorchSpelling).
std::string writePyTorchScript(const Program& program);

// Whether the exporter knows how to write the op called `opName` in PyTorch.
bool hasPyTorchSpelling(std::string_view opName);

// The Python variable a node name becomes: itself unless it is a Python keyword or a name the
// script needs (torch, report, print, ...), which get a `_` after them.
std::string pythonIdentifier(const std::string& name);

}  // namespace bp
