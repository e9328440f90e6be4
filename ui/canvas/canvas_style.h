// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Colours and type of the canvas: one place, so presentation mode and exports look alike.
// Blue is a forward value, red a gradient, everywhere in the program.
#include <QColor>
#include <QFont>
#include <QPainter>

#include "core/graph/graph.h"

namespace bp::style {

inline const QColor kValue{0x15, 0x57, 0xc0};     // forward values
inline const QColor kGradient{0xc6, 0x28, 0x28};  // gradients
inline const QColor kActive{0xff, 0x9f, 0x1c};    // the edge or node of the current step
inline const QColor kEdge{0x78, 0x7f, 0x8a};
inline const QColor kText{0x20, 0x24, 0x2a};
inline const QColor kMuted{0x8a, 0x90, 0x99};
inline const QColor kRoot{0x6a, 0x1b, 0x9a};

// The header colour says what a node is: data, a weight, a constant, or an operation.
QColor headerColor(NodeKind kind);
QString kindText(NodeKind kind);

// Presentation mode: the type scaled up, grey text and strokes made darker and thicker, for the
// back row of a lecture hall. Exports drawn meanwhile look the same. Node sizes follow the fonts,
// so the scene is rebuilt after a change (GraphScene::restyle).
struct CanvasLook {
    double typeScale = 1.0;
    bool highContrast = false;
};
void setCanvasLook(const CanvasLook& look);
const CanvasLook& canvasLook();

// Secondary text and node frames (kMuted), edges (kEdge): darker in high contrast.
QColor mutedColor();
QColor edgeColor();
// A line width of the normal look, thicker in high contrast.
double stroke(double width);

QFont nameFont();
QFont numberFont();
QFont smallFont();

// The legend (blue = value, red = gradient, the node kinds), drawn at `topLeft`; returns its size.
QSizeF drawLegend(QPainter& painter, QPointF topLeft);
QSizeF legendSize();
// The legend's texts, in order (what it says, for checks of the translation).
QStringList legendTexts();
// The legend as a strip of entries side by side, wrapped to `maxWidth` (presentation mode puts it
// under the graph instead of over a corner of it).
QSizeF legendStripSize(double maxWidth);
QSizeF drawLegendStrip(QPainter& painter, QPointF topLeft, double maxWidth);

}  // namespace bp::style
