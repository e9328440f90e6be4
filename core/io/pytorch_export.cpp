// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a program as a PyTorch script. Expressions are built bottom-up in node order (creation
// order is topological), so nothing recurses however deep the graph; an anonymous node used once
// is written inline, parenthesised by Python's precedence, and gets a variable of its own only
// when the expression would grow too deep or the node is used more than once.
#include "core/io/pytorch_export.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_set>
#include <vector>

#include "core/language/expression_printer.h"
#include "core/language/name_characters.h"
#include "core/ops/op_table.h"

namespace bp {
namespace {

// An anonymous node whose expression would nest deeper than this gets a variable: CPython's
// compiler recurses once per level of an expression, and people read shallow lines better.
constexpr int kMaxDepth = 24;
// An anonymous constant with more entries than this is given a variable instead of being inlined.
constexpr long kMaxInlineEntries = 16;
// A leaf's line longer than this has its matrix written one row per line (PEP 8's width).
constexpr std::size_t kLineWidth = 79;

// Names a variable may not take: Python's keywords, and what the script itself uses.
bool isReserved(const std::string& name) {
    static const std::unordered_set<std::string> reserved{
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "__debug__",
        "__builtins__",
        // the script's own globals, and the builtins it calls
        "torch", "report", "float", "str", "print"};
    return reserved.count(name) > 0;
}

// A Python float literal that reads back as exactly `x`: "2.0", "0.1", "1e-05", float('inf').
std::string pythonNumber(double x) {
    if (std::isnan(x)) return "float('nan')";
    if (std::isinf(x)) return x > 0 ? "float('inf')" : "float('-inf')";
    char buffer[64];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, x).ptr;
    std::string text(buffer, end);
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

// An exponent as people write it: `x ** 2`, `x ** 0.5`, `x ** -1`.
std::string exponentText(double p) {
    if (std::isfinite(p) && p == std::floor(p) && std::abs(p) < 1e15) return std::to_string(static_cast<long long>(p));
    return pythonNumber(p);
}

// [[1.0, 2.0], [3.0, 4.0]]; with `indent`, one row per line, continuation rows indented.
std::string rowsText(const Matrix& m, const std::string* indent = nullptr) {
    std::string out = "[";
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        if (r > 0) out += indent ? ",\n" + *indent : std::string(", ");
        out += '[';
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            if (c > 0) out += ", ";
            out += pythonNumber(m(r, c));
        }
        out += ']';
    }
    return out + "]";
}

// The text of an expression; operators and precedence are Python's (the ops' torch spellings).
using Text = ExprText;

const Dialect kPyTorch{&OpDef::torch, exponentText};

class ScriptWriter {
public:
    explicit ScriptWriter(const Program& program) : program_(program), graph_(program.graph) {}
    std::string run();

private:
    const Program& program_;
    const Graph& graph_;
    std::vector<int> uses_;
    std::vector<char> tracked_;        // depends on an input or a param: PyTorch tracks its gradient
    std::vector<Text> texts_;          // per node: its variable once it has one, else its inline text
    std::vector<std::string> names_;   // per node with a variable
    std::unordered_set<std::string> taken_;

    void nameVariables();
    void giveName(NodeId id, const std::string& base);
    bool hasVariable(NodeId id) const;
    std::string tensorLiteral(NodeId id, const std::string* indent = nullptr) const;
    Text leafText(NodeId id) const;
    Text operand(NodeId id, int minLevel, bool numberOk);
    Text renderOp(const Node& node);
    std::string leafStatement(NodeId id) const;
    std::string reportCall() const;
};

// Named nodes, the root, every input and param, large constants, and ops used other than once.
bool ScriptWriter::hasVariable(NodeId id) const {
    const Node& node = graph_.node(id);
    if (node.named || id == program_.root) return true;
    if (node.isLeaf()) return node.kind != NodeKind::Const || node.shape.size() > kMaxInlineEntries;
    return uses_[static_cast<std::size_t>(id)] != 1;
}

// `base`, or base_2, base_3, ... when taken.
void ScriptWriter::giveName(NodeId id, const std::string& base) {
    std::string candidate = base;
    for (int k = 2; taken_.count(candidate); ++k) candidate = base + "_" + std::to_string(k);
    taken_.insert(candidate);
    names_[static_cast<std::size_t>(id)] = std::move(candidate);
}

// "%3" becomes tmp3.
std::string temporaryName(const std::string& name) {
    return name.size() > 1 && name[0] == '%' ? "tmp" + name.substr(1) : pythonIdentifier(name);
}

