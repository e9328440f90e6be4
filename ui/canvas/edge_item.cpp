// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/edge_item.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QtMath>

#include "core/io/number_format.h"
#include "core/trace/step_terms.h"
#include "ui/canvas/canvas_style.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/node_item.h"
#include "ui/document/graph_document.h"

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
    auto text = [](const Matrix& m, int digits) { return QString::fromStdString(formatMatrix(m, digits)); };
    const QString result = hideResult ? QStringLiteral("?") : text(t.result, 4);
    if (t.shape.size() == 1 && t.upstreamShape.size() == 1 && t.entries[0].products.size() == 1) {
        double local = 1.0;
        for (const Factor& f : t.entries[0].products[0])
            if (f.role != FactorRole::Upstream) local *= f.value;
        return EdgeItem::tr("%1 × %2 = +%3")
            .arg(text(eval.grads[ev.from], 4), QString::fromStdString(formatNumber(local, 4)), result);
    }
    if (t.shape.size() > 4)
        return EdgeItem::tr("+ a %1 contribution%2")
            .arg(QString::fromStdString(shapeText(t.shape)), hideResult ? QStringLiteral(" = ?") : QString());
    return QStringLiteral("+") + (hideResult ? result : text(t.result, 3));
}

}  // namespace

EdgeItem::EdgeItem(GraphScene* scene, NodeId consumer, int slot, QList<QPointF> bends)
    : scene_(scene), consumer_(consumer), slot_(slot), bends_(std::move(bends)) {
    setZValue(-1);
    adjust();
}

void EdgeItem::adjust() {
    const Graph& g = scene_->document()->graph();
    const NodeItem* from = scene_->nodeItem(g.node(consumer_).inputs[slot_]);
    const NodeItem* to = scene_->nodeItem(consumer_);
    if (!from || !to) return;
    prepareGeometryChange();
    QList<QPointF> points{from->outputAnchor()};
    points += bends_;
    points += to->inputAnchor(slot_, int(g.node(consumer_).inputs.size()));
    // Smooth S-curves between consecutive points: horizontal tangents at both ends.
    QPainterPath path(points.front());
    for (int i = 1; i < points.size(); ++i) {
        const QPointF a = points[i - 1], b = points[i];
        const double dx = (b.x() - a.x()) / 2;
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
    }
    path_ = path;
    // Measured once here, not on every paint: pointAtPercent walks the curve's length.
    mid_ = path_.pointAtPercent(0.5);
    tip_ = path_.pointAtPercent(1.0);
    tipAngle_ = qDegreesToRadians(path_.angleAtPercent(0.98));
}

QRectF EdgeItem::labelRect(const QString& text) const {
    QFontMetricsF fm(style::smallFont());
    const QPointF mid = mid_;
    const double w = fm.horizontalAdvance(text) + 16, h = fm.height() + 8;
    return QRectF(mid.x() - w / 2, mid.y() - h - 6, w, h);
}

QRectF EdgeItem::boundingRect() const {
    // Room for the arrow head and the label of the active edge.
    return path_.boundingRect().adjusted(-300, -60, 300, 20);
}

QPainterPath EdgeItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    return stroker.createStroke(path_);
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const GraphDocument* doc = scene_->document();
    const BackwardEvent* event = doc->cursor().activeEvent();
    const bool activeBackward = event && event->from == consumer_ && event->slot == slot_;
    const bool activeForward = doc->cursor().activeForwardNode() == consumer_;
    painter->setRenderHint(QPainter::Antialiasing);
    QColor color = style::edgeColor();
    double width = style::stroke(2);
    if (activeBackward) color = style::kActive, width = style::stroke(6);
    else if (activeForward) color = style::kValue, width = style::stroke(4);
    painter->setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path_);

    // Arrow head at the consumer, in the direction the value flows.
    const QPointF tip = tip_;
    const double angle = tipAngle_;
    const double size = 8 + width;
    const QPointF back(-std::cos(angle) * size, std::sin(angle) * size);
    const QPointF side(std::sin(angle) * size * 0.5, std::cos(angle) * size * 0.5);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF{tip, tip + back + side, tip + back - side});

    if (!activeBackward) return;
    // The edge's share of the chain rule: upstream × local = contribution (flowing right to left).
    // While the class predicts (presentation), the contribution is what they are working out.
    const QString label = edgeLabel(*doc, scene_->hideNumbers());
    const QString text = QStringLiteral("◀ ") + label;
    const QRectF box = labelRect(text);
    painter->setPen(QPen(style::kActive, 2));
    painter->setBrush(QColor(0xff, 0xf6, 0xe0));
    painter->drawRoundedRect(box, 5, 5);
    painter->setFont(style::smallFont());
    painter->setPen(style::kGradient);
    painter->drawText(box, Qt::AlignCenter, text);
}

}  // namespace bp
