// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The graph as a PyTorch script (core's writePyTorchScript), read-only, for a student to copy or
// save and run: PyTorch then prints the same values and gradients. Follows every edit; the text
// is only rebuilt while the panel is visible.
#include <QDockWidget>

class QLabel;
class QTextEdit;
class QPushButton;
class QTimer;

namespace bp {

class GraphDocument;
class DockRefresh;

class PyTorchCodeDock : public QDockWidget {
    Q_OBJECT
public:
    explicit PyTorchCodeDock(GraphDocument* document, QWidget* parent = nullptr);

    // The script as shown (empty when the graph is too large to show, see noteText()).
    QString scriptText() const;
    QString noteText() const;
    // Writes the current graph's script to `path`; returns an error message, empty on success.
    QString saveTo(const QString& path) const;
    void setLargeType(bool large);
    // Rebuilds the text now if it is out of date (normally done when the event loop runs).
    void refreshNow();

private:
    void markStale();
    void refresh();
    void copyScript();
    void saveAs();

    GraphDocument* doc_;
    QTextEdit* text_;
    QLabel* note_;
    QPushButton* copy_;
    QPushButton* save_;
    QTimer* refreshTimer_;
    DockRefresh* refresher_ = nullptr;
    bool stale_ = true;
};

}  // namespace bp
