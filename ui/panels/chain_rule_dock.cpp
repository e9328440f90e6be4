// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/chain_rule_dock.h"

#include <QLabel>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include "core/text/number_format.h"
#include "core/trace/step_explanation.h"
#include "ui/document/graph_document.h"

namespace bp {
namespace {

// The numbers the current step computes, written as the explanation writes them.
QStringList stepResults(const GraphDocument& doc) {
    auto text = [](const Matrix& m) { return QString::fromStdString(formatMatrix(m, 4)); };
    const StepCursor& c = doc.cursor();
    const Trace& trace = doc.evaluation().trace;
    if (const BackwardEvent* ev = c.activeEvent()) return {text(trace.gradAfter(*ev)), text(trace.contribution(*ev))};
    if (const NodeId id = c.activeForwardNode(); id >= 0) return {text(doc.evaluation().values[id])};
    return {};
}

// A line's result is the text after its last "= " (a trailing "   (…)" note aside), when it is
// a number the step computes; it becomes "?". The given upstream gradient G stays.
void hideResults(QStringList& lines, const QStringList& results) {
    for (QString& line : lines) {
        if (line.startsWith(QStringLiteral("G = "))) continue;
        const qsizetype equals = line.lastIndexOf(QStringLiteral("= "));
        if (equals < 0) continue;
        QString tail = line.mid(equals + 2);
        QString note;
        if (const qsizetype at = tail.indexOf(QStringLiteral("   (")); at >= 0) {
            note = tail.mid(at);
            tail.truncate(at);
        }
        if (results.contains(tail)) line = line.left(equals + 2) + QStringLiteral("?") + note;
    }
}

}  // namespace

ChainRuleDock::ChainRuleDock(GraphDocument* document, QWidget* parent)
    : QDockWidget(tr("Chain rule"), parent), doc_(document) {
    setObjectName(QStringLiteral("ChainRuleDock"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    title_ = new QLabel;
    body_ = new QLabel;
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
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
    const StepExplanation e = explainStep(doc_->graph(), doc_->evaluation(), doc_->cursor());
    title_->setText(QString::fromStdString(e.title));
    QStringList lines;
    for (const std::string& line : e.lines) lines << QString::fromStdString(line);
    if (hideResult_) hideResults(lines, stepResults(*doc_));
    body_->setText(lines.join(QLatin1Char('\n')));
}

}  // namespace bp
