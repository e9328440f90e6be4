// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Saving without ever damaging the file that is there: the bytes go to a temporary file beside
// it (QSaveFile), which replaces the old file only once everything is written and flushed.
#include <QByteArray>
#include <QString>

namespace bp {

// Returns an empty string on success; otherwise the message for the user, and the file at
// `path` is exactly as it was (or still absent).
QString writeFileAtomically(const QString& path, const QByteArray& bytes);

}  // namespace bp
