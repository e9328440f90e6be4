// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The inspector: the selected node whole (name, op, shape, every entry of its value and gradient,
// the formula of its local derivative). A leaf's value is edited in its table.
#include <QDockWidget>

class QLabel;
class QTableWidget;

namespace bp {

class GraphDocument;

class InspectorDock : public QDockWidget {
    Q_OBJECT
public:
    explicit InspectorDock(GraphDocument* document, QWidget* parent = nullptr);
    QTableWidget* valueTable() const { return values_; }
    QTableWidget* gradientTable() const { return grads_; }

private:
    void refresh();
    void cellEdited(int row, int column);
    GraphDocument* doc_;
    QLabel* header_;
    QLabel* formula_;
    QTableWidget* values_;
    QTableWidget* grads_;
    bool filling_ = false;
};

}  // namespace bp
