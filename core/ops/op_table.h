// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <span>
#include <string_view>

#include "core/ops/op.h"

namespace bp {

// Every op the engine knows, one row each.
std::span<const OpDef> allOps();
// The op called `name` ("add", "matmul", "sigmoid", ...), or nullptr.
const OpDef* findOp(std::string_view name);
// The op an infix symbol of .bpg stands for ("+", "-", "*", "/", "@", "^"), or nullptr.
const OpDef* findInfixOp(std::string_view symbol);
// The op by name, which must exist (for code that builds graphs: importers, generators, tests).
const OpDef& op(std::string_view name);

}  // namespace bp
