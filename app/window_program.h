// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// backprop-studio itself loads no Qt, so a subcommand starts in a few milliseconds. The window
// and `render` draw with Qt: for them it replaces itself (execv, same process id) with the
// window program, BPS_WINDOW_PROGRAM, installed beside it, passing the same arguments.

namespace bp::cli {

// Runs the window program with `argv` (argv[0] kept). Returns only when it cannot be started:
// then the exit status 2, with the reason on stderr.
int execWindowProgram(char** argv);

}  // namespace bp::cli
