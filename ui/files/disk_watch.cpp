// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/disk_watch.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileSystemWatcher>
#include <QTimer>

namespace bp {

static QByteArray hashOf(const QByteArray& bytes) { return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256); }

DiskWatch::DiskWatch(QObject* parent)
    : QObject(parent), watcher_(new QFileSystemWatcher(this)), settle_(new QTimer(this)) {
    settle_->setSingleShot(true);
    settle_->setInterval(250);
    connect(watcher_, &QFileSystemWatcher::fileChanged, settle_, qOverload<>(&QTimer::start));
    connect(settle_, &QTimer::timeout, this, &DiskWatch::check);
}

void DiskWatch::watch(const QString& path, const QByteArray& contents) {
    const QString watched = path;  // `path` may be path_ itself, which stop() clears
    stop();
    path_ = watched;
    known_ = hashOf(contents);
    watcher_->addPath(watched);
}

void DiskWatch::watchAsOnDisk(const QString& path) {
    QFile file(path);
    watch(path, file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
}

QByteArray DiskWatch::hashOfFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? hashOf(file.readAll()).toHex() : QByteArray();
}

void DiskWatch::stop() {
    if (!watcher_->files().isEmpty()) watcher_->removePaths(watcher_->files());
    settle_->stop();
    path_.clear();
    known_.clear();
}

void DiskWatch::check() {
    if (path_.isEmpty()) return;
    QFile file(path_);
    if (!file.exists()) {
        const QString gone = path_;
        stop();
        emit removedFromDisk(gone);
        return;
    }
    // A file replaced by a rename is a new file to the watcher: watch it again.
    if (!watcher_->files().contains(path_)) watcher_->addPath(path_);
    if (!file.open(QIODevice::ReadOnly)) return;
    const QByteArray now = hashOf(file.readAll());
    if (now == known_) return;
    known_ = now;  // reported once; the answer (reload or keep) settles it
    const QString changed = path_;  // a copy: the receiver may watch another file, clearing path_
    emit changedOnDisk(changed);
}

}  // namespace bp
