// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/node_painter.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cmath>

#include "core/text/number_format.h"
#include "ui/canvas/canvas_style.h"

namespace bp::nodepaint {
namespace {

constexpr double kPad = 8;
constexpr int kDigits = int(Shown::Step);
constexpr int kCellCharacters = 10;  // "-0.0001234": what a cell is measured for

// Fonts and measures of the canvas look, measured once per look (not once per node and paint:
// measuring text is most of the cost of painting a node).
struct Metrics {
    double typeScale = 0;
    bool highContrast = false;
    QFont name, number, small;
    double header = 0;       // the header band
    double gutter = 0;       // "=" before values, "∇" before gradients
    double line = 0;         // a row of a value block
    double cell = 0;         // a column of a value block
    double digit = 0;        // the advance of one character of the (monospaced) number font
    double numberAscent = 0, numberHeight = 0;
};

const Metrics& metrics() {
    static Metrics m;
    const style::CanvasLook& look = style::canvasLook();
    if (m.typeScale == look.typeScale && m.highContrast == look.highContrast) return m;
    m.typeScale = look.typeScale;
    m.highContrast = look.highContrast;
    m.name = style::nameFont();
    m.number = style::numberFont();
    m.small = style::smallFont();
    const QFontMetricsF number(m.number);
    m.header = std::max(32.0, QFontMetricsF(m.name).height() + 10);
    m.gutter = 22 * look.typeScale;
    m.line = number.height() + 2;
    m.cell = number.horizontalAdvance(QStringLiteral("-0.0001234")) + 10;
    m.digit = number.horizontalAdvance(QLatin1Char('0'));
    m.numberAscent = number.ascent();
    m.numberHeight = number.height();
    return m;
}

double headerHeight() { return metrics().header; }
double gutter() { return metrics().gutter; }
double lineHeight() { return metrics().line; }
double cellWidth() { return metrics().cell; }

int shownRows(const Node& n) { return n.shape.rows > kMaxShownRows ? kMaxShownRows + 1 : int(n.shape.rows); }
int shownCols(const Node& n) { return n.shape.cols > kMaxShownCols ? kMaxShownCols + 1 : int(n.shape.cols); }

QString title(const Node& n) {
    return QString::fromStdString(n.label());
}

// A copy's name, written before its value on one line.
double copyNameWidth(const Node& node) { return QFontMetricsF(metrics().name).horizontalAdvance(title(node)); }

QString subtitle(const Node& n) {
    const QString shape = QString::fromStdString(shapeText(n.shape));
    if (n.isLeaf()) return style::kindText(n.kind) + QStringLiteral("  ") + shape;
    return QString::fromUtf8(n.op->symbol.data(), int(n.op->symbol.size())) + QStringLiteral("  ") + shape;
}

// A number right-aligned in its cell: the font is monospaced, so its width is known without
// laying the text out (drawText into a rectangle lays out every string it draws).
void drawNumber(QPainter& p, const QRectF& cell, const QString& text) {
    const Metrics& m = metrics();
    const double baseline = cell.top() + (cell.height() - m.numberHeight) / 2 + m.numberAscent;
    p.drawText(QPointF(cell.right() - text.size() * m.digit, baseline), text);
}

// An entry with kDigits significant digits, or when it changed from `before`, with the digits
// that tell the two apart (0.4999 after a step of 1e-5 would look as if nothing happened), as
// many as fit its cell.
QString entryText(double now, const double* before) {
    int digits = kDigits;
    if (before && *before != now && std::isfinite(*before) && std::isfinite(now)) {
        digits = digitsToTellApart(*before, now, kDigits);
        while (digits > kDigits && formatNumber(now, digits).size() > std::size_t(kCellCharacters)) --digits;
    }
    return QString::fromStdString(formatNumber(now, digits));
}

// The matrix as a small table, elided with ⋮ and … past the shown rows and columns.
void drawMatrix(QPainter& p, const ShownMatrix& m, const Node& n, QRectF area, const QColor& color,
                const ShownMatrix& before = std::nullopt) {
    const double lh = lineHeight(), cw = cellWidth();
    p.setFont(metrics().number);
    p.setPen(color);
    const int rows = shownRows(n), cols = shownCols(n);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const QRectF cell(area.left() + c * cw, area.top() + r * lh, cw, lh);
            if (m && r < kMaxShownRows && c < kMaxShownCols) {
                const double was = before ? (*before)(r, c) : 0.0;
                drawNumber(p, cell, entryText((*m)(r, c), before ? &was : nullptr));
                continue;
            }
            QString text;
            if (!m) text = c == 0 && r == 0 ? QStringLiteral("·") : QString();
            else if (r == kMaxShownRows) text = QStringLiteral("⋮");
            else text = QStringLiteral("…");
            if (!text.isEmpty()) p.drawText(cell, Qt::AlignRight | Qt::AlignVCenter, text);
        }
    }
}

