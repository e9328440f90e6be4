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

#include "core/language/lexer.h"
#include "core/language/literal_text.h"
#include "core/language/parser.h"
#include "core/ops/op_table.h"

namespace bp {

void appendNumberText(std::string& out, double value) {
    if (!std::isfinite(value))
        throw std::runtime_error(std::string("cannot write the non-finite value ") +
                                 (std::isnan(value) ? "nan" : value > 0 ? "inf" : "-inf") + " in .bpg");
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
    if (value.size() == 0) throw std::runtime_error("cannot write an empty matrix in .bpg");
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

// Precedence levels of the grammar, loosest first.
enum Level { kSum = 1, kProduct = 2, kUnary = 3, kPower = 4, kPostfix = 5, kPrimary = 6 };

// Inline expressions deeper than this get a name of their own, so the text never nests deeper
// than the parser accepts and writing never recurses deeply.
constexpr int kMaxInlineDepth = 32;

struct Text {
    std::string text;
    int level = kPrimary;
    bool atom = false;  // a name or a literal: `c = <atom>` would make an identity node
    bool number = false;  // a scalar literal
};

bool isIdentifier(const std::string& name) {
    if (name.empty() || isKeyword(name)) return false;
    auto start = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (!start(name[0])) return false;
    return std::all_of(name.begin(), name.end(), [&](char c) { return start(c) || (c >= '0' && c <= '9'); });
}

// A name for a node that has none usable: "%3" becomes "t3"; other text is made an identifier
// as ONNX names are (SPEC §3).
std::string identifierFor(const std::string& name) {
    if (name.size() > 1 && name[0] == '%') return "t" + name.substr(1);
    std::string out;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        out += ok ? c : '_';
    }
    if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(out.begin(), '_');
    return out;
}

class Writer {
public:
    explicit Writer(const Program& program) : program_(program), graph_(program.graph) {
        caret_ = findInfixOp("^");
        neg_ = findOp("neg");
        transpose_ = findOp("transpose");
        identity_ = findOp("identity");
    }

    std::string run();

private:
    const Program& program_;
    const Graph& graph_;
    const OpDef* caret_;
    const OpDef* neg_;
    const OpDef* transpose_;
    const OpDef* identity_;
    std::vector<bool> statement_;  // written as a statement of its own (declaration or assignment)
    std::vector<std::string> names_;

