// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A node on the canvas. It holds only its id and reads everything it shows from the scene's
// document when it paints.
#include <QGraphicsItem>
#include <optional>

#include "core/graph/graph.h"
#include "core/graph/value_scrub.h"

namespace bp {

class GraphScene;

class NodeItem : public QGraphicsItem {
public:
    // A copy (`copy` true) draws the same node again beside another of its uses (a shared leaf,
    // see LayoutOptions::inlineLeafUses): it cannot be moved or dragged, and a click selects the node.
    NodeItem(GraphScene* scene, NodeId id, bool copy = false);
    NodeId nodeId() const { return id_; }
    bool isCopy() const { return copy_; }
    // The node's frame (sizeFor, measured once), centred at the origin; boundingRect adds a margin.
    QRectF nodeRect() const { return {-size_.width() / 2, -size_.height() / 2, size_.width(), size_.height()}; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    // Where an edge enters the node in `slot` of `slotCount`, in scene coordinates.
    QPointF inputAnchor(int slot, int slotCount) const;
    QPointF outputAnchor() const;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    // Shift+drag sideways on a leaf's value entry scrubs it; any other drag moves the node.
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    GraphScene* scene_;
    NodeId id_;
    QSizeF size_;
    std::optional<ValueScrub> scrub_;
    QPointF pressedAt_;  // where the node stood when the mouse went down on it
    bool copy_ = false;
};

}  // namespace bp
