// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Help menu: the language reference (F1), the keyboard shortcuts, the examples, About
// (licence, versions) and About Qt.
#include <QString>

class QMainWindow;
class QMenu;

namespace bp {

// Every shortcut of the window, read from its actions (menus, toolbars, the window's own), with
// the mouse gestures of the canvas: a table in HTML.
QString keyboardShortcutsHtml(const QMainWindow& window);
// The program's version, the versions of Qt, Eigen, ONNX and nlohmann_json, and the licence.
QString aboutHtml();
// Adds the Help menu to the window's menu bar, with `examples` (File > Examples) in it too.
QMenu* addHelpMenu(QMainWindow* window, QMenu* examples);

}  // namespace bp
