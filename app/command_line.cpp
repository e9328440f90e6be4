// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/command_line.h"

#include <cstdint>

#include <CLI/CLI.hpp>
#include <Eigen/Core>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <new>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "app/out_of_memory.h"
#include "core/io/load_program.h"
#include "app/option_values.h"
#include "core/language/parser.h"

namespace bp::cli {
namespace {

constexpr const char* kProgram = "backprop-studio";

// "backprop-studio eval: MESSAGE", and where to read more.
std::string failureMessage(const CLI::App* app, const std::string& message) {
    std::string where = kProgram;
    if (app && !app->get_subcommands().empty()) where += " " + app->get_subcommands().front()->get_name();
    return where + ": " + message + "\n(see '" + where + " --help')\n";
}

// What a command did not take: the first option it does not have, or the surplus word.
std::string unexpected(const std::vector<std::string>& words, const std::string& command) {
    for (const std::string& word : words)
        if (word.size() > 1 && word[0] == '-')
            return "'" + word.substr(0, word.find('=')) + "' is not an option of " + command;
    const std::string takes = command == "help" ? "one COMMAND" : command == "examples" ? "one NAME" : "one FILE";
    return words.empty() ? "unexpected arguments" : "unexpected '" + words.front() + "' (" + command + " takes " + takes + ")";
}

struct Parser {
    CLI::App app{"Backprop Studio: computation graphs, forward values and the backward pass, edge by edge.\n\n"
                 "  backprop-studio [FILE]                 open the window on FILE (.bpg, .bps, .json, .onnx;\n"
                 "                                         default: the mlp-1-2-2 example)\n"
                 "  backprop-studio COMMAND FILE [OPTIONS] run a command without the window\n"
                 "  backprop-studio help [COMMAND]         this help, or a command's",
                 kProgram};
    Options& o;
    std::string helpTopic;

    explicit Parser(Options& options) : o(options) {
        app.set_version_flag("--version", versionText(), "Print the version and exit");
        app.set_help_flag("-h,--help", "Print this help and exit");
        app.require_subcommand(0, 1);
        // [FILE] for the window is read after parsing (parseInto), from what no command took: as a
        // positional of the program it would swallow a command's surplus words.
        app.footer("Exit status: 0 success, 1 a failed check, 2 bad usage, bad input or a failed write.\n"
                   "'backprop-studio help COMMAND' or 'backprop-studio COMMAND --help' describes a command.");
        app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
            if (dynamic_cast<const CLI::ExtrasError*>(&e) && failed && !failed->get_subcommands().empty()) {
                const CLI::App* sub = failed->get_subcommands().front();
                return failureMessage(failed, unexpected(sub->remaining(), sub->get_name()));
            }
            return failureMessage(failed, e.what());
        });

        CLI::App* eval = command("eval", "Evaluate FILE: every node's value and gradient");
        overrides(eval);
        json(eval, "The report as JSON (SPEC §3)");

        CLI::App* trace = command("trace", "The forward steps, then one backward event per edge");
        overrides(trace);
        json(trace, "The trace as JSON");

