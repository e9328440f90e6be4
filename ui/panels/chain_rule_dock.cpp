// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/chain_rule_dock.h"

#include <QLabel>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include "core/trace/step_text.h"
#include "ui/document/graph_document.h"

namespace bp {
namespace {

std::string words(const QString& s) { return s.toStdString(); }

}  // namespace

// The words around the arithmetic, translated; %1, %2… are filled in by the writer.
static Phrases translatedPhrases() {
    Phrases p;
    p.start = words(ChainRuleDock::tr("Start"));
    p.startLine = words(ChainRuleDock::tr("The leaves hold their values; press → to compute the graph one node at a time."));
    p.forwardTitle = words(ChainRuleDock::tr("Forward %1 / %2: %3"));
    p.backwardTitle = words(ChainRuleDock::tr("Backward %1 / %2: %3 → %4"));
    p.shape = words(ChainRuleDock::tr("shape %1"));
    p.termsSoFar = words(ChainRuleDock::tr("(%1 of %2 terms so far)"));
    p.edgesSoFar = words(ChainRuleDock::tr("(%1 of %2 edges)"));
    p.broadcastRows = words(ChainRuleDock::tr("%1 was broadcast over %2 rows: its gradient sums them"));
    p.broadcastCols = words(ChainRuleDock::tr("%1 was broadcast over %2 columns: its gradient sums them"));
    p.moreTerms = words(ChainRuleDock::tr("… and %1 more"));
    p.moreEntries = words(ChainRuleDock::tr("… and %1 more entries"));
    p.rowShown = words(ChainRuleDock::tr("row %1 of %2:"));
    p.entryShown = words(ChainRuleDock::tr("entry [%1, %2]:"));
    p.heldBefore = words(ChainRuleDock::tr("(%1 held from the previous backward pass)"));
    p.nonFiniteValue = words(ChainRuleDock::tr("⚠ the first non-finite value arises at %1 = %2: %3"));
    p.nonFiniteGradient = words(ChainRuleDock::tr("⚠ the first non-finite gradient arises at %1 = %2: %3"));
    return p;
}

ChainRuleDock::ChainRuleDock(GraphDocument* document, QWidget* parent)
    : QDockWidget(tr("Chain rule"), parent), doc_(document) {
    setObjectName(QStringLiteral("ChainRuleDock"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    title_ = new QLabel;
    body_ = new QLabel;
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    body_->setTextFormat(Qt::PlainText);
    body_->setWordWrap(true);
    body_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(title_);
    layout->addWidget(body_, 1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    setWidget(scroll);
    setLargeType(false);
    connect(doc_, &GraphDocument::cursorChanged, this, &ChainRuleDock::refresh);
    connect(doc_, &GraphDocument::valuesChanged, this, &ChainRuleDock::refresh);
    connect(doc_, &GraphDocument::programReplaced, this, &ChainRuleDock::refresh);
    refresh();
}

void ChainRuleDock::setLargeType(bool large) {
    // The heart of the lecture: readable from the back of the hall even outside presentation mode.
    QFont titleFont(QStringLiteral("DejaVu Sans"));
    titleFont.setPixelSize(large ? 32 : 20);
    titleFont.setBold(true);
    title_->setFont(titleFont);
    QFont bodyFont(QStringLiteral("DejaVu Sans Mono"));
    bodyFont.setPixelSize(large ? 30 : 19);
    body_->setFont(bodyFont);
}

void ChainRuleDock::setHideResult(bool hide) {
    if (hide == hideResult_) return;
    hideResult_ = hide;
    refresh();
}

int ChainRuleDock::heightForLines(int lines) const {
    const QLayout* layout = body_->parentWidget()->layout();
    const QMargins margins = layout->contentsMargins();
    const int text = title_->fontMetrics().height() + lines * body_->fontMetrics().lineSpacing();
    const int titleBar = fontMetrics().height() + 2 * style()->pixelMetric(QStyle::PM_DockWidgetTitleMargin, nullptr, this);
    const int frame = 2 * static_cast<const QScrollArea*>(widget())->frameWidth();
    return text + margins.top() + margins.bottom() + layout->spacing() + titleBar + frame + 8;
}

QString ChainRuleDock::titleText() const { return title_->text(); }
QString ChainRuleDock::bodyText() const { return body_->text(); }

void ChainRuleDock::refresh() {
    if (doc_->isEmpty()) {
        title_->setText(tr("No graph"));
        body_->clear();
        return;
    }
    const StepTerms terms = stepTerms(doc_->graph(), doc_->evaluation(), doc_->cursor());
    const StepText text = writeStep(doc_->graph(), terms, translatedPhrases());
    title_->setText(QString::fromStdString(text.title));
    // While the class predicts: the numbers this step computes (its result, a partial sum) are "?".
    std::vector<PieceRole> hidden;
    if (hideResult_) hidden = {PieceRole::Result, PieceRole::Sum};
    QStringList lines;
    for (const TextLine& line : text.lines) lines << QString::fromStdString(lineText(line, hidden));
    body_->setText(lines.join(QLatin1Char('\n')));
}

}  // namespace bp
