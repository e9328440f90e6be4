// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Every change a user makes to the numbers is one of these on the document's undo stack.
#include <QString>
#include <QUndoCommand>
#include <vector>

#include "core/graph/graph.h"
#include "core/language/source_rename.h"

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

// A node gets a new name, in the graph and at every use in the source. Undo gives back the old
// name and label ("0.weight" for _0_weight).
class RenameNodeCommand : public QUndoCommand {
public:
    // Renames node `id` and, when that worked, pushes the undo step; else says why not, changing
    // nothing. The same name again changes nothing and pushes nothing.
    static RenameRefusal rename(GraphDocument* doc, NodeId id, const QString& name);
    void undo() override;
    // The first redo is the push: the node already has its new name.
    void redo() override;

private:
    RenameNodeCommand(GraphDocument* doc, NodeId id, QString beforeName, QString beforeLabel, QString afterName);
    GraphDocument* doc_;
    NodeId node_;
    QString beforeName_;
    QString beforeLabel_;
    QString afterName_;
    bool pushed_ = false;
};

}  // namespace bp
