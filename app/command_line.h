// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What both executables share of the command line (no Qt): the parser (CLI11) with every
// subcommand and its own options, validated values, the help and version texts, and the exit
// statuses of SPEC §3 (0 success, 1 a failed check, 2 bad usage, bad input or a failed write;
// messages on stderr, --help and --version on stdout).
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace bp::cli {

// Bad usage or bad input: exit status 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Options {
    std::string command;  // "" for the window
    std::vector<std::string> files;
    std::vector<std::pair<std::string, std::string>> sets;  // --set NAME=LITERAL
    std::map<std::string, std::string> values;              // --seed, --steps, --lr, -o, ... (already validated)
    bool json = false;
};

// Parses the whole command line (argv[0] the program's name). Returns the options to run, or the
// exit status when nothing is left to run: 0 after --help, --version or `help [COMMAND]` (printed
// on stdout), 2 after a usage error (the message on stderr).
std::variant<Options, int> parseCommandLine(int argc, const char* const* argv);
// The same for the words after the program's name: {"eval", "FILE", "--json"}.
std::variant<Options, int> parseCommandLine(const std::vector<std::string>& args);

// The names of the subcommands, in the order the help lists them.
std::vector<std::string> subcommandNames();
// "backprop-studio 0.1.0" and the versions of the libraries the command line is built with.
std::string versionText();

// Without a command the arguments are [FILE]: a FILE that does not exist is a usage error (the
// status, with the message on stderr), said before any window or display is needed.
std::optional<int> windowFileError(const Options& o);

// The one FILE of a subcommand that takes exactly one.
const std::string& theFile(const Options& o);
// The number given for option `name` (validated while parsing), or `fallback`; without either,
// a UsageError.
double numberOption(const Options& o, const std::string& name, std::optional<double> fallback = {});

// The exit status of `command`: its own, or 2 with the message of what it threw on stderr; 2 too
// when what it wrote on stdout could not be written (a full disk, a closed pipe). Out of memory,
// anywhere in it, is refused the same way (app/out_of_memory.h), once the refusal is armed.
int runReportingErrors(const std::function<int()>& command);

}  // namespace bp::cli
