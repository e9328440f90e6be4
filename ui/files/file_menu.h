// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The File menu's entries for files: Open Recent (rebuilt each time it opens), Save, Save As.
class QMenu;

namespace bp {

class DocumentFiles;

void addFileMenuActions(QMenu* fileMenu, DocumentFiles* files);

}  // namespace bp
