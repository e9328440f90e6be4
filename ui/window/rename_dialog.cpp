// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/rename_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/canvas/canvas_style.h"
#include "ui/document/edit_commands.h"
#include "ui/document/graph_document.h"

namespace bp {

QString renameRefusalText(RenameRefusal refusal, const QString& name) {
    switch (refusal) {
        case RenameRefusal::None: return {};
        case RenameRefusal::Empty: return RenameDialog::tr("Type a name.");
        case RenameRefusal::NotAName:
            return RenameDialog::tr("“%1” is not a name: a name starts with a letter or _ and goes on with letters, "
                                    "digits and _ (no spaces, dots or dashes).").arg(name);
        case RenameRefusal::Keyword: return RenameDialog::tr("“%1” is a word of the language; choose another name.").arg(name);
        case RenameRefusal::Taken: return RenameDialog::tr("Another node is already called “%1”.").arg(name);
        case RenameRefusal::Anonymous:
            return RenameDialog::tr("This node has no name in the source (it is part of an expression), so it cannot be renamed.");
        case RenameRefusal::NotInText:
            return RenameDialog::tr("The source does not read with “%1” as this node's name (the name of a function?); choose another.").arg(name);
    }
    return {};
}

RenameDialog::RenameDialog(GraphDocument* doc, NodeId id, QWidget* parent)
    : QDialog(parent), doc_(doc), node_(id), name_(new QLineEdit), error_(new QLabel) {
    setWindowTitle(tr("Rename"));
    const bool valid = id >= 0 && id < doc_->graph().size();
    const Node* node = valid ? &doc_->graph().node(id) : nullptr;
    auto* prompt = new QLabel(node ? tr("New name for <b>%1</b>:").arg(QString::fromStdString(node->label()).toHtmlEscaped())
                                   : tr("Select a node to rename it."));
    prompt->setBuddy(name_);
    name_->setText(node ? QString::fromStdString(node->name()) : QString());
    name_->selectAll();
    name_->setMinimumWidth(320);
    auto* hint = new QLabel(tr("Every use in the source is renamed too; Ctrl+Z takes it back."));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: %1").arg(style::kGradient.name()));
    error_->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(tr("Rename"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(prompt);
    layout->addWidget(name_);
    layout->addWidget(error_);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RenameDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RenameDialog::reject);
    connect(name_, &QLineEdit::textEdited, this, &RenameDialog::check);
    check();
}

QString RenameDialog::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

// As it is typed, a name that cannot be taken says why (an empty field just waits).
void RenameDialog::check() {
    const QString name = name_->text().trimmed();
    const RenameRefusal refusal = doc_->checkNewName(node_, name);
    const bool quiet = refusal == RenameRefusal::None || refusal == RenameRefusal::Empty;
    error_->setText(renameRefusalText(refusal, name));
    error_->setVisible(!quiet);
    ok_->setEnabled(refusal == RenameRefusal::None);
}

void RenameDialog::accept() {
    const QString name = name_->text().trimmed();
    const RenameRefusal refusal = RenameNodeCommand::rename(doc_, node_, name);
    if (refusal != RenameRefusal::None) {
        error_->setText(renameRefusalText(refusal, name));
        error_->show();
        return;
    }
    QDialog::accept();
}

}  // namespace bp
