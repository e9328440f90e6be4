// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace bp {

static const char* const kKey = "files/recent";

RecentFiles::RecentFiles(QObject* parent) : QObject(parent) {
    files_ = QSettings().value(kKey).toStringList();
    files_.removeAll(QString());
    while (files_.size() > kMaxFiles) files_.removeLast();
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files_.removeAll(absolute);
    files_.prepend(absolute);
    while (files_.size() > kMaxFiles) files_.removeLast();
    store();
}

void RecentFiles::remove(const QString& path) {
    if (files_.removeAll(QFileInfo(path).absoluteFilePath()) > 0) store();
}

void RecentFiles::clear() {
    files_.clear();
    store();
}

void RecentFiles::store() {
    QSettings().setValue(kKey, files_);
    emit changed();
}

}  // namespace bp
