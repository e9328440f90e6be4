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
    // Unbuffered, and written in a loop: a full disk first takes part of a write and only refuses
    // the next one. Buffered, QSaveFile (Qt 6.4) takes that short write for success and commits
    // a truncated file.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) return failure(path, file.errorString());
    for (qint64 done = 0; done < bytes.size();) {
        const qint64 written = file.write(bytes.constData() + done, bytes.size() - done);
        if (written <= 0) {
            const QString reason = file.errorString();
            file.cancelWriting();
            return failure(path, reason);
        }
        done += written;
    }
    if (file.size() != bytes.size()) {
        file.cancelWriting();
        return failure(path, QCoreApplication::translate("bp::AtomicWrite", "only %1 of %2 bytes could be written")
                                 .arg(file.size())
                                 .arg(bytes.size()));
    }
    if (!file.commit()) return failure(path, file.errorString());
    return {};
}

}  // namespace bp
