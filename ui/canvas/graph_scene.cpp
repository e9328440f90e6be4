// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/graph_scene.h"

#include "core/trace/step_terms.h"

#include <algorithm>
#include <cmath>

#include "core/layout/layered_layout.h"
#include "core/trace/step_terms.h"
#include "ui/canvas/canvas_style.h"
#include "ui/canvas/edge_item.h"
#include "ui/canvas/layout_job.h"
#include "ui/canvas/node_item.h"
#include "ui/canvas/overview_item.h"
#include "ui/canvas/step_strip.h"
#include "ui/canvas/value_editor.h"

namespace bp {
namespace {

// A named node is its name; an anonymous one ("%3") is only the same node if it also computes
// the same op from the same inputs.
std::string identityOf(const Graph& g, NodeId id) {
    const Node& n = g.node(id);
    if (n.named) return n.name();
    std::string text = n.name() + "|" + (n.op ? std::string(n.op->name) : std::string(kindName(n.kind)));
    for (NodeId in : n.inputs) text += "|" + g.node(in).name();
    return text;
}

LayoutOptions layoutOptions(bool overview) {
    LayoutOptions options;
    // Long chains fold into rows that fit a screen; a leaf feeding three or more nodes is drawn
    // beside each use. The overview does neither: it draws no copies, and folded, the edges of a
    // constant used by every step (one shared trunk) became one lane per band each, millions of
    // segments for a 100,000-op chain (its opening took 10 s instead of 0.7).
    options.foldAspect = overview ? 0 : 16.0 / 9.0;
    options.inlineLeafUses = overview ? 0 : 3;
    // The gaps grow with the type (presentation), leaving room for the active edge's label.
    options.layerGap = 110 * style::canvasLook().typeScale;
    options.nodeGap = 36 * style::canvasLook().typeScale;
    return options;
}

std::vector<LayoutEdge> layoutEdgesOf(const Graph& g) {
    std::vector<LayoutEdge> edges;
    edges.reserve(g.edgeCount());
    for (NodeId id = 0; id < g.size(); ++id)
        for (NodeId in : g.node(id).inputs) edges.push_back({in, id});
    return edges;
}

}  // namespace

GraphScene::GraphScene(GraphDocument* document, QObject* parent)
    : QGraphicsScene(parent), doc_(document), editor_(new ValueEditor(this)), layoutJob_(new LayoutJob(this)) {
    setBackgroundBrush(QColor(0xfb, 0xfb, 0xfc));
    connect(layoutJob_, &LayoutJob::progressChanged, this, &GraphScene::layoutProgressed);
    connect(layoutJob_, &LayoutJob::finished, this, &GraphScene::overviewLaidOut);
    connect(doc_, &GraphDocument::programReplaced, this, &GraphScene::rebuild);
    connect(doc_, &GraphDocument::valuesChanged, this, &GraphScene::refreshValues);
    connect(doc_, &GraphDocument::namesChanged, this, &GraphScene::renamed);
    connect(doc_, &GraphDocument::cursorChanged, this, &GraphScene::refreshChanged);
    connect(doc_, &GraphDocument::entryFocusChanged, this, &GraphScene::markFocusedEntry);
    connect(doc_, &GraphDocument::selectionChanged, this, [this] {
        const NodeId id = doc_->selectedNode();
        if (id >= 0 && id < int(nodes_.size()) && !nodes_[id]->isSelected()) {
            clearSelection();
            nodes_[id]->setSelected(true);
        }
        refreshChanged();
    });
    connect(this, &GraphScene::editRequested, editor_, &ValueEditor::open);
    rebuild();
}

GraphScene::~GraphScene() = default;

NodeItem* GraphScene::nodeItem(NodeId id) const {
    return id >= 0 && id < int(nodes_.size()) ? nodes_[id] : nullptr;
}

bool GraphScene::layoutPending() const { return overview_ && layoutJob_->running(); }
double GraphScene::layoutProgress() const { return layoutJob_->progress(); }
void GraphScene::waitForLayout() { layoutJob_->waitForFinished(); }

QRectF GraphScene::nodeBox(NodeId id) const {
    if (overview_) return overview_->nodeBox(id);
    const NodeItem* item = nodeItem(id);
    return item ? item->mapRectToScene(item->nodeRect()) : QRectF();
}

NodeLook GraphScene::lookOf(NodeId id) const {
    const StepCursor& c = doc_->cursor();
    const Evaluation& e = doc_->evaluation();
    NodeLook look;
    if (c.valueKnown(id)) look.value.emplace(e.values[id]);
    if (const Matrix* grad = c.shownGrad(id)) look.grad.emplace(grad->data(), grad->rows(), grad->cols());
    const std::optional<MatrixView> previous = doc_->previousValue(id);
    if (look.value && previous && previous->rows() == look.value->rows() && previous->cols() == look.value->cols())
        look.previous.emplace(*previous);
    look.isRoot = id == doc_->root();
    look.activeForward = c.activeForwardNode() == id;
    if (const BackwardEvent* ev = c.activeEvent()) {
        look.receivingGradient = ev->to == id;
        look.passingGradient = ev->from == id;
    }
    look.selected = !exporting_ && doc_->selectedNode() == id;
    look.hideNumbers = hideNumbers_;
    look.nonFinite = (look.value && !look.value->allFinite()) || (look.grad && !look.grad->allFinite());
    if (std::size_t(id) < markedValues_.size()) {
        look.markedValues = markedValues_[std::size_t(id)];
        look.markedGrads = markedGrads_[std::size_t(id)];
    }
    return look;
}

void GraphScene::markFocusedEntry() {
    std::vector<char> touched(std::size_t(doc_->graph().size()), 0);
    for (std::size_t id = 0; id < markedValues_.size() && id < touched.size(); ++id)
        touched[id] = !markedValues_[id].empty() || !markedGrads_[id].empty();
    markedValues_.assign(touched.size(), {});
    markedGrads_.assign(touched.size(), {});
    if (doc_->hasEntryFocus()) {
        const GraphDocument::EntryFocus& f = doc_->entryFocus();
        const EntriesRead read = entriesRead(
            gradientEntryTerms(doc_->graph(), doc_->evaluation(), doc_->cursor(), f.node, f.row, f.col));
        for (const EntryRef& r : read.values) markedValues_[std::size_t(r.node)].emplace_back(r.row, r.col);
        for (const EntryRef& r : read.gradients) markedGrads_[std::size_t(r.node)].emplace_back(r.row, r.col);
    }
    for (std::size_t id = 0; id < touched.size(); ++id)
        if ((touched[id] || !markedValues_[id].empty() || !markedGrads_[id].empty()) && id < nodes_.size())
            nodes_[id]->update();
}

// Called on every step (the class predicting or not): only the items whose look it changes repaint.
void GraphScene::setHideNumbers(bool hide) {
    if (hide == hideNumbers_) return;
    hideNumbers_ = hide;
    refreshChanged();
}

void GraphScene::restyle() { rebuildItems(false); }

void GraphScene::rebuildItems(bool keepSurvivors) {
    std::unordered_map<std::string, QPointF> kept;
    if (keepSurvivors)
        for (std::size_t i = 0; i < nodes_.size() && i < identities_.size(); ++i) kept[identities_[i]] = nodes_[i]->pos();
    rebuilding_ = true;
    layoutJob_->cancel();
    clear();
    nodes_.clear();
    edges_.clear();
    copies_.clear();
    overview_ = nullptr;
    const Graph& g = doc_->graph();
    edgesAt_.assign(g.size(), {});
    identities_.clear();
    if (g.size() > kDetailedNodeLimit) {
        rebuilding_ = false;
        buildOverview();
        return;
    }
    for (NodeId id = 0; id < g.size(); ++id) {
        nodes_.push_back(new NodeItem(this, id));
        addItem(nodes_.back());
    }
    for (NodeId id = 0; id < g.size(); ++id) identities_.push_back(identityOf(g, id));
    rebuilding_ = false;
    relayout();
    if (!kept.empty()) restoreSurvivors(kept);
}

void GraphScene::renamed() {
    const Graph& g = doc_->graph();
    for (std::size_t i = 0; i < identities_.size() && i < std::size_t(g.size()); ++i) identities_[i] = identityOf(g, NodeId(i));
    rebuildItems(true);
}

void GraphScene::restoreSurvivors(const std::unordered_map<std::string, QPointF>& kept) {
    const int n = int(nodes_.size());
    std::vector<bool> survives(n, false);
    std::vector<QPointF> target(n);
    QPointF shift;
    int survivors = 0;
    for (int id = 0; id < n; ++id) {
        const auto it = kept.find(identities_[id]);
        if (it == kept.end()) continue;
        survives[id] = true;
        target[id] = it->second;
        shift += it->second - nodes_[id]->pos();
        ++survivors;
    }
    if (survivors == 0) return;
    shift /= survivors;
    // New nodes move as the survivors moved on average, then down until they overlap nothing.
    std::vector<QRectF> placed;
    for (int id = 0; id < n; ++id)
        if (survives[id]) placed.push_back(nodes_[id]->boundingRect().translated(target[id]));
    const bool resolveOverlaps = double(n - survivors) * n < 4e6;  // quadratic: skip on huge rewrites
    for (int id = 0; id < n; ++id) {
        if (survives[id]) continue;
        QPointF p = nodes_[id]->pos() + shift;
        const QRectF box = nodes_[id]->boundingRect();
        for (bool moved = resolveOverlaps; moved;) {
            moved = false;
            for (const QRectF& other : placed)
                if (box.translated(p).intersects(other)) {
                    p.setY(other.bottom() - box.top() + 24);
                    moved = true;
                }
        }
        target[id] = p;
        placed.push_back(box.translated(p));
    }
    // Moving a node redraws its edges without the layout's bends; unmoved ones keep them.
    for (int id = 0; id < n; ++id)
        if (nodes_[id]->pos() != target[id]) {
            dropCopies();
            break;
        }
    for (int id = 0; id < n; ++id)
        if (nodes_[id]->pos() != target[id]) nodes_[id]->setPos(target[id]);
    setSceneRect(graphRect().adjusted(-400, -300, 400, 300));
}

void GraphScene::buildOverview() {
    const Graph& g = doc_->graph();
    std::vector<QSizeF> sizes;
    sizes.reserve(g.size());
    for (const Node& n : g.nodes()) sizes.push_back(nodepaint::sizeFor(n));
    overview_ = new OverviewItem(this);
    overviewPosition_ = -1;
    overview_->setSizes(std::move(sizes));
    addItem(overview_);
    setSceneRect(QRectF(0, 0, 1, 1));
    relayout();
}

void GraphScene::overviewLaidOut() {
    if (!overview_) return;
    overview_->setLayout(layoutJob_->takeResult());
    setSceneRect(graphRect().adjusted(-400, -300, 400, 300));
    emit laidOut();
}

void GraphScene::relayout() {
    const Graph& g = doc_->graph();
    std::vector<LayoutSize> sizes;
    sizes.reserve(g.size());
    if (overview_) {
        for (const QSizeF& s : overview_->sizes()) sizes.push_back({s.width(), s.height()});
        layoutJob_->start(std::move(sizes), layoutEdgesOf(g), layoutOptions(true));
        emit layoutProgressed(0);
        return;
    }
    for (const NodeItem* item : nodes_) sizes.push_back({item->nodeRect().width(), item->nodeRect().height()});
    LayoutOptions options = layoutOptions(false);
    options.copySizes.reserve(g.size());
    for (const Node& n : g.nodes()) {
        const QSizeF copy = n.isLeaf() ? nodepaint::copySizeFor(n) : QSizeF();
        options.copySizes.push_back({copy.width(), copy.height()});
    }
    const LayoutResult layout = layeredLayout(sizes, layoutEdgesOf(g), options);

    rebuilding_ = true;
    for (NodeId id = 0; id < g.size(); ++id) nodes_[id]->setPos(layout.centers[id].x, layout.centers[id].y);
    for (NodeItem* copy : copies_) delete copy;
    copies_.clear();
    for (const LayoutCopy& c : layout.copies) {
        copies_.push_back(new NodeItem(this, c.node, true));
        copies_.back()->setPos(c.center.x, c.center.y);
        addItem(copies_.back());
    }
    for (EdgeItem* e : edges_) delete e;
    edges_.clear();
    edgesAt_.assign(g.size(), {});
    int index = 0;
    for (NodeId id = 0; id < g.size(); ++id) {
        const Node& n = g.node(id);
        for (int slot = 0; slot < int(n.inputs.size()); ++slot, ++index) {
            QList<QPointF> bends;
            const auto& path = layout.edgePaths[index];
            for (std::size_t i = 1; i + 1 < path.size(); ++i) bends.append(QPointF(path[i].x, path[i].y));
            auto* edge = new EdgeItem(this, id, slot, bends);
            if (layout.edgeCopy[index] >= 0) edge->setSource(copies_[layout.edgeCopy[index]]);
            addItem(edge);
            edges_.push_back(edge);
            edgesAt_[id].push_back(edge);
            edgesAt_[n.inputs[slot]].push_back(edge);
        }
    }
    for (EdgeItem* e : edges_) e->adjust();  // the ports follow the order the inputs arrive in
    rebuilding_ = false;
    setSceneRect(graphRect().adjusted(-400, -300, 400, 300));
    refresh();
}

std::vector<QPointF> GraphScene::nodePositions() const {
    if (overview_) return overview_->laidOut() ? overview_->centers() : std::vector<QPointF>(doc_->graph().size());
    std::vector<QPointF> positions;
    for (const NodeItem* item : nodes_) positions.push_back(item->pos());
    return positions;
}

void GraphScene::setNodePositions(const std::vector<QPointF>& positions) {
    if (overview_) {
        if (positions.size() != std::size_t(doc_->graph().size())) return;
        layoutJob_->cancel();  // positions from a file need no layout
        overview_->setCenters(positions);
        setSceneRect(graphRect().adjusted(-400, -300, 400, 300));
        emit laidOut();
        return;
    }
    if (positions.size() != nodes_.size()) return;
    dropCopies();
    for (std::size_t i = 0; i < positions.size(); ++i) nodes_[i]->setPos(positions[i]);
}

void GraphScene::dropCopies() {
    if (copies_.empty()) return;
    for (EdgeItem* e : edges_)
        if (e->source() && e->source()->isCopy()) {
            e->setSource(nullptr);
            e->dropBends();
        }
    for (NodeItem* copy : copies_) delete copy;
    copies_.clear();
    for (EdgeItem* e : edges_) e->adjust();
}

std::vector<EdgeItem*> GraphScene::edgesInto(NodeId id) const {
    std::vector<EdgeItem*> into;
    if (id < 0 || id >= int(edgesAt_.size())) return into;
    for (EdgeItem* e : edgesAt_[id])
        if (e->consumer() == id) into.push_back(e);
    return into;
}

void GraphScene::nodeMoved(NodeId id) {
    if (rebuilding_ || id >= int(edgesAt_.size())) return;
    for (EdgeItem* e : edgesAt_[id]) e->dropBends();
    // The edges of the node, and those entering the same consumers (their order there may change).
    for (EdgeItem* e : edgesAt_[id]) {
        if (e->consumer() == id) e->adjust();
        else
            for (EdgeItem* sibling : edgesInto(e->consumer())) sibling->adjust();
    }
    // The moved node may now stand where the active edge's label was, or have made room near it.
    for (EdgeItem* e : edges_)
        if (!e->labelSceneRect().isEmpty()) e->updateLabel(true);
}

void GraphScene::requestEdit(NodeId id, QPointF scenePos, QRectF at) { emit editRequested(id, scenePos, at); }

void GraphScene::refresh() { refreshItems(true); }
void GraphScene::refreshChanged() { refreshItems(false); }

// After an edit: the items whose numbers changed, and the active edge (its label holds numbers).
void GraphScene::refreshValues() {
    if (overview_) return overview_->updateValues();
    if (const BackwardEvent* event = doc_->cursor().activeEvent())
        for (EdgeItem* e : edges_)
            if (e->consumer() == event->from && e->slot() == event->slot) e->update();
}

// What a node item shows, to tell whether a step or an edit changed it: whether its value is
// known, which gradient of the trace it shows, its marks, and the numbers themselves.
bool GraphScene::ShownNode::operator==(const ShownNode& o) const {
    return valueKnown == o.valueKnown && gradEvent == o.gradEvent && flags == o.flags && numbers == o.numbers;
}

namespace {

// FNV-1a over the bits of the numbers a node shows (an edit that changes none of them, as for
// the nodes upstream of nothing it touches, leaves the item alone).
std::uint64_t numbersHash(const ShownMatrix& value, const ShownMatrix& grad) {
    std::uint64_t h = 14695981039346656037ull;
    auto mix = [&h](const ShownMatrix& m) {
        h = (h ^ (m ? 1u : 2u)) * 1099511628211ull;
        if (!m) return;
        const auto* bytes = reinterpret_cast<const unsigned char*>(m->data());
        for (std::size_t i = 0, n = std::size_t(m->size()) * sizeof(double); i < n; ++i)
            h = (h ^ bytes[i]) * 1099511628211ull;
    };
    mix(value);
    mix(grad);
    return h;
}

}  // namespace

GraphScene::ShownNode GraphScene::shownNode(NodeId id) const {
    const NodeLook look = lookOf(id);
    // Hidden numbers change only the nodes whose number the step computes (node_painter).
    const bool hiding = look.hideNumbers && (look.activeForward || look.receivingGradient);
    const bool bits[] = {look.isRoot, look.activeForward, look.receivingGradient, look.passingGradient,
                         look.selected, hiding, look.nonFinite};
    unsigned flags = 0;
    for (std::size_t i = 0; i < std::size(bits); ++i) flags |= unsigned(bits[i]) << i;
    return {look.value.has_value(), doc_->cursor().shownGradEvent(id), flags, numbersHash(look.value, look.grad)};
}

// Every item again (the look of the canvas changed); after a step, an edit or a new selection
// only the items that show something else (after a step two or three nodes, a few edges), so the
// view repaints only their rectangles.
void GraphScene::refreshItems(bool all) {
    if (overview_) return refreshOverview(all);
    shownNodes_.resize(nodes_.size());
    for (NodeId id = 0; id < NodeId(nodes_.size()); ++id) {
        const ShownNode now = shownNode(id);
        if (!all && now == shownNodes_[id]) continue;
        shownNodes_[id] = now;
        nodes_[id]->update();
    }
    // The active edge's label (its share of the chain rule) goes where it covers no node, and is
    // drawn over the edges.
    const BackwardEvent* event = doc_->cursor().activeEvent();
    const NodeId forward = doc_->cursor().activeForwardNode();
    shownEdges_.resize(edges_.size(), 0);
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        EdgeItem* e = edges_[i];
        const bool backward = event && e->consumer() == event->from && e->slot() == event->slot;
        const unsigned now = 1u | (backward ? 2u : 0u) | (e->consumer() == forward ? 4u : 0u) |
                             (backward && hideNumbers_ ? 8u : 0u);  // its label with "?"
        if (!all && now == shownEdges_[i]) continue;
        shownEdges_[i] = now;
        e->setZValue(backward ? 1 : -1);
        e->updateLabel(backward);
        e->update();
    }
}

