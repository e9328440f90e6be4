// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/canvas_state.h"

#include <QScrollBar>
#include <QTimer>
#include <algorithm>

#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/document/graph_document.h"

namespace bp {

namespace {

// GraphView keeps the user's zoom through resizes only for a zoom made with zoomIn/zoomOut, so
// the saved zoom is reached by one zoomIn from just below it. (GraphView has no setter for a
// zoom; this stays within its public interface.)
void setViewZoom(GraphView& view, double zoom) {
    constexpr double kStep = 1.25;  // GraphView::zoomIn
    const double z = std::clamp(zoom, 0.03, 7.9);
    view.setTransform(QTransform::fromScale(z / kStep, z / kStep));
    view.zoomIn();
}

}  // namespace

StudioDocument captureDocument(const GraphDocument& doc, const GraphScene& scene, const GraphView& view) {
    StudioDocument saved;
    saved.program = doc.program();
    saved.source = doc.sourceText().toStdString();
    const std::vector<QPointF> positions = scene.nodePositions();
    const Graph& graph = doc.graph();
    if (int(positions.size()) == graph.size())
        for (NodeId id = 0; id < graph.size(); ++id)
            saved.positions[graph.node(id).name] = {positions[id].x(), positions[id].y()};
    saved.hasView = true;
    saved.zoom = view.zoom();
    const QPointF center = view.mapToScene(view.viewport()->rect().center());
    saved.center = {center.x(), center.y()};
    saved.step = doc.cursor().position();
    return saved;
}

void restoreDocument(StudioDocument saved, const QString& source, GraphDocument& doc, GraphScene& scene,
                     GraphView& view) {
    doc.setProgram(std::move(saved.program), source);  // the scene lays the graph out, the view fits it
    if (!saved.positions.empty()) {
        std::vector<QPointF> positions = scene.nodePositions();
        const Graph& graph = doc.graph();
        for (NodeId id = 0; id < graph.size() && id < NodeId(positions.size()); ++id)
            if (auto it = saved.positions.find(graph.node(id).name); it != saved.positions.end())
                positions[id] = QPointF(it->second.first, it->second.second);
        scene.setNodePositions(positions);
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-200, -200, 200, 200));
    }
    if (saved.hasView) {
        setViewZoom(view, saved.zoom);
        const QPointF center(saved.center.first, saved.center.second);
        view.centerOn(center);
        // The window may still be laid out (shown, docks sized) after this: centre again then.
        QTimer::singleShot(0, &view, [&view, center] { view.centerOn(center); });
    }
    if (saved.step >= 0) doc.setCursorPosition(saved.step);
}

}  // namespace bp
