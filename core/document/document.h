// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The opened graph, without Qt: the program, the .bpg text it reads as and how its literals were
// first written, its evaluation (values, gradients and the trace), the step cursor and the
// selected node. Every change of the numbers goes through here, so the text, the values and the
// step always agree. The window's GraphDocument is the Qt adapter over it (signals, the undo
// stack, the file behind it); the command line and the tests use it as it is.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/graph/program.h"
#include "core/language/source_patch.h"
#include "core/language/source_rename.h"
#include "core/trace/edit_effect.h"
#include "core/trace/evaluation.h"
#include "core/trace/step_cursor.h"

namespace bp {

class Document {
public:
    // Another program (a file opened, an example chosen): evaluated, the cursor at the end (every
    // value and gradient shown), nothing selected.
    void setProgram(Program program, std::string source);
    // The same document, reworked (the source applied): keeps what still makes sense, the step
    // ("Backward 5" stays "Backward 5", clamped; the end stays the end) and the selected node (by
    // name). `spellings`: how the literals of `source` were first written.
    void replaceProgramInPlace(Program program, std::string source, LiteralSpellings spellings = {});
    // Renames node `id` to `name` in the graph and at every use in the source; its label becomes
    // `label` (the name when empty). The node keeps its id, so the step, the selection and the
    // canvas positions stay. Refused, changing nothing, when `name` is not a .bpg name, is a
    // keyword, is another node's, or the node has no name in the text.
    RenameRefusal renameNode(NodeId id, const std::string& name, const std::string& label = {});
    // Whether `name` could be node `id`'s new name (the check renameNode makes, but for the text).
    RenameRefusal checkNewName(NodeId id, const std::string& name) const;
    // The name the file gave node `id` when it was imported (an ONNX name), or empty.
    std::string originalName(NodeId id) const;
    // Whether the program came from replaceProgramInPlace rather than from setProgram.
    bool replacedInPlace() const { return replacedInPlace_; }

    const Program& program() const { return program_; }
    const Graph& graph() const { return program_.graph; }
    NodeId root() const { return program_.root; }
    bool isEmpty() const { return program_.graph.size() == 0; }
    const Evaluation& evaluation() const { return eval_; }
    const StepCursor& cursor() const { return cursor_; }
    // The .bpg text; an edit of a leaf rewrites its literal here, so it reads back as the graph.
    const std::string& source() const { return source_; }
    const LiteralSpellings& literalSpellings() const { return spellings_; }

    // Moves the step; false when it was already there.
    bool setCursorPosition(int position) { return cursor_.setPosition(position); }
    NodeId selectedNode() const { return selected_; }
    // False when it was already selected.
    bool setSelectedNode(NodeId id);

    // New values of leaves (same shapes): the ops that depend on them are computed again, then a
    // fresh backward pass; the step stays. The values shown before are kept (previousValue).
    // `finishesEdit`: the change is the user's edit begun with beginEdit (lastEdit measures it).
    void applyLeafValues(const LeafValues& values, bool finishesEdit = false);
    // Before the user's edit of leaf `id` in gesture `mergeKey` (-1: a single edit): records
    // what the loss and the gradient were, unless the edit continues the same gesture.
    void beginEdit(NodeId id, int mergeKey);
    // The last user's edit with the change of the loss predicted and the change that happened;
    // invalid after any other change of the numbers.
    const EditEffect& lastEdit() const { return lastEdit_; }
    // A node's value before the last change of the leaves' values, or null when there is none (a
    // new program, or a graph too large to keep a copy of).
    std::optional<MatrixView> previousValue(NodeId id) const;

    // Forward and backward again without zero_grad: leaf gradients add up, as in PyTorch.
    void backwardAgain() { evaluate(false); }
    // zero_grad, forward, backward.
    void recompute() { evaluate(true); }
    // zero_grad alone: every gradient zero, no backward pass to step through.
    void zeroGradients();
    bool gradientsAccumulated() const { return passes_ > 1; }
    int backwardPasses() const { return passes_; }

private:
    void evaluate(bool zeroGradients);
    void backward(bool zeroGradients);
    void keepPreviousValues();
    void keepLabels(const Program& before);
    void rewriteLiterals(const LeafValues& values, const std::vector<Matrix>& before);

    Program program_;
    Evaluation eval_;
    StepCursor cursor_;
    std::string source_;
    LiteralSpellings spellings_;
    NodeId selected_ = -1;
    int passes_ = 0;
    bool replacedInPlace_ = false;
    EditEffect lastEdit_;
    NodeMatrices previousValues_;  // per node, or empty
};

}  // namespace bp
