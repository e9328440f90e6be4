// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/canvas_state.h"

#include <QEvent>
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

// Keeps a restored centre in the middle of the view while the window settles (shown, docks
// sized, maximised): a resize of the view otherwise keeps its top-left corner, not its centre.
class CenterKeeper : public QObject {
public:
    CenterKeeper(GraphView& view, const GraphDocument& doc, QPointF center)
        : QObject(&view), view_(view), center_(center) {
        view.viewport()->installEventFilter(this);
        connect(&doc, &GraphDocument::programReplaced, this, &QObject::deleteLater);  // another graph
        recenter();
        QTimer::singleShot(0, this, &CenterKeeper::recenter);
        QTimer::singleShot(1500, this, &QObject::deleteLater);  // after that, the user's view is the user's
    }

private:
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::Resize) QTimer::singleShot(0, this, &CenterKeeper::recenter);
        return false;
    }
    void recenter() {
        // The centre must be reachable: the scene rect may be smaller than what the view showed.
        const QSizeF half = QSizeF(view_.viewport()->size()) / (2 * view_.zoom());
        if (QGraphicsScene* scene = view_.scene())
            scene->setSceneRect(scene->sceneRect().united(
                QRectF(center_ - QPointF(half.width(), half.height()), half * 2)));
        view_.centerOn(center_);
    }
    GraphView& view_;
    QPointF center_;
};

}  // namespace

DocumentFile captureDocument(const GraphDocument& doc, const GraphScene& scene, const GraphView& view) {
    DocumentFile saved;
    saved.program = doc.program();
    saved.source = doc.sourceText().toStdString();
    const std::vector<QPointF> positions = scene.nodePositions();
    const Graph& graph = doc.graph();
    if (int(positions.size()) == graph.size())
        for (NodeId id = 0; id < graph.size(); ++id)
            saved.positions[graph.node(id).name()] = {positions[id].x(), positions[id].y()};
    saved.hasView = true;
    saved.zoom = view.zoom();
    const QPointF center = view.mapToScene(view.viewport()->rect().center());
    saved.center = {center.x(), center.y()};
    saved.step = doc.cursor().position();
    return saved;
}

void restoreDocument(DocumentFile saved, const QString& source, GraphDocument& doc, GraphScene& scene,
                     GraphView& view) {
    doc.setProgram(std::move(saved.program), source);  // the scene lays the graph out, the view fits it
    if (!saved.positions.empty()) {
        std::vector<QPointF> positions = scene.nodePositions();
        const Graph& graph = doc.graph();
        for (NodeId id = 0; id < graph.size() && id < NodeId(positions.size()); ++id)
            if (auto it = saved.positions.find(graph.node(id).name()); it != saved.positions.end())
                positions[id] = QPointF(it->second.first, it->second.second);
        scene.setNodePositions(positions);
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-200, -200, 200, 200));
    }
    if (saved.hasView) {
        setViewZoom(view, saved.zoom);
        new CenterKeeper(view, doc, QPointF(saved.center.first, saved.center.second));
    }
    if (saved.step >= 0) doc.setCursorPosition(saved.step);
}

}  // namespace bp
