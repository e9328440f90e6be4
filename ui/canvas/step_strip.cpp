// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/step_strip.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include "ui/canvas/canvas_style.h"
#include "ui/document/graph_document.h"

namespace bp {
namespace {

std::string words(const QString& text) { return text.toStdString(); }

constexpr double kPadding = 12;

QFont titleFont() {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(18);
    f.setBold(true);
    return f;
}

QFont lineFont() {
    QFont f(QStringLiteral("DejaVu Sans Mono"));
    f.setPixelSize(15);
    return f;
}

// The height of one line wrapped to `width`.
double wrappedHeight(const QFont& font, const QString& text, double width) {
    return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

}  // namespace

Phrases translatedStepPhrases() {
    Phrases p;
    p.start = words(QCoreApplication::translate("StepStrip", "Start"));
    p.startLine = words(QCoreApplication::translate("StepStrip", "The leaves hold their values; press → to compute the graph one node at a time."));
    p.forwardTitle = words(QCoreApplication::translate("StepStrip", "Forward %1 / %2: %3"));
    p.backwardTitle = words(QCoreApplication::translate("StepStrip", "Backward %1 / %2: %3 → %4"));
    p.shape = words(QCoreApplication::translate("StepStrip", "shape %1"));
    p.termsSoFar = words(QCoreApplication::translate("StepStrip", "(%1 of %2 terms so far)"));
    p.edgesSoFar = words(QCoreApplication::translate("StepStrip", "(%1 of %2 edges)"));
    p.broadcastRows = words(QCoreApplication::translate("StepStrip", "%1 was broadcast over %2 rows: its gradient sums them"));
    p.broadcastCols = words(QCoreApplication::translate("StepStrip", "%1 was broadcast over %2 columns: its gradient sums them"));
    p.moreTerms = words(QCoreApplication::translate("StepStrip", "… and %1 more"));
    p.moreEntries = words(QCoreApplication::translate("StepStrip", "… and %1 more entries"));
    p.rowShown = words(QCoreApplication::translate("StepStrip", "row %1 of %2:"));
    p.entryShown = words(QCoreApplication::translate("StepStrip", "entry [%1, %2]:"));
    p.heldBefore = words(QCoreApplication::translate("StepStrip", "(%1 held from the previous backward pass)"));
    p.nonFiniteValue = words(QCoreApplication::translate("StepStrip", "⚠ the first non-finite value arises at %1 = %2: %3"));
    p.nonFiniteGradient = words(QCoreApplication::translate("StepStrip", "⚠ the first non-finite gradient arises at %1 = %2: %3"));
    p.alongEdge = words(QCoreApplication::translate("StepStrip", "along %1 → %2:"));
    p.seed = words(QCoreApplication::translate("StepStrip", "(the seed: %1)"));
    return p;
}

QStringList stepStripLines(const GraphDocument& doc) {
    if (doc.isEmpty() || doc.cursor().position() == 0) return {};
    const StepText text = writeStep(doc.graph(), stepTerms(doc.graph(), doc.evaluation(), doc.cursor()),
                                    translatedStepPhrases());
    QStringList lines{QString::fromStdString(text.title)};
    for (const TextLine& line : text.lines) lines << QString::fromStdString(lineText(line));
    return lines;
}

double stepStripHeight(const QStringList& lines, double width) {
    if (lines.isEmpty()) return 0;
    double h = 2 * kPadding + wrappedHeight(titleFont(), lines.front(), width - 2 * kPadding) + 4;
    for (qsizetype i = 1; i < lines.size(); ++i) h += wrappedHeight(lineFont(), lines[i], width - 2 * kPadding);
    return h;
}

void drawStepStrip(QPainter& painter, const QStringList& lines, double width) {
    if (lines.isEmpty()) return;
    const double height = stepStripHeight(lines, width);
    painter.save();
    painter.setPen(QPen(style::kActive, 2));
    painter.setBrush(QColor(0xfa, 0xfa, 0xf7));
    painter.drawRect(QRectF(1, 1, width - 2, height - 2));
    double y = kPadding;
    const double textWidth = width - 2 * kPadding;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QFont font = i == 0 ? titleFont() : lineFont();
        const double h = wrappedHeight(font, lines[i], textWidth);
        painter.setFont(font);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(kPadding, y, textWidth, h), Qt::TextWordWrap, lines[i]);
        y += h + (i == 0 ? 4 : 0);
    }
    painter.restore();
}

}  // namespace bp
