// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The names the desktop knows the program by: settings in ~/.config/backprop-studio/,
// autosaves in ~/.local/share/backprop-studio/, the window's icon, the desktop entry.
class QApplication;

namespace bp {

// Sets the organization, application and display names, the desktop file name and the window
// icon, and moves the settings and autosaves of earlier versions ("Backprop Studio/Backprop
// Studio.conf") to the new places when the new ones do not exist yet.
void setApplicationIdentity(QApplication& app);

}  // namespace bp