    void chooseStatements();
    void chooseNames();
    Text render(NodeId id) const;
    Text renderOp(const Node& node) const;
    std::string operand(NodeId id, int minLevel) const;
    int infixLevel(const OpDef* op) const;
};

int Writer::infixLevel(const OpDef* op) const {
    if (op->arity != 2 || op->infix.empty() || findInfixOp(op->infix) != op) return 0;
    if (op->infix == "+" || op->infix == "-") return kSum;
    if (op->infix == "*" || op->infix == "/" || op->infix == "@") return kProduct;
    return 0;
}

void Writer::chooseStatements() {
    const int n = graph_.size();
    std::vector<int> uses(static_cast<std::size_t>(n), 0);
    for (const Node& node : graph_.nodes())
        for (NodeId input : node.inputs) ++uses[static_cast<std::size_t>(input)];
    statement_.assign(static_cast<std::size_t>(n), false);
    std::vector<int> depth(static_cast<std::size_t>(n), 0);  // nesting of inline text
    for (NodeId id = 0; id < n; ++id) {
        const Node& node = graph_.node(id);
        const auto i = static_cast<std::size_t>(id);
        bool own = node.named || id == program_.root;
        if (node.isLeaf()) {
            // Anonymous constants are written as literals where they are used; a large one used
            // several times is declared once rather than repeated.
            if (node.kind != NodeKind::Const) own = true;
            if (!own && uses[i] > 1 && node.shape.size() > 1) own = true;
            statement_[i] = own;
            continue;
        }
        if (uses[i] != 1) own = true;
        int d = 1;
        for (NodeId input : node.inputs)
            if (!statement_[static_cast<std::size_t>(input)]) d = std::max(d, depth[static_cast<std::size_t>(input)] + 1);
        if (d > kMaxInlineDepth) own = true;
        statement_[i] = own;
        depth[i] = own ? 0 : d;
    }
}

void Writer::chooseNames() {
    const int n = graph_.size();
    names_.assign(static_cast<std::size_t>(n), {});
    std::unordered_set<std::string> taken;
    for (NodeId id = 0; id < n; ++id) {
        const Node& node = graph_.node(id);
        if (statement_[static_cast<std::size_t>(id)] && node.named && isIdentifier(node.name) &&
            taken.insert(node.name).second)
            names_[static_cast<std::size_t>(id)] = node.name;
    }
    for (NodeId id = 0; id < n; ++id) {
        auto& name = names_[static_cast<std::size_t>(id)];
        if (!statement_[static_cast<std::size_t>(id)] || !name.empty()) continue;
        const std::string base = identifierFor(graph_.node(id).name);
        std::string candidate = base;
        for (int k = 2; isKeyword(candidate) || taken.count(candidate); ++k) candidate = base + "_" + std::to_string(k);
        taken.insert(candidate);
        name = candidate;
    }
}

Text Writer::render(NodeId id) const {
    const Node& node = graph_.node(id);
    if (statement_[static_cast<std::size_t>(id)]) return {names_[static_cast<std::size_t>(id)], kPrimary, true, false};
    if (node.isLeaf()) {
        Text t;
        t.text = literalText(node.leafValue);
        t.atom = true;
        t.number = node.shape.size() == 1;
        // `-2` is read as a literal only where a unary expression may stand.
        t.level = t.text[0] == '-' ? kUnary : kPrimary;
        return t;
    }
    return renderOp(node);
}

std::string Writer::operand(NodeId id, int minLevel) const {
    Text t = render(id);
    if (t.level < minLevel) return "(" + t.text + ")";
    return std::move(t.text);
}

Text Writer::renderOp(const Node& node) const {
    const OpDef* op = node.op;
    Text t;
    if (const int level = infixLevel(op); level > 0) {
        // Left-associative: the left operand may be of the same level, the right must bind tighter.
        t.text = operand(node.inputs[0], level) + " " + std::string(op->infix) + " " + operand(node.inputs[1], level + 1);
        t.level = level;
    } else if (op == caret_ && op->arity == 1 && op->attrCount == 1) {
        t.text = operand(node.inputs[0], kPostfix) + " ^ " + numberText(node.attrs.exponent);
        t.level = kPower;
    } else if (op == neg_ && op->arity == 1 && op->attrCount == 0) {
        // `-2` would read back as the constant -2, and `--x` is hard to read: parenthesise both.
        const Text inner = render(node.inputs[0]);
        const bool wrap = inner.level < kUnary || inner.number || inner.text[0] == '-';
        t.text = wrap ? "-(" + inner.text + ")" : "-" + inner.text;
        t.level = kUnary;
    } else if (op == transpose_ && op->arity == 1 && op->attrCount == 0) {
        t.text = operand(node.inputs[0], kPostfix) + ".T";
        t.level = kPostfix;
    } else {
        t.text = std::string(op->name) + "(";
        for (std::size_t i = 0; i < node.inputs.size(); ++i) {
            if (i > 0) t.text += ", ";
            t.text += operand(node.inputs[i], kSum);
        }
        if (op->attrCount == 1) {
            t.text += ", " + numberText(node.attrs.exponent);
        } else if (op->attrCount == 2) {
            t.text += ", " + std::to_string(node.attrs.shape.rows) + ", " + std::to_string(node.attrs.shape.cols);
        }
        t.text += ")";
        t.level = kPrimary;
    }
    return t;
}

std::string Writer::run() {
    chooseStatements();
    chooseNames();
    std::string out;
    NodeId lastAssigned = -1;
    for (NodeId id = 0; id < graph_.size(); ++id) {
        if (!statement_[static_cast<std::size_t>(id)]) continue;
        const Node& node = graph_.node(id);
        const std::string& name = names_[static_cast<std::size_t>(id)];
        try {
            if (node.isLeaf()) {
                out += kindName(node.kind);
                out += ' ';
                out += name;
                out += " = ";
                appendLiteralText(out, node.leafValue);
            } else {
                out += name;
                out += " = ";
                // `c = a` makes an identity node by itself; anything else spells identity out.
                if (node.op == identity_ && node.inputs.size() == 1) {
                    const Text inner = render(node.inputs[0]);
                    out += inner.atom ? inner.text : "identity(" + inner.text + ")";
                } else {
                    out += renderOp(node).text;
                }
                lastAssigned = id;
            }
        } catch (const std::runtime_error& error) {
            throw std::runtime_error("'" + node.name + "': " + error.what());
        }
        out += '\n';
    }
    const NodeId root = program_.root;
    if (root < 0 || root >= graph_.size()) return out;
    const Matrix& seed = program_.seed;
    const bool defaultSeed = graph_.node(root).shape == Shape{1, 1} &&
                             (seed.size() == 0 || (seed.size() == 1 && seed(0, 0) == 1.0));
    if (!defaultSeed) {
        out += "backward " + names_[static_cast<std::size_t>(root)] + " with ";
        try {
            appendLiteralText(out, seed);
        } catch (const std::runtime_error& error) {
            throw std::runtime_error(std::string("the seed: ") + error.what());
        }
        out += '\n';
    } else if (root != lastAssigned) {
        out += "backward " + names_[static_cast<std::size_t>(root)] + "\n";
    }
    return out;
}

}  // namespace

std::string writeProgram(const Program& program) {
    Writer writer(program);
    return writer.run();
}

}  // namespace bp
