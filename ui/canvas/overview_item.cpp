// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/overview_item.h"

#include <QGraphicsSceneMouseEvent>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImage>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

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
    base_ = {};
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
    base_ = {};
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
    segmentsGiven_ = segments.size();
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
    base_ = {};
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

std::size_t OverviewItem::countIn(const QRectF& rect) const {
    std::size_t count = 0;
    for (NodeId id = 0; id < NodeId(centers_.size()); ++id) count += boxAround(centers_[id], sizes_[id]).intersects(rect);
    return count;
}

void OverviewItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) {
    if (!laidOut_) return;
    const QRectF exposed = option->exposedRect.isEmpty() ? boundingRect() : option->exposedRect;
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const std::vector<NodeId> visible = nodesIn(exposed);
    // The level of detail follows the nodes in the whole view, not in the part repainted (a
    // step repaints a few rings): the repainted part looks as the rest.
    const QRectF inView = widget ? painter->worldTransform().inverted().mapRect(QRectF(widget->rect())) : exposed;
    const std::size_t inViewCount = inView.contains(exposed) && inView != exposed ? countIn(inView) : visible.size();
    const double typicalHeight = sizes_.empty() ? 0 : sizes_.front().height();
    lastMarks_ = currentMarks();
    const bool marksOnly = std::exchange(marksOnly_, false);
    if (int(inViewCount) <= kMostWholeNodes && lod >= kWholeNodeDetail) {
        paintNodes(*painter, visible, exposed, lod);
    } else {
        // Boxes and pixel blocks show the nodes' kinds, not their numbers: a step (marksOnly)
        // copies them from a picture of the view made once, and draws only the rings anew.
        const bool boxes = typicalHeight * lod >= kLeastBoxHeight && int(inViewCount) <= kMostBoxes;
        if (!(widget && marksOnly && paintFromCache(*painter, *widget, exposed, inView, boxes))) {
            base_ = {};
            if (boxes) paintBoxes(*painter, visible, exposed);
            else paintPixels(*painter, visible, exposed);
        }
    }
    paintStepMarkers(*painter, lod);
}

bool OverviewItem::paintFromCache(QPainter& painter, const QWidget& widget, const QRectF& exposed, const QRectF& inView,
                                  bool boxes) {
    const QTransform transform = painter.worldTransform();
    const double ratio = widget.devicePixelRatioF();
    const QSize size = widget.size() * ratio;
    if (base_.image.isNull() || base_.transform != transform || base_.image.size() != size || base_.boxes != boxes) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        if (image.isNull()) return false;
        image.setDevicePixelRatio(ratio);
        image.fill(scene_->backgroundBrush().color());
        QPainter p(&image);
        p.setTransform(transform);
        const std::vector<NodeId> all = nodesIn(inView);
        if (boxes) paintBoxes(p, all, inView);
        else paintPixels(p, all, inView);
        p.end();
        base_ = {std::move(image), transform, boxes};
    }
    // Whole pixels around what was exposed: a graph far zoomed out can be a fraction of a pixel
    // tall, drawn with pens and blocks of at least one pixel.
    const QRectF target = QRectF(transform.mapRect(exposed).toAlignedRect().adjusted(-2, -2, 2, 2)) & QRectF(widget.rect());
    painter.save();
    painter.resetTransform();
    painter.drawImage(target, base_.image,
                      QRectF(target.topLeft() * ratio, target.size() * ratio));
    painter.restore();
    return true;
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
OverviewItem::Marks OverviewItem::currentMarks() const {
    const StepCursor& cursor = scene_->document()->cursor();
    Marks marks;
    if (cursor.activeForwardNode() >= 0) marks.step.push_back(cursor.activeForwardNode());
    if (const BackwardEvent* event = cursor.activeEvent()) {
        marks.step.insert(marks.step.end(), {event->from, event->to});
        marks.edgeFrom = event->from;
        marks.edgeTo = event->to;
    }
    marks.selected = scene_->document()->selectedNode();
    return marks;
}

// The ring around a node: its box grown by 6 pixels, at least kMarkerSize pixels across.
QRectF OverviewItem::ringRect(NodeId id, double lod) const {
    if (id < 0 || id >= NodeId(centers_.size())) return {};
    const double minimum = kMarkerSize / std::max(lod, 1e-9);
    const QRectF box = boxAround(centers_[id], sizes_[id]);
    const double grow = 6 / std::max(lod, 1e-9);
    QRectF r = box.adjusted(-grow, -grow, grow, grow);
    if (r.width() < minimum) r.adjust(-(minimum - r.width()) / 2, 0, (minimum - r.width()) / 2, 0);
    if (r.height() < minimum) r.adjust(0, -(minimum - r.height()) / 2, 0, (minimum - r.height()) / 2);
    return r;
}

void OverviewItem::updateRects(const Marks& marks) {
    if (!laidOut_ || !scene()) return;
    double lod = 0;
    for (const QGraphicsView* view : scene()->views()) {
        const double scale = std::sqrt(std::abs(view->transform().determinant()));
        lod = lod == 0 ? scale : std::min(lod, scale);
    }
    if (lod <= 0) return update();
    const double pen = 4 / lod;  // the rings' and the edge's cosmetic pens
    std::vector<NodeId> ids = marks.step;
    ids.push_back(marks.selected);
    for (NodeId id : ids)
        if (const QRectF r = ringRect(id, lod); !r.isEmpty()) update(r.adjusted(-pen, -pen, pen, pen));
    const NodeId n = NodeId(centers_.size());
    if (marks.edgeFrom >= 0 && marks.edgeTo >= 0 && marks.edgeFrom < n && marks.edgeTo < n)
        update(QRectF(centers_[marks.edgeTo], centers_[marks.edgeFrom]).normalized().adjusted(-pen, -pen, pen, pen));
}

void OverviewItem::updateValues() {
    lastMarks_ = currentMarks();
    marksOnly_ = true;
    update();
}

void OverviewItem::updateMarks() {
    Marks now = currentMarks();
    marksOnly_ = true;
    updateRects(lastMarks_);
    updateRects(now);
    lastMarks_ = std::move(now);
}

void OverviewItem::paintStepMarkers(QPainter& painter, double lod) {
    const Marks marks = currentMarks();
    const std::vector<NodeId>& active = marks.step;
    const BackwardEvent* event = scene_->document()->cursor().activeEvent();
    const NodeId selected = marks.selected;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    auto ring = [&](NodeId id, const QPen& pen) {
        if (id < 0 || id >= NodeId(centers_.size())) return;
        painter.setPen(pen);
        painter.drawEllipse(ringRect(id, lod));
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
