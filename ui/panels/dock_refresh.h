// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A dock's refresh, run only while the dock can be seen. A dock closed, or a tab behind another
// (QWidget::isVisible() is true for those), is only marked stale when the document changes,
// and refreshes once when it is shown. While the window itself is not shown (a picture made
// from the command line, a test), every change refreshes at once.
#include <QObject>
#include <functional>

class QDockWidget;

namespace bp {

class DockRefresh : public QObject {
    Q_OBJECT
public:
    DockRefresh(QDockWidget* dock, std::function<void()> refresh);
    // The document changed: refresh now if the dock is seen, else when it is.
    void request();
    // Refresh now if a change is pending (before reading what the dock shows).
    void flush();
    bool stale() const { return stale_; }
    // Whether the user can see the dock: shown, and not a tab behind another.
    bool shown() const;

private:
    QDockWidget* dock_;
    std::function<void()> refresh_;
    bool stale_ = false;
};

}  // namespace bp
