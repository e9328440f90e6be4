// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/edit_commands.h"

#include "ui/document/graph_document.h"

namespace bp {

SetLeafValueCommand::SetLeafValueCommand(GraphDocument* doc, NodeId id, Matrix before, Matrix after, int mergeKey)
    : doc_(doc), node_(id), before_(std::move(before)), after_(std::move(after)), mergeKey_(mergeKey) {
    setText(QObject::tr("Edit %1").arg(QString::fromStdString(doc->graph().node(id).name)));
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
    for (const auto& [id, value] : after_) before_.emplace_back(id, doc->graph().node(id).leafValue);
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

}  // namespace bp
