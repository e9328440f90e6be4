// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Files dragged onto the window or the source panel from a file manager.
#include <QStringList>

class QMimeData;

namespace bp {

// The local files among the dragged data that the program opens (.bpg, .bps, .json, .onnx, in any
// case), in the order given. Empty for text, remote URLs and other files.
QStringList droppedGraphFiles(const QMimeData* data);

}  // namespace bp
