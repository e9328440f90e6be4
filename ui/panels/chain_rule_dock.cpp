// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/chain_rule_dock.h"

#include <QLabel>
#include <QStyle>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

#include "core/trace/step_text.h"
#include "ui/canvas/canvas_style.h"
#include "ui/canvas/flat_scroll_bars.h"
#include "ui/canvas/step_strip.h"
#include "ui/document/graph_document.h"

namespace bp {
namespace {

// The least size of the arithmetic in presentation, in pixels: read from a lecture hall's back row.
constexpr int kLeastLargePixels = 14;

// A line as rich text: each entry of the result a link ("entry:K") that drills into it; hidden
// pieces written "?". The plain text goes to `plain`.
QString richLine(const TextLine& line, const std::vector<PieceRole>& hidden, const QColor& color, bool links,
                 QString& plain) {
    QString rich;
    for (const Piece& p : line) {
        const bool hide = std::find(hidden.begin(), hidden.end(), p.role) != hidden.end();
        const QString text = hide ? QStringLiteral("?") : QString::fromStdString(p.text);
        plain += text;
        if (links && p.entry >= 0 && !hide && p.role == PieceRole::Result)
            rich += QStringLiteral("<a href=\"entry:%1\" style=\"color: %2; text-decoration: none\">%3</a>")
                        .arg(p.entry)
                        .arg(color.name(), text.toHtmlEscaped());
        else
            rich += text.toHtmlEscaped();
    }
    return rich;
}

}  // namespace

ChainRuleDock::ChainRuleDock(GraphDocument* document, QWidget* parent)
    : QDockWidget(tr("Chain rule"), parent), doc_(document) {
    setObjectName(QStringLiteral("ChainRuleDock"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    title_ = new QLabel;
    title_->setAutoFillBackground(true);  // opaque too: a new title repaints the title alone
    body_ = new QTextBrowser;
    body_->setOpenLinks(false);
    body_->setFocusPolicy(Qt::NoFocus);  // the stepping keys stay with the window
    body_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // lines wrap at the panel's width
    // Always there: a scroll bar that came and went with the length of a step's text resized the
    // text's area, which laid the text out again, on many steps.
    body_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    useFlatScrollBars(body_);
    body_->setFrameShape(QFrame::NoFrame);
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    // The panel's own colour, painted by the text's area itself: opaque, so that a new step repaints
    // the text alone and not the dock and window beneath it as well.
    body_->viewport()->setBackgroundRole(QPalette::Window);
    body_->viewport()->setAutoFillBackground(true);
    body_->document()->setDocumentMargin(0);
    connect(body_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) { entryClicked(url.toString()); });
    layout->addWidget(title_);
    layout->addWidget(body_, 1);
    setWidget(content);
    setLargeType(false);
    connect(doc_, &GraphDocument::cursorChanged, this, &ChainRuleDock::refresh);
    connect(doc_, &GraphDocument::valuesChanged, this, &ChainRuleDock::refresh);
    connect(doc_, &GraphDocument::programReplaced, this, &ChainRuleDock::refresh);
    connect(doc_, &GraphDocument::entryFocusChanged, this, [this] {
        if (doc_->hasEntryFocus()) drillRow_ = drillCol_ = -1;  // one drill-down at a time
        refresh();
    });
    refresh();
}

void ChainRuleDock::setLargeType(bool large, int screenHeight) {
    large_ = large;
    largeBodyPixels_ = std::clamp(screenHeight / 36, kLeastLargePixels + 2, 30);
    // The heart of the lecture: readable from the back of the hall even outside presentation mode.
    QFont titleFont(QStringLiteral("DejaVu Sans"));
    titleFont.setPixelSize(large ? largeBodyPixels_ + 2 : 20);
    titleFont.setBold(true);
    title_->setFont(titleFont);
    fixTitleSize();
    QFont bodyFont(QStringLiteral("DejaVu Sans Mono"));
    bodyFont.setPixelSize(large ? largeBodyPixels_ : 19);
    body_->setFont(bodyFont);
    fitBody();
}

int ChainRuleDock::bodyPixelSize() const { return body_->font().pixelSize(); }

void ChainRuleDock::resizeEvent(QResizeEvent* event) {
    QDockWidget::resizeEvent(event);
    fixTitleSize();
    fitBody();
}

// The title's size is fixed (the panel's width, a line of its type): a new title each step then
// lays out nothing around it (a label that may change size makes the dock lay out its frame and
// buttons again, a tenth of a step).
void ChainRuleDock::fixTitleSize() {
    const QMargins margins = widget()->layout()->contentsMargins();
    title_->setFixedSize(std::max(0, widget()->width() - margins.left() - margins.right()),
                         title_->fontMetrics().height() + 4);
}

// A sum too long for the panel in large type takes smaller type, but never below 14 px.
void ChainRuleDock::fitBody() {
    if (!large_) return;
    const int width = body_->viewport()->width(), room = body_->viewport()->height();
    QTextDocument* document = body_->document();
    QFont font = body_->font();
    for (int px = largeBodyPixels_; px >= kLeastLargePixels; px -= 2) {
        font.setPixelSize(px);
        body_->setFont(font);
        document->setTextWidth(width);
        if (document->size().height() <= room) break;
    }
}

QAbstractScrollArea* ChainRuleDock::bodyArea() const { return body_; }

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
    const int frame = 2 * body_->frameWidth();
    return text + margins.top() + margins.bottom() + layout->spacing() + titleBar + frame + 8;
}

QString ChainRuleDock::titleText() const { return title_->text(); }
QString ChainRuleDock::bodyText() const { return plain_; }

void ChainRuleDock::drillInto(int row, int col) {
    doc_->clearEntryFocus();
    drillRow_ = row;
    drillCol_ = col;
    drillPosition_ = doc_->cursor().position();
    refresh();
}

void ChainRuleDock::clearDrill() {
    drillRow_ = drillCol_ = -1;
    refresh();
}

void ChainRuleDock::entryClicked(const QString& link) {
    if (!link.startsWith(QStringLiteral("entry:"))) return;
    const int k = link.mid(6).toInt();
    const StepTerms terms = stepTerms(doc_->graph(), doc_->evaluation(), doc_->cursor());
    if (k < 0 || k >= int(terms.entries.size())) return;
    const EntryTerms& e = terms.entries[std::size_t(k)];
    if (drilled() && e.row == drillRow_ && e.col == drillCol_) clearDrill();  // a second click closes it
    else drillInto(e.row, e.col);
}

void ChainRuleDock::setTitle(const QString& text) {
    if (title_->text() != text) title_->setText(text);
}

void ChainRuleDock::refresh() {
    if (doc_->isEmpty()) {
        setTitle(tr("No graph"));
        body_->clear();
        plain_.clear();
        return;
    }
    if (drillPosition_ != doc_->cursor().position()) drillRow_ = drillCol_ = -1;
    const StepTerms terms = stepTerms(doc_->graph(), doc_->evaluation(), doc_->cursor());
    const Phrases phrases = translatedStepPhrases();
    const StepText text = writeStep(doc_->graph(), terms, phrases);
    setTitle(QString::fromStdString(text.title));
    // While the class predicts: the numbers this step computes (its result, a partial sum) are "?".
    std::vector<PieceRole> hidden;
    if (hideResult_) hidden = {PieceRole::Result, PieceRole::Sum};
    // A value blue, a gradient red, as on the canvas.
    const QColor color = terms.kind == StepKind::Forward ? style::kValue : style::kGradient;
    // A General op (softmax, the losses, ...) is written as formula and result: no entry to drill into.
    const bool links = writesEntryArithmetic(terms);
    QStringList lines, plain;
    for (const TextLine& line : text.lines) {
        plain << QString();
        lines << richLine(line, hidden, color, links, plain.back());
    }
    if (drilled() && links) {
        const StepTerms one = stepTerms(doc_->graph(), doc_->evaluation(), doc_->cursor(), {drillRow_, drillCol_});
        plain << QString();
        lines << QStringLiteral("<b>%1</b>").arg(tr("One entry, its own chain:").toHtmlEscaped());
        plain.back() = tr("One entry, its own chain:");
        for (const TextLine& line : writeEntryChain(doc_->graph(), one, phrases)) {
            plain << QString();
            lines << richLine(line, hidden, color, links, plain.back());
        }
    }
    if (doc_->hasEntryFocus()) {
        const GraphDocument::EntryFocus& f = doc_->entryFocus();
        const GradientEntryTerms entry =
            gradientEntryTerms(doc_->graph(), doc_->evaluation(), doc_->cursor(), f.node, f.row, f.col);
        const QString heading = tr("One entry of the gradient of %1, its own chain:")
                                    .arg(QString::fromStdString(doc_->graph().node(f.node).label()));
        plain << heading;
        lines << QStringLiteral("<b>%1</b>").arg(heading.toHtmlEscaped());
        for (const TextLine& line : writeGradientEntry(doc_->graph(), entry, phrases)) {
            plain << QString();
            lines << richLine(line, hidden, style::kGradient, false, plain.back());
        }
    }
    plain_ = plain.join(QLatin1Char('\n'));
    body_->setHtml(QStringLiteral("<div style=\"white-space: pre-wrap\">%1</div>").arg(lines.join(QStringLiteral("<br>"))));
    fitBody();
}

}  // namespace bp
