// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Notices when the open file is changed on disk by someone else (an editor, git checkout). Our
// own saves are not news: the watch knows the bytes last read or written, and only a file whose
// bytes differ is reported. Editors that save by writing a new file and renaming it over the old
// one are followed (the path is watched again after each change).
#include <QByteArray>
#include <QObject>
#include <QString>

class QFileSystemWatcher;
class QTimer;

namespace bp {

class DiskWatch : public QObject {
    Q_OBJECT
public:
    explicit DiskWatch(QObject* parent = nullptr);
    // Watches `path`, whose contents are now `contents` (as opened or saved).
    void watch(const QString& path, const QByteArray& contents);
    // Watches `path` as it is on disk now.
    void watchAsOnDisk(const QString& path);
    void stop();
    const QString& path() const { return path_; }
    // The hash (hex) of the bytes known to be at path(): what the open work started from.
    QByteArray knownHash() const { return known_.toHex(); }
    // The same hash of the file at `path` now; empty when it cannot be read.
    static QByteArray hashOfFile(const QString& path);

signals:
    void changedOnDisk(const QString& path);  // the bytes on disk are not the ones we know
    void removedFromDisk(const QString& path);

private:
    void check();
    QFileSystemWatcher* watcher_;
    QTimer* settle_;  // a change is looked at once the writer is done
    QString path_;
    QByteArray known_;  // hash of the bytes we know
};

}  // namespace bp
