// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one object that changes the graph: the Qt adapter over core's Document (the program, its
// source text, the evaluation and the step), which adds what only the window has: coarse signals
// to everyone else, the undo stack, the file behind it, the Source panel's typed text and the
// entry in focus. Canvas items, panels and charts hold node ids and read from here; no panel
// talks to another.
#include <QObject>
#include <QString>
#include <QUndoStack>

#include "core/document/document.h"

namespace bp {

class GraphDocument : public QObject {
    Q_OBJECT
public:
    explicit GraphDocument(QObject* parent = nullptr);

    // Replaces the whole program (a file opened, an example chosen, the source applied).
    // The cursor goes to the end, so every value and gradient shows; the undo history is cleared.
    void setProgram(Program program, const QString& sourceText);
    // The source panel's edit: parses `text` and, when it differs from the current source, pushes
    // one undo step that replaces the program in place (see replaceProgramInPlace). Throws
    // ParseError, changing nothing, when the text does not parse. Returns whether it changed.
    bool editSource(const QString& text);
    // Replaces the program but keeps what still makes sense: the step ("Backward 5" stays
    // "Backward 5", clamped to the new trace; at the end stays at the end),
    // the selected node (by name), the undo history, and on the canvas the positions of the nodes
    // that survive. Called by the undo command of editSource.
    // `spellings`: how the literals of this text were first written (see LiteralSpellings).
    void replaceProgramInPlace(Program program, const QString& sourceText, LiteralSpellings spellings = {});
    const LiteralSpellings& literalSpellings() const { return core_.literalSpellings(); }
    // Whether the current program came from replaceProgramInPlace (keep the view), rather than
    // from a file or an example (fit the view to the new graph).
    bool replacedInPlace() const { return core_.replacedInPlace(); }

    // The document itself, without Qt.
    const Document& core() const { return core_; }
    const Program& program() const { return core_.program(); }
    const Graph& graph() const { return core_.graph(); }
    const Evaluation& evaluation() const { return core_.evaluation(); }
    // A node's value before the last change of the leaves' values (an edit, an optimizer step, an
    // undo), so the canvas can write it with the digits that show the change; null when there is
    // none (a new or re-applied program, or a graph too large to keep a copy of).
    std::optional<MatrixView> previousValue(NodeId id) const { return core_.previousValue(id); }
    const StepCursor& cursor() const { return core_.cursor(); }
    // The .bpg text. Live edits of a leaf rewrite its literal here, so it always reads back as
    // the graph shown.
    const QString& sourceText() const { return source_; }
    NodeId root() const { return core_.root(); }
    bool isEmpty() const { return core_.isEmpty(); }

    // ---- the file behind the document (ui/files opens, saves and autosaves it)
    const QString& filePath() const { return filePath_; }
    // Whether some work is in no file: an edit since the document was opened or saved (undoing
    // back to that point makes it unmodified again), work recovered from an autosave, or text
    // typed in the Source panel and not applied (nor saved as text).
    bool isModified() const { return unsavedBeyondUndo_ || !undo_.isClean() || hasUnsavedTypedSource(); }

    // ---- the Source panel's text, which is work too
    // What the panel shows; the panel tells the document on every change.
    void setTypedSource(const QString& text);
    // Puts `text` in the panel (recovered work): typedSourceRestored tells the panel.
    void restoreTypedSource(const QString& text);
    const QString& typedSource() const { return typed_; }
    // The panel shows text that is not the graph's.
    bool hasUnappliedSource() const { return hasTyped_ && typed_ != source_; }
    // The typed text is now in a file as it is (saved as text, not as the graph).
    void markTypedSourceSaved();
    // The document now matches the file at `path` (just opened or saved; empty for an example).
    void markSaved(const QString& path);
    // Work that no file holds, though the undo stack is at its clean point (recovered work, a
    // file changed on disk while the open graph was kept).
    void markModified();

    // ---- stepping: moves the cursor over the recorded trace, nothing is recomputed
    void setCursorPosition(int position);
    void stepForward() { setCursorPosition(cursor().position() + 1); }
    void stepBack() { setCursorPosition(cursor().position() - 1); }
    void toStart() { setCursorPosition(0); }
    void toEnd() { setCursorPosition(cursor().last()); }

