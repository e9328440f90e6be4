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
    SetParamsCommand(GraphDocument* doc, LeafValues after, const QString& text);
    void undo() override;
    void redo() override;

private:
    GraphDocument* doc_;
    LeafValues before_;
    LeafValues after_;
};

// A training run as one undo step. It is pushed when the run starts, holding the params' values
// then, and its "after" follows the run, so whatever lands on the stack later (an edit that stops
// the run) undoes in the right order.
class TrainingRunCommand : public QUndoCommand {
public:
    TrainingRunCommand(GraphDocument* doc, LeafValues before, const QString& text);
    void setAfter(LeafValues after) { after_ = std::move(after); }
    // The first redo is the push: the document already holds these values.
    void redo() override;
    void undo() override;

private:
    GraphDocument* doc_;
    LeafValues before_;
    LeafValues after_;
    bool pushed_ = false;
};

}  // namespace bp
