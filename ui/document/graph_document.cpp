// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/graph_document.h"

#include <algorithm>

#include "core/graph/inline_constant.h"
#include "core/language/parser.h"
#include "ui/document/apply_source_command.h"
#include "ui/document/edit_commands.h"
#include "core/language/source_patch.h"

namespace bp {

GraphDocument::GraphDocument(QObject* parent) : QObject(parent) {
    connect(&undo_, &QUndoStack::cleanChanged, this, &GraphDocument::updateModified);
    // Connected first, so that whoever repaints on these signals already sees the focus gone.
    for (auto signal : {&GraphDocument::cursorChanged, &GraphDocument::valuesChanged, &GraphDocument::programReplaced})
        connect(this, signal, this, &GraphDocument::clearEntryFocus);
}

void GraphDocument::setProgram(Program program, const QString& sourceText) {
    program_ = std::move(program);
    source_ = sourceText;
    selected_ = -1;
    replacedInPlace_ = false;
    lastEdit_ = {};
    spellings_.clear();
    unsavedBeyondUndo_ = false;
    undo_.clear();
    hasTyped_ = false;
    typed_.clear();
    typedSaved_.clear();
    updateModified();
    eval_ = Evaluation{};
    previousValues_.clear();
    reevaluate(true);
    cursor_.setPosition(cursor_.last());
    emit programReplaced();
    emit cursorChanged();
    emit selectionChanged();
}

bool GraphDocument::editSource(const QString& text) {
    if (text == source_) return false;
    Program program = parseProgram(text.toStdString(), "source");
    undo_.push(new ApplySourceCommand(this, std::move(program), text));
    return true;
}

void GraphDocument::replaceProgramInPlace(Program program, const QString& sourceText, LiteralSpellings spellings) {
    // The step is kept as "Backward 5": the same step of the same phase, clamped; at the end stays at the end.
    const Phase phase = cursor_.phase();
    const int index = cursor_.indexInPhase();
    const bool atEnd = cursor_.position() == cursor_.last();
    const bool hadSelection = selected_ >= 0 && selected_ < program_.graph.size();
    const std::string selectedName = hadSelection ? program_.graph.node(selected_).name : std::string();
    program_ = std::move(program);
    source_ = sourceText;
    updateModified();  // the panel's text may be the graph's now
    spellings_ = std::move(spellings);
    replacedInPlace_ = true;
    lastEdit_ = {};
    eval_ = Evaluation{};
    previousValues_.clear();
    reevaluate(true);
    int position = 0;
    if (atEnd) position = cursor_.last();
    else if (phase == Phase::Forward) position = std::min(index, cursor_.forwardCount());
    else if (phase == Phase::Backward) position = cursor_.forwardCount() + std::min(index, cursor_.backwardCount());
    cursor_.setPosition(position);
    selected_ = hadSelection ? program_.graph.find(selectedName) : -1;
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

const Matrix* GraphDocument::previousValue(NodeId id) const {
    if (id < 0 || std::size_t(id) >= previousValues_.size()) return nullptr;
    const Matrix& m = previousValues_[std::size_t(id)];
    return m.size() > 0 ? &m : nullptr;
}

void GraphDocument::setCursorPosition(int position) {
    if (cursor_.setPosition(position)) emit cursorChanged();
}

void GraphDocument::toggleEntryFocus(NodeId node, int row, int col) {
    const EntryFocus focus{node, row, col};
    focus_ = focus_ == focus ? EntryFocus{} : focus;
    emit entryFocusChanged();
}

void GraphDocument::clearEntryFocus() {
    if (!hasEntryFocus()) return;
    focus_ = {};
    emit entryFocusChanged();
}

void GraphDocument::setSelectedNode(NodeId id) {
    if (id == selected_) return;
    selected_ = id;
    emit selectionChanged();
}

void GraphDocument::applyLeafValues(const std::vector<std::pair<NodeId, Matrix>>& values) {
    // What every node showed before, to tell the change apart (not for a huge graph: a copy of
    // every value on every drag of a slider would cost more than the edit).
    constexpr std::size_t kMostEntriesKept = 1'000'000;
    std::size_t entries = 0;
    for (const Matrix& m : eval_.values) entries += std::size_t(m.size());
    if (entries <= kMostEntriesKept) previousValues_ = eval_.values;
    else previousValues_.clear();
    std::vector<Matrix> before;
    for (const auto& [id, value] : values) {
        before.push_back(program_.graph.node(id).leafValue);
        program_.graph.setLeafValue(id, value);
        labelInlineConstant(program_.graph.node(id));  // an edited 1 of b + 1 reads as its new value
    }
    reevaluate(true);
    if (recordingEdit_) finishEffect(lastEdit_, program_, eval_);
    else lastEdit_ = {};
    syncSourceLiterals(values, before);
    emit valuesChanged();
}

void GraphDocument::syncSourceLiterals(const std::vector<std::pair<NodeId, Matrix>>& values,
                                       const std::vector<Matrix>& before) {
    std::string text = source_.toStdString();
    bool patched = true;
    for (std::size_t i = 0; i < values.size(); ++i)
        patched = spellings_.rewrite(text, program_.graph, values[i].first, before[i]) && patched;
    if (!patched) {
        // No literal to rewrite (text written for an imported model, or changed by hand): write
        // the whole program out again. A value that is not finite has no spelling: keep the text.
        try {
            text = writeProgram(program_);
        } catch (const std::exception&) {
            return;
        }
        clearSourcePositions(program_.graph);
        spellings_.clear();
    }
    source_ = QString::fromStdString(text);
}

bool GraphDocument::editLeafValue(NodeId id, const Matrix& value, int mergeKey) {
    if (id < 0 || id >= program_.graph.size()) return false;
    const Node& n = program_.graph.node(id);
    if (!n.isLeaf() || value.rows() != n.leafValue.rows() || value.cols() != n.leafValue.cols()) return false;
    if (mergeKey < 0 && value == n.leafValue) return true;  // nothing to undo
    if (!lastEdit_.continuedBy(id, mergeKey))
        lastEdit_ = effectBefore(program_, eval_, gradientsAccumulated(), id, mergeKey);
    recordingEdit_ = true;
    undo_.push(new SetLeafValueCommand(this, id, n.leafValue, value, mergeKey));
    recordingEdit_ = false;
    return true;
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

void GraphDocument::zeroGradients() {
    zeroGrad(program_.graph, eval_);
    eval_.trace.backward.clear();  // the gradients of that pass are gone: nothing to step through
    eval_.trace.numbers.clear();
    eval_.trace.startGrads.clear();
    passes_ = 0;
    cursor_.attach(program_.graph, eval_);
    emit valuesChanged();
    emit cursorChanged();
}

void GraphDocument::markSaved(const QString& path) {
    filePath_ = path;
    unsavedBeyondUndo_ = false;
    undo_.setClean();
    updateModified();
}

void GraphDocument::markModified() {
    unsavedBeyondUndo_ = true;
    updateModified();
}

void GraphDocument::setTypedSource(const QString& text) {
    if (hasTyped_ && text == typed_) return;
    typed_ = text;
    hasTyped_ = true;
    emit typedSourceChanged();
    updateModified();
}

void GraphDocument::restoreTypedSource(const QString& text) {
    setTypedSource(text);
    emit typedSourceRestored(text);
}

void GraphDocument::markTypedSourceSaved() {
    typedSaved_ = typed_;
    updateModified();
}

void GraphDocument::updateModified() {
    if (isModified() == modifiedShown_) return;
    modifiedShown_ = isModified();
    emit modifiedChanged(modifiedShown_);
}

}  // namespace bp
