// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <optional>
#include <string>

#include "app/command_line.h"

namespace bp::cli {

// How large a PNG `render` writes.
struct PictureSize {
    double scale = 2.0;      // pixels per unit of the canvas (--scale); 2 is sharp on slides
    int width = 0;           // --width: scale to this width (0: not asked)
    int height = 0;          // --height: scale to this height, or with width fit in both
    int maxSide = 16384;     // larger pictures are scaled down to fit, saying so on stderr
    long long maxPixels = 100'000'000;
};

// The scale that gives the picture of a canvas of `units` (width, height) the size asked for,
// reduced until it fits in maxSide and maxPixels. `reduced` tells whether it was.
double fittedScale(double unitsWide, double unitsHigh, const PictureSize& size, bool* reduced);

// `render FILE -o OUT.png|OUT.svg --phase forward|backward --step K`: the canvas as the window
// draws it at that step, without a display. step < 0 means the end of the phase.
int renderProgram(const std::string& file, const std::string& out, const std::string& phase, long step,
                  const PictureSize& size);

// The whole subcommand (options parsed and validated); errors exit with 2.
int renderCommand(const Options& o);

}  // namespace bp::cli
