// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One undo for the window: Edit → Undo (Ctrl+Z) and Redo, wherever the focus is. While the
// Source panel holds typed text not yet applied, they undo and redo the typing ("Undo typing");
// otherwise the document's edits ("Undo Apply the source"). The Source panel's editor leaves
// Ctrl+Z to them, so the key does what the menu says.
#include <QObject>

class QAction;

namespace bp {

class GraphDocument;
class SourceDock;

class UndoActions : public QObject {
    Q_OBJECT
public:
    UndoActions(GraphDocument* document, SourceDock* source, QWidget* window);
    QAction* undoAction() const { return undo_; }
    QAction* redoAction() const { return redo_; }
    // Whether Undo and Redo act on the typed text now (rather than on the document).
    bool undoesTyping() const;
    bool redoesTyping() const;

private:
    void refresh();
    void undo();
    void redo();

    GraphDocument* doc_;
    SourceDock* source_;
    QAction* undo_;
    QAction* redo_;
};

}  // namespace bp
