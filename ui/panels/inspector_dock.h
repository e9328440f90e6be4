// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The inspector: the selected node whole (name, op, shape, every entry of its value and gradient,
// the formula of its local derivative). A leaf's value is edited in its table, or dragged with a
// slider per entry.
#include <QDockWidget>

class QLabel;
class QTableWidget;

namespace bp {

class GraphDocument;
class DockRefresh;
class LeafSliders;

class InspectorDock : public QDockWidget {
    Q_OBJECT
public:
    explicit InspectorDock(GraphDocument* document, QWidget* parent = nullptr);
    QTableWidget* valueTable() const;
    QTableWidget* gradientTable() const;
    LeafSliders* sliders() const { return sliders_; }
    // The text above the tables: the node's label, what it is, its names.
    QString headerText() const;
    // Why the last value typed in the table was refused, or an empty string.
    QString errorText() const;

private:
    void refresh();
    void cellEdited(int row, int column);
    void rejectEntry(const QString& text, const QString& why);
    GraphDocument* doc_;
    QLabel* header_;
    QLabel* formula_;
    QTableWidget* values_;
    QTableWidget* grads_;
    QLabel* error_;
    LeafSliders* sliders_;
    DockRefresh* refresher_ = nullptr;
    bool filling_ = false;
};

}  // namespace bp
