// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The canvas scene: one NodeItem per node and one EdgeItem per edge (input slot), laid out by the
// core's layered layout. Items hold ids; the scene repaints them when the document says so.
// A graph of more than kDetailedNodeLimit nodes is drawn by one OverviewItem at a level of detail
// that follows the zoom, and laid out on a worker thread (layoutPending, layoutProgress): the
// window opens at once and stays responsive while a 100,000-node import is laid out.
#include <QGraphicsScene>
#include <QHash>
#include <QStringList>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "ui/canvas/node_painter.h"
#include "ui/document/graph_document.h"

namespace bp {

class NodeItem;
class EdgeItem;
class LayoutJob;
class OverviewItem;
class ValueEditor;

class GraphScene : public QGraphicsScene {
    Q_OBJECT
public:
    // Above this many nodes the graph is drawn as an overview (one item, level of detail).
    static constexpr int kDetailedNodeLimit = 5000;

    explicit GraphScene(GraphDocument* document, QObject* parent = nullptr);
    ~GraphScene() override;

    GraphDocument* document() const { return doc_; }
    // Null for a graph drawn as an overview.
    NodeItem* nodeItem(NodeId id) const;
    OverviewItem* overviewItem() const { return overview_; }
    bool isOverview() const { return overview_ != nullptr; }
    // The overview's layout is still being computed on a worker thread (0 to 1 done).
    bool layoutPending() const;
    double layoutProgress() const;
    // Blocks until a pending layout is done (tests, pictures from the command line).
    void waitForLayout();
    // A node's frame in scene coordinates, in either mode; empty before the layout.
    QRectF nodeBox(NodeId id) const;
    const std::vector<EdgeItem*>& edgeItems() const { return edges_; }
    // The edges into node `id` (its inputs), in slot order; empty while they are being built.
    std::vector<EdgeItem*> edgesInto(NodeId id) const;
    int nodeItemCount() const { return int(nodes_.size()); }
    // Copies of shared leaves drawn beside their uses (LayoutOptions::inlineLeafUses).
    const std::vector<NodeItem*>& copyItems() const { return copies_; }
    // The in-place editor that a double-click on a leaf opens.
    ValueEditor* valueEditor() const { return editor_; }

    // What a node shows at the document's current step.
    NodeLook lookOf(NodeId id) const;
    void setHideNumbers(bool hide);
    bool hideNumbers() const { return hideNumbers_; }

    // Node positions (scene coordinates of centres), to save and restore a layout.
    std::vector<QPointF> nodePositions() const;
    void setNodePositions(const std::vector<QPointF>& positions);
    // Lays the graph out again, dropping hand-made positions.
    void relayout();
    // Builds every item again after the canvas look changed (style::setCanvasLook: node sizes
    // follow the type) and lays the graph out afresh for the new sizes.
    void restyle();

    // Called by items.
    void nodeMoved(NodeId id);
    // `at`: where the editor opens when not on the node itself (a copy of a shared leaf).
    void requestEdit(NodeId id, QPointF scenePos, QRectF at = QRectF());

    // The rectangle around every node (edges' label room left out): what "fit" shows.
    QRectF graphRect() const;

    // The picture for slides: the whole graph with the legend, at `scale` scene pixels per pixel.
    // What a picture for slides shows: the graph, the legend above it and, at a step, the step
    // written out in a strip under the graph (the chain-rule panel's lines).
    QRectF exportRect() const;
    void renderForExport(QPainter& painter, const QRectF& target);

signals:
    void editRequested(NodeId id, QPointF scenePos, QRectF at);
    // The overview's layout: how far it got, and its positions having arrived (from the worker
    // thread or from a file).
    void layoutProgressed(double fraction);
    void laidOut();
    // The user dragged a node to a new place (not the layout placing it).
    void nodeDragged(NodeId id);

private:
    // A picture at least this wide, so that the strip's arithmetic has room beside a small graph.
    static constexpr double kMinStripWidth = 900;
    QRectF exportGraphRect(const QStringList& strip) const;
    void rebuild() { rebuildItems(doc_->replacedInPlace()); }
    // A node was renamed: the same nodes, each kept where it was under its new name.
    void renamed();
    // keepSurvivors: a re-applied source puts surviving nodes back where they were.
    void rebuildItems(bool keepSurvivors);
    void refresh();
    void refreshChanged();
    void refreshValues();
    void refreshItems(bool all);
    void refreshOverview(bool all);
    void buildOverview();
    void overviewLaidOut();
    // After the source was applied: nodes that survive (by name; an anonymous node also by its op
    // and inputs) go back where they were; new nodes follow them, clear of every other node.
    // Down to one entry: the entries the focused gradient entry's chain read, marked on their nodes.
    void markFocusedEntry();
    void restoreSurvivors(const std::unordered_map<std::string, QPointF>& kept);
    // Once nodes stand elsewhere than the layout put them, copies go: edges start at their node.
    void dropCopies();

    GraphDocument* doc_;
    std::vector<NodeItem*> nodes_;
    std::vector<EdgeItem*> edges_;
    std::vector<NodeItem*> copies_;
    std::vector<std::vector<EdgeItem*>> edgesAt_;  // per node, the edges touching it
    std::vector<std::string> identities_;          // per node, what it is called across a re-apply
    struct ShownNode {
        bool valueKnown = false;
        int gradEvent = -3;  // StepCursor::shownGradEvent
        unsigned flags = ~0u;
        std::uint64_t numbers = 0;  // a hash of the value and gradient shown
        bool operator==(const ShownNode& other) const;
    };
    ShownNode shownNode(NodeId id) const;
    std::vector<ShownNode> shownNodes_;  // per node item, what it was last asked to show
    std::vector<unsigned> shownEdges_;   // per edge item, its state bits when last updated
    std::vector<std::vector<std::pair<int, int>>> markedValues_;  // per node, or empty
    std::vector<std::vector<std::pair<int, int>>> markedGrads_;
    ValueEditor* editor_;
    OverviewItem* overview_ = nullptr;
    LayoutJob* layoutJob_;
    int overviewPosition_ = -1;  // the step the overview last repainted for
    Phase overviewPhase_ = Phase::Start;
    bool hideNumbers_ = false;
    bool rebuilding_ = false;
    bool exporting_ = false;  // a picture for slides: no selection drawn
};

}  // namespace bp
