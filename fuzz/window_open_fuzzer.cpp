// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the window's open path, as File > Open takes it: the bytes become a file
// (.bpg, .bps, .json or .onnx, chosen by the first byte), the window opens it (the document, the
// graph, the evaluation, the canvas, every dock), then steps to the start, through the first
// steps and to the end, painting as it goes. A file the window cannot run must leave a message
// and a window that works; nothing may crash. Offscreen; a small memory budget keeps runs short.
#include <QApplication>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <cstdint>

#include "ui/document/graph_document.h"
#include "ui/files/document_files.h"
#include "ui/window/main_window.h"

namespace {

QApplication* app = nullptr;
QTemporaryDir* folder = nullptr;
bp::MainWindow* window = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("BACKPROP_STUDIO_MEMORY_MB", "256");
    QStandardPaths::setTestModeEnabled(true);  // no autosave, no settings of the user's
    app = new QApplication(*argc, *argv);
    folder = new QTemporaryDir;
    window = new bp::MainWindow;
    window->resize(1280, 720);
    window->show();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    static const char* const kSuffixes[] = {"bpg", "bps", "json", "onnx"};
    const QString path = folder->filePath(QStringLiteral("input.") + QLatin1String(kSuffixes[data[0] % 4]));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return 0;
        file.write(reinterpret_cast<const char*>(data + 1), qint64(size - 1));
    }
    (void)window->files()->open(path);  // an error message is an answer too
    bp::GraphDocument* doc = window->document();
    doc->toStart();
    for (int i = 0; i < 3; ++i) doc->stepForward();
    QCoreApplication::processEvents();
    doc->toEnd();
    QCoreApplication::processEvents();
    (void)window->grab();  // paints the canvas and the docks
    return 0;
}
