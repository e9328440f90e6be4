// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/edge_item.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QtMath>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/text/number_format.h"
#include "core/trace/step_terms.h"
#include "ui/canvas/canvas_style.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/node_item.h"
#include "ui/document/graph_document.h"
#include "ui/document/shown_number.h"

namespace bp {
namespace {

// The edge's share of the chain rule, "upstream × local = +contribution" for scalars, the
// contribution for small matrices, its shape for large ones; the contribution written "?" while
// the class predicts it.
QString edgeLabel(const GraphDocument& doc, bool hideResult) {
    const int k = doc.cursor().activeEventIndex();
    const Evaluation& eval = doc.evaluation();
    const BackwardEvent& ev = eval.trace.backward[k];
    const StepTerms t = backwardTerms(doc.graph(), eval, k, doc.cursor().eventsInto(ev.to), {0, 0});
    const QString result = hideResult ? QStringLiteral("?") : shownMatrix(t.result, Shown::Step);
    if (t.shape.size() == 1 && t.upstreamShape.size() == 1 && t.entries[0].products.size() == 1) {
        double local = 1.0;
        for (const Factor& f : t.entries[0].products[0])
            if (f.role != FactorRole::Upstream) local *= f.value;
        return EdgeItem::tr("%1 × %2 = +%3")
            .arg(shownMatrix(eval.grads[ev.from], Shown::Step), shownNumber(local, Shown::Step), result);
    }
    if (t.shape.size() > 4)
        return EdgeItem::tr("+ a %1 contribution%2")
            .arg(QString::fromStdString(shapeText(t.shape)), hideResult ? QStringLiteral(" = ?") : QString());
    return QStringLiteral("+") + result;
}

}  // namespace

EdgeItem::EdgeItem(GraphScene* scene, NodeId consumer, int slot, QList<QPointF> bends)
    : scene_(scene), consumer_(consumer), slot_(slot), bends_(std::move(bends)) {
    setZValue(-1);
    // The part to repaint (a step's changed nodes) is known when painting: an edge whose curve
    // does not reach it is not stroked again (most edges a step repaints only pass nearby).
    setFlag(ItemUsesExtendedStyleOption);
    adjust();
}

void EdgeItem::adjust() {
    const Graph& g = scene_->document()->graph();
    const NodeItem* from = source();
    const NodeItem* to = scene_->nodeItem(consumer_);
    if (!from || !to) return;
    prepareGeometryChange();
    QList<QPointF> points{from->outputAnchor()};
    points += bends_;
    points += to->inputAnchor(port(), int(g.node(consumer_).inputs.size()));
    // Smooth S-curves between consecutive points: horizontal tangents at both ends.
    QPainterPath path(points.front());
    for (int i = 1; i < points.size(); ++i) {
        const QPointF a = points[i - 1], b = points[i];
        const double dx = (b.x() - a.x()) / 2;
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
    }
    path_ = path;
    linesZoom_ = 0;
    // Measured once here, not on every paint: pointAtPercent walks the curve's length.
    mid_ = path_.pointAtPercent(0.5);
    tip_ = path_.pointAtPercent(1.0);
    tipAngle_ = qDegreesToRadians(path_.angleAtPercent(0.98));
}

QPointF EdgeItem::approach() const {
    if (!bends_.isEmpty()) return bends_.back();
    const NodeItem* from = source();
    return from ? from->outputAnchor() : QPointF();
}

const NodeItem* EdgeItem::source() const {
    return source_ ? source_ : scene_->nodeItem(scene_->document()->graph().node(consumer_).inputs[slot_]);
}

// The consumer's inputs enter it top to bottom in the order they arrive from, so two edges into
// one node never cross at its side (w1 @ x with x laid out above w1).
int EdgeItem::port() const {
    int port = 0;
    const double y = approach().y();
    for (const EdgeItem* other : scene_->edgesInto(consumer_)) {
        if (other == this) continue;
        const double otherY = other->approach().y();
        if (otherY < y || (otherY == y && other->slot_ < slot_)) ++port;
    }
    return port;
}

QString EdgeItem::labelText() const {
    const GraphDocument* doc = scene_->document();
    const BackwardEvent* event = doc->cursor().activeEvent();
    if (!event) return {};
    // The edge's share of the chain rule: upstream × local = contribution (flowing right to left).
    // While the class predicts (presentation), the contribution is what they are working out.
    return QStringLiteral("◀ ") + edgeLabel(*doc, scene_->hideNumbers());
}

// The nearest place to the edge's middle where a label of `size` covers no node: rows above and
// below the middle, each tried centred and shifted sideways, the closest free one first.
QRectF EdgeItem::freeLabelRect(QSizeF size) const {
    constexpr int kRows = 40, kShifts = 8;
    const QPointF mid = mid_;
    const QRectF first(mid.x() - size.width() / 2, mid.y() - size.height() - 6, size.width(), size.height());
    const double stepY = size.height() / 2, stepX = size.width() / 4;
    const QRectF searched = first.adjusted(-kShifts * stepX, -kRows * stepY, kShifts * stepX, kRows * stepY);
    std::vector<QRectF> nodes;  // only those the search can meet
    const int count = scene_->document()->graph().size();
    for (NodeId id = 0; id < count; ++id) {
        const QRectF box = scene_->nodeBox(id).adjusted(-6, -6, 6, 6);
        if (box.intersects(searched)) nodes.push_back(box);
    }
    for (const NodeItem* copy : scene_->copyItems()) {
        const QRectF box = copy->mapRectToScene(copy->nodeRect()).adjusted(-6, -6, 6, 6);
        if (box.intersects(searched)) nodes.push_back(box);
    }
    auto free = [&](const QRectF& r) {
        return std::none_of(nodes.begin(), nodes.end(), [&](const QRectF& n) { return n.intersects(r); });
    };
    if (free(first)) return first;
    QRectF best;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (int dy = -kRows; dy <= kRows; ++dy)
        for (int dx = -kShifts; dx <= kShifts; ++dx) {
            const QRectF r = first.translated(dx * stepX, dy * stepY);
            const QPointF d = r.center() - first.center();
            const double distance = std::hypot(d.x(), d.y());
            if (distance < bestDistance && free(r)) best = r, bestDistance = distance;
        }
    if (!best.isNull()) return best;
    // Nowhere near is free: above the whole graph, where no node is.
    return QRectF(mid.x() - size.width() / 2, scene_->graphRect().top() - size.height() - 12, size.width(), size.height());
}

void EdgeItem::updateLabel(bool active) {
    const QString text = active ? labelText() : QString();
    QRectF rect;
    if (!text.isEmpty()) {
        const QFontMetricsF fm(style::numberFont());
        rect = freeLabelRect(QSizeF(fm.horizontalAdvance(text) + 16, fm.height() + 8));
    }
    if (text == label_ && rect == labelRect_) return;
    prepareGeometryChange();
    label_ = text;
    labelRect_ = rect;
}

QRectF EdgeItem::boundingRect() const {
    // Room for the arrow head, and the label of the active edge.
    const QRectF r = path_.boundingRect().adjusted(-30, -30, 30, 30);
    return labelRect_.isEmpty() ? r : r.united(labelRect_.adjusted(-4, -4, 4, 4));
}

QPainterPath EdgeItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    return stroker.createStroke(path_);
}

