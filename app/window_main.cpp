// SPDX-License-Identifier: GPL-3.0-or-later
// backprop-studio-window: the window, and `render`, which draws what the window draws. Users
// start it as `backprop-studio [FILE]` and `backprop-studio render ...` (app/main.cpp).
#include <QApplication>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <variant>

#include "app/command_line.h"
#include "app/render_command.h"
#include "resources/shipped_examples.h"
#include "ui/window/application_identity.h"
#include "ui/window/main_window.h"

namespace {

// Whether a window can be shown at all: a platform chosen, or an X11 or Wayland display.
bool haveDisplay() {
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        if (const char* v = std::getenv(name); v && *v) return true;
    return false;
}

// Qt ends a program whose display cannot be reached with warnings, a fatal message and abort()
// (exit status 134, perhaps a core file). While the application starts, its messages are held
// back; on a fatal one the program says in one line what went wrong first and exits with 2, as
// for any input it cannot use. Once started, the held messages are printed as usual.
bool starting = true;
QStringList heldMessages;
void startupMessages(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (!starting) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        return;
    }
    if (type != QtFatalMsg) {
        heldMessages << message;
        return;
    }
    const QString reason = heldMessages.isEmpty() ? message : heldMessages.front();
    std::fprintf(stderr, "backprop-studio: cannot open the window: %s\n",
                 qPrintable(reason.section(QLatin1Char('\n'), 0, 0)));
    std::_Exit(2);
}

}  // namespace

int main(int argc, char** argv) {
    auto parsed = bp::cli::parseCommandLine(argc, argv);
    if (const int* status = std::get_if<int>(&parsed)) return *status;
    const bp::cli::Options& options = std::get<bp::cli::Options>(parsed);
    if (options.command == "render") return bp::cli::renderCommand(options);
    if (const auto status = bp::cli::windowFileError(options)) return *status;
    if (!haveDisplay()) {
        std::fprintf(stderr,
                     "backprop-studio: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
                     "the commands work without one: see 'backprop-studio --help'\n");
        return 2;
    }
    QtMessageHandler previous = qInstallMessageHandler(startupMessages);
    QApplication app(argc, argv);
    starting = false;
    qInstallMessageHandler(previous);
    for (const QString& message : heldMessages) std::fprintf(stderr, "%s\n", qPrintable(message));
    bp::setApplicationIdentity(app);
    bp::MainWindow window;
    if (!options.files.empty()) {
        const QString error = window.openFile(QString::fromLocal8Bit(options.files[0].c_str()));
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
