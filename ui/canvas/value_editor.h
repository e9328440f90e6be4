// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Typing a leaf's value on the canvas: double-click an entry of a leaf to edit that number, or
// the rest of the node to edit the whole value as a literal ([[3, 4], [5, 6]]). A line edit
// opens over it; Enter applies (one undo step), Esc or clicking elsewhere cancels, and what
// does not parse is explained under the editor, which stays open to be corrected.
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <optional>

#include "ui/canvas/node_painter.h"

class QGraphicsProxyWidget;
class QLabel;
class QLineEdit;

namespace bp {

class GraphScene;

class ValueEditor : public QObject {
    Q_OBJECT
public:
    explicit ValueEditor(GraphScene* scene);

    // Opens the editor on node `id` for the entry under `scenePos`, or for the whole value; with
    // `at` (a copy of a shared leaf, in scene coordinates) for the whole value, over `at`.
    // Returns false (explaining why in a tooltip) for a node that has no value to type.
    bool open(NodeId id, QPointF scenePos, QRectF at = QRectF());
    bool isOpen() const { return !proxy_.isNull(); }
    // Applies the text: true when it was a valid value and the editor closed.
    bool apply();
    void cancel();

    // For tests and the window: the line edit and the message under it (null when closed).
    QLineEdit* lineEdit() const;
    QString errorText() const;
    NodeId node() const { return node_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // Why a node cannot be edited here, or an empty string.
    QString refusal(NodeId id) const;
    void showError(const QString& message);

    GraphScene* scene_;
    QPointer<QGraphicsProxyWidget> proxy_;
    QLineEdit* edit_ = nullptr;
    QLabel* error_ = nullptr;
    NodeId node_ = -1;
    std::optional<nodepaint::Cell> cell_;  // nothing: the whole value
};

}  // namespace bp
