// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The subcommands of SPEC §3 that need no display, run without Qt. Exit status: 0 success,
// 1 a failed check, 2 bad usage or bad input (message on stderr).
#include <string>
#include <vector>

namespace bp::cli {

bool isSubcommand(const std::string& word);
// Whether the subcommand draws with Qt (`render`): the window program runs it.
bool needsWindowProgram(const std::string& subcommand);
// args are the words after the program's name, the subcommand's name first: {"eval", "FILE", "--json"}.
// Not for a subcommand that needsWindowProgram.
int run(const std::vector<std::string>& args);

}  // namespace bp::cli
