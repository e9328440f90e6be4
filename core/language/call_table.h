// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The ops a call in .bpg may mean, by the name it is called: `sum(a)` is the sum of everything,
// `sum(a, 1)` along an axis; `max(a, b)` elementwise, `max(a, 1)` along an axis (a number there is
// an axis, as in PyTorch). The parser chooses among them by the arguments.
#include <string_view>
#include <vector>

#include "core/ops/op.h"

namespace bp {

// The ops called `name`, in the op table's order (at most 32: the parser marks the fitting ones
// in 32 bits), or none. Ops with more than 3 number arguments are not called by name.
const std::vector<const OpDef*>& callCandidates(std::string_view name);

}  // namespace bp
