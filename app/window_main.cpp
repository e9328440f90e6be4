// SPDX-License-Identifier: GPL-3.0-or-later
// backprop-studio-window: the window, and `render`, which draws what the window draws. Users
// start it as `backprop-studio [FILE]` and `backprop-studio render ...` (app/main.cpp).
#include <QApplication>
#include <QTimer>
#include <cstdio>
#include <string>
#include <vector>

#include "app/command_line.h"
#include "app/render_command.h"
#include "resources/shipped_examples.h"
#include "ui/files/document_files.h"
#include "ui/window/guarded_application.h"
#include "ui/window/main_window.h"

int main(int argc, char** argv) {
    if (argc >= 2 && std::string(argv[1]) == "render")
        return bp::cli::renderCommand(std::vector<std::string>(argv + 1, argv + argc));
    if (const auto status = bp::cli::windowArgumentsError(argc, argv)) return *status;
    bp::GuardedApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Backprop Studio"));
    QApplication::setOrganizationName(QStringLiteral("Backprop Studio"));
    bp::MainWindow window;
    QString error;
    if (argc == 2) error = window.openFile(QString::fromLocal8Bit(argv[1]));
    else window.openExample(QString::fromUtf8(bp::defaultExampleName()));
    window.show();
    if (!error.isEmpty()) {
        // The window stays open with the message (a .bpg with errors opens as text instead); the
        // terminal gets it too.
        std::fprintf(stderr, "%s\n", qPrintable(error));
        QTimer::singleShot(0, &window, [&window, error] { window.files()->tellOpenError(error); });
    }
    return app.exec();
}
