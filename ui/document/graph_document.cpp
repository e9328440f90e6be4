// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/graph_document.h"

#include "ui/document/edit_commands.h"

namespace bp {

GraphDocument::GraphDocument(QObject* parent) : QObject(parent) {}

void GraphDocument::setProgram(Program program, const QString& sourceText) {
    program_ = std::move(program);
    source_ = sourceText;
    selected_ = -1;
    undo_.clear();
    eval_ = Evaluation{};
    reevaluate(true);
    cursor_.setPosition(cursor_.last());
    emit programReplaced();
    emit cursorChanged();
    emit selectionChanged();
}

void GraphDocument::reevaluate(bool zeroGradients) {
    runForward(program_.graph, eval_);
    if (zeroGradients || eval_.grads.size() != static_cast<std::size_t>(program_.graph.size())) {
        zeroGrad(program_.graph, eval_);
        passes_ = 0;
    }
    if (program_.root >= 0) {
        runBackward(program_.graph, program_.root, program_.seed, eval_);
        ++passes_;
    }
    cursor_.attach(program_.graph, eval_);
}

void GraphDocument::setCursorPosition(int position) {
    if (cursor_.setPosition(position)) emit cursorChanged();
}

void GraphDocument::setSelectedNode(NodeId id) {
    if (id == selected_) return;
    selected_ = id;
    emit selectionChanged();
}

void GraphDocument::applyLeafValues(const std::vector<std::pair<NodeId, Matrix>>& values) {
    for (const auto& [id, value] : values) program_.graph.setLeafValue(id, value);
    reevaluate(true);
    emit valuesChanged();
}

void GraphDocument::editLeafValue(NodeId id, const Matrix& value, int mergeKey) {
    undo_.push(new SetLeafValueCommand(this, id, program_.graph.node(id).leafValue, value, mergeKey));
}

void GraphDocument::editParams(const std::vector<std::pair<NodeId, Matrix>>& values, const QString& what) {
    undo_.push(new SetParamsCommand(this, values, what));
}

void GraphDocument::backwardAgain() {
    reevaluate(false);
    emit valuesChanged();
}

void GraphDocument::recompute() {
    reevaluate(true);
    emit valuesChanged();
}

}  // namespace bp
