// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Every change a user makes to the numbers is one of these on the document's undo stack.
#include <QUndoCommand>
#include <vector>

#include "core/graph/graph.h"

namespace bp {

class GraphDocument;

// One leaf gets a new value. Commands with the same merge key (one drag) merge into one.
class SetLeafValueCommand : public QUndoCommand {
public:
    SetLeafValueCommand(GraphDocument* doc, NodeId id, Matrix before, Matrix after, int mergeKey);
    void undo() override;
    void redo() override;
    int id() const override { return mergeKey_ >= 0 ? 1000 + mergeKey_ : -1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    GraphDocument* doc_;
    NodeId node_;
    Matrix before_;
    Matrix after_;
    int mergeKey_;
};

// Several params change at once (an optimizer step, a training run).
class SetParamsCommand : public QUndoCommand {
public:
    SetParamsCommand(GraphDocument* doc, std::vector<std::pair<NodeId, Matrix>> after, const QString& text);
    void undo() override;
    void redo() override;

private:
    GraphDocument* doc_;
    std::vector<std::pair<NodeId, Matrix>> before_;
    std::vector<std::pair<NodeId, Matrix>> after_;
};

}  // namespace bp
