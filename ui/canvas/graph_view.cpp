// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/graph_view.h"

#include <QWheelEvent>

#include "ui/canvas/canvas_style.h"
#include "ui/canvas/graph_scene.h"

namespace bp {

GraphView::GraphView(GraphScene* scene, QWidget* parent) : QGraphicsView(scene, parent), scene_(scene) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(FullViewportUpdate);  // the legend is drawn over the viewport
    setFocusPolicy(Qt::StrongFocus);
    connect(scene->document(), &GraphDocument::programReplaced, this, [this, scene] {
        // The source applied again keeps a view the user zoomed; a new file is fitted.
        if (!scene->document()->replacedInPlace()) userZoomed_ = false;
        if (!userZoomed_) fitGraph();
    });
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
    viewport()->update();
    if (!userZoomed_) fitGraph();
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
    const double next = zoom() * factor;
    if (next < 0.02 || next > 8) return;
    userZoomed_ = true;
    scale(factor, factor);
}

void GraphView::wheelEvent(QWheelEvent* event) {
    if (event->angleDelta().y() == 0) return QGraphicsView::wheelEvent(event);
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void GraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (!userZoomed_) fitGraph();
}

void GraphView::setLegendVisible(bool visible) {
    legendVisible_ = visible;
    viewport()->update();
}

void GraphView::drawForeground(QPainter* painter, const QRectF&) {
    if (!legendVisible_) return;
    // In viewport coordinates: the legend stays put and readable whatever the zoom.
    painter->save();
    painter->resetTransform();
    if (legendStrip_) {
        const double width = viewport()->width() - 24;
        const QSizeF size = style::legendStripSize(width);
        style::drawLegendStrip(*painter, QPointF((viewport()->width() - size.width()) / 2, viewport()->height() - size.height() - 8), width);
    } else {
        const QSizeF size = style::legendSize();
        style::drawLegend(*painter, QPointF(viewport()->width() - size.width() - 12, 12));
    }
    painter->restore();
}

}  // namespace bp