// On screen, a plain edge's curve is drawn as short straight lines, flattened once for the zoom
// shown and each stroked by the raster engine's line rasterizer: three times faster than stroking
// the curve (antialiased wide curves were most of repainting the canvas when a step scrolls it),
// and alike to the eye (square caps close the joints). Exports (SVG, PDF) keep the curve.
void EdgeItem::drawPlainCurve(QPainter* painter, const QPen& pen) {
    const QTransform& t = painter->worldTransform();
    const double zoom = std::hypot(t.m11(), t.m12());
    if (zoom <= 0) return painter->drawPath(path_);
    if (zoom != linesZoom_) {
        // Flattened at the zoom shown (its tolerance is in pixels), in scene coordinates.
        lines_.clear();
        const QTransform toPixels = QTransform::fromScale(zoom, zoom), back = QTransform::fromScale(1 / zoom, 1 / zoom);
        for (const QPolygonF& polygon : path_.toSubpathPolygons(toPixels))
            for (int i = 1; i < polygon.size(); ++i) lines_.append(back.map(QLineF(polygon[i - 1], polygon[i])));
        linesZoom_ = zoom;
    }
    QPen lines(pen);
    lines.setCapStyle(Qt::SquareCap);
    painter->setPen(lines);
    painter->drawLines(lines_);
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const GraphDocument* doc = scene_->document();
    const BackwardEvent* event = doc->cursor().activeEvent();
    const bool activeBackward = event && event->from == consumer_ && event->slot == slot_;
    const bool activeForward = doc->cursor().activeForwardNode() == consumer_;
    painter->setRenderHint(QPainter::Antialiasing);
    QColor color = style::edgeColor();
    double width = style::stroke(2);
    if (activeBackward) color = style::kActive, width = style::stroke(6);
    else if (activeForward) color = style::kValue, width = style::stroke(4);
    const QPen pen(color, width, Qt::SolidLine, Qt::RoundCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    // Whole inside the part repainted, or crossing its border (a connected curve partly inside does).
    const QRectF exposed = option->exposedRect.adjusted(-width, -width, width, width);
    if (exposed.contains(path_.boundingRect()) || path_.intersects(exposed)) {
        const bool onScreen = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
        if (onScreen && !activeBackward && !activeForward) drawPlainCurve(painter, pen);
        else painter->drawPath(path_);
    }

    // Arrow head at the consumer, in the direction the value flows.
    const QPointF tip = tip_;
    const double angle = tipAngle_;
    const double size = 8 + width;
    const QPointF back(-std::cos(angle) * size, std::sin(angle) * size);
    const QPointF side(std::sin(angle) * size * 0.5, std::cos(angle) * size * 0.5);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF{tip, tip + back + side, tip + back - side});

    if (!activeBackward || label_.isEmpty()) return;
    const QRectF box = labelRect_;
    // A leader line from the edge to a label that had to move away from it.
    const QPointF mid = mid_;
    if (!box.adjusted(-12, -12, 12, 12).contains(mid)) {
        const QPointF near(std::clamp(mid.x(), box.left(), box.right()), std::clamp(mid.y(), box.top(), box.bottom()));
        painter->setPen(QPen(style::kActive, style::stroke(1.5), Qt::DashLine));
        painter->drawLine(mid, near);
        painter->setPen(Qt::NoPen);
        painter->setBrush(style::kActive);
        painter->drawEllipse(mid, 4, 4);
    }
    painter->setPen(QPen(style::kActive, 2));
    painter->setBrush(QColor(0xff, 0xf6, 0xe0));
    painter->drawRoundedRect(box, 5, 5);
    painter->setFont(style::numberFont());
    painter->setPen(style::kGradient);
    painter->drawText(box, Qt::AlignCenter, label_);
}

}  // namespace bp