// The value block's top-left corner, the origin of cell (0, 0).
QPointF valueOrigin(QSizeF size) {
    return {-size.width() / 2 + kPad + gutter(), -size.height() / 2 + headerHeight() + kPad};
}

// The gradient block's top-left corner: under the value block.
QPointF gradOrigin(const Node& node) { return valueOrigin(sizeFor(node)) + QPointF(0, shownRows(node) * lineHeight() + kPad); }

std::optional<Cell> cellAt(const Node& node, QPointF origin, QPointF local) {
    const double col = std::floor((local.x() - origin.x()) / cellWidth());
    const double row = std::floor((local.y() - origin.y()) / lineHeight());
    if (row < 0 || col < 0 || row >= shownRows(node) || col >= shownCols(node)) return std::nullopt;
    if (row >= kMaxShownRows || col >= kMaxShownCols) return std::nullopt;  // ⋮ or …
    return Cell{int(row), int(col)};
}

// Light fills behind the marked entries of a block whose top-left is `origin`.
void drawMarks(QPainter& p, const std::vector<std::pair<int, int>>& marks, QPointF origin, const QColor& color) {
    if (marks.empty()) return;
    p.save();
    p.setPen(QPen(color, style::stroke(1.5)));
    QColor fill = color;
    fill.setAlpha(40);
    p.setBrush(fill);
    for (const auto& [r, c] : marks) {
        if (r >= kMaxShownRows || c >= kMaxShownCols) continue;
        p.drawRoundedRect(QRectF(origin.x() + c * cellWidth(), origin.y() + r * lineHeight(), cellWidth(), lineHeight())
                              .adjusted(1, 0, -1, 0),
                          3, 3);
    }
    p.restore();
}

}  // namespace

std::optional<Cell> valueCellAt(const Node& node, QPointF local) {
    return cellAt(node, valueOrigin(sizeFor(node)), local);
}

std::optional<Cell> gradCellAt(const Node& node, QPointF local) { return cellAt(node, gradOrigin(node), local); }

QString valueEntryText(const NodeLook& look, int row, int col) {
    const double was = look.previous ? (*look.previous)(row, col) : 0.0;
    return entryText((*look.value)(row, col), look.previous ? &was : nullptr);
}

QRectF valueCellRect(const Node& node, Cell cell) {
    const QPointF origin = valueOrigin(sizeFor(node));
    return {origin.x() + cell.col * cellWidth(), origin.y() + cell.row * lineHeight(), cellWidth(), lineHeight()};
}

QRectF gradCellRect(const Node& node, Cell cell) {
    const QPointF origin = gradOrigin(node);
    return {origin.x() + cell.col * cellWidth(), origin.y() + cell.row * lineHeight(), cellWidth(), lineHeight()};
}

QSizeF sizeFor(const Node& node) {
    QFontMetricsF nameFm(metrics().name), smallFm(metrics().small);
    const double header = nameFm.horizontalAdvance(title(node)) + smallFm.horizontalAdvance(subtitle(node)) + 3 * kPad;
    const double body = gutter() + shownCols(node) * cellWidth() + 2 * kPad;
    const double height = headerHeight() + 2 * shownRows(node) * lineHeight() + 3 * kPad;
    return {std::max({header, body, 120.0}), height};
}

