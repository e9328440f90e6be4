// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/graph_document.h"

#include "core/language/parser.h"
#include "ui/document/apply_source_command.h"
#include "ui/document/edit_commands.h"

namespace bp {

GraphDocument::GraphDocument(QObject* parent) : QObject(parent) {
    connect(&undo_, &QUndoStack::cleanChanged, this, &GraphDocument::updateModified);
    // Connected first, so that whoever repaints on these signals already sees the focus gone.
    for (auto signal : {&GraphDocument::cursorChanged, &GraphDocument::valuesChanged, &GraphDocument::programReplaced})
        connect(this, signal, this, &GraphDocument::clearEntryFocus);
}

void GraphDocument::setProgram(Program program, const QString& sourceText) {
    unsavedBeyondUndo_ = false;
    undo_.clear();
    hasTyped_ = false;
    typed_.clear();
    typedSaved_.clear();
    core_.setProgram(std::move(program), sourceText.toStdString());
    source_ = sourceText;
    updateModified();
    programChanged();
}

bool GraphDocument::editSource(const QString& text) {
    if (text == source_) return false;
    Program program = parseProgram(text.toStdString(), "source");
    undo_.push(new ApplySourceCommand(this, std::move(program), text));
    return true;
}

void GraphDocument::replaceProgramInPlace(Program program, const QString& sourceText, LiteralSpellings spellings) {
    core_.replaceProgramInPlace(std::move(program), sourceText.toStdString(), std::move(spellings));
    source_ = sourceText;
    updateModified();  // the panel's text may be the graph's now
    programChanged();
}

RenameRefusal GraphDocument::renameNode(NodeId id, const QString& name, const QString& label) {
    const RenameRefusal refusal = core_.renameNode(id, name.toStdString(), label.toStdString());
    if (refusal != RenameRefusal::None) return refusal;
    source_ = QString::fromStdString(core_.source());
    updateModified();
    emit namesChanged();
    return refusal;
}

void GraphDocument::programChanged() {
    emit programReplaced();
    emit cursorChanged();
    emit selectionChanged();
}

void GraphDocument::setCursorPosition(int position) {
    if (core_.setCursorPosition(position)) emit cursorChanged();
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
    if (core_.setSelectedNode(id)) emit selectionChanged();
}

void GraphDocument::applyLeafValues(const LeafValues& values) {
    core_.applyLeafValues(values, recordingEdit_);
    source_ = QString::fromStdString(core_.source());
    emit valuesChanged();
}

bool GraphDocument::editLeafValue(NodeId id, const Matrix& value, int mergeKey) {
    if (id < 0 || id >= graph().size()) return false;
    const Node& n = graph().node(id);
    if (!n.isLeaf() || value.rows() != n.leafValue().rows() || value.cols() != n.leafValue().cols()) return false;
    if (mergeKey < 0 && value == n.leafValue()) return true;  // nothing to undo
    core_.beginEdit(id, mergeKey);
    recordingEdit_ = true;
    undo_.push(new SetLeafValueCommand(this, id, n.leafValue(), value, mergeKey));
    recordingEdit_ = false;
    return true;
}

void GraphDocument::editParams(const LeafValues& values, const QString& what) {
    undo_.push(new SetParamsCommand(this, values, what));
}

void GraphDocument::backwardAgain() {
    core_.backwardAgain();
    emit valuesChanged();
}

void GraphDocument::recompute() {
    core_.recompute();
    emit valuesChanged();
}

void GraphDocument::zeroGradients() {
    core_.zeroGradients();
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
