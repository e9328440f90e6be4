// SPDX-License-Identifier: GPL-3.0-or-later
// backprop-studio: the window, or a subcommand of the command line (SPEC §3).
#include <QApplication>
#include <cstdio>
#include <filesystem>

#include "app/cli.h"
#include "ui/document/examples.h"
#include "ui/window/main_window.h"

int main(int argc, char** argv) {
    if (argc >= 2 && bp::cli::isSubcommand(argv[1])) {
        // The examples live in Qt resources, readable without a QApplication.
        return bp::cli::run(std::vector<std::string>(argv + 1, argv + argc));
    }
    if (argc > 2) {
        bp::cli::printUsage();
        return 2;
    }
    if (argc == 2 && !std::filesystem::exists(argv[1])) {
        // Said before any window or display is needed.
        std::fprintf(stderr, "backprop-studio: '%s' is neither a file nor a command (see 'backprop-studio help')\n",
                     argv[1]);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Backprop Studio"));
    QApplication::setOrganizationName(QStringLiteral("Backprop Studio"));
    bp::MainWindow window;
    if (argc == 2) {
        const QString error = window.openFile(QString::fromLocal8Bit(argv[1]));
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
    } else {
        window.openExample(QString::fromUtf8(bp::defaultExampleName()));
    }
    window.show();
    return app.exec();
}
