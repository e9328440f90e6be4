// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One edge: input `slot` of a consumer. x * x has two edges. Highlighted, with its local derivative
// and contribution written beside it, while its backward event is the current step. The label is
// placed in free space near the edge's middle (never over a node), with a leader line to the
// edge when it had to move away from it.
#include <QCoreApplication>
#include <QGraphicsItem>
#include <QLineF>
#include <QList>
#include <QPainterPath>

#include "core/graph/graph.h"

namespace bp {

class GraphScene;

class EdgeItem : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(EdgeItem)

public:
    EdgeItem(GraphScene* scene, NodeId consumer, int slot, QList<QPointF> bends);
    NodeId consumer() const { return consumer_; }
    // Where the edge starts: a copy of its input drawn beside the consumer, or (null) the input's item.
    void setSource(const class NodeItem* copy) { source_ = copy; }
    const class NodeItem* source() const;
    int slot() const { return slot_; }
    // Recomputes the path from the current positions of both ends.
    void adjust();
    // Bends from the layout are dropped once a user moves an end by hand.
    void dropBends() { bends_.clear(); }
    // Whether the edge is the current backward step's, and where its label goes (after a step, a
    // move or an edit). The label's rectangle in scene coordinates, empty when it has none.
    void updateLabel(bool active);
    QRectF labelSceneRect() const { return labelRect_; }
    // Where the edge arrives from: its last bend, or its source's output.
    QPointF approach() const;
    // Its place among the consumer's inputs, top to bottom.
    int port() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString labelText() const;
    void drawPlainCurve(QPainter* painter, const QPen& pen);
    QRectF freeLabelRect(QSizeF size) const;
    GraphScene* scene_;
    NodeId consumer_;
    int slot_;
    QList<QPointF> bends_;
    const class NodeItem* source_ = nullptr;
    QPainterPath path_;
    // path_ as short straight lines at the zoom they were made for (see drawPlainCurve).
    QList<QLineF> lines_;
    double linesZoom_ = 0;
    QPointF mid_;
    QPointF tip_;
    double tipAngle_ = 0;
    QString label_;
    QRectF labelRect_;
};

}  // namespace bp
