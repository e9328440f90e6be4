// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/scene_export.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSvgGenerator>
#include <cmath>

#include "ui/canvas/font_fallbacks.h"
#include "ui/canvas/graph_scene.h"
#include "ui/files/atomic_write.h"

namespace bp {
namespace {

// A PNG this large (3x of a graph of thousands of nodes) would take gigabytes: refuse it.
constexpr qint64 kMaxPixels = 200'000'000;

// The context of this file's texts in the translations.
struct SceneExport {
    Q_DECLARE_TR_FUNCTIONS(SceneExport)
};

void fail(QString* error, const QString& message) {
    if (error) *error = message;
}

// The picture is made in memory and written through a temporary file renamed into place, so a
// failed export (a full disk) leaves an older picture of the same name intact and no partial file.
bool writeBytes(const QString& path, const QByteArray& bytes, QString* error) {
    const QString problem = writeFileAtomically(path, bytes);
    if (problem.isEmpty()) return true;
    fail(error, problem);
    return false;
}

bool writeSvg(GraphScene& scene, const QString& path, QString* error) {
    const QSizeF size = scene.exportRect().size();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), size));
    svg.setTitle(QStringLiteral("Backprop Studio"));
    QPainter painter;
    if (!painter.begin(&svg)) {
        fail(error, SceneExport::tr("Cannot write “%1”.").arg(path));
        return false;
    }
    scene.renderForExport(painter, QRectF(QPointF(0, 0), size));
    if (!painter.end()) {
        fail(error, SceneExport::tr("Cannot write “%1”.").arg(path));
        return false;
    }
    return writeBytes(path, svgWithFontFallbacks(buffer.data()), error);
}

bool writePng(GraphScene& scene, const QString& path, double scale, QString* error) {
    if (!(scale > 0) || !std::isfinite(scale)) {
        fail(error, SceneExport::tr("The scale must be a positive number, not %1.").arg(scale));
        return false;
    }
    const QSize pixels = exportPixelSize(scene, scale);
    if (pixels.isEmpty() || qint64(pixels.width()) * pixels.height() > kMaxPixels) {
        fail(error, SceneExport::tr("A %1 × %2 picture is too large to write; choose a smaller scale or SVG.")
                        .arg(pixels.width())
                        .arg(pixels.height()));
        return false;
    }
    QImage image(pixels, QImage::Format_ARGB32);
    if (image.isNull()) {
        fail(error, SceneExport::tr("Not enough memory for a %1 × %2 picture.").arg(pixels.width()).arg(pixels.height()));
        return false;
    }
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        scene.renderForExport(painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image)) {
        fail(error, SceneExport::tr("Cannot write “%1”: %2").arg(path, writer.errorString()));
        return false;
    }
    return writeBytes(path, buffer.data(), error);
}

}  // namespace

QSize exportPixelSize(const GraphScene& scene, double scale) {
    const QSizeF size = scene.exportRect().size() * scale;
    return {int(std::ceil(size.width())), int(std::ceil(size.height()))};
}

bool exportScene(GraphScene& scene, const QString& path, double scale, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg")) {
        fail(error, SceneExport::tr("Pictures are written as .png or .svg, not “%1”.").arg(QFileInfo(path).fileName()));
        return false;
    }
    scene.waitForLayout();  // a huge graph may still be laid out on its worker thread
    if (scene.document()->graph().size() == 0) {
        fail(error, SceneExport::tr("There is no graph to draw."));
        return false;
    }
    // The picture shows the step's numbers even while the class is asked to predict them.
    const bool hidden = scene.hideNumbers();
    if (hidden) scene.setHideNumbers(false);
    const bool ok = suffix == QLatin1String("svg") ? writeSvg(scene, path, error) : writePng(scene, path, scale, error);
    if (hidden) scene.setHideNumbers(true);
    return ok;
}

}  // namespace bp
