// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/node_navigation.h"

#include <cmath>
#include <limits>

#include "ui/canvas/graph_scene.h"
#include "ui/document/graph_document.h"

namespace bp {

NodeId neighbourNode(const GraphScene& scene, NodeId from, NodeStep step) {
    const Graph& g = scene.document()->graph();
    if (g.size() == 0) return -1;
    if (from < 0 || from >= g.size()) return scene.document()->program().root;
    const Node& n = g.node(from);
    switch (step) {
    case NodeStep::ToInput:
        return n.inputs.empty() ? from : n.inputs[0];
    case NodeStep::ToConsumer:
        for (NodeId id = from + 1; id < g.size(); ++id)  // consumers come after their inputs
            for (NodeId input : g.node(id).inputs)
                if (input == from) return id;
        return from;
    case NodeStep::Up:
    case NodeStep::Down: {
        const QRectF here = scene.nodeBox(from);
        if (here.isEmpty()) return from;
        NodeId best = from;
        double bestDistance = std::numeric_limits<double>::infinity();
        for (NodeId id = 0; id < g.size(); ++id) {
            const QRectF box = scene.nodeBox(id);
            if (id == from || box.isEmpty() || std::abs(box.center().x() - here.center().x()) > here.width() / 2) continue;
            const double dy = box.center().y() - here.center().y();
            if ((step == NodeStep::Down) != (dy > 0) || dy == 0) continue;
            if (std::abs(dy) < bestDistance) {
                bestDistance = std::abs(dy);
                best = id;
            }
        }
        return best;
    }
    }
    return from;
}

std::optional<NodeStep> nodeStepForKey(const QKeyEvent& event) {
    const Qt::KeyboardModifiers mods = event.modifiers() & ~Qt::KeypadModifier;
    const bool alt = mods == Qt::AltModifier;
    if (mods != Qt::NoModifier && !alt) return std::nullopt;
    switch (event.key()) {
    case Qt::Key_Left:
        return alt ? std::optional(NodeStep::ToInput) : std::nullopt;
    case Qt::Key_Right:
        return alt ? std::optional(NodeStep::ToConsumer) : std::nullopt;
    case Qt::Key_Up:
        return NodeStep::Up;
    case Qt::Key_Down:
        return NodeStep::Down;
    default:
        return std::nullopt;
    }
}

}  // namespace bp