        CLI::App* train = command("train", "Train the params with SGD (as torch.optim.SGD)");
        overrides(train);
        value(train, "--steps", "N", "How many optimizer steps", wholeNumber(0, 1'000'000'000))->required();
        value(train, "--lr", "LR", "The learning rate (finite, at least 0, as PyTorch requires)",
              finiteNumber(0, INFINITY, false, " (PyTorch: invalid learning rate)"))
            ->required();
        value(train, "--momentum", "M", "The momentum (finite, at least 0; default 0)",
              finiteNumber(0, INFINITY, false, " (PyTorch: invalid momentum value)"));
        value(train, "--schedule", "KIND",
              "How the learning rate changes: constant (default), step (StepLR: times --gamma every --step-size "
              "steps) or exponential (ExponentialLR: times --gamma every step)",
              CLI::IsMember({"constant", "step", "exponential"}));
        value(train, "--step-size", "N", "The steps between decays of --schedule step", wholeNumber(1, 1'000'000'000));
        value(train, "--gamma", "G", "The decay factor of --schedule step (default 0.1) or exponential",
              finiteNumber(0, INFINITY, false, ""));
        json(train, "The losses and the trained params as JSON");

        CLI::App* check = command("check", "Compare every gradient with central differences (exit 1 on a mismatch)");
        overrides(check);
        json(check, "The comparison as JSON");
        check->add_flag_function(
            "--all", [this](std::int64_t) { o.values["--all"] = "1"; },
            "Check every entry of every leaf (default: at most 1,000 sampled entries a leaf, seed 1)");

        CLI::App* render = command("render", "Draw the graph at a step as the window does, to PNG or SVG");
        value(render, "-o,--output", "OUT", "The picture: OUT.png or OUT.svg", std::nullopt)->required();
        value(render, "--phase", "PHASE", "forward or backward (default backward)", CLI::IsMember({"forward", "backward"}));
        value(render, "--step", "K", "The step within the phase (default: its end)", wholeNumber(0, 2'000'000'000));
        value(render, "--scale", "S", "Pixels per unit of the canvas for PNG (default 2)", finiteNumber(0, 16, true));
        value(render, "--width", "W", "Scale the PNG to this width in pixels", wholeNumber(1, 32768));
        value(render, "--height", "H", "Scale the PNG to this height in pixels (with --width: fit in both)",
              wholeNumber(1, 32768));
        value(render, "--max-size", "PIXELS",
              "A PNG larger than this a side (or than 100 million pixels) is scaled down to fit (default 16384)",
              wholeNumber(16, 32768));

        CLI::App* convert = command("convert", "Write FILE as .bpg text, the JSON document or a PyTorch script");
        value(convert, "-o,--output", "OUT", "OUT.bpg, OUT.bps (the document), OUT.json (the same) or OUT.py", std::nullopt)->required();

        CLI::App* examples = app.add_subcommand("examples", "List the shipped examples, or print one's source");
        examples->add_option_function<std::string>(
            "NAME", [this](const std::string& name) { o.files = {name}; }, "The example to print");
        examples->callback([this] { o.command = "examples"; });

        CLI::App* help = app.add_subcommand("help", "Describe the program, or COMMAND");
        help->add_option("COMMAND", helpTopic, "A command")->check(CLI::IsMember(subcommandNames()));
        // The window too: --set edits a leaf once FILE is open, as an undoable edit (unsaved work).
        sets(&app);
        app.allow_extras();  // after the commands, which refuse what they do not know
    }

    CLI::App* command(const std::string& name, const std::string& description) {
        CLI::App* sub = app.add_subcommand(name, description);
        sub->add_option_function<std::string>(
               "FILE", [this](const std::string& file) { o.files = {file}; }, "A .bpg graph, a .bps or .json document, or an .onnx model")
            ->required();
        sub->callback([this, name] { o.command = name; });
        return sub;
    }

    CLI::Option* value(CLI::App* sub, const std::string& names, const std::string& type, const std::string& description,
                       const std::optional<CLI::Validator>& validator) {
        // Stored under the first long name ("--lr") or the short one ("-o"), as the commands read them.
        const std::string key = names.substr(0, names.find(','));
        CLI::Option* option =
            sub->add_option_function<std::string>(names, [this, key](const std::string& v) { o.values[key] = v; },
                                                  description);
        option->type_name(type);
        if (validator) option->check(*validator);
        return option;
    }

    void overrides(CLI::App* sub) {
        sets(sub);
        value(sub, "--seed", "LITERAL", "The gradient the backward pass starts from (the root's shape)", std::nullopt);
    }

    void sets(CLI::App* sub) {
        sub->add_option_function<std::vector<std::string>>(
               "--set",
               [this](const std::vector<std::string>& all) {
                   for (const std::string& s : all) {
                       const auto eq = s.find('=');
                       o.sets.emplace_back(s.substr(0, eq), s.substr(eq + 1));
                   }
               },
               "Give leaf NAME the value LITERAL, e.g. --set 'w=[1, 2]' (repeatable)")
            ->type_name("NAME=LITERAL")
            ->check(nameEqualsLiteral())
            ->allow_extra_args(false);
    }

    void json(CLI::App* sub, const std::string& description) { sub->add_flag("--json", o.json, description); }

    // `help` and `help COMMAND` print on stdout.
    int printHelp() {
        if (helpTopic.empty()) {
            // app.help() would describe the `help` command itself, the one selected.
            std::fputs(app.get_formatter()->make_help(&app, kProgram, CLI::AppFormatMode::Normal).c_str(), stdout);
        } else {
            std::fputs(app.get_subcommand(helpTopic)->help(kProgram).c_str(), stdout);
        }
        return 0;
    }
};

int reportFailedWrite() {
    // What the command printed is only known to have arrived once it is flushed.
    errno = 0;
    if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return 0;
    const int error = errno;
    std::fprintf(stderr, "%s: cannot write the output%s%s\n", kProgram, error ? ": " : "", error ? std::strerror(error) : "");
    return 2;
}

int parseInto(Parser& p, int argc, const char* const* argv) {
    try {
        p.app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int status = p.app.exit(e);  // help and version on stdout, errors on stderr
        const int write = reportFailedWrite();
        return status == 0 ? write : 2;
    }
    if (p.app.got_subcommand("help")) {
        p.printHelp();
        return reportFailedWrite();
    }
    // What no command took: nothing after a command, at most one FILE for the window.
    const std::vector<std::string> rest = p.app.remaining();
    std::string error;
    for (const std::string& word : rest)
        if (word.size() > 1 && word[0] == '-') {
            error = p.o.command.empty() ? "unknown option '" + word + "'"
                                        : "'" + word + "' is not an option of " + p.o.command;
            break;
        }
    if (error.empty() && !rest.empty()) {
        if (!p.o.command.empty())
            error = "unexpected '" + rest.front() + "' (" + p.o.command + " takes one FILE)";
        else if (rest.size() > 1)
            error = "the window opens one FILE, not " + std::to_string(rest.size());
        else
            p.o.files = rest;
    }
    if (!error.empty()) {
        std::fputs(failureMessage(&p.app, error).c_str(), stderr);
        return 2;
    }
    return -1;
}

}  // namespace

std::vector<std::string> subcommandNames() {
    return {"eval", "trace", "train", "check", "render", "convert", "examples", "help"};
}

std::string versionText() {
    return std::string(kProgram) + " " BPS_VERSION "\n" + "Eigen " + std::to_string(EIGEN_WORLD_VERSION) + "." +
           std::to_string(EIGEN_MAJOR_VERSION) + "." + std::to_string(EIGEN_MINOR_VERSION) + ", ONNX " BPS_ONNX_VERSION +
           ", nlohmann_json " + std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
           std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." + std::to_string(NLOHMANN_JSON_VERSION_PATCH) + ", CLI11 " +
           CLI11_VERSION + "\n" +
           "License GPL-3.0-or-later: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
           "This is free software: you are free to change and redistribute it. There is NO WARRANTY.";
}

std::variant<Options, int> parseCommandLine(int argc, const char* const* argv) {
    Options o;
    Parser p(o);
    if (const int status = parseInto(p, argc, argv); status >= 0) return status;
    return o;
}

std::variant<Options, int> parseCommandLine(const std::vector<std::string>& args) {
    std::vector<const char*> argv{kProgram};
    for (const std::string& a : args) argv.push_back(a.c_str());
    return parseCommandLine(int(argv.size()), argv.data());
}

std::optional<int> windowFileError(const Options& o) {
    if (!o.command.empty() || o.files.empty() || std::filesystem::exists(o.files[0])) return std::nullopt;
    std::fprintf(stderr, "%s: '%s' is neither a file nor a command (see '%s --help')\n", kProgram, o.files[0].c_str(),
                 kProgram);
    return 2;
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
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    if (it->second.empty() || *end != '\0') throw UsageError(name + " needs a number, got '" + it->second + "'");
    return v;
}

int runReportingErrors(const std::function<int()>& command) {
    int status = 2;
    try {
        status = command();
    } catch (const std::bad_alloc&) {  // the one place every subcommand's out of memory is refused
        // Ends here, without the exit handlers: with memory exhausted, nothing more is asked of it
        // on the way out.
        std::fflush(stdout);
        _exit(refuseOutOfMemory());
    } catch (const UsageError& e) {
        std::fprintf(stderr, "%s: %s\n", kProgram, e.what());
    } catch (const LoadError& e) {
        std::fprintf(stderr, "%s\n", e.what());
    } catch (const ParseError& e) {
        std::fprintf(stderr, "%s\n", e.what());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: error: %s\n", kProgram, e.what());
    }
    const int write = reportFailedWrite();
    return status == 0 ? write : status;
}

}  // namespace bp::cli
