// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Keeps the .bpg text in step with live edits: when a leaf's value changes, only the literal of
// its declaration (or of the anonymous constant) is rewritten, so comments and layout survive
// and the source panel shows the numbers the canvas shows. Plain text work, no Qt.
#include <string>

#include "core/graph/graph.h"

namespace bp {

// Rewrites the literal of leaf `id` in `source` (UTF-8, the text the graph was parsed from) to
// the leaf's current value, and moves the recorded positions of the nodes after it by as much
// as the text moved. Returns false, changing nothing, when the node has no position or the text
// at its position is not the literal expected there.
bool patchLeafLiteral(std::string& source, Graph& graph, NodeId id);

// Forgets every node's source position (after the text was regenerated and no longer matches).
void clearSourcePositions(Graph& graph);

}  // namespace bp
