// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The subcommands of SPEC §3 that need no display, run without Qt. Exit status: 0 success,
// 1 a failed check, 2 bad usage, bad input or a failed write (message on stderr).
#include "app/command_line.h"

namespace bp::cli {

// Whether the window program runs it: the window (no command) and `render`, which draws with Qt.
bool needsWindowProgram(const Options& o);
// Runs a parsed subcommand. Not for one that needsWindowProgram.
int run(const Options& o);

}  // namespace bp::cli
