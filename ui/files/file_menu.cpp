// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/file_menu.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>

#include "ui/files/document_files.h"
#include "ui/files/recent_files.h"

namespace bp {

static void fillRecentMenu(QMenu* menu, DocumentFiles* files) {
    menu->clear();
    const QStringList recent = files->recentFiles()->files();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        // "&1 mlp.json" with the folder beside it: the digits are keyboard shortcuts.
        const QString key = i < 9 ? QStringLiteral("&%1  ").arg(i + 1) : QStringLiteral("    ");
        const QString text = key + QFileInfo(path).fileName() + QStringLiteral("   —  ") +
                             QDir::toNativeSeparators(QFileInfo(path).path());
        QAction* action = menu->addAction(text, files, [files, path] { files->openInteractively(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
    }
    if (recent.isEmpty()) {
        QAction* none = menu->addAction(DocumentFiles::tr("No recent files"));
        none->setToolTip(DocumentFiles::tr("The files you open and save are listed here"));
        none->setEnabled(false);
    }
    menu->addSeparator();
    QAction* clear = menu->addAction(DocumentFiles::tr("&Clear the list"), files->recentFiles(), &RecentFiles::clear);
    clear->setToolTip(DocumentFiles::tr("Forget the files listed here (the files stay on disk)"));
    clear->setEnabled(!recent.isEmpty());
}

void addFileMenuActions(QMenu* fileMenu, DocumentFiles* files) {
    QMenu* recent = fileMenu->addMenu(DocumentFiles::tr("Open &Recent"));
    QObject::connect(recent, &QMenu::aboutToShow, recent, [recent, files] { fillRecentMenu(recent, files); });
    fillRecentMenu(recent, files);
    fileMenu->addAction(DocumentFiles::tr("&Save"), QKeySequence::Save, files, &DocumentFiles::save);
    fileMenu->addAction(DocumentFiles::tr("Save &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), files,
                        &DocumentFiles::saveAs);
}

}  // namespace bp
