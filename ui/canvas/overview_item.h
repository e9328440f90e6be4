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
#include <QImage>
#include <QTransform>
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
    // The edge segments the layout gave (before the runs along a shared trunk are kept once).
    std::size_t segmentsGiven() const { return segmentsGiven_; }

    // In scene coordinates; empty before the layout.
    QRectF nodeBox(NodeId id) const;
    QRectF graphRect() const { return graphRect_; }
    // The node under `scenePos`, or -1.
    NodeId nodeAt(QPointF scenePos) const;

    // After a step to the next or previous position, or a new selection: repaints the rings
    // drawn last time and those of now (the nodes inside them with), nothing else.
    void updateMarks();
    // After an edit: the numbers (drawn on whole nodes, when few are in view) and the rings;
    // boxes and pixel blocks, which show kinds only, come from the picture of the view.
    void updateValues();

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
    std::size_t countIn(const QRectF& rect) const;
    void paintPixels(QPainter& painter, const std::vector<NodeId>& visible, const QRectF& exposed);
    void paintBoxes(QPainter& painter, const std::vector<NodeId>& visible, const QRectF& exposed);
    void paintNodes(QPainter& painter, const std::vector<NodeId>& visible, const QRectF& exposed, double lod);
    void paintEdges(QPainter& painter, const QRectF& exposed);
    void paintStepMarkers(QPainter& painter, double lod);
    // The nodes that carry a ring now (the step's, the selected one) and the active edge's ends.
    struct Marks {
        std::vector<NodeId> step;
        NodeId selected = -1;
        NodeId edgeFrom = -1, edgeTo = -1;
    };
    Marks currentMarks() const;
    QRectF ringRect(NodeId id, double lod) const;
    // What `marks` cover at the zoom of the views showing the scene.
    void updateRects(const Marks& marks);
    Marks lastMarks_;
    // The boxes or pixel blocks of the whole view as last painted for a step, with the view's
    // transform they were painted at; a step's repaint copies from it.
    struct Base {
        QImage image;
        QTransform transform;
        bool boxes = false;
    };
    bool paintFromCache(QPainter& painter, const QWidget& widget, const QRectF& exposed, const QRectF& inView, bool boxes);
    Base base_;
    bool marksOnly_ = false;  // the pending repaint changes no box or block (a step, an edit)

    GraphScene* scene_;
    std::vector<QSizeF> sizes_;
    std::vector<QPointF> centers_;
    std::vector<Segment> segments_;
    std::size_t segmentsGiven_ = 0;
    QRectF graphRect_;
    bool laidOut_ = false;
};

}  // namespace bp
