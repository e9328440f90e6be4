// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edit > Rename… (F2): a new name for the selected node. The name is checked as it is typed; a
// name that cannot be taken (not a name, a keyword, another node's) is explained under the field
// and the dialog stays open. The rename is one undo step and rewrites every use in the source.
#include <QDialog>

#include "core/graph/graph.h"
#include "core/language/source_rename.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace bp {

class GraphDocument;

// Why `name` cannot be taken, in words; empty for RenameRefusal::None.
QString renameRefusalText(RenameRefusal refusal, const QString& name);

class RenameDialog : public QDialog {
    Q_OBJECT
public:
    RenameDialog(GraphDocument* doc, NodeId id, QWidget* parent = nullptr);

    QLineEdit* nameEdit() const { return name_; }
    QString errorText() const;

    // Renames the node (one undo step), or says why not and stays open.
    void accept() override;

private:
    void check();

    GraphDocument* doc_;
    NodeId node_;
    QLineEdit* name_;
    QLabel* error_;
    QPushButton* ok_ = nullptr;
};

}  // namespace bp
