// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/graph_view.h"

#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPixmapCache>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "ui/canvas/canvas_style.h"
#include "ui/canvas/edge_item.h"
#include "ui/canvas/flat_scroll_bars.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/legend_overlay.h"
#include "ui/canvas/node_navigation.h"
#include "ui/document/graph_document.h"

namespace bp {
namespace {

constexpr int kPixmapCacheKb = 96 * 1024;

}  // namespace

GraphView::GraphView(GraphScene* scene, QWidget* parent) : QGraphicsView(scene, parent), scene_(scene) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    // Only what changed is painted again (a step: two nodes and an edge); the legend is a widget
    // over the viewport, not part of what the view paints.
    setViewportUpdateMode(SmartViewportUpdate);
    // Nodes keep a picture of themselves at the zoom shown (NodeItem), in Qt's shared pixmap cache.
    // Its default 10 MB holds a few screens of nodes: a step that came back to a part of the graph
    // drew every node there again, and the style's own cached pictures (the scroll bars') were
    // pushed out with them.
    QPixmapCache::setCacheLimit(std::max(QPixmapCache::cacheLimit(), kPixmapCacheKb));
    useFlatScrollBars(this);
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

QRectF GraphView::stepBox() const {
    const StepCursor& c = scene_->document()->cursor();
    NodeId id = c.activeForwardNode();
    if (const BackwardEvent* event = c.activeEvent()) id = event->to;
    return id >= 0 ? scene_->nodeBox(id) : QRectF();
}

// The label of the current backward step's edge (its arithmetic), or an empty rectangle.
QRectF GraphView::stepLabelBox() const {
    const BackwardEvent* event = scene_->document()->cursor().activeEvent();
    if (!event) return {};
    for (const EdgeItem* e : scene_->edgesInto(event->from))
        if (e->slot() == event->slot) return e->labelSceneRect();
    return {};
}

// The step's node in view, and its edge's label too when both fit: the least scroll that shows
// them, or the node centred when it is out of view.
void GraphView::followStep() {
    if (!scene_->isOverview() && !followsStep_) return;
    const QRectF box = stepBox();
    if (box.isEmpty()) return;
    const QRectF shown = mapToScene(viewport()->rect()).boundingRect();
    const QRectF label = stepLabelBox();
    const QRectF both = label.isEmpty() ? box : box.united(label);
    if (shown.contains(both)) return;
    if (both.width() + 24 <= shown.width() && both.height() + 24 <= shown.height()) return ensureVisible(both, 12, 12);
    if (!shown.contains(box)) centerOn(box.center());
}

double GraphView::readableZoom() const { return minNumberPixels_ / style::numberFont().pixelSize(); }
double GraphView::numberPixels() const { return style::numberFont().pixelSize() * zoom(); }

void GraphView::setMinNumberPixels(double pixels) {
    minNumberPixels_ = pixels;
    if (!userZoomed_) fitGraph();
}

void GraphView::fitGraph() {
    const QRectF r = scene_->graphRect().adjusted(-40, -40, 40, 40);
    if (r.isEmpty() || viewport()->width() <= 0 || viewport()->height() <= 0) return;
    userZoomed_ = false;
    const double z = std::min({viewport()->width() / r.width(), viewport()->height() / r.height(), maxFitZoom_});
    // An overview of a huge graph shows its shape first; a detailed graph is never drawn with
    // numbers too small to read.
    if (!scene_->isOverview() && z < readableZoom()) return showAtReadableZoom(r);
    followsStep_ = false;
    setTransform(QTransform::fromScale(z, z));
    centerOn(r.center());
}

// The graph at the least zoom that keeps its numbers readable, around the current step (at the
// start, around its left end: the leaves where the forward pass begins).
void GraphView::showAtReadableZoom(const QRectF& graph) {
    followsStep_ = true;
    const double z = readableZoom();
    setTransform(QTransform::fromScale(z, z));
    const QSizeF shown(viewport()->width() / z, viewport()->height() / z);
    QPointF centre = stepBox().center();
    if (stepBox().isEmpty()) centre = QPointF(graph.left() + shown.width() / 2, graph.center().y());
    // The step's edge label may lie above the graph's top row: the view reaches it.
    const QRectF label = stepLabelBox();
    const QRectF reach = label.isEmpty() ? graph : graph.united(label.adjusted(-12, -12, 12, 12));
    // Not past the graph's edges when the graph is larger than the view in that direction.
    auto clampTo = [](double c, double lo, double hi, double half) {
        if (hi - lo <= 2 * half) return (lo + hi) / 2;
        return std::clamp(c, lo + half, hi - half);
    };
    centre.setX(clampTo(centre.x(), reach.left(), reach.right(), shown.width() / 2));
    centre.setY(clampTo(centre.y(), reach.top(), reach.bottom(), shown.height() / 2));
    centerOn(centre);
}

void GraphView::placeLegend() {
    const double band = legendBand();
    setViewportMargins(0, 0, 0, int(std::ceil(band)));
    legend_->setVisible(legendVisible_);
    if (!legendVisible_) return;
    // In the margin under the viewport (and over the horizontal scroll bar's row, which lies
    // under the viewport too): the graph scrolls above it, never under it.
    const QRect area = viewport()->geometry();
    legend_->place(QRect(area.left(), area.bottom() + 1, area.width(), int(std::ceil(band))), true);
    legend_->raise();
}

QRect GraphView::legendRect() const { return legendVisible_ ? legend_->geometry() : QRect(); }

double GraphView::legendBand() const {
    if (!legendVisible_) return 0;
    return std::ceil(style::legendStripSize(std::max(200, viewport()->width() - 24)).height() + 8);
}

void GraphView::setMaxFitZoom(double zoom) {
    maxFitZoom_ = zoom;
    placeLegend();  // the type, and with it the strip's height, may have changed
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
    if (!userZoomed_) fitGraph();
}

// Dragging the canvas to pan is the user choosing what to see: no refit on a resize after it.
void GraphView::mousePressEvent(QMouseEvent* event) {
    pressScroll_ = QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent* event) {
    QGraphicsView::mouseReleaseEvent(event);
    if (QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value()) != pressScroll_) userZoomed_ = true;
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
