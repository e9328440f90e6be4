// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>
#include <vector>

namespace bp::cli {

// `render FILE -o OUT.png|OUT.svg --phase forward|backward --step K`: the canvas as the window
// draws it at that step, without a display. step < 0 means the end of the phase.
int renderProgram(const std::string& file, const std::string& out, const std::string& phase, long step);

// The whole subcommand: args are {"render", FILE, options...}; usage errors exit with 2.
int renderCommand(const std::vector<std::string>& args);

}  // namespace bp::cli
