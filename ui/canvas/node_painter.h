// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How one node looks: its size (fixed by its shape, so numbers changing never move anything) and
// its painting from what the step cursor says it shows.
#include <QPainter>
#include <QRectF>

#include "core/graph/graph.h"

namespace bp {

struct NodeLook {
    const Matrix* value = nullptr;  // null: not computed yet at this step
    const Matrix* grad = nullptr;   // null: no gradient yet at this step
    bool isRoot = false;
    bool activeForward = false;     // computed by the current forward step
    bool receivingGradient = false; // the target of the current backward event
    bool passingGradient = false;   // the source of the current backward event
    bool selected = false;
    bool hideNumbers = false;       // presentation: the class predicts before the reveal
    bool nonFinite = false;         // value or gradient holds nan or inf
};

namespace nodepaint {

// The most rows and columns of a matrix drawn on the canvas; the inspector shows it whole.
constexpr int kMaxShownRows = 4;
constexpr int kMaxShownCols = 4;

QSizeF sizeFor(const Node& node);
// Paints into the rectangle of sizeFor(node) centred at the origin.
void paint(QPainter& painter, const Node& node, const NodeLook& look, double levelOfDetail);

}  // namespace nodepaint
}  // namespace bp
