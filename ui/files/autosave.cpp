// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/autosave.h"
#include "ui/document/parse_error_text.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>
#include <algorithm>

#include "core/io/load_program.h"
#include "ui/document/graph_document.h"
#include "ui/files/atomic_write.h"

namespace bp {

namespace {

QString lockPathFor(const QString& documentPath) {
    return documentPath.left(documentPath.size() - int(qstrlen(".json"))) + QStringLiteral(".lock");
}

std::unique_ptr<QLockFile> makeLock(const QString& path) {
    auto lock = std::make_unique<QLockFile>(path);
    // A lock is stale only when its process is gone, never because it is old: a lecture is long.
    lock->setStaleLockTime(0);
    return lock;
}

QString stringField(const nlohmann::json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? QString::fromStdString(j[key].get<std::string>())
                                                                  : QString();
}

}  // namespace

Autosave::Autosave(GraphDocument* doc, std::function<Snapshot()> snapshot, QObject* parent)
    : QObject(parent), doc_(doc), snapshot_(std::move(snapshot)), directory_(defaultDirectory()),
      timer_(new QTimer(this)) {
    connect(timer_, &QTimer::timeout, this, &Autosave::tick);
    const auto changed = [this] { ++generation_; };
    connect(doc_, &GraphDocument::valuesChanged, this, changed);
    connect(doc_, &GraphDocument::programReplaced, this, changed);
    connect(doc_, &GraphDocument::cursorChanged, this, changed);
    connect(doc_, &GraphDocument::typedSourceChanged, this, changed);
    connect(doc_, &GraphDocument::modifiedChanged, this, [this](bool modified) {
        ++generation_;
        if (!modified) removeSessionFile();  // saved (or back to as saved): the file holds the work
    });
}

// Not a clean end (the window was not closed through stop()): any autosave stays, to be offered.
Autosave::~Autosave() = default;

QString Autosave::defaultDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

int Autosave::defaultInterval() {
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("BPS_AUTOSAVE_INTERVAL_MS", &ok);
    return ok && ms >= 50 ? ms : 30'000;
}

QString Autosave::sessionFile() const {
    return directory_ + QStringLiteral("/session-%1.json").arg(QCoreApplication::applicationPid());
}

QString Autosave::start(int intervalMs) {
    if (lock_) return {};
    if (!QDir().mkpath(directory_))
        return tr("Autosave is off: cannot create the folder “%1”.").arg(QDir::toNativeSeparators(directory_));
    auto lock = makeLock(lockPathFor(sessionFile()));
    if (!lock->tryLock(0))
        return tr("Autosave is off: cannot lock “%1”.").arg(QDir::toNativeSeparators(lockPathFor(sessionFile())));
    lock_ = std::move(lock);
    // A dead process with our pid may have left work under our name: move it aside to be offered.
    if (QFile::exists(sessionFile()))
        QFile::rename(sessionFile(), directory_ + QStringLiteral("/session-%1-%2.json")
                                                      .arg(QCoreApplication::applicationPid())
                                                      .arg(QDateTime::currentMSecsSinceEpoch()));
    // Locks of sessions that ended without work to keep (a kill while nothing was unsaved).
    for (const QFileInfo& info : QDir(directory_).entryInfoList({QStringLiteral("session-*.lock")}, QDir::Files)) {
        const QString documentPath = info.absoluteFilePath().chopped(int(qstrlen(".lock"))) + QStringLiteral(".json");
        if (QFile::exists(documentPath) || documentPath == QFileInfo(sessionFile()).absoluteFilePath()) continue;
        auto stale = makeLock(info.absoluteFilePath());
        if (stale->tryLock(0)) stale->unlock();  // unlocking removes it
    }
    timer_->start(intervalMs);
    return {};
}

void Autosave::tick() {
    if (!doc_->isModified() || (written_ && writtenGeneration_ == generation_)) return;
    writeNow();
}

QString Autosave::writeNow() {
    if (!lock_ || !doc_->isModified()) return {};
    Snapshot snapshot = snapshot_();
    snapshot.document["autosave"] = {
        {"saved", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString()},
        {"title", snapshot.title.toStdString()},
        {"file", snapshot.originalFile.toStdString()},
        {"fileHash", snapshot.fileHash.toStdString()}};
    if (doc_->hasUnappliedSource()) snapshot.document["autosave"]["typed"] = doc_->typedSource().toStdString();
    const QString error =
        writeFileAtomically(sessionFile(), QByteArray::fromStdString(documentText(snapshot.document)));
    if (!error.isEmpty()) {
        if (error != lastError_) emit failed(tr("Autosave failed. %1").arg(error));
        lastError_ = error;
        return error;
    }
    if (!lastError_.isEmpty()) emit working();
    lastError_.clear();
    written_ = true;
    writtenGeneration_ = generation_;
    return {};
}

void Autosave::removeSessionFile() {
    if (written_ || QFile::exists(sessionFile())) QFile::remove(sessionFile());
    written_ = false;
}

void Autosave::stop() {
    timer_->stop();
    if (!lock_) return;
    removeSessionFile();
    lock_.reset();  // unlocks, removing the lock file
}

std::vector<LeftoverWork> Autosave::findLeftovers(QStringList* problems) const {
    std::vector<LeftoverWork> found;
    const QFileInfoList files =
        QDir(directory_).entryInfoList({QStringLiteral("session-*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo& info : files) {
        const QString path = info.absoluteFilePath();
        if (lock_ && path == QFileInfo(sessionFile()).absoluteFilePath()) continue;
        auto lock = makeLock(lockPathFor(path));
        if (!lock->tryLock(0)) continue;  // its window is still open
        QFile file(path);
        LeftoverWork work;
        try {
            if (!file.open(QIODevice::ReadOnly)) throw LoadError(path.toStdString(), plain(file.errorString().toStdString()));
            const std::string text = file.readAll().toStdString();
            work.document = documentFromText(text, path.toStdString());
            const nlohmann::json meta = nlohmann::json::parse(text).value("autosave", nlohmann::json::object());
            work.savedAt = QDateTime::fromString(stringField(meta, "saved"), Qt::ISODateWithMs);
            work.title = stringField(meta, "title");
            work.originalFile = stringField(meta, "file");
            work.typed = stringField(meta, "typed");
            work.fileHash = stringField(meta, "fileHash").toLatin1();
        } catch (const std::exception& e) {
            // Kept for whoever wants to look, never offered again.
            QFile::rename(path, path + QStringLiteral(".unreadable"));
            if (problems) *problems << tr("An autosave could not be read and was set aside: %1").arg(errorText(e));
            continue;
        }
        if (!work.savedAt.isValid()) work.savedAt = info.lastModified();
        work.documentPath = path;
        work.lock = std::move(lock);
        found.push_back(std::move(work));
    }
    std::sort(found.begin(), found.end(), [](const LeftoverWork& a, const LeftoverWork& b) { return a.savedAt > b.savedAt; });
    return found;
}

void Autosave::release(LeftoverWork& work, bool remove) {
    if (remove) QFile::remove(work.documentPath);
    work.lock.reset();
}

}  // namespace bp
