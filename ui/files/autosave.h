// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Autosave and crash recovery. While the document holds unsaved work, it is written every
// 30 seconds (BPS_AUTOSAVE_INTERVAL_MS overrides, for tests) to
//   <AppDataLocation>/autosave/session-<pid>.json
// a JSON document with an "autosave" object added: {"saved": ISO time, "title", "file"}. Each
// running window holds session-<pid>.lock (a QLockFile: the kernel drops its lock when the
// process dies, however it dies). The files go when the work is saved or the window closes
// cleanly. At the next start, a session file whose lock nobody holds is work left by a crash or
// a kill, and is offered back.
#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

#include "core/io/document_json.h"

class QTimer;

namespace bp {

class GraphDocument;

// Work left behind by a session that did not end cleanly. Holds that session's lock while it
// exists, so two windows starting together do not both offer it.
struct LeftoverWork {
    QString documentPath;     // the session-<pid>.json
    QDateTime savedAt;        // when it was autosaved
    QString title;            // what the window's title said
    QString originalFile;     // the file the work came from, or empty
    DocumentFile document;  // read and checked
    QString typed;            // the Source panel's text when it was not applied, or empty
    QByteArray fileHash;      // of originalFile as the work started from it, or empty
    std::unique_ptr<QLockFile> lock;
};

class Autosave : public QObject {
    Q_OBJECT
public:
    // What to write: the document, the title and the file it came from.
    struct Snapshot {
        nlohmann::json document;
        QString title;
        QString originalFile;
        QByteArray fileHash;  // of originalFile's bytes the work started from (DiskWatch::knownHash)
    };

    Autosave(GraphDocument* doc, std::function<Snapshot()> snapshot, QObject* parent = nullptr);
    ~Autosave() override;

    static QString defaultDirectory();  // <AppDataLocation>/autosave
    static int defaultInterval();       // 30000 ms, or BPS_AUTOSAVE_INTERVAL_MS
    void setDirectory(const QString& directory) { directory_ = directory; }  // before start()
    const QString& directory() const { return directory_; }
    QString sessionFile() const;

    // Takes this session's lock and starts the timer. Returns an error message, or empty.
    QString start(int intervalMs = defaultInterval());
    bool isRunning() const { return lock_ != nullptr; }
    // Writes the work now if the document holds unsaved work. Returns an error message, or empty.
    QString writeNow();
    // The session ends cleanly: its files are removed.
    void stop();

    // Sessions that ended without a clean close, newest first. Unreadable ones are renamed to
    // *.unreadable (kept, never offered again) and reported in `problems`.
    std::vector<LeftoverWork> findLeftovers(QStringList* problems = nullptr) const;
    // Done with a leftover: its files are removed when `remove`, else kept for the next start.
    static void release(LeftoverWork& work, bool remove);

signals:
    void failed(const QString& message);  // an autosave could not be written
    void working();                       // a write succeeded after a failure

private:
    void tick();
    void removeSessionFile();

    GraphDocument* doc_;
    std::function<Snapshot()> snapshot_;
    QString directory_;
    QTimer* timer_;
    std::unique_ptr<QLockFile> lock_;
    quint64 generation_ = 0;         // bumped by every change of the document
    quint64 writtenGeneration_ = 0;  // the generation on disk
    bool written_ = false;
    QString lastError_;
};

}  // namespace bp
