// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Moving the selection over the canvas with the keyboard: along the edges (to an input, to a
// node that uses this one) and up or down among the nodes of the same column.
#include <QKeyEvent>
#include <optional>

#include "core/graph/graph.h"

namespace bp {

class GraphScene;

enum class NodeStep { ToInput, ToConsumer, Up, Down };

// The node one step from `from` (the first input, the first consumer, the nearest node above or
// below in its column), or `from` itself when there is none. From no node (-1): the root.
NodeId neighbourNode(const GraphScene& scene, NodeId from, NodeStep step);

// The step a key press asks for on the canvas: Alt+Left/Right along the edges (plain Left and
// Right step through the backward pass), Up/Down (or Alt+Up/Down) in the column.
std::optional<NodeStep> nodeStepForKey(const QKeyEvent& event);

}  // namespace bp
