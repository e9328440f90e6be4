// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/undo_actions.h"

#include <QAction>
#include <QUndoStack>

#include "ui/document/graph_document.h"
#include "ui/panels/source_dock.h"
#include "ui/panels/source_editor.h"

namespace bp {

UndoActions::UndoActions(GraphDocument* document, SourceDock* source, QWidget* window)
    : QObject(window), doc_(document), source_(source), undo_(new QAction(window)), redo_(new QAction(window)) {
    undo_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    redo_->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    connect(undo_, &QAction::triggered, this, &UndoActions::undo);
    connect(redo_, &QAction::triggered, this, &UndoActions::redo);
    QUndoStack* stack = doc_->undoStack();
    for (auto signal : {&QUndoStack::canUndoChanged, &QUndoStack::canRedoChanged})
        connect(stack, signal, this, &UndoActions::refresh);
    for (auto signal : {&QUndoStack::undoTextChanged, &QUndoStack::redoTextChanged})
        connect(stack, signal, this, &UndoActions::refresh);
    connect(stack, &QUndoStack::indexChanged, this, &UndoActions::refresh);
    SourceEditor* editor = source_->editor();
    connect(editor, &QPlainTextEdit::textChanged, this, &UndoActions::refresh);
    connect(editor, &QPlainTextEdit::undoAvailable, this, &UndoActions::refresh);
    connect(editor, &QPlainTextEdit::redoAvailable, this, &UndoActions::refresh);
    refresh();
}

bool UndoActions::undoesTyping() const {
    return source_->hasTypedText() && source_->editor()->document()->isUndoAvailable();
}

bool UndoActions::redoesTyping() const {
    return source_->editor()->document()->isRedoAvailable() &&
           (source_->hasTypedText() || !doc_->undoStack()->canRedo());
}

void UndoActions::refresh() {
    const QUndoStack* stack = doc_->undoStack();
    if (undoesTyping()) {
        undo_->setText(tr("&Undo typing"));
        undo_->setToolTip(tr("Undo typing in the Source panel (the text is not applied yet)"));
        undo_->setEnabled(true);
    } else {
        undo_->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
        undo_->setToolTip(tr("Undo the last edit of the graph"));
        undo_->setEnabled(stack->canUndo());
    }
    if (redoesTyping()) {
        redo_->setText(tr("&Redo typing"));
        redo_->setToolTip(tr("Redo typing in the Source panel"));
        redo_->setEnabled(true);
    } else {
        redo_->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
        redo_->setToolTip(tr("Redo the last edit of the graph that was undone"));
        redo_->setEnabled(stack->canRedo());
    }
}

void UndoActions::undo() {
    if (undoesTyping()) source_->editor()->undo();
    else doc_->undoStack()->undo();
    refresh();
}

void UndoActions::redo() {
    if (redoesTyping()) source_->editor()->redo();
    else doc_->undoStack()->redo();
    refresh();
}

}  // namespace bp
