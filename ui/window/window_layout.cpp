// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/window_layout.h"

#include <QDockWidget>
#include <QGuiApplication>
#include <QMainWindow>
#include <QPointer>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <algorithm>

namespace bp {
namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
// Bumped when the default arrangement changes so much that an old saved state would mislead.
constexpr int kStateVersion = 2;  // 2: the inspector and charts hidden at the start

}  // namespace

QRect defaultWindowGeometry(const QRect& available) {
    const int width = std::min(available.width(), std::max(1280, int(available.width() * 0.9)));
    const int height = std::min(available.height(), std::max(800, int(available.height() * 0.9)));
    QRect r(0, 0, width, height);
    r.moveCenter(available.center());
    return r;
}

void sizeDefaultDocks(QMainWindow& window, const DefaultDocks& docks) {
    const int width = window.width();
    // The source is read a line at a time, the right-hand panels one at a time: the canvas gets
    // what is left. (The docks' own minimum widths win over these.)
    const int left = std::clamp(int(width * 0.17), 220, 320);
    const int right = std::clamp(int(width * 0.22), 280, 400);
    if (docks.left) window.resizeDocks({docks.left}, {left}, Qt::Horizontal);
    if (docks.right) window.resizeDocks({docks.right}, {right}, Qt::Horizontal);
    if (!docks.bottom) return;
    // Panels tabbed with the bottom one add a row of tabs under it.
    const int tabs = window.tabifiedDockWidgets(docks.bottom).isEmpty() ? 0 : window.fontMetrics().height() + 16;
    window.resizeDocks({docks.bottom}, {docks.bottomHeight + tabs}, Qt::Vertical);
}

void applyDefaultArrangement(QMainWindow& window, const DefaultDocks& docks) {
    const QScreen* screen = window.screen() ? window.screen() : QGuiApplication::primaryScreen();
    if (screen) window.setGeometry(defaultWindowGeometry(screen->availableGeometry()));
    sizeDefaultDocks(window, docks);
    // The dock areas settle their sizes when the window is first laid out: size them again then.
    QTimer::singleShot(0, &window, [window = QPointer<QMainWindow>(&window), docks] {
        if (window && !window->isFullScreen()) sizeDefaultDocks(*window, docks);
    });
}

void saveWindowLayout(const QMainWindow& window) {
    QSettings settings;
    settings.setValue(kGeometryKey, window.saveGeometry());
    settings.setValue(kStateKey, window.saveState(kStateVersion));
}

bool restoreWindowLayout(QMainWindow& window) {
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    const QByteArray state = settings.value(kStateKey).toByteArray();
    if (geometry.isEmpty() || state.isEmpty()) return false;
    if (!window.restoreGeometry(geometry)) return false;
    return window.restoreState(state, kStateVersion);
}

void forgetWindowLayout() {
    QSettings settings;
    settings.remove(kGeometryKey);
    settings.remove(kStateKey);
}

}  // namespace bp
