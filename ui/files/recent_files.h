// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The files opened or saved lately, newest first, kept in QSettings ("files/recent").
#include <QObject>
#include <QStringList>

namespace bp {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxFiles = 10;

    explicit RecentFiles(QObject* parent = nullptr);
    QStringList files() const { return files_; }
    // Puts `path` (made absolute) first.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

signals:
    void changed();

private:
    void store();
    QStringList files_;
};

}  // namespace bp
