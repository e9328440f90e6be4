// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a program as .bpg text that parses back to the same graph: one declaration per named
// leaf, one assignment per named op, anonymous ops used once written inline (parenthesised by
// the grammar's precedence), and `backward` only when the default root or seed would be wrong.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <unordered_set>
#include <vector>

#include "core/language/expression_printer.h"
#include "core/language/lexer.h"
#include "core/language/literal_text.h"
#include "core/language/name_characters.h"
#include "core/language/parser.h"
#include "core/ops/op_table.h"

#include "core/text/message.h"

namespace bp {

void appendNumberText(std::string& out, double value) {
    if (!std::isfinite(value))
        throw MessageError(message("write-non-finite", {std::isnan(value) ? "nan" : value > 0 ? "inf" : "-inf"}));
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

std::string numberText(double value) {
    std::string out;
    appendNumberText(out, value);
    return out;
}

void appendLiteralText(std::string& out, const Matrix& value) {
    if (value.size() == 0) throw MessageError(message("write-empty-matrix"));
    if (value.rows() == 1 && value.cols() == 1) return appendNumberText(out, value(0, 0));
    if (value.cols() == 1) {
        out += '[';
        for (Eigen::Index i = 0; i < value.rows(); ++i) {
            if (i > 0) out += ", ";
            appendNumberText(out, value(i, 0));
        }
        out += ']';
        return;
    }
    // Large matrices get one row per line (newlines inside brackets are whitespace).
    const char* rowSeparator = value.size() > 16 && value.rows() > 1 ? ",\n    " : ", ";
    out += '[';
    for (Eigen::Index r = 0; r < value.rows(); ++r) {
        if (r > 0) out += rowSeparator;
        out += '[';
        for (Eigen::Index c = 0; c < value.cols(); ++c) {
            if (c > 0) out += ", ";
            appendNumberText(out, value(r, c));
        }
        out += ']';
    }
    out += ']';
}

std::string literalText(const Matrix& value) {
    std::string out;
    appendLiteralText(out, value);
    return out;
}

namespace {

// Text nested deeper than this (parentheses, calls, unary minus, as the parser counts them) is
// cut: the node gets a name and a statement of its own. The parser takes 256 levels.
constexpr int kMaxNesting = 64;

// The text of an expression, built bottom-up in node order (no recursion, however deep the graph).
using Text = ExprText;

const Dialect kBpg{&OpDef::bpg, numberText};

bool isIdentifier(const std::string& name) { return isNameText(name) && !isKeyword(name); }

// A node whose label (what the canvas shows: a document's "隐藏层" for a node named h) is a name
// of its own: the .bpg names the node by its label, so the label survives the text.
bool hasNameLabel(const Node& node) { return node.label() != node.name() && isIdentifier(node.label()); }

// A name for a node that has none usable: "%3" becomes "t3"; other text is made an identifier
// as ONNX names are (SPEC §3).
std::string identifierFor(const std::string& name) {
    if (name.size() > 1 && name[0] == '%') return std::string("t").append(name, 1);
    return nameFromText(name);
}

class Writer {
public:
    explicit Writer(const Program& program) : program_(program), graph_(program.graph) {
        identity_ = findOp("identity");
    }

    std::string run();

private:
    const Program& program_;
    const Graph& graph_;
    const OpDef* identity_;
    std::vector<int> uses_;
    std::vector<Text> texts_;           // per node: its name once it has a statement, else its inline text
    std::vector<std::string> names_;    // per node with a statement
    std::unordered_set<std::string> taken_;

    Text take(NodeId id);
    Text operand(NodeId id, int minLevel);
    Text renderOp(const Node& node);
    bool ownStatement(NodeId id) const;
    const std::string& nameFor(NodeId id);
};

// Named nodes, the root and ops used other than once get statements; anonymous constants are
// written as literals where they are used, unless large and used several times.
bool Writer::ownStatement(NodeId id) const {
    const Node& node = graph_.node(id);
    const int uses = uses_[static_cast<std::size_t>(id)];
    if (node.named || hasNameLabel(node) || id == program_.root) return true;
    if (node.isLeaf()) return node.kind != NodeKind::Const || (uses > 1 && node.shape.size() > 1);
    return uses != 1;
}

const std::string& Writer::nameFor(NodeId id) {
    auto& name = names_[static_cast<std::size_t>(id)];
    if (!name.empty()) return name;
    const std::string base = identifierFor(graph_.node(id).name());
    std::string candidate = base;
    for (int k = 2; isKeyword(candidate) || taken_.count(candidate); ++k) candidate = base + "_" + std::to_string(k);
    taken_.insert(candidate);
    name = std::move(candidate);
    return name;
}

// The text of an input: moved out when this is its only use, copied otherwise.
Text Writer::take(NodeId id) {
    Text& t = texts_[static_cast<std::size_t>(id)];
    if (uses_[static_cast<std::size_t>(id)] == 1) return std::move(t);
    return t;
}

Text Writer::operand(NodeId id, int minLevel) {
    Text t = take(id);
    if (t.level < minLevel) {
        t.text.insert(t.text.begin(), '(');
        t.text += ')';
        t.level = kPrimary;
        ++t.nesting;
        t.atom = t.number = false;
    }
    return t;
}

Text Writer::renderOp(const Node& node) {
    return printOp(node, kBpg, [this](NodeId id, int minLevel, bool) { return operand(id, minLevel); });
}

std::string Writer::run() {
    const int n = graph_.size();
    uses_.assign(static_cast<std::size_t>(n), 0);
    for (const Node& node : graph_.nodes())
        for (NodeId input : node.inputs) ++uses_[static_cast<std::size_t>(input)];
    texts_.assign(static_cast<std::size_t>(n), {});
    names_.assign(static_cast<std::size_t>(n), {});
    // The user's names (or labels) are kept (each once); generated names avoid them.
    for (NodeId id = 0; id < n; ++id) {
        const Node& node = graph_.node(id);
        const std::string wanted = hasNameLabel(node) ? node.label() : node.name();
        if ((node.named || hasNameLabel(node)) && isIdentifier(wanted) && taken_.insert(wanted).second)
            names_[static_cast<std::size_t>(id)] = wanted;
    }

    std::string out;
    NodeId lastAssigned = -1;
    for (NodeId id = 0; id < n; ++id) {
        const Node& node = graph_.node(id);
        auto& text = texts_[static_cast<std::size_t>(id)];
        try {
            if (node.isLeaf()) {
                if (ownStatement(id)) {
                    out += kindName(node.kind);
                    out += ' ';
                    out += nameFor(id);
                    out += " = ";
                    appendLiteralText(out, node.leafValue());
                    out += '\n';
                    text = Text{nameFor(id), kPrimary, 0, 0, true, false};
                } else if (uses_[static_cast<std::size_t>(id)] > 0) {
                    text.text = literalText(node.leafValue());
                    text.atom = true;
                    text.number = node.shape.size() == 1;
                    // `-2` is read as a literal only where a unary expression may stand.
                    text.level = text.text[0] == '-' ? kUnary : kPrimary;
                    text.nesting = text.text[0] == '-' ? 1 : text.text[0] == '[' ? (node.shape.cols > 1 ? 2 : 1) : 0;
                }
                continue;
            }
            const bool own = ownStatement(id);
            // `c = a` makes an identity node by itself; an identity of anything else is spelled out.
            const bool bareIdentity = own && node.op == identity_ && node.inputs.size() == 1 &&
                                      texts_[static_cast<std::size_t>(node.inputs[0])].atom;
            Text expression = bareIdentity ? take(node.inputs[0]) : renderOp(node);
            if (!own && expression.nesting <= kMaxNesting) {
                text = std::move(expression);
                continue;
            }
            out += nameFor(id);
            out += " = ";
            out += expression.text;
            out += '\n';
            text = Text{nameFor(id), kPrimary, 0, 0, true, false};
            lastAssigned = id;
        } catch (const MessageError& error) {
            throw MessageError(phrase("write-node", {plain(node.name()), error.said}));
        }
    }

    const NodeId root = program_.root;
    if (root < 0 || root >= n) return out;
    const Matrix& seed = program_.seed;
    const bool defaultSeed = graph_.node(root).shape == Shape{1, 1} &&
                             (seed.size() == 0 || (seed.size() == 1 && seed(0, 0) == 1.0));
    if (!defaultSeed) {
        out += "backward " + nameFor(root) + " with ";
        try {
            appendLiteralText(out, seed);
        } catch (const MessageError& error) {
            throw MessageError(phrase("write-seed", {error.said}));
        }
        out += '\n';
    } else if (root != lastAssigned) {
        out += "backward " + nameFor(root) + "\n";
    }
    return out;
}

}  // namespace

std::string writeProgram(const Program& program) {
    Writer writer(program);
    return writer.run();
}

}  // namespace bp
