// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/predict_dock.h"

#include <QLabel>
#include <QScrollArea>
#include <QTextDocument>
#include <QVBoxLayout>
#include <cmath>

#include "core/text/number_format.h"
#include "core/trace/step_terms.h"
#include "ui/canvas/canvas_style.h"
#include "ui/document/graph_document.h"
#include "ui/panels/dock_refresh.h"
#include "ui/document/shown_number.h"

namespace bp {
namespace {

constexpr Shown kDigits = Shown::Step;       // a gradient or a change, as the canvas writes them
constexpr Shown kLossDigits = Shown::Exact;  // the loss before and after: a small change shows in late digits
constexpr int kMaxTerms = 4;     // past this many changed entries, the sum is not written out

QString colored(const QString& text, const QColor& color) {
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(color.name(), text);
}
QString signedNum(double x) { return (x > 0 ? QStringLiteral("+") : QString()) + shownNumber(x, kDigits); }

// "w2[1][0]" for an entry of a matrix, "w" for a number.
QString entryName(const Node& n, long r, long c) {
    const QString name = QString::fromStdString(n.label()).toHtmlEscaped();
    return n.leafValue().size() == 1 ? name : QStringLiteral("%1[%2][%3]").arg(name).arg(r).arg(c);
}

}  // namespace

PredictDock::PredictDock(GraphDocument* document, QWidget* parent)
    : QDockWidget(tr("Predict the change"), parent), doc_(document) {
    setObjectName(QStringLiteral("PredictDock"));
    body_ = new QLabel;
    body_->setTextFormat(Qt::RichText);
    body_->setWordWrap(true);
    body_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    body_->setMargin(10);  // the text off the panel's border
    auto* scroll = new QScrollArea;
    scroll->setWidget(body_);
    scroll->setWidgetResizable(true);
    setWidget(scroll);
    setLargeType(false);
    refresher_ = new DockRefresh(this, [this] { refresh(); });
    connect(doc_, &GraphDocument::valuesChanged, refresher_, &DockRefresh::request);
    connect(doc_, &GraphDocument::programReplaced, refresher_, &DockRefresh::request);
    refresh();
}

void PredictDock::setLargeType(bool large) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(large ? 30 : 19);  // as the chain rule's text beside it
    body_->setFont(f);
}

QString PredictDock::plainText() const {
    refresher_->flush();
    QTextDocument text;
    text.setHtml(body_->text());
    return text.toPlainText();
}

void PredictDock::refresh() {
    const EditEffect& e = doc_->lastEdit();
    const Graph& g = doc_->graph();
    if (!e.valid() || e.leaf >= g.size() || doc_->root() < 0) {
        body_->setText(tr("Change a weight — double-click a number on the canvas, Shift+drag it, or use the "
                          "inspector's sliders — and this panel compares the gradient's prediction "
                          "<b>ΔL ≈ ∂L/∂w · Δw</b> with the change that really happens to the loss."));
        return;
    }
    const Node& leaf = g.node(e.leaf);
    const Node& root = g.node(doc_->root());
    const QString loss = QString::fromStdString(root.label()).toHtmlEscaped();
    const QString lossName = root.shape == Shape{1, 1} && doc_->program().seed.size() == 1 && doc_->program().seed(0, 0) == 1
                                 ? loss
                                 : tr("Σ seed∘%1").arg(loss);
    const Matrix delta = e.delta();

    // The terms g·Δw of the entries that changed.
    QStringList names, products;
    int changed = 0;
    for (long r = 0; r < delta.rows(); ++r)
        for (long c = 0; c < delta.cols(); ++c) {
            if (delta(r, c) == 0) continue;
            if (++changed > kMaxTerms) continue;
            names << entryName(leaf, r, c);
            products << colored(shownNumber(e.gradBefore(r, c), kDigits), style::kGradient) + QStringLiteral(" · ") +
                            colored(shownNumber(delta(r, c), kDigits), style::kValue);
        }

    QString edit;
    if (changed == 1) {
        long r = 0, c = 0;
        delta.cwiseAbs().maxCoeff(&r, &c);
        edit = tr("%1: %2 → %3 (Δ = %4)")
                   .arg(entryName(leaf, r, c), colored(shownNumber(e.before(r, c), kLossDigits), style::kValue),
                        colored(shownNumber(e.after(r, c), kLossDigits), style::kValue), signedNum(delta(r, c)));
    } else {
        edit = tr("%1: %n entries changed", nullptr, changed).arg(QString::fromStdString(leaf.label()).toHtmlEscaped());
    }
    const QString slope = changed == 1 ? tr("∂%1/∂%2 · Δ").arg(lossName, names.front()) : tr("Σ ∂%1/∂w · Δw").arg(lossName);
    const QString terms = changed <= kMaxTerms ? products.join(QStringLiteral(" + ")) + QStringLiteral(" = ") : QString();
    const double predicted = e.predicted(), actual = e.actual();

    QString verdict;
    const double scale = std::max(std::abs(actual), std::abs(predicted));
    if (changed == 0) {
        verdict = tr("Nothing changed.");
    } else if (scale == 0) {
        verdict = tr("The loss does not depend on this value here: its gradient is 0.");
    } else if (!std::isfinite(predicted) || !std::isfinite(actual)) {
        verdict = tr("A number is not finite: no comparison.");
    } else {
        const double off = std::abs(predicted - actual) / scale;
        verdict = off < 0.05 ? tr("The gradient predicted the change to within %1%: for a small step the loss "
                                  "moves along its slope.")
                                   .arg(shownNumber(std::max(off * 100, 0.0), Shown::Percent))
                             : tr("The prediction is off by %1%: the step is too large for the straight-line "
                                  "(first-order) estimate — the slope changed along the way.")
                                   .arg(shownNumber(off * 100, Shown::Percent));
    }

    body_->setText(QStringLiteral("<p>%1</p><table cellspacing=\"6\">"
                                  "<tr><td><b>%2</b></td><td>Δ%3 ≈ %4 = %5<b>%6</b></td></tr>"
                                  "<tr><td><b>%7</b></td><td>Δ%3 = %8 − %9 = <b>%10</b></td></tr></table><p>%11</p>")
                       .arg(edit, tr("Predicted"), lossName, slope, terms, shownNumber(predicted, kDigits), tr("Actual"),
                            shownNumber(e.lossAfter, kLossDigits), shownNumber(e.lossBefore, kLossDigits), shownNumber(actual, kDigits), verdict));
}

}  // namespace bp
