// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/palette_colors.h"

#include <algorithm>
#include <cmath>

#include "ui/canvas/canvas_style.h"

namespace bp::style {
namespace {

double channel(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

double luminance(const QColor& c) {
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

}  // namespace

QColor mix(const QColor& a, const QColor& b, double t) {
    const QColor x = a.toRgb(), y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() * (1 - t) + y.redF() * t), float(x.greenF() * (1 - t) + y.greenF() * t),
                            float(x.blueF() * (1 - t) + y.blueF() * t));
}

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool isDarkPalette(const QPalette& palette) {
    return luminance(palette.color(QPalette::Text)) > luminance(palette.color(QPalette::Base));
}

QColor readableOn(const QColor& background, const QColor& preferred) {
    if (contrastRatio(background, preferred) >= 4.5) return preferred;
    const QColor black(Qt::black), white(Qt::white);
    return contrastRatio(background, black) >= contrastRatio(background, white) ? black : white;
}

ErrorLineColors errorLineColors(const QPalette& palette) {
    const QColor base = palette.color(QPalette::Base);
    const QColor red(0xe5, 0x39, 0x35);
    // Light: a pale pink under dark text. Dark: a deep red under light text.
    const bool dark = isDarkPalette(palette);
    ErrorLineColors c;
    c.line = mix(base, red, dark ? 0.30 : 0.16);
    c.token = mix(base, red, dark ? 0.50 : 0.32);
    c.text = readableOn(c.token, readableOn(c.line, palette.color(QPalette::Text)));
    c.number = readableOn(c.line, dark ? QColor(0xff, 0xb4, 0xab) : kGradient);
    return c;
}

}  // namespace bp::style
