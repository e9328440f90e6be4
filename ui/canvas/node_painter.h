// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How one node looks: its size (fixed by its shape, so numbers changing never move anything) and
// its painting from what the step cursor says it shows.
#include <QPainter>
#include <QRectF>
#include <optional>
#include <utility>
#include <vector>

#include "core/graph/graph.h"
#include "core/trace/node_matrices.h"

namespace bp {

// Numbers a node shows, a view into the evaluation or the trace; none when there are none yet.
using ShownMatrix = std::optional<MatrixView>;

struct NodeLook {
    ShownMatrix value;  // none: not computed yet at this step
    ShownMatrix grad;   // none: no gradient yet at this step
    // The value before the last edit or optimizer step (same shape), or none: an entry that
    // changed gets the digits that tell the two apart, as many as its cell holds.
    ShownMatrix previous;
    bool isRoot = false;
    bool activeForward = false;     // computed by the current forward step
    bool receivingGradient = false; // the target of the current backward event
    bool passingGradient = false;   // the source of the current backward event
    bool selected = false;
    bool hideNumbers = false;       // presentation: the class predicts before the reveal
    bool nonFinite = false;         // value or gradient holds nan or inf
    // Down to one entry: the entries (row, column) of the value and of the gradient that the
    // focused gradient entry's chain read (the entry itself among the gradient's), marked.
    std::vector<std::pair<int, int>> markedValues;
    std::vector<std::pair<int, int>> markedGrads;
};

namespace nodepaint {

// The most rows and columns of a matrix drawn on the canvas; the inspector shows it whole.
constexpr int kMaxShownRows = 4;
constexpr int kMaxShownCols = 4;

QSizeF sizeFor(const Node& node);

// One entry of a node's value block, as the canvas draws it.
struct Cell {
    int row = 0;
    int col = 0;
};
// The value entry under `local` (item coordinates, the node centred at the origin), or nothing:
// outside the value block, or on an elision mark (⋮ …) that stands for hidden entries.
std::optional<Cell> valueCellAt(const Node& node, QPointF local);
// The same for the gradient block (under the value block).
std::optional<Cell> gradCellAt(const Node& node, QPointF local);
// The text of value entry (row, col) as the canvas writes it (look.value must be set).
QString valueEntryText(const NodeLook& look, int row, int col);
// Where value entry `cell` is drawn, in item coordinates.
QRectF valueCellRect(const Node& node, Cell cell);
// Where gradient entry `cell` is drawn, in item coordinates.
QRectF gradCellRect(const Node& node, Cell cell);
// Paints into the rectangle of `size` (sizeFor(node), measured once by the caller) centred at the
// origin.
void paint(QPainter& painter, const Node& node, QSizeF size, const NodeLook& look, double levelOfDetail);

// A copy of a shared leaf drawn beside one of its uses is small, like a constant written inline:
// its name and its value on the leaf's colour, no header and no gradient (the node sums those).
QSizeF copySizeFor(const Node& node);
void paintCopy(QPainter& painter, const Node& node, QSizeF size, const NodeLook& look);

}  // namespace nodepaint
}  // namespace bp
