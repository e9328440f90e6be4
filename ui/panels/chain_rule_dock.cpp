// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/chain_rule_dock.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "core/trace/step_explanation.h"
#include "ui/document/graph_document.h"

namespace bp {

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
    QFont titleFont(QStringLiteral("DejaVu Sans"));
    titleFont.setPixelSize(large ? 30 : 18);
    titleFont.setBold(true);
    title_->setFont(titleFont);
    QFont bodyFont(QStringLiteral("DejaVu Sans Mono"));
    bodyFont.setPixelSize(large ? 28 : 17);
    body_->setFont(bodyFont);
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
    body_->setText(lines.join(QLatin1Char('\n')));
}

}  // namespace bp
