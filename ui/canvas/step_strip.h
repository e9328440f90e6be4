// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The current step written out (core/trace/step_text.h) in the window's words: the words around
// the arithmetic translated (tr()), for the chain-rule panel and for the strip under the graph in
// exported pictures, so that a slide carries the arithmetic.
#include <QFont>
#include <QPainter>
#include <QRectF>
#include <QStringList>

#include "core/trace/step_text.h"

namespace bp {

class GraphDocument;

// The word templates of the written-out steps, translated.
Phrases translatedStepPhrases();

// The step's title and lines as plain text, nothing hidden (empty at the start or without a graph).
QStringList stepStripLines(const GraphDocument& doc);

// The strip's size in scene units when its lines are wrapped to `width`.
double stepStripHeight(const QStringList& lines, double width);
// Draws the strip with its top-left at (0, 0), `width` wide.
void drawStepStrip(QPainter& painter, const QStringList& lines, double width);

}  // namespace bp
