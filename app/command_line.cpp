// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/command_line.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <new>

#include "app/out_of_memory.h"
#include "core/io/load_program.h"
#include "core/language/parser.h"

namespace bp::cli {

Options parseOptions(const std::vector<std::string>& args) {
    static const std::vector<std::string> withValue{"--seed", "--steps", "--lr", "--momentum", "-o", "--phase", "--step",
                                                    "--scale"};
    Options o;
    o.command = args.at(0);
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            o.json = true;
        } else if (a == "--all") {  // check: every entry, not a sample
            o.values[a] = "1";
        } else if (a == "--set") {
            if (i + 1 >= args.size()) throw UsageError("--set needs NAME=LITERAL");
            const std::string& s = args[++i];
            const auto eq = s.find('=');
            if (eq == std::string::npos || eq == 0) throw UsageError("--set needs NAME=LITERAL, got '" + s + "'");
            o.sets.emplace_back(s.substr(0, eq), s.substr(eq + 1));
        } else if (std::find(withValue.begin(), withValue.end(), a) != withValue.end()) {
            if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
            o.values[a] = args[++i];
        } else if (a.size() > 1 && a[0] == '-' && a != "-") {
            throw UsageError("unknown option '" + a + "' for '" + o.command + "'");
        } else {
            o.files.push_back(a);
        }
    }
    return o;
}

const std::string& theFile(const Options& o) {
    if (o.files.size() != 1) throw UsageError("'" + o.command + "' takes exactly one FILE");
    return o.files[0];
}

double numberOption(const Options& o, const std::string& name, std::optional<double> fallback) {
    auto it = o.values.find(name);
    if (it == o.values.end()) {
        if (fallback) return *fallback;
        throw UsageError("'" + o.command + "' needs " + name);
    }
    try {
        std::size_t used = 0;
        double v = std::stod(it->second, &used);
        if (used != it->second.size()) throw std::invalid_argument("");
        return v;
    } catch (const std::exception&) {
        throw UsageError(name + " needs a number, got '" + it->second + "'");
    }
}

void printUsage() {
    std::fputs(
        "usage: backprop-studio [FILE]                       open the window (default: the mlp-1-2-2 example)\n"
        "       backprop-studio eval FILE [--set NAME=LITERAL]... [--seed LITERAL] [--json]\n"
        "       backprop-studio trace FILE [--json]\n"
        "       backprop-studio train FILE --steps N --lr LR [--momentum M] [--json]\n"
        "       backprop-studio check FILE [--json]\n"
        "       backprop-studio render FILE -o OUT.png|OUT.svg [--phase forward|backward] [--step K]\n"
        "       backprop-studio convert FILE -o OUT.bpg|OUT.json|OUT.py\n"
        "       backprop-studio examples [NAME]\n",
        stderr);
}

int runReportingErrors(const std::vector<std::string>& args, const std::function<int()>& command) {
    armOutOfMemoryRefusal(args);
    try {
        return command();
    } catch (const std::bad_alloc&) {  // the one place every subcommand's out of memory is refused
        return refuseOutOfMemory();
    } catch (const UsageError& e) {
        std::fprintf(stderr, "backprop-studio: %s\n", e.what());
        return 2;
    } catch (const LoadError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    } catch (const ParseError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "backprop-studio: error: %s\n", e.what());
        return 2;
    }
}

std::optional<int> windowArgumentsError(int argc, char** argv) {
    if (argc > 2) {
        printUsage();
        return 2;
    }
    if (argc == 2 && !std::filesystem::exists(argv[1])) {
        // Said before any window or display is needed.
        std::fprintf(stderr, "backprop-studio: '%s' is neither a file nor a command (see 'backprop-studio help')\n",
                     argv[1]);
        return 2;
    }
    return std::nullopt;
}

}  // namespace bp::cli
