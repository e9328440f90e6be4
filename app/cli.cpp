// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli.h"

#include <cstdio>
#include <unistd.h>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "app/command_line.h"
#include "app/convert_command.h"
#include "app/load_with_warnings.h"
#include "core/io/json_report.h"
#include "core/io/json_text.h"
#include "core/io/load_program.h"
#include "core/text/number_format.h"
#include "core/language/parser.h"
#include "core/train/gradient_check.h"
#include "core/train/sgd.h"
#include "resources/shipped_examples.h"

namespace bp::cli {
namespace {

Program loadWithOverrides(const Options& o) {
    Program p = loadProgramWithWarnings(theFile(o));
    for (const auto& [name, literal] : o.sets) {
        const NodeId id = p.graph.find(name);
        if (id < 0) throw UsageError("--set: no node named '" + name + "'");
        Matrix value = parseLiteral(literal, "--set " + name);
        try {
            p.graph.setLeafValue(id, value);
        } catch (const GraphError& e) {
            throw UsageError(std::string("--set: ") + e.what());
        }
    }
    if (auto it = o.values.find("--seed"); it != o.values.end()) {
        Matrix seed = parseLiteral(it->second, "--seed");
        const Shape root = p.graph.node(p.root).shape;
        if (shapeOf(seed) != root)
            throw UsageError("--seed is " + shapeText(shapeOf(seed)) + " but the root '" + p.graph.node(p.root).name() +
                             "' is " + shapeText(root));
        p.seed = seed;
    }
    return p;
}

void printJson(const nlohmann::json& j) { std::cout << jsonText(j) << '\n'; }

// A command's program and evaluation live until the process ends and are left to the operating
// system: freeing a 30,000-op graph and its evaluation matrix by matrix took an eighth of a
// `train` of it. They stay reachable from `kept`, so leak checkers do not report them (run() is
// called once per process).
template <class T>
T& keptUntilExit(T value) {
    static auto* kept = new std::vector<std::shared_ptr<void>>;
    auto owned = std::make_shared<T>(std::move(value));
    kept->push_back(owned);
    return *owned;
}

int evalCommand(const Options& o) {
    Program& p = keptUntilExit(loadWithOverrides(o));
    Evaluation& e = keptUntilExit(evaluate(p, TraceMode::Skip));  // values and gradients: no trace
    if (o.json) {
        printJson(evalReport(p, e));
        return 0;
    }
    std::printf("root: %s\n", p.graph.node(p.root).name().c_str());
    for (NodeId id = 0; id < p.graph.size(); ++id) {
        const Node& n = p.graph.node(id);
        const std::string op = n.isLeaf() ? kindName(n.kind) : std::string(n.op->name);
        std::printf("%-10s %-9s %-6s value %s  grad %s\n", n.name().c_str(), op.c_str(), shapeText(n.shape).c_str(),
                    formatMatrix(e.values[id]).c_str(), formatMatrix(e.grads[id]).c_str());
    }
    return 0;
}

int traceCommand(const Options& o) {
    Program& p = keptUntilExit(loadWithOverrides(o));
    Evaluation& e = keptUntilExit(evaluate(p));
    if (o.json) {
        printJson(traceReport(p, e));
        return 0;
    }
    const Graph& g = p.graph;
    int step = 0;
    for (NodeId id : e.trace.forward)
        std::printf("forward %d: %s = %s(...) = %s\n", ++step, g.node(id).name().c_str(),
                    std::string(g.node(id).op->name).c_str(), formatMatrix(e.values[id]).c_str());
    step = 0;
    for (const BackwardEvent& ev : e.trace.backward)
        std::printf("backward %d: %s -> %s (slot %d): upstream %s, contribution %s, grad %s\n", ++step,
                    g.node(ev.from).name().c_str(), g.node(ev.to).name().c_str(), int(ev.slot),
                    formatMatrix(e.grads[ev.from]).c_str(), formatMatrix(e.contribution(ev)).c_str(),
                    formatMatrix(e.gradAfter(ev)).c_str());
    return 0;
}

// --schedule, --step-size, --gamma: each needs what its schedule uses, and nothing else.
LrSchedule scheduleOption(const Options& o) {
    LrSchedule schedule;
    const auto kind = o.values.find("--schedule");
    const std::string name = kind == o.values.end() ? "constant" : kind->second;
    if (name == "constant") {
        if (o.values.count("--step-size") || o.values.count("--gamma"))
            throw UsageError("--step-size and --gamma belong to --schedule step or exponential");
        return schedule;
    }
    if (name == "step") {
        schedule.kind = LrSchedule::Kind::Step;
        schedule.stepSize = static_cast<int>(numberOption(o, "--step-size"));
        schedule.gamma = numberOption(o, "--gamma", 0.1);
        return schedule;
    }
    if (o.values.count("--step-size")) throw UsageError("--step-size belongs to --schedule step");
    schedule.kind = LrSchedule::Kind::Exponential;
    schedule.gamma = numberOption(o, "--gamma");
    return schedule;
}

int trainCommand(const Options& o) {
    Program& p = keptUntilExit(loadWithOverrides(o));
    const int steps = static_cast<int>(numberOption(o, "--steps"));  // validated: a whole number, 0 to 1e9
    const double lr = numberOption(o, "--lr");
    const double momentum = numberOption(o, "--momentum", 0.0);
    const LrSchedule schedule = scheduleOption(o);
    TrainResult r;
    try {
        r = train(p, steps, lr, momentum, &keptUntilExit(Evaluation{}), schedule);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    if (o.json) {
        printJson(trainReport(p, r));
        return 0;
    }
    for (std::size_t i = 0; i < r.losses.size(); ++i) {
        if (!(i == 0 || i + 1 == r.losses.size() || r.losses.size() <= 20 || i % (r.losses.size() / 10) == 0)) continue;
        std::printf("step %zu: loss %s", i, formatNumber(r.losses[i]).c_str());
        if (i < r.accuracies.size()) std::printf(", accuracy %.1f%%", 100.0 * r.accuracies[i]);
        if (schedule.kind != LrSchedule::Kind::Constant && i < r.rates.size())
            std::printf(", lr %s", formatNumber(r.rates[i]).c_str());
        std::printf("\n");
    }
    for (const Node& n : p.graph.nodes())
        if (n.kind == NodeKind::Param) std::printf("%s = %s\n", n.name().c_str(), formatMatrix(n.leafValue()).c_str());
    return 0;
}

// What the text report adds after a leaf's line: the sample, non-finite entries, kinks.
void printCheckNotes(const LeafCheck& c, const CheckOptions& options) {
    const long entries = c.analytic.size();
    if (c.checked < entries)
        std::printf("     checked %ld of %ld entries (sample seed %llu; --all checks every entry)\n", c.checked,
                    entries, static_cast<unsigned long long>(options.sampleSeed));
    if (c.nonFinite)
        std::printf("     %ld entr%s inf or nan: a non-finite gradient is never agreement\n", c.nonFinite,
                    c.nonFinite == 1 ? "y is" : "ies are");
    for (const KinkAt& k : c.kinks)
        std::printf("     entry %ld is at a kink: the slopes are %s on the left and %s on the right, and the "
                    "analytic %s lies between them (a valid subgradient)\n",
                    k.entry, formatNumber(k.left).c_str(), formatNumber(k.right).c_str(),
                    formatNumber(c.analytic(k.entry)).c_str());
}

// A matrix in a check line: whole when small, else its size (the JSON report has every entry).
std::string checkMatrix(const Matrix& m) {
    return m.size() <= 16 ? formatMatrix(m) : "(" + shapeText(shapeOf(m)) + ")";
}

int checkCommand(const Options& o) {
    Program& p = keptUntilExit(loadWithOverrides(o));
    CheckOptions options;
    if (o.values.count("--all")) options.samplePerLeaf = 0;
    const bool showProgress = !o.json && ::isatty(2);
    if (showProgress)
        options.progress = [](long done, long total) {
            std::fprintf(stderr, "\rchecking: %ld of %ld entries", done, total);
            if (done == total) std::fputs("\n", stderr);
        };
    const auto checks = checkGradients(p, options);
    bool ok = true;
    for (const LeafCheck& c : checks) ok = ok && c.ok;
    if (o.json) {
        printJson(checkReport(p, checks, options));
    } else {
        for (const LeafCheck& c : checks) {
            std::printf("%-4s %-10s analytic %s  numeric %s  max error %s\n", c.ok ? "ok" : "FAIL",
                        p.graph.node(c.leaf).name().c_str(), checkMatrix(c.analytic).c_str(),
                        checkMatrix(c.numeric).c_str(), formatNumber(c.maxError, 3).c_str());
            printCheckNotes(c, options);
        }
        std::printf("%s\n", ok ? "all gradients agree with central differences" : "gradient check FAILED");
    }
    return ok ? 0 : 1;
}

int examplesCommand(const Options& o) {
    if (o.files.empty()) {
        for (const Example& e : shippedExamples()) std::printf("%-12s %s\n", e.name.c_str(), e.summary.c_str());
        return 0;
    }
    if (o.files.size() > 1) throw UsageError("'examples' takes at most one NAME");
    const Example* e = findExample(o.files[0]);
    if (!e) throw UsageError("no example named '" + o.files[0] + "' (see 'backprop-studio examples')");
    std::fputs(e->source.c_str(), stdout);
    return 0;
}

int convertCommand(const Options& o) {
    auto out = o.values.find("-o");
    if (out == o.values.end()) throw UsageError("'convert' needs -o OUT.bpg|OUT.json|OUT.py");
    return convertProgram(loadProgramWithWarnings(theFile(o)), out->second);
}

}  // namespace

bool needsWindowProgram(const Options& o) { return o.command.empty() || o.command == "render"; }

int run(const Options& o) {
    return runReportingErrors([&] {
        if (o.command == "eval") return evalCommand(o);
        if (o.command == "trace") return traceCommand(o);
        if (o.command == "train") return trainCommand(o);
        if (o.command == "check") return checkCommand(o);
        if (o.command == "examples") return examplesCommand(o);
        if (o.command == "convert") return convertCommand(o);
        throw UsageError("unknown command '" + o.command + "'");
    });
}

}  // namespace bp::cli
