// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A constant written inside an expression (the 1 of `d = b + 1`) has no name of its own; the
// program calls it %k. People read it as its value: its label is the value (when it has at most
// four entries), kept up to date when the value is edited.
#include "core/graph/graph.h"

namespace bp {

// Whether the node is such a constant: an unnamed const leaf.
bool isInlineConstant(const Node& node);
// Sets an inline constant's label to its value (or to its name when the value is too large to
// read as a label); other nodes are left alone.
void labelInlineConstant(Node& node);

}  // namespace bp