    // ---- selection, shared by the canvas, the inspector and the charts
    NodeId selectedNode() const { return core_.selectedNode(); }
    void setSelectedNode(NodeId id);

    // ---- down to one entry: an entry of a node's gradient (clicked on the canvas or in the
    // inspector) whose own chain the chain-rule panel writes out and whose operands' entries the
    // canvas marks. A step, an edit or another program clears it.
    struct EntryFocus {
        NodeId node = -1;
        int row = 0;
        int col = 0;
        bool operator==(const EntryFocus&) const = default;
    };
    const EntryFocus& entryFocus() const { return focus_; }
    bool hasEntryFocus() const { return focus_.node >= 0; }
    // Focuses the entry; the focused entry again clears the focus (a second click closes it).
    void toggleEntryFocus(NodeId node, int row, int col);
    void clearEntryFocus();

    // ---- edits (undoable through undoStack(); these apply directly and re-evaluate)
    QUndoStack* undoStack() { return &undo_; }
    // Sets a leaf's value (same shape), re-evaluates, keeps the step. Not recorded for undo:
    // use editLeafValue for a user's edit.
    void applyLeafValue(NodeId id, const Matrix& value) { applyLeafValues({{id, value}}); }
    // Several leaves at once, one re-evaluation.
    void applyLeafValues(const LeafValues& values);
    // A user's edit: pushed on the undo stack. `mergeKey` >= 0 merges consecutive edits with the
    // same key into one undo step (one drag of a slider is one step).
    // Returns false, changing nothing, for a node that is not a leaf or a value of another shape.
    bool editLeafValue(NodeId id, const Matrix& value, int mergeKey = -1);
    // A fresh merge key for one gesture (a drag on the canvas or of a slider).
    int newMergeKey() { return ++mergeKeys_; }
    // The last edit made through editLeafValue (a whole drag counts as one) with the change of
    // the loss the gradient predicted and the change that happened. Invalid after undo, redo or
    // any other change of the numbers.
    const EditEffect& lastEdit() const { return core_.lastEdit(); }
    // Replaces every param's value at once (an optimizer step), undoable.
    void editParams(const LeafValues& values, const QString& what);

    // ---- names
    // Renames node `id` in the graph and at every use in the source text (Document::renameNode);
    // `label` empty: the label is the name. Not recorded for undo: RenameNodeCommand calls it.
    RenameRefusal renameNode(NodeId id, const QString& name, const QString& label = {});
    RenameRefusal checkNewName(NodeId id, const QString& name) const { return core_.checkNewName(id, name.toStdString()); }
    // The name the node had in the file it was imported from ("onnx::MatMul_9"), or empty.
    QString originalName(NodeId id) const { return QString::fromStdString(core_.originalName(id)); }
    // ---- training in the window
    // Runs forward and backward again *without* zero_grad: leaf gradients add up, as in PyTorch.
    void backwardAgain();
    // zero_grad, forward, backward: fresh gradients (a training loop's start).
    void recompute();
    // optimizer.zero_grad() and nothing else: every gradient is zero and there is no backward
    // pass to step through until backwardAgain() runs forward and backward.
    void zeroGradients();
    bool gradientsAccumulated() const { return core_.gradientsAccumulated(); }
    int backwardPasses() const { return core_.backwardPasses(); }

signals:
    void programReplaced();  // structure changed: rebuild scenes
    void valuesChanged();    // numbers changed: repaint
    void cursorChanged();    // the step moved
    void selectionChanged();
    void namesChanged();     // a node was renamed: same nodes, new names, new source text
    void entryFocusChanged();
    void modifiedChanged(bool modified);  // isModified() changed
    void typedSourceChanged();
    void typedSourceRestored(const QString& text);

private:
    void programChanged();

    Document core_;
    QString source_;  // core_.source() as a QString, for the panels that show it
    QUndoStack undo_;
    EntryFocus focus_;
    int mergeKeys_ = 0;
    bool recordingEdit_ = false;  // inside editLeafValue: the change is lastEdit()'s
    QString filePath_;
    bool unsavedBeyondUndo_ = false;
    bool modifiedShown_ = false;  // the value of the last modifiedChanged
    QString typed_;
    QString typedSaved_;
    bool hasTyped_ = false;
    bool hasUnsavedTypedSource() const { return hasUnappliedSource() && typed_ != typedSaved_; }
    void updateModified();
};

}  // namespace bp
