// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/atomic_write.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace bp {

static QString failure(const QString& path, const QString& reason) {
    return QCoreApplication::translate("bp::AtomicWrite", "Could not save “%1”: %2.\nThe file on disk was not changed.")
        .arg(QFileInfo(path).absoluteFilePath(), reason);
}

QString writeFileAtomically(const QString& path, const QByteArray& bytes) {
    if (QFileInfo(path).isDir())
        return failure(path, QCoreApplication::translate("bp::AtomicWrite", "it is a folder"));
    QSaveFile file(path);
    // Never fall back to writing the file in place: a failure half-way would leave it broken.
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly)) return failure(path, file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failure(path, reason);
    }
    if (!file.commit()) return failure(path, file.errorString());
    return {};
}

}  // namespace bp
