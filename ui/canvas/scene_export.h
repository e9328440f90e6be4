// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The canvas as a picture for slides: PNG at a chosen scale, or SVG. One function for the window
// (File > Export picture…, Export all steps…) and the `render` command alike.
#include <QSize>
#include <QString>

namespace bp {

class GraphScene;

// The pixel size of a PNG of the scene at `scale` (1 = one pixel per scene unit).
QSize exportPixelSize(const GraphScene& scene, double scale);

// Writes the scene as it shows now (the current step, values and gradients) to `path`: .png at
// `scale`, or .svg (a vector drawing; `scale` is ignored). The numbers hidden for the class to
// predict are shown. On failure returns false with the reason in `error` (when given).
bool exportScene(GraphScene& scene, const QString& path, double scale, QString* error = nullptr);

}  // namespace bp
