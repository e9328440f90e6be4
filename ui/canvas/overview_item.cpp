// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/overview_item.h"

#include <QGraphicsSceneMouseEvent>
#include <QImage>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <cmath>
#include <tuple>

#include "ui/canvas/canvas_style.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/node_painter.h"

namespace bp {
namespace {

// Whole nodes are drawn once no more than this many are in view and their type is legible.
constexpr int kMostWholeNodes = 600;
constexpr double kWholeNodeDetail = 0.2;
// Boxes while a node is at least this tall on screen and no more than this many are in view.
constexpr double kLeastBoxHeight = 4;
constexpr int kMostBoxes = 20000;
// The pixel image of the farthest level of detail is made coarser beyond this size.
constexpr double kMostImagePixels = 16e6;
// The ring around a node of the current step is at least this wide on screen.
constexpr double kMarkerSize = 22;

QRectF boxAround(QPointF center, QSizeF size) {
    return {center.x() - size.width() / 2, center.y() - size.height() / 2, size.width(), size.height()};
}

QRectF segmentRect(QPointF a, QPointF b) {
    return QRectF(a, b).normalized().adjusted(-1, -1, 1, 1);
}

QColor colorOf(const Node& n, bool isRoot) { return isRoot ? style::kRoot : style::headerColor(n.kind); }

}  // namespace

OverviewItem::OverviewItem(GraphScene* scene) : scene_(scene) {
    setFlag(ItemUsesExtendedStyleOption);
    setZValue(-1);
}

void OverviewItem::setSizes(std::vector<QSizeF> sizes) {
    prepareGeometryChange();
    sizes_ = std::move(sizes);
    centers_.clear();
    segments_.clear();
    graphRect_ = QRectF();
    laidOut_ = false;
}

void OverviewItem::setLayout(const LayoutResult& layout) {
    std::vector<QPointF> centers;
    centers.reserve(layout.centers.size());
    for (const LayoutPoint& p : layout.centers) centers.emplace_back(p.x, p.y);
    if (!placeNodes(centers)) return;
    std::vector<Segment> segments;
    for (const auto& path : layout.edgePaths)
        for (std::size_t i = 1; i < path.size(); ++i)
            segments.push_back({QPointF(path[i - 1].x, path[i - 1].y), QPointF(path[i].x, path[i].y)});
    setSegments(std::move(segments));
}

void OverviewItem::setCenters(const std::vector<QPointF>& centers) {
    if (placeNodes(centers)) straightSegments();
}

bool OverviewItem::placeNodes(const std::vector<QPointF>& centers) {
    if (centers.size() != sizes_.size()) return false;
    prepareGeometryChange();
    centers_ = centers;
    QRectF r;
    for (std::size_t id = 0; id < centers_.size(); ++id) r |= boxAround(centers_[id], sizes_[id]);
    graphRect_ = r;
    laidOut_ = true;
    update();
    return true;
}

void OverviewItem::straightSegments() {
    const Graph& g = scene_->document()->graph();
    std::vector<Segment> segments;
    for (NodeId id = 0; id < g.size() && id < NodeId(centers_.size()); ++id)
        for (NodeId in : g.node(id).inputs) segments.push_back({centers_[in], centers_[id]});
    setSegments(std::move(segments));
}

// Edges that share a trunk repeat its runs (the same start, the same direction, different
// lengths): only the longest of each is kept, so a constant used by 30,000 nodes costs one line.
void OverviewItem::setSegments(std::vector<Segment> segments) {
    // Each segment's key (start, direction, longest first) computed once, then sorted by it.
    struct Keyed {
        double x, y, angle, negLength;
        std::size_t index;
        bool operator<(const Keyed& o) const {
            return std::tie(x, y, angle, negLength, index) < std::tie(o.x, o.y, o.angle, o.negLength, o.index);
        }
        bool sameRun(const Keyed& o) const { return x == o.x && y == o.y && angle == o.angle; }
    };
    std::vector<Keyed> keys;
    keys.reserve(segments.size());
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        const QPointF d = s.b - s.a;
        const double length = std::hypot(d.x(), d.y());
        const double angle = length > 0 ? std::atan2(d.y(), d.x()) : 0;
        keys.push_back({s.a.x(), s.a.y(), std::round(angle * 1e6), -length, i});
    }
    std::sort(keys.begin(), keys.end());
    std::vector<Segment> kept;
    for (std::size_t k = 0; k < keys.size(); ++k) {
        if (k > 0 && keys[k].sameRun(keys[k - 1])) continue;  // a shorter run along a longer one
        kept.push_back(segments[keys[k].index]);
    }
    prepareGeometryChange();
    segments_ = std::move(kept);
    for (const Segment& s : segments_) graphRect_ |= segmentRect(s.a, s.b);
}

