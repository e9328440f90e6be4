// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The subcommands of SPEC §3 that need no display. Exit status: 0 success, 1 a failed check,
// 2 bad usage or bad input (message on stderr).
#include <string>
#include <vector>

namespace bp::cli {

bool isSubcommand(const std::string& word);
// args are the words after the subcommand's name... including it: {"eval", "FILE", "--json"}.
int run(const std::vector<std::string>& args);
void printUsage();

}  // namespace bp::cli
