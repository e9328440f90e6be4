// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/add_loss_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/language/parser.h"
#include "ui/canvas/canvas_style.h"
#include "ui/document/graph_document.h"
#include "ui/window/add_loss.h"
#include "ui/document/parse_error_text.h"

namespace bp {

AddLossDialog::AddLossDialog(GraphDocument* doc, QWidget* parent)
    : QDialog(parent), doc_(doc), target_(new QLineEdit), error_(new QLabel) {
    setWindowTitle(tr("Add MSE loss"));
    const Program& program = doc_->program();
    const bool hasRoot = program.root >= 0 && program.root < program.graph.size();
    const Node* root = hasRoot ? &program.graph.node(program.root) : nullptr;
    // The name as the source spells it: that is what the added line uses.
    const QString name = root ? QString::fromStdString(root->name()) : QString();
    const QString shape = root ? QString::fromStdString(shapeText(root->shape)) : QString();

    auto* about = new QLabel;
    about->setTextFormat(Qt::RichText);
    about->setText(root ? tr("The graph ends at <b>%1</b>, a %2 matrix. The loss compares it with a target:<br>"
                             "<tt>&nbsp;&nbsp;loss = mse(%1, target)</tt><br>"
                             "the mean of (%1 − target)² over the entries, as PyTorch's <tt>MSELoss()</tt>.<br>"
                             "It becomes the root: the backward pass, training and the gradient check use it.")
                              .arg(name.toHtmlEscaped(), shape)
                        : tr("The graph has no output to compare with a target."));
    auto* prompt = new QLabel(tr("Target, a %1 literal (the zeros are a start):").arg(shape));
    prompt->setBuddy(target_);
    target_->setText(zeroTargetText(program));
    target_->selectAll();
    target_->setMinimumWidth(360);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: %1").arg(style::kGradient.name()));
    error_->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add loss"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(hasRoot);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(prompt);
    layout->addWidget(target_);
    layout->addWidget(error_);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &AddLossDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AddLossDialog::reject);
    connect(target_, &QLineEdit::textEdited, error_, &QLabel::hide);
}

QString AddLossDialog::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

void AddLossDialog::accept() {
    try {
        const Matrix target = parseLiteral(target_->text().toStdString(), "target");
        added_ = addMseLoss(*doc_, target).lossName;
    } catch (const ParseError& e) {
        // "target:1:5: error: …": the column is what helps in a one-line field.
        error_->setText(tr("Column %1: %2").arg(e.column).arg(parseErrorText(e)));
        error_->show();
        return;
    } catch (const std::exception& e) {
        error_->setText(bp::errorText(e));
        error_->show();
        return;
    }
    QDialog::accept();
}

}  // namespace bp
