// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A graph too large for one item per node (GraphScene::kDetailedNodeLimit) drawn by one item,
// at a level of detail that follows the zoom and the number of nodes in view:
//   - whole nodes as the detailed canvas draws them (name, values, gradients) once few are in view;
//   - coloured boxes (the header colour of their kind) and straight edges further out;
//   - one pixel block per node, written straight into an image, when tens of thousands are in view.
// Whatever the zoom, the nodes of the current step carry an orange ring of fixed size on screen,
// so a step can be found in a graph of 100,000 nodes. Click selects a node and double-click edits
// a leaf, as on the detailed canvas; nodes are not moved by hand here.
// Painting is linear in the nodes and edge segments in view; nothing is allocated per node.
#include <QGraphicsItem>
#include <vector>

#include "core/graph/graph.h"
#include "core/layout/layered_layout.h"

namespace bp {

class GraphScene;

class OverviewItem : public QGraphicsItem {
public:
    explicit OverviewItem(GraphScene* scene);

    // Node sizes come first (they are known before the layout); positions arrive later.
    void setSizes(std::vector<QSizeF> sizes);
    // From a finished layout: centres and the edges' routes (shared trunks drawn once).
    void setLayout(const LayoutResult& layout);
    // Positions restored from a file: edges become straight lines between the nodes.
    void setCenters(const std::vector<QPointF>& centers);
    bool laidOut() const { return laidOut_; }
    const std::vector<QPointF>& centers() const { return centers_; }
    const std::vector<QSizeF>& sizes() const { return sizes_; }

    // In scene coordinates; empty before the layout.
    QRectF nodeBox(NodeId id) const;
    QRectF graphRect() const { return graphRect_; }
    // The node under `scenePos`, or -1.
    NodeId nodeAt(QPointF scenePos) const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    struct Segment {
        QPointF a, b;
    };
    bool placeNodes(const std::vector<QPointF>& centers);
    void setSegments(std::vector<Segment> segments);
    void straightSegments();
    std::vector<NodeId> nodesIn(const QRectF& rect) const;
    void paintPixels(QPainter& painter, const std::vector<NodeId>& visible, const QRectF& exposed);
    void paintBoxes(QPainter& painter, const std::vector<NodeId>& visible, const QRectF& exposed);
    void paintNodes(QPainter& painter, const std::vector<NodeId>& visible, const QRectF& exposed, double lod);
    void paintEdges(QPainter& painter, const QRectF& exposed);
    void paintStepMarkers(QPainter& painter, double lod);

    GraphScene* scene_;
    std::vector<QSizeF> sizes_;
    std::vector<QPointF> centers_;
    std::vector<Segment> segments_;
    QRectF graphRect_;
    bool laidOut_ = false;
};

}  // namespace bp
