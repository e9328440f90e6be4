// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/graph_view.h"

#include <QFontMetricsF>
#include <QKeyEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "ui/canvas/canvas_style.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/legend_overlay.h"
#include "ui/canvas/node_navigation.h"
#include "ui/document/graph_document.h"

namespace bp {

GraphView::GraphView(GraphScene* scene, QWidget* parent) : QGraphicsView(scene, parent), scene_(scene) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    // Only what changed is painted again (a step: two nodes and an edge); the legend is a widget
    // over the viewport, not part of what the view paints.
    setViewportUpdateMode(SmartViewportUpdate);
    legend_ = new LegendOverlay(this);
    setFocusPolicy(Qt::StrongFocus);
    connect(scene->document(), &GraphDocument::programReplaced, this, [this, scene] {
        // The source applied again keeps a view the user zoomed; a new file is fitted.
        if (!scene->document()->replacedInPlace()) userZoomed_ = false;
        if (!userZoomed_) fitGraph();
    });
    connect(scene, &GraphScene::layoutProgressed, viewport(), qOverload<>(&QWidget::update));
    connect(scene, &GraphScene::laidOut, this, [this] {
        if (!userZoomed_) fitGraph();
        viewport()->update();
    });
    connect(scene->document(), &GraphDocument::cursorChanged, this, &GraphView::followStep);
}

void GraphView::followStep() {
    if (!scene_->isOverview()) return;
    const StepCursor& c = scene_->document()->cursor();
    NodeId id = c.activeForwardNode();
    if (const BackwardEvent* event = c.activeEvent()) id = event->to;
    const QRectF box = scene_->nodeBox(id);
    if (box.isEmpty()) return;
    const QRectF shown = mapToScene(viewport()->rect()).boundingRect();
    if (!shown.contains(box)) centerOn(box.center());
}

void GraphView::fitGraph() {
    const QRectF r = scene_->graphRect().adjusted(-40, -40, 40, 40);
    if (r.isEmpty()) return;
    const double band = legendBand();
    if (band <= 0) {
        fitInView(r, Qt::KeepAspectRatio);
    } else {
        // Fit into the room above the legend strip.
        const double room = viewport()->height() - band;
        if (room <= 0) return;
        const double z = std::min(viewport()->width() / r.width(), room / r.height());
        setTransform(QTransform::fromScale(z, z));
    }
    // Never blow small graphs up beyond maxFitZoom_ (1.6x), nor shrink below a readable floor unless needed.
    if (zoom() > maxFitZoom_) setTransform(QTransform::fromScale(maxFitZoom_, maxFitZoom_));
    centerOn(r.center() + QPointF(0, band / 2 / zoom()));
}

void GraphView::setLegendStrip(bool strip) {
    legendStrip_ = strip;
    placeLegend();
    if (!userZoomed_) fitGraph();
}

void GraphView::placeLegend() {
    legend_->place(viewport()->geometry(), legendStrip_);
    legend_->setVisible(legendVisible_);
    legend_->raise();
}

double GraphView::legendBand() const {
    if (!legendVisible_ || !legendStrip_) return 0;
    return style::legendStripSize(viewport()->width() - 24).height() + 16;
}

void GraphView::setMaxFitZoom(double zoom) {
    maxFitZoom_ = zoom;
    userZoomed_ = false;
    fitGraph();
}

void GraphView::zoomBy(double factor) {
    // Fit may show a huge graph below the least zoom: from there, zooming in is always allowed.
    const double next = zoom() * factor;
    if ((factor < 1 && next < 0.02) || (factor > 1 && next > 8)) return;
    userZoomed_ = true;
    scale(factor, factor);
}

// The stepping keys belong to the step toolbar: at the last step (its action disabled) Right must
// not scroll the canvas instead, nor Home and End jump to its corners.
void GraphView::keyPressEvent(QKeyEvent* event) {
    if (selectByKey(*event)) return event->accept();
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_Space:
    case Qt::Key_Backspace:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        if (event->modifiers() == Qt::NoModifier) return event->ignore();
        break;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::wheelEvent(QWheelEvent* event) {
    if (event->angleDelta().y() == 0) return QGraphicsView::wheelEvent(event);
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

bool GraphView::selectByKey(const QKeyEvent& event) {
    GraphDocument* doc = scene_->document();
    const NodeId selected = doc->selectedNode();
    if ((event.key() == Qt::Key_Return || event.key() == Qt::Key_Enter) && event.modifiers() == Qt::NoModifier) {
        if (selected < 0) return false;
        // As a double-click outside the numbers: the whole literal of a leaf (an op says why not).
        scene_->requestEdit(selected, scene_->nodeBox(selected).topLeft());
        return true;
    }
    const std::optional<NodeStep> step = nodeStepForKey(event);
    if (!step) return false;
    const NodeId next = neighbourNode(*scene_, selected, *step);
    if (next < 0) return false;
    doc->setSelectedNode(next);
    const QRectF box = scene_->nodeBox(next);
    if (!box.isEmpty()) ensureVisible(box, 40, 40);
    return true;
}

void GraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    placeLegend();
    // A fit can make a scroll bar appear or go, which resizes the viewport again; refitting for
    // that would make it go or appear again, for ever (the window stopped taking keys). Refit
    // only when the view itself changed size.
    if (!userZoomed_ && size() != fittedViewSize_) {
        fittedViewSize_ = size();
        fitGraph();
    }
}

void GraphView::setLegendVisible(bool visible) {
    legendVisible_ = visible;
    placeLegend();
}

void GraphView::drawForeground(QPainter* painter, const QRectF&) {
    if (scene_->layoutPending()) drawLayoutProgress(*painter);
}

// A box in the middle of the canvas: what is happening, how far it got.
void GraphView::drawLayoutProgress(QPainter& painter) {
    painter.save();
    painter.resetTransform();
    painter.setRenderHint(QPainter::Antialiasing);
    const QString text = tr("Laying out %L1 nodes… %2%")
                             .arg(scene_->document()->graph().size())
                             .arg(int(scene_->layoutProgress() * 100));
    QFont font = style::nameFont();
    painter.setFont(font);
    const QFontMetricsF fm(font);
    const double width = std::max(360.0, fm.horizontalAdvance(text) + 48), height = fm.height() * 2 + 40;
    const QRectF box((viewport()->width() - width) / 2, (viewport()->height() - height) / 2, width, height);
    painter.setPen(QPen(style::mutedColor(), 1));
    painter.setBrush(Qt::white);
    painter.drawRoundedRect(box, 10, 10);
    painter.setPen(style::kText);
    painter.drawText(box.adjusted(24, 14, -24, -box.height() / 2), Qt::AlignCenter, text);
    const QRectF bar(box.left() + 24, box.bottom() - 30, box.width() - 48, 12);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xe4, 0xe7, 0xeb));
    painter.drawRoundedRect(bar, 6, 6);
    painter.setBrush(style::kValue);
    painter.drawRoundedRect(QRectF(bar.topLeft(), QSizeF(bar.width() * scene_->layoutProgress(), bar.height())), 6, 6);
    painter.restore();
}

}  // namespace bp