// The user's names first (as they are, where Python allows), then the changed ones, then the
// generated tmpN of anonymous nodes; each avoids every name handed out before.
void ScriptWriter::nameVariables() {
    const int n = graph_.size();
    names_.assign(static_cast<std::size_t>(n), {});
    for (NodeId id = 0; id < n; ++id) {
        const Node& node = graph_.node(id);
        if (node.named && pythonIdentifier(node.name()) == node.name() && !taken_.count(node.name())) giveName(id, node.name());
    }
    for (NodeId id = 0; id < n; ++id)
        if (graph_.node(id).named && names_[static_cast<std::size_t>(id)].empty())
            giveName(id, pythonIdentifier(graph_.node(id).name()));
    for (NodeId id = 0; id < n; ++id) {
        if (!hasVariable(id) || !names_[static_cast<std::size_t>(id)].empty()) continue;
        giveName(id, temporaryName(graph_.node(id).name()));
    }
}

std::string ScriptWriter::tensorLiteral(NodeId id, const std::string* indent) const {
    const Node& node = graph_.node(id);
    return "torch.tensor(" + rowsText(node.leafValue(), indent) + (tracked_[static_cast<std::size_t>(id)] ? ", requires_grad=True)" : ")");
}

// An inlined constant: a 1x1 one as a plain number where an elementwise op takes it.
Text ScriptWriter::leafText(NodeId id) const {
    const Matrix& value = graph_.node(id).leafValue();
    if (value.size() == 1) {
        Text t{pythonNumber(value(0, 0))};
        t.number = true;
        if (t.text[0] == '-') t.level = kUnary;
        return t;
    }
    return Text{tensorLiteral(id)};
}

// The text of an input where an operator of `minLevel` uses it.
Text ScriptWriter::operand(NodeId id, int minLevel, bool numberOk) {
    Text& stored = texts_[static_cast<std::size_t>(id)];
    Text t = uses_[static_cast<std::size_t>(id)] == 1 ? std::move(stored) : stored;
    if (t.number && !numberOk) t = Text{tensorLiteral(id)};
    if (t.level < minLevel) {
        t.text = "(" + t.text + ")";
        t.level = kPrimary;
    }
    return t;
}

Text ScriptWriter::renderOp(const Node& node) {
    if (node.op->torch.text.empty())
        throw std::runtime_error("'" + node.name() + "': the op '" + std::string(node.op->name) +
                                 "' has no PyTorch spelling yet");
    return printOp(node, kPyTorch, [this](NodeId id, int minLevel, bool numberOk) {
        return operand(id, minLevel, numberOk);
    });
}

std::string ScriptWriter::leafStatement(NodeId id) const {
    const Node& node = graph_.node(id);
    const std::string& name = names_[static_cast<std::size_t>(id)];
    std::string line = name + " = " + tensorLiteral(id);
    if (line.size() > kLineWidth && node.leafValue().rows() > 1) {
        const std::string indent(name.size() + 3 + std::string("torch.tensor([").size(), ' ');
        line = name + " = " + tensorLiteral(id, &indent);
    }
    return line + "\n";
}

// report({"x": x, "w1": w1, ...}), wrapped at the line width.
std::string ScriptWriter::reportCall() const {
    std::string out = "report({";
    std::size_t lineStart = 0;
    bool first = true;
    for (NodeId id = 0; id < graph_.size(); ++id) {
        if (!graph_.node(id).named) continue;
        const std::string item = nlohmann::json(graph_.node(id).name()).dump() + ": " + names_[static_cast<std::size_t>(id)];
        if (!first) {
            out += ',';
            if (out.size() - lineStart + item.size() + 3 > kLineWidth) {
                out += "\n        ";
                lineStart = out.size() - 8;
            } else {
                out += ' ';
            }
        }
        out += item;
        first = false;
    }
    return out + "})\n";
}

constexpr std::string_view kPreamble =
    "# Backprop Studio's graph in PyTorch: the same values and\n"
    "# gradients.   Run: python3 graph.py   (or: --json)\n"
    "import torch\n"
    "\n"
    "torch.set_default_dtype(torch.float64)  # double precision, as Backprop Studio\n";

// The printing, after the lesson; its imports and helpers stay inside so that no node's
// variable can hide them.
constexpr std::string_view kReport =
    "\n"
    "\n"
    "def report(nodes):\n"
    "    \"\"\"Prints each named node's value and .grad (--json: as one JSON object).\"\"\"\n"
    "    import json\n"
    "    import math\n"
    "    import sys\n"
    "\n"
    "    def grad_of(t):  # zeros where the backward pass does not reach, as Backprop Studio\n"
    "        return t.grad if t.grad is not None else torch.zeros_like(t)\n"
    "\n"
    "    def rows(t):  # a number that is not finite as \"nan\", \"inf\" or \"-inf\"\n"
    "        return [[v if math.isfinite(v) else str(v) for v in row] for row in t.detach().tolist()]\n"
    "\n"
    "    if \"--json\" in sys.argv[1:]:\n"
    "        values = {name: rows(t) for name, t in nodes.items()}\n"
    "        grads = {name: rows(grad_of(t)) for name, t in nodes.items() if t.requires_grad}\n"
    "        print(json.dumps({\"values\": values, \"grads\": grads}))\n"
    "        return\n"
    "    torch.set_printoptions(precision=10)\n"
    "    for name, t in nodes.items():\n"
    "        print(f\"{name} = {t.detach()}\")\n"
    "        if t.requires_grad:  # a const has no .grad in PyTorch\n"
    "            print(f\"{name}.grad = {grad_of(t)}\")\n"
    "\n"
    "\n";

