// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The predict aid: after a leaf is edited, what the gradient said the loss would do beside what
// it did,
//   predicted  ΔL ≈ ∂L/∂w · Δw = g · Δw      (g from before the edit)
//   actual     ΔL = L(after) − L(before)
// so a class sees that the gradient is the slope: close for a small nudge, off for a big one.
#include <QDockWidget>

class QLabel;

namespace bp {

class GraphDocument;
class DockRefresh;

class PredictDock : public QDockWidget {
    Q_OBJECT
public:
    explicit PredictDock(GraphDocument* document, QWidget* parent = nullptr);
    // The panel as plain text (for tests and the clipboard).
    QString plainText() const;
    void setLargeType(bool large);

private:
    void refresh();
    GraphDocument* doc_;
    QLabel* body_;
    DockRefresh* refresher_ = nullptr;
};

}  // namespace bp
