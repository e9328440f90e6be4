// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What both executables share of the command line (no Qt): the options of a subcommand, the
// usage text, and the exit statuses of SPEC §3 (0 success, 1 a failed check, 2 bad usage or bad
// input, message on stderr).
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace bp::cli {

// Bad usage or bad input: exit status 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Options {
    std::string command;
    std::vector<std::string> files;
    std::vector<std::pair<std::string, std::string>> sets;  // --set NAME=LITERAL
    std::map<std::string, std::string> values;              // --seed, --steps, --lr, -o, ...
    bool json = false;
};

// args are the words from the subcommand's name on: {"eval", "FILE", "--json"}.
Options parseOptions(const std::vector<std::string>& args);
// The one FILE of a subcommand that takes exactly one.
const std::string& theFile(const Options& o);
// The number given for option `name`, or `fallback`; without either, a UsageError.
double numberOption(const Options& o, const std::string& name, std::optional<double> fallback = {});

void printUsage();
// The exit status of `command`, the subcommand `args` (args[0] and its arguments): its own, or 2
// with the message of what it threw on stderr. Out of memory, anywhere in it, is refused the same
// way (app/out_of_memory.h), naming `args`.
int runReportingErrors(const std::vector<std::string>& args, const std::function<int()>& command);
// Without a subcommand the arguments are [FILE]: the exit status of a usage error with its
// message on stderr, or nothing when the window may open.
std::optional<int> windowArgumentsError(int argc, char** argv);

}  // namespace bp::cli
