// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/dropped_files.h"

#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace bp {

QStringList droppedGraphFiles(const QMimeData* data) {
    QStringList files;
    if (!data || !data->hasUrls()) return files;
    for (const QUrl& url : data->urls()) {
        if (!url.isLocalFile()) continue;
        const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
        for (const char* known : {"bpg", "bps", "json", "onnx"})
            if (suffix == QLatin1String(known)) files << url.toLocalFile();
    }
    return files;
}

}  // namespace bp