QRectF OverviewItem::nodeBox(NodeId id) const {
    if (!laidOut_ || id < 0 || id >= NodeId(centers_.size())) return {};
    return boxAround(centers_[id], sizes_[id]);
}

NodeId OverviewItem::nodeAt(QPointF scenePos) const {
    if (!laidOut_) return -1;
    for (NodeId id = 0; id < NodeId(centers_.size()); ++id)
        if (boxAround(centers_[id], sizes_[id]).contains(scenePos)) return id;
    return -1;
}

QRectF OverviewItem::boundingRect() const { return graphRect_.adjusted(-kMarkerSize, -kMarkerSize, kMarkerSize, kMarkerSize); }

std::vector<NodeId> OverviewItem::nodesIn(const QRectF& rect) const {
    std::vector<NodeId> ids;
    for (NodeId id = 0; id < NodeId(centers_.size()); ++id)
        if (boxAround(centers_[id], sizes_[id]).intersects(rect)) ids.push_back(id);
    return ids;
}

void OverviewItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    if (!laidOut_) return;
    const QRectF exposed = option->exposedRect.isEmpty() ? boundingRect() : option->exposedRect;
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const std::vector<NodeId> visible = nodesIn(exposed);
    const double typicalHeight = sizes_.empty() ? 0 : sizes_.front().height();
    if (int(visible.size()) <= kMostWholeNodes && lod >= kWholeNodeDetail)
        paintNodes(*painter, visible, exposed, lod);
    else if (typicalHeight * lod >= kLeastBoxHeight && int(visible.size()) <= kMostBoxes)
        paintBoxes(*painter, visible, exposed);
    else
        paintPixels(*painter, visible, exposed);
    paintStepMarkers(*painter, lod);
}

void OverviewItem::paintEdges(QPainter& painter, const QRectF& exposed) {
    QPen pen(style::edgeColor(), 1.5);
    pen.setCosmetic(true);
    painter.setPen(pen);
    std::vector<QLineF> lines;
    for (const Segment& s : segments_)
        if (segmentRect(s.a, s.b).intersects(exposed)) lines.emplace_back(s.a, s.b);
    painter.drawLines(lines.data(), int(lines.size()));
}

void OverviewItem::paintNodes(QPainter& painter, const std::vector<NodeId>& visible, const QRectF& exposed, double lod) {
    painter.setRenderHint(QPainter::Antialiasing);
    paintEdges(painter, exposed);
    const Graph& g = scene_->document()->graph();
    for (NodeId id : visible) {
        painter.save();
        painter.translate(centers_[id]);
        nodepaint::paint(painter, g.node(id), sizes_[id], scene_->lookOf(id), lod);
        painter.restore();
    }
}

void OverviewItem::paintBoxes(QPainter& painter, const std::vector<NodeId>& visible, const QRectF& exposed) {
    painter.setRenderHint(QPainter::Antialiasing, false);
    paintEdges(painter, exposed);
    const Graph& g = scene_->document()->graph();
    const NodeId root = scene_->document()->root();
    QPen frame(style::mutedColor(), 1);
    frame.setCosmetic(true);
    painter.setPen(frame);
    for (NodeId id : visible) {
        painter.setBrush(colorOf(g.node(id), id == root));
        painter.drawRect(boxAround(centers_[id], sizes_[id]));
    }
}