// The overview: a step to the next or previous position of the same phase, or a new selection,
// changes the nodes it marks and nothing else (the step's gradient goes into the node it rings);
// anything else repaints the whole item.
void GraphScene::refreshOverview(bool all) {
    const StepCursor& c = doc_->cursor();
    const int position = c.position();
    const bool oneStep = std::abs(position - overviewPosition_) <= 1 && c.phase() == overviewPhase_;
    overviewPosition_ = position;
    overviewPhase_ = c.phase();
    if (all || !oneStep) return overview_->update();
    overview_->updateMarks();
}

QRectF GraphScene::graphRect() const {
    if (overview_) return overview_->graphRect();
    QRectF r;
    for (const NodeItem* item : nodes_) r |= item->sceneBoundingRect();
    for (const NodeItem* item : copies_) r |= item->sceneBoundingRect();
    return r;
}

// The graph with the legend above it, without the strip (but as wide as a strip needs).
QRectF GraphScene::exportGraphRect(const QStringList& strip) const {
    QRectF r = graphRect().adjusted(-30, -30, 30, 30);
    const QSizeF legend = style::legendSize();
    r.setTop(r.top() - legend.height() - 20);
    r.setWidth(std::max(r.width(), legend.width() + 60));
    if (!strip.isEmpty()) r.setWidth(std::max(r.width(), kMinStripWidth));
    return r;
}

