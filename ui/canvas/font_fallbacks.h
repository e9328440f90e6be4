// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chinese in the fonts the program draws with: DejaVu Sans (Mono) have no CJK glyphs, so names
// like 损失 and the Chinese interface fall back to Noto Sans (Mono) CJK SC (Debian's
// fonts-noto-cjk), on the canvas, in the charts and panels, in PNG pictures, and in SVG files,
// whose font-family lists name the fallback for the program that opens them.
#include <QByteArray>

namespace bp {

// Registers the fallbacks with Qt (QFont::insertSubstitutions); call once after the
// application object exists.
void installFontFallbacks();

// An SVG written by QSvgGenerator with each font-family="DejaVu Sans" made a list with the CJK
// font and the generic family: font-family="'DejaVu Sans', 'Noto Sans CJK SC', sans-serif".
QByteArray svgWithFontFallbacks(const QByteArray& svg);

}  // namespace bp