// Tens of thousands of nodes, each a few pixels at most: written into an image of the exposed
// area, edges first (aliased lines), then one block of its kind's colour per node. A picture for
// slides of a huge graph can be millions of pixels wide: the image is then made coarser.
void OverviewItem::paintPixels(QPainter& painter, const std::vector<NodeId>& visible, const QRectF& exposed) {
    QRect area = painter.worldTransform().mapRect(exposed).toAlignedRect();
    if (painter.device()) area &= QRect(0, 0, painter.device()->width(), painter.device()->height());
    if (area.isEmpty()) return;
    const double shrink = std::min(1.0, std::sqrt(kMostImagePixels / (double(area.width()) * area.height())));
    const QTransform toImage = painter.worldTransform() * QTransform::fromTranslate(-area.left(), -area.top()) *
                               QTransform::fromScale(shrink, shrink);
    QImage image(std::max(1, int(area.width() * shrink)), std::max(1, int(area.height() * shrink)),
                 QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) return;
    image.fill(Qt::transparent);
    {
        QPainter lines(&image);
        lines.setTransform(toImage);
        paintEdges(lines, exposed);
    }
    const Graph& g = scene_->document()->graph();
    const NodeId root = scene_->document()->root();
    const int w = image.width(), h = image.height();
    for (NodeId id : visible) {
        const QRect r = toImage.mapRect(boxAround(centers_[id], sizes_[id])).toAlignedRect();
        const int x0 = std::max(0, r.left()), x1 = std::min(w - 1, std::max(r.right(), r.left() + 1));
        const int y0 = std::max(0, r.top()), y1 = std::min(h - 1, std::max(r.bottom(), r.top() + 1));
        const QRgb color = colorOf(g.node(id), id == root).rgba();
        for (int y = y0; y <= y1; ++y) {
            QRgb* line = reinterpret_cast<QRgb*>(image.scanLine(y));
            if (x0 <= x1) std::fill(line + x0, line + x1 + 1, color);
        }
    }
    painter.save();
    painter.resetTransform();
    painter.drawImage(QRectF(area), image);
    painter.restore();
}

// The nodes and the edge of the current step, and the selected node: rings of a fixed size on
// screen around them, drawn over whatever level of detail the rest has.
void OverviewItem::paintStepMarkers(QPainter& painter, double lod) {
    const StepCursor& cursor = scene_->document()->cursor();
    std::vector<NodeId> active;
    if (cursor.activeForwardNode() >= 0) active.push_back(cursor.activeForwardNode());
    const BackwardEvent* event = cursor.activeEvent();
    if (event) active.insert(active.end(), {event->from, event->to});
    const NodeId selected = scene_->document()->selectedNode();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    const double minimum = kMarkerSize / std::max(lod, 1e-9);
    auto ring = [&](NodeId id, const QPen& pen) {
        if (id < 0 || id >= NodeId(centers_.size())) return;
        const QRectF box = boxAround(centers_[id], sizes_[id]);
        const double grow = 6 / std::max(lod, 1e-9);
        QRectF r = box.adjusted(-grow, -grow, grow, grow);
        if (r.width() < minimum) r.adjust(-(minimum - r.width()) / 2, 0, (minimum - r.width()) / 2, 0);
        if (r.height() < minimum) r.adjust(0, -(minimum - r.height()) / 2, 0, (minimum - r.height()) / 2);
        painter.setPen(pen);
        painter.drawEllipse(r);
    };
    if (event && event->from >= 0 && event->to >= 0 && event->from < NodeId(centers_.size()) &&
        event->to < NodeId(centers_.size())) {
        QPen edge(style::kActive, 4);
        edge.setCosmetic(true);
        painter.setPen(edge);
        painter.drawLine(centers_[event->to], centers_[event->from]);
    }
    QPen step(style::kActive, 4);
    step.setCosmetic(true);
    for (NodeId id : active) ring(id, step);
    if (selected >= 0) {
        QPen dashed(style::kText, 2, Qt::DashLine);
        dashed.setCosmetic(true);
        ring(selected, dashed);
    }
    painter.restore();
}

void OverviewItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    const NodeId id = nodeAt(event->pos());
    if (id < 0 || event->button() != Qt::LeftButton) return event->ignore();  // the view pans
    scene_->document()->setSelectedNode(id);
    event->accept();
}

void OverviewItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
    const NodeId id = nodeAt(event->pos());
    if (id < 0) return event->ignore();
    scene_->requestEdit(id, event->pos());
    event->accept();
}

}  // namespace bp
