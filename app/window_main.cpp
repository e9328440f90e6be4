// SPDX-License-Identifier: GPL-3.0-or-later
// backprop-studio-window: the window, and `render`, which draws what the window draws. Users
// start it as `backprop-studio [FILE]` and `backprop-studio render ...` (app/main.cpp).
#include <QApplication>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <variant>
#include <vector>

#include "app/command_line.h"
#include "app/out_of_memory.h"
#include "app/render_command.h"
#include "resources/shipped_examples.h"
#include "core/language/parser.h"
#include "ui/document/graph_document.h"
#include "ui/window/application_identity.h"
#include "ui/canvas/font_fallbacks.h"
#include "ui/files/document_files.h"
#include "ui/window/guarded_application.h"
#include "ui/window/interface_language.h"
#include "ui/window/main_window.h"

namespace {

// --set NAME=LITERAL for the window: each an undoable edit of the open graph, as typing the value
// in the inspector would make (so the work is unsaved, and autosaved). Returns what went wrong.
std::string applySets(bp::MainWindow& window, const std::vector<std::pair<std::string, std::string>>& sets) {
    bp::GraphDocument& doc = *window.document();
    for (const auto& [name, literal] : sets) {
        const bp::NodeId id = doc.graph().find(name);
        if (id < 0) return "--set: no node named '" + name + "'";
        try {
            if (!doc.editLeafValue(id, bp::parseLiteral(literal, "--set " + name)))
                return "--set: '" + name + "' is not a leaf of that shape";
        } catch (const std::exception& e) {
            return std::string("--set: ") + e.what();
        }
    }
    return {};
}

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
    if (options.command == "render") {
        bp::cli::armOutOfMemoryRefusal(std::vector<std::string>(argv + 1, argv + argc));
        return bp::cli::renderCommand(options);
    }
    if (const auto status = bp::cli::windowFileError(options)) return *status;
    if (!haveDisplay()) {
        std::fprintf(stderr,
                     "backprop-studio: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
                     "the commands work without one: see 'backprop-studio --help'\n");
        return 2;
    }
    QtMessageHandler previous = qInstallMessageHandler(startupMessages);
    bp::GuardedApplication app(argc, argv);
    starting = false;
    qInstallMessageHandler(previous);
    for (const QString& message : heldMessages) std::fprintf(stderr, "%s\n", qPrintable(message));
    bp::setApplicationIdentity(app);
    bp::installTranslators(app);
    bp::installFontFallbacks();
    bp::MainWindow window;
    QString error;
    if (!options.files.empty()) error = window.openFile(QString::fromLocal8Bit(options.files[0].c_str()));
    else window.openExample(QString::fromUtf8(bp::defaultExampleName()));
    if (error.isEmpty()) error = QString::fromStdString(applySets(window, options.sets));
    window.show();
    if (!error.isEmpty()) {
        // The window stays open with the message (a .bpg with errors opens as text instead); the
        // terminal gets it too.
        std::fprintf(stderr, "%s\n", qPrintable(error));
        QTimer::singleShot(0, &window, [&window, error] { window.files()->tellOpenError(error); });
    }
    return app.exec();
}
