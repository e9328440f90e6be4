// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/render_command.h"

#include <QApplication>
#include <cstdio>
#include <cstdlib>

#include "app/command_line.h"
#include "core/io/load_program.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/scene_export.h"
#include "ui/document/graph_document.h"

namespace bp::cli {

int renderProgram(const std::string& file, const std::string& out, const std::string& phase, long step) {
    // No display needed: the offscreen platform draws with the same code as the window.
    if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
    int argc = 1;
    char name[] = "backprop-studio";
    char* argv[] = {name, nullptr};
    QApplication app(argc, argv);

    GraphDocument doc;
    doc.setProgram(loadProgram(file), QString());
    const StepCursor& c = doc.cursor();
    // --step K counts within the phase; without it, the end of the phase.
    const int base = phase == "forward" ? 0 : c.forwardCount();
    const int count = phase == "forward" ? c.forwardCount() : c.backwardCount();
    if (step > count) {
        std::fprintf(stderr, "backprop-studio: --step %ld is past the end of the %s phase (%d steps)\n", step,
                     phase.c_str(), count);
        return 2;
    }
    doc.setCursorPosition(base + int(step < 0 ? count : step));

    GraphScene scene(&doc);
    const QString path = QString::fromStdString(out);
    const bool svg = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive);
    if (!svg && !path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)) {
        std::fprintf(stderr, "backprop-studio: render writes .png or .svg, not '%s'\n", out.c_str());
        return 2;
    }
    const double scale = 2.0;  // sharp on slides
    QString error;
    if (!exportScene(scene, path, scale, &error)) {
        std::fprintf(stderr, "backprop-studio: %s\n", qPrintable(error));
        return 2;
    }
    return 0;
}

int renderCommand(const std::vector<std::string>& args) {
    return runReportingErrors(args, [&] {
        const Options o = parseOptions(args);
        auto out = o.values.find("-o");
        if (out == o.values.end()) throw UsageError("'render' needs -o OUT.png|OUT.svg");
        auto phase = o.values.count("--phase") ? o.values.at("--phase") : std::string("backward");
        if (phase != "forward" && phase != "backward") throw UsageError("--phase is forward or backward");
        const double step = numberOption(o, "--step", -1.0);
        return renderProgram(theFile(o), out->second, phase, static_cast<long>(step));
    });
}

}  // namespace bp::cli
