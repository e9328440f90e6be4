// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/edit_commands.h"

#include "ui/document/graph_document.h"

namespace bp {

SetLeafValueCommand::SetLeafValueCommand(GraphDocument* doc, NodeId id, Matrix before, Matrix after, int mergeKey)
    : doc_(doc), node_(id), before_(std::move(before)), after_(std::move(after)), mergeKey_(mergeKey) {
    setText(QObject::tr("Edit %1").arg(QString::fromStdString(doc->graph().node(id).name())));
}

void SetLeafValueCommand::undo() { doc_->applyLeafValue(node_, before_); }
void SetLeafValueCommand::redo() { doc_->applyLeafValue(node_, after_); }

bool SetLeafValueCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const SetLeafValueCommand*>(other);
    if (next->node_ != node_ || next->mergeKey_ != mergeKey_) return false;
    after_ = next->after_;
    return true;
}

SetParamsCommand::SetParamsCommand(GraphDocument* doc, LeafValues after, const QString& text)
    : doc_(doc), after_(std::move(after)) {
    for (const auto& [id, value] : after_) before_.emplace_back(id, doc->graph().node(id).leafValue());
    setText(text);
}

void SetParamsCommand::undo() { doc_->applyLeafValues(before_); }
void SetParamsCommand::redo() { doc_->applyLeafValues(after_); }

TrainingRunCommand::TrainingRunCommand(GraphDocument* doc, LeafValues before, const QString& text)
    : doc_(doc), before_(std::move(before)), after_(before_) {
    setText(text);
}

void TrainingRunCommand::redo() {
    if (pushed_) doc_->applyLeafValues(after_);
    pushed_ = true;
}

void TrainingRunCommand::undo() { doc_->applyLeafValues(before_); }

RenameNodeCommand::RenameNodeCommand(GraphDocument* doc, NodeId id, QString beforeName, QString beforeLabel, QString afterName)
    : doc_(doc), node_(id), beforeName_(std::move(beforeName)), beforeLabel_(std::move(beforeLabel)), afterName_(std::move(afterName)) {
    setText(QObject::tr("Rename %1 to %2").arg(beforeLabel_, afterName_));
}

RenameRefusal RenameNodeCommand::rename(GraphDocument* doc, NodeId id, const QString& name) {
    const RenameRefusal check = doc->checkNewName(id, name);
    if (check != RenameRefusal::None) return check;
    const Node& node = doc->graph().node(id);
    if (node.name() == name.toStdString()) return RenameRefusal::None;
    QString beforeName = QString::fromStdString(node.name());
    QString beforeLabel = QString::fromStdString(node.label());
    const RenameRefusal refusal = doc->renameNode(id, name);
    if (refusal != RenameRefusal::None) return refusal;
    doc->undoStack()->push(new RenameNodeCommand(doc, id, std::move(beforeName), std::move(beforeLabel), name));
    return RenameRefusal::None;
}

void RenameNodeCommand::undo() { doc_->renameNode(node_, beforeName_, beforeLabel_); }

void RenameNodeCommand::redo() {
    if (pushed_) doc_->renameNode(node_, afterName_);
    pushed_ = true;
}

}  // namespace bp
