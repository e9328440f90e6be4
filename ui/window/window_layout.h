// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The window's arrangement: the default one (for a lecturer projecting it: the canvas gets most
// of the room, the chain rule runs full width under it, the source is narrow on the left or, on a
// small screen, a tab under the canvas; the inspector and the charts are tabs on the right, shown
// when wanted), and the user's own, kept between runs in QSettings.
#include <QRect>

class QDockWidget;
class QMainWindow;

namespace bp {

// 90% of the screen's available area, at least 1280x800 (never more than the area), centred.
QRect defaultWindowGeometry(const QRect& available);

struct DefaultDocks {
    QDockWidget* left = nullptr;    // the source (none: it is a tab at the bottom)
    QDockWidget* right = nullptr;   // the first tab on the right (the inspector)
    QDockWidget* bottom = nullptr;  // the chain rule
    int bottomHeight = 200;         // enough for its lines of arithmetic
};
// Sizes the dock areas for the window's current width.
void sizeDefaultDocks(QMainWindow& window, const DefaultDocks& docks);
// The default size on the window's screen, and the docks sized for it (again once it is shown).
void applyDefaultArrangement(QMainWindow& window, const DefaultDocks& docks);

// Saves the window's geometry and the state of its docks and toolbars.
void saveWindowLayout(const QMainWindow& window);
// Restores what saveWindowLayout kept; false (changing nothing) when nothing usable was saved.
bool restoreWindowLayout(QMainWindow& window);
void forgetWindowLayout();

}  // namespace bp
