// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A hook for the crash-recovery test, which starts the real program and needs unsaved work in
// it: BPS_TEST_EDIT=NAME=LITERAL (e.g. w1=[[7],[8]]) sets that leaf once the window has started,
// as a normal undoable edit, exactly as typing the value in the inspector would. Unset, it does
// nothing.
#include <QString>

namespace bp {

class GraphDocument;

// Applies BPS_TEST_EDIT to `doc`. Returns an error message for a bad hook, or empty.
QString applyTestEdit(GraphDocument& doc);

}  // namespace bp