void paint(QPainter& p, const Node& node, QSizeF size, const NodeLook& look, double levelOfDetail) {
    const QRectF box(-size.width() / 2, -size.height() / 2, size.width(), size.height());
    p.setRenderHint(QPainter::Antialiasing);

    // The frame: thick for the root, orange while the current step involves the node.
    QPen frame(look.isRoot ? style::kRoot : style::mutedColor(), style::stroke(look.isRoot ? 3 : 1.5));
    if (look.activeForward || look.receivingGradient || look.passingGradient) frame = QPen(style::kActive, style::stroke(5));
    if (look.selected) frame.setStyle(Qt::DashLine);
    if (look.nonFinite) frame = QPen(QColor(0xd0, 0x00, 0x70), 4, Qt::DotLine);
    p.setPen(frame);
    p.setBrush(Qt::white);
    p.drawRoundedRect(box, 8, 8);

    // The header band: the name, and the op symbol or leaf kind with the shape.
    const double headerH = headerHeight();
    const QRectF header(box.left(), box.top(), box.width(), headerH);
    p.setPen(Qt::NoPen);
    p.setBrush(style::headerColor(node.kind));
    p.drawRoundedRect(header.adjusted(1.5, 1.5, -1.5, 0), 7, 7);
    p.drawRect(header.adjusted(1.5, headerH / 2, -1.5, 0));
    p.setPen(style::kText);
    p.setFont(metrics().name);
    p.drawText(header.adjusted(kPad, 0, -kPad, 0), Qt::AlignLeft | Qt::AlignVCenter, title(node));
    if (levelOfDetail < 0.35) return;  // far out: only the names are readable
    p.setFont(metrics().small);
    p.setPen(style::mutedColor());
    p.drawText(header.adjusted(kPad, 0, -kPad, 0), Qt::AlignRight | Qt::AlignVCenter, subtitle(node));

    const double lh = lineHeight();
    const double blockHeight = shownRows(node) * lh;
    const QPointF origin = valueOrigin(size);
    const QRectF valueArea(origin.x(), origin.y(), box.width() - 2 * kPad - gutter(), blockHeight);
    const QRectF gradArea = valueArea.translated(0, blockHeight + kPad);
    if (look.receivingGradient) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xff, 0xf0, 0xc8));
        p.drawRect(gradArea.adjusted(-gutter() - 2, -2, 2, 2));
    }
    p.setFont(metrics().small);
    p.setPen(style::kValue);
    p.drawText(QRectF(box.left() + kPad, valueArea.top(), gutter(), lh), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("="));
    p.setPen(style::kGradient);
    p.drawText(QRectF(box.left() + kPad, gradArea.top(), gutter(), lh), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("∇"));
    // Only the number the step computes is hidden: the value a gradient step needs stays.
    const bool hideValue = look.hideNumbers && look.activeForward;
    const bool hideGrad = look.hideNumbers && look.receivingGradient;
    const bool hide = hideValue || hideGrad;
    drawMarks(p, look.markedValues, valueArea.topLeft(), style::kValue);
    drawMarks(p, look.markedGrads, gradArea.topLeft(), style::kGradient);
    if (!hideValue) drawMatrix(p, look.value, node, valueArea, style::kValue, look.previous);
    if (!hideGrad) drawMatrix(p, look.grad, node, gradArea, style::kGradient);
    if (hide) {
        p.setFont(metrics().name);
        p.setPen(style::kActive);
        p.drawText(look.activeForward ? valueArea : gradArea, Qt::AlignCenter, QStringLiteral("?"));
    }
}

QSizeF copySizeFor(const Node& node) {
    const double name = copyNameWidth(node);
    return {kPad + name + kPad + gutter() + shownCols(node) * cellWidth() + kPad,
            shownRows(node) * lineHeight() + 2 * kPad};
}

void paintCopy(QPainter& p, const Node& node, QSizeF size, const NodeLook& look) {
    const QRectF box(-size.width() / 2, -size.height() / 2, size.width(), size.height());
    p.setRenderHint(QPainter::Antialiasing);
    QPen frame(style::mutedColor(), style::stroke(1.5));
    if (look.receivingGradient || look.passingGradient) frame = QPen(style::kActive, style::stroke(4));
    if (look.selected) frame.setStyle(Qt::DashLine);
    p.setPen(frame);
    p.setBrush(style::headerColor(node.kind));
    p.drawRoundedRect(box, 8, 8);
    const double lh = lineHeight(), name = copyNameWidth(node);
    p.setPen(style::kText);
    p.setFont(metrics().name);
    p.drawText(QRectF(box.left() + kPad, box.top() + kPad, name + 2, lh), Qt::AlignLeft | Qt::AlignVCenter, title(node));
    const double valueLeft = box.left() + kPad + name + kPad;
    p.setFont(metrics().small);
    p.setPen(style::kValue);
    p.drawText(QRectF(valueLeft, box.top() + kPad, gutter(), lh), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("="));
    const QRectF valueArea(valueLeft + gutter(), box.top() + kPad, shownCols(node) * cellWidth(), shownRows(node) * lh);
    drawMatrix(p, look.value, node, valueArea, style::kValue, look.previous);
}

}  // namespace bp::nodepaint