std::string ScriptWriter::run() {
    const int n = graph_.size();
    uses_.assign(static_cast<std::size_t>(n), 0);
    tracked_.assign(static_cast<std::size_t>(n), 0);
    for (NodeId id = 0; id < n; ++id) {
        const Node& node = graph_.node(id);
        bool tracked = node.kind == NodeKind::Input || node.kind == NodeKind::Param;
        for (std::size_t slot = 0; slot < node.inputs.size(); ++slot) {
            const NodeId input = node.inputs[slot];
            ++uses_[static_cast<std::size_t>(input)];
            // detach and class indices: PyTorch does not track what comes through them
            tracked = tracked || (tracked_[static_cast<std::size_t>(input)] && passesGradient(*node.op, int(slot)));
        }
        tracked_[static_cast<std::size_t>(id)] = tracked;
    }
    nameVariables();
    texts_.assign(static_cast<std::size_t>(n), {});

    std::string leaves[3];  // inputs, params, consts
    std::string forward;
    std::string retained;
    for (NodeId id = 0; id < n; ++id) {
        const Node& node = graph_.node(id);
        Text& text = texts_[static_cast<std::size_t>(id)];
        const std::string& name = names_[static_cast<std::size_t>(id)];
        if (node.isLeaf()) {
            if (hasVariable(id)) {
                leaves[node.kind == NodeKind::Input ? 0 : node.kind == NodeKind::Param ? 1 : 2] += leafStatement(id);
                text = Text{name};
            } else {
                text = leafText(id);
            }
            continue;
        }
        Text expression = renderOp(node);
        if (!hasVariable(id) && expression.depth <= kMaxDepth) {
            text = std::move(expression);
            continue;
        }
        if (name.empty()) giveName(id, temporaryName(node.name()));  // cut because it nests too deep
        forward += name + " = " + expression.text + "\n";
        text = Text{name};
        // PyTorch keeps .grad only on leaves unless asked (a node it does not track has none).
        if (node.named && tracked_[static_cast<std::size_t>(id)]) retained += name + ".retain_grad()\n";
    }

    std::string out(kPreamble);
    if (!leaves[0].empty()) out += "\n# Inputs: the data. They get a .grad too (requires_grad).\n" + leaves[0];
    if (!leaves[1].empty()) out += "\n# Params: the weights an optimizer would train.\n" + leaves[1];
    if (!leaves[2].empty()) out += "\n# Consts: PyTorch gives them no .grad.\n" + leaves[2];
    if (!forward.empty()) out += "\n# Forward pass.\n" + forward;
    if (!retained.empty())
        out += "\n# PyTorch keeps .grad on leaves only: keep it on the inner nodes too.\n" + retained;
    const NodeId root = program_.root;
    if (root >= 0 && root < n) {
        const std::string& rootName = names_[static_cast<std::size_t>(root)];
        if (!tracked_[static_cast<std::size_t>(root)]) {
            out += "\n# " + rootName + " depends on no input or param: PyTorch has nothing to differentiate.\n";
        } else if (program_.seed.size() == 1 && program_.seed(0, 0) == 1.0) {
            out += "\n# Backward pass from " + rootName + ".\n" + rootName + ".backward()\n";
        } else {
            out += "\n# Backward pass from " + rootName + ", seeded: the vector-Jacobian product.\n" + rootName +
                   ".backward(torch.tensor(" + rowsText(program_.seed) + "))\n";
        }
    }
    out += kReport;
    out += reportCall();
    return out;
}

}  // namespace

bool hasPyTorchSpelling(std::string_view opName) {
    const OpDef* def = findOp(opName);
    return def && !def->torch.text.empty();
}

std::string pythonIdentifier(const std::string& name) {
    // A .bpg name is a Python identifier as it is (Chinese included); other text has its
    // characters that Python does not take replaced.
    std::string out = nameFromText(name);
    if (isReserved(out)) out += '_';
    return out;
}

std::string writePyTorchScript(const Program& program) { return ScriptWriter(program).run(); }

}  // namespace bp
