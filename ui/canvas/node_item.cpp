// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/node_item.h"

#include <QCoreApplication>
#include <QGraphicsSceneMouseEvent>
#include <QStyleOptionGraphicsItem>

#include "ui/canvas/graph_scene.h"
#include "ui/canvas/node_painter.h"

namespace bp {

NodeItem::NodeItem(GraphScene* scene, NodeId id, bool copy)
    : scene_(scene),
      id_(id),
      size_(copy ? nodepaint::copySizeFor(scene->document()->graph().node(id))
                 : nodepaint::sizeFor(scene->document()->graph().node(id))),
      copy_(copy) {
    if (!copy_) setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setCacheMode(DeviceCoordinateCache);
    const Node& n = scene->document()->graph().node(id);
    QString tip = QString::fromStdString(n.name());
    if (n.isLeaf())
        tip += QCoreApplication::translate("Canvas", "\nDouble-click a number to type a new value;\n"
                                                      "Shift+drag it sideways to change it like a slider.");
    setToolTip(tip);
}

QRectF NodeItem::boundingRect() const {
    return QRectF(-size_.width() / 2 - 4, -size_.height() / 2 - 4, size_.width() + 8, size_.height() + 8);
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    if (copy_) return nodepaint::paintCopy(*painter, scene_->document()->graph().node(id_), size_, scene_->lookOf(id_));
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    nodepaint::paint(*painter, scene_->document()->graph().node(id_), size_, scene_->lookOf(id_), lod);
}

QPointF NodeItem::inputAnchor(int slot, int slotCount) const {
    const double h = size_.height();
    const double y = slotCount <= 1 ? 0 : -h / 4 + (h / 2) * slot / (slotCount - 1);
    return mapToScene(QPointF(-size_.width() / 2, y));
}

QPointF NodeItem::outputAnchor() const { return mapToScene(QPointF(size_.width() / 2, 0)); }

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (copy_) return QGraphicsItem::itemChange(change, value);
    if (change == ItemPositionHasChanged) scene_->nodeMoved(id_);
    if (change == ItemSelectedHasChanged && value.toBool()) scene_->document()->setSelectedNode(id_);
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
    // On a copy: the whole value, edited where the copy is (the node may be far away).
    scene_->requestEdit(id_, mapToScene(event->pos()), copy_ ? mapRectToScene(nodeRect()) : QRectF());
    event->accept();
}

void NodeItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    const Node& n = scene_->document()->graph().node(id_);
    if (copy_) {  // the node's values are the node's: select it
        if (event->button() == Qt::LeftButton) {
            NodeItem* node = scene_->nodeItem(id_);
            if (node && !node->isSelected()) {
                scene_->clearSelection();
                node->setSelected(true);
            }
        }
        event->accept();
        return;
    }
    // Down to one entry: a click on an entry of the gradient writes its own chain in the
    // chain-rule panel (and selects the node, as any click).
    if (event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ShiftModifier) &&
        scene_->document()->cursor().shownGrad(id_))
        if (const auto entry = nodepaint::gradCellAt(n, event->pos()))
            scene_->document()->toggleEntryFocus(id_, entry->row, entry->col);
    const auto cell = n.isLeaf() && event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier)
                          ? nodepaint::valueCellAt(n, event->pos())
                          : std::nullopt;
    pressedAt_ = pos();
    if (!cell) return QGraphicsItem::mousePressEvent(event);
    const double value = n.leafValue()(cell->row, cell->col);
    scrub_ = ValueScrub{id_, cell->row, cell->col, n.leafValue(), scrubStep(value), double(event->screenPos().x()),
                        scene_->document()->newMergeKey()};
    scene_->clearSelection();
    setSelected(true);
    setCursor(Qt::SizeHorCursor);
    event->accept();
}

void NodeItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    if (!scrub_) return QGraphicsItem::mouseMoveEvent(event);
    scene_->document()->editLeafValue(id_, scrub_->valueAt(event->screenPos().x()), scrub_->mergeKey);
    event->accept();
}

void NodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (!scrub_) {
        QGraphicsItem::mouseReleaseEvent(event);
        if (pos() != pressedAt_) emit scene_->nodeDragged(id_);  // moved by hand: the window has unsaved changes
        return;
    }
    scrub_.reset();
    unsetCursor();
    event->accept();
}

}  // namespace bp
