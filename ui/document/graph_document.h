// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one object that changes the graph. It owns the program, its evaluation (values, gradients
// and the trace) and the step cursor, and tells everyone else through coarse signals. Canvas
// items, panels and charts hold node ids and read from here; no panel talks to another.
#include <QObject>
#include <QString>
#include <QUndoStack>

#include "core/graph/program.h"
#include "core/trace/evaluation.h"
#include "core/trace/step_cursor.h"

namespace bp {

class GraphDocument : public QObject {
    Q_OBJECT
public:
    explicit GraphDocument(QObject* parent = nullptr);

    // Replaces the whole program (a file opened, an example chosen, the source applied).
    // The cursor goes to the end, so every value and gradient shows; the undo history is cleared.
    void setProgram(Program program, const QString& sourceText);

    const Program& program() const { return program_; }
    const Graph& graph() const { return program_.graph; }
    const Evaluation& evaluation() const { return eval_; }
    const StepCursor& cursor() const { return cursor_; }
    const QString& sourceText() const { return source_; }
    NodeId root() const { return program_.root; }
    bool isEmpty() const { return program_.graph.size() == 0; }

    // ---- stepping: moves the cursor over the recorded trace, nothing is recomputed
    void setCursorPosition(int position);
    void stepForward() { setCursorPosition(cursor_.position() + 1); }
    void stepBack() { setCursorPosition(cursor_.position() - 1); }
    void toStart() { setCursorPosition(0); }
    void toEnd() { setCursorPosition(cursor_.last()); }

    // ---- selection, shared by the canvas, the inspector and the charts
    NodeId selectedNode() const { return selected_; }
    void setSelectedNode(NodeId id);

    // ---- edits (undoable through undoStack(); these apply directly and re-evaluate)
    QUndoStack* undoStack() { return &undo_; }
    // Sets a leaf's value (same shape), re-evaluates, keeps the step. Not recorded for undo:
    // use editLeafValue for a user's edit.
    void applyLeafValue(NodeId id, const Matrix& value) { applyLeafValues({{id, value}}); }
    // Several leaves at once, one re-evaluation.
    void applyLeafValues(const std::vector<std::pair<NodeId, Matrix>>& values);
    // A user's edit: pushed on the undo stack. `mergeKey` >= 0 merges consecutive edits with the
    // same key into one undo step (one drag of a slider is one step).
    void editLeafValue(NodeId id, const Matrix& value, int mergeKey = -1);
    // Replaces every param's value at once (an optimizer step), undoable.
    void editParams(const std::vector<std::pair<NodeId, Matrix>>& values, const QString& what);

    // ---- training in the window
    // Runs forward and backward again *without* zero_grad: leaf gradients add up, as in PyTorch.
    void backwardAgain();
    // zero_grad, forward, backward: fresh gradients.
    void recompute();
    bool gradientsAccumulated() const { return passes_ > 1; }
    int backwardPasses() const { return passes_; }

signals:
    void programReplaced();  // structure changed: rebuild scenes
    void valuesChanged();    // numbers changed: repaint
    void cursorChanged();    // the step moved
    void selectionChanged();

private:
    void reevaluate(bool zeroGradients);

    Program program_;
    Evaluation eval_;
    StepCursor cursor_;
    QString source_;
    QUndoStack undo_;
    NodeId selected_ = -1;
    int passes_ = 0;
};

}  // namespace bp