QRectF GraphScene::exportRect() const {
    const QStringList strip = stepStripLines(*doc_);
    QRectF r = exportGraphRect(strip);
    r.setHeight(r.height() + stepStripHeight(strip, r.width()));
    return r;
}

void GraphScene::renderForExport(QPainter& painter, const QRectF& target) {
    const QStringList strip = stepStripLines(*doc_);
    const QRectF source = exportGraphRect(strip);
    const double scale = target.width() / source.width();
    const QRectF graphTarget(target.topLeft(), QSizeF(target.width(), source.height() * scale));
    clearSelection();
    exporting_ = true;
    // Drawn afresh, not from the items' pixel caches: an SVG then holds vector shapes and text
    // (the node names can be searched), and a PNG at 3x is as sharp as the type.
    std::vector<NodeItem*> items = nodes_;
    items.insert(items.end(), copies_.begin(), copies_.end());  // the copies of shared leaves too
    std::vector<QGraphicsItem::CacheMode> caches;
    for (NodeItem* n : items) {
        caches.push_back(n->cacheMode());
        n->setCacheMode(QGraphicsItem::NoCache);
    }
    refresh();
    render(&painter, graphTarget, source);
    for (std::size_t i = 0; i < items.size(); ++i) items[i]->setCacheMode(caches[i]);
    exporting_ = false;
    refresh();
    // The legend above the graph, in the same scale as the scene.
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(scale, scale);
    style::drawLegend(painter, QPointF(20, 10));
    painter.restore();
    // The step written out under the graph, as the chain-rule panel writes it.
    painter.save();
    painter.translate(graphTarget.bottomLeft());
    painter.scale(scale, scale);
    drawStepStrip(painter, strip, source.width());
    painter.restore();
}

}  // namespace bp
