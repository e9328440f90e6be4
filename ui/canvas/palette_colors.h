// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Colours for text outside the canvas that follow the system palette, light or dark, so every
// text stays readable (the canvas keeps its own light look).
#include <QColor>
#include <QPalette>

namespace bp::style {

// The WCAG 2 contrast ratio of two colours, 1 (same) to 21 (black on white).
double contrastRatio(const QColor& a, const QColor& b);
// Whether the palette's text is lighter than its background (a dark theme).
bool isDarkPalette(const QPalette& palette);
// `preferred` when it reads on `background` (contrast at least 4.5), else black or white,
// whichever reads better.
QColor readableOn(const QColor& background, const QColor& preferred);
// `a` moved the fraction `t` (0 to 1) of the way to `b`.
QColor mix(const QColor& a, const QColor& b, double t);

// The Source panel's error line: a red tint of the palette's base with text that reads on it.
struct ErrorLineColors {
    QColor line;    // the line's background
    QColor token;   // the background of the token at the error
    QColor text;    // the text on both
    QColor number;  // the line number in the gutter
};
ErrorLineColors errorLineColors(const QPalette& palette);

}  // namespace bp::style
