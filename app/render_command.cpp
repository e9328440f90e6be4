// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/render_command.h"

#include <QApplication>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "app/load_with_warnings.h"
#include "core/io/load_program.h"
#include "ui/canvas/font_fallbacks.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/scene_export.h"
#include "ui/document/graph_document.h"

namespace bp::cli {

double fittedScale(double unitsWide, double unitsHigh, const PictureSize& size, bool* reduced) {
    double scale = size.scale;
    if (size.width > 0 && size.height > 0)
        scale = std::min(size.width / unitsWide, size.height / unitsHigh);
    else if (size.width > 0)
        scale = size.width / unitsWide;
    else if (size.height > 0)
        scale = size.height / unitsHigh;
    double limit = std::min(size.maxSide / unitsWide, size.maxSide / unitsHigh);
    limit = std::min(limit, std::sqrt(double(size.maxPixels) / (unitsWide * unitsHigh)));
    // ceil() of the pixel size must stay within the limits too.
    limit *= 0.9999;
    if (reduced) *reduced = scale > limit;
    return std::min(scale, limit);
}

int renderProgram(const std::string& file, const std::string& out, const std::string& phase, long step,
                  const PictureSize& size) {
    // No display needed: the offscreen platform draws with the same code as the window.
    if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
    int argc = 1;
    char name[] = "backprop-studio";
    char* argv[] = {name, nullptr};
    QApplication app(argc, argv);
    bp::installFontFallbacks();

    const QString path = QString::fromStdString(out);
    const bool svg = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive);
    if (!svg && !path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)) {
        std::fprintf(stderr, "backprop-studio: render writes .png or .svg, not '%s'\n", out.c_str());
        return 2;
    }
    GraphDocument doc;
    doc.setProgram(cli::loadProgramWithWarnings(file), QString());
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
    double scale = size.scale;
    if (!svg) {
        scene.waitForLayout();
        const QSizeF units = scene.exportRect().size();
        bool reduced = false;
        scale = fittedScale(std::max(units.width(), 1.0), std::max(units.height(), 1.0), size, &reduced);
        if (reduced) {
            const QSize asked = exportPixelSize(scene, fittedScale(units.width(), units.height(),
                                                                   {size.scale, size.width, size.height, 1 << 30, 1LL << 62},
                                                                   nullptr));
            const QSize written = exportPixelSize(scene, scale);
            std::fprintf(stderr,
                         "backprop-studio: a %d x %d picture is larger than %d pixels a side or %lld pixels; "
                         "scaled down to %d x %d (SVG has no limit)\n",
                         asked.width(), asked.height(), size.maxSide, size.maxPixels, written.width(), written.height());
        }
    }
    QString error;
    if (!exportScene(scene, path, scale, &error)) {
        std::fprintf(stderr, "backprop-studio: %s\n", qPrintable(error));
        return 2;
    }
    return 0;
}

int renderCommand(const Options& o) {
    return runReportingErrors([&] {
        auto phase = o.values.count("--phase") ? o.values.at("--phase") : std::string("backward");
        PictureSize size;
        size.scale = numberOption(o, "--scale", 2.0);
        size.width = int(numberOption(o, "--width", 0));
        size.height = int(numberOption(o, "--height", 0));
        size.maxSide = int(numberOption(o, "--max-size", size.maxSide));
        const long step = long(numberOption(o, "--step", -1.0));
        return renderProgram(theFile(o), o.values.at("-o"), phase, step, size);
    });
}

}  // namespace bp::cli
