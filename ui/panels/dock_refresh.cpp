// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/dock_refresh.h"

#include <QDockWidget>

namespace bp {

DockRefresh::DockRefresh(QDockWidget* dock, std::function<void()> refresh)
    : QObject(dock), dock_(dock), refresh_(std::move(refresh)) {
    // A tab brought to the front, or the dock opened again.
    connect(dock_, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible) flush();
    });
}

bool DockRefresh::shown() const {
    if (!dock_->window()->isVisible()) return true;  // no window on screen yet: keep every dock current
    return dock_->isVisible() && !dock_->visibleRegion().isEmpty();
}

void DockRefresh::request() {
    stale_ = true;
    if (shown()) flush();
}

void DockRefresh::flush() {
    if (!stale_) return;
    stale_ = false;
    refresh_();
}

}  // namespace bp
