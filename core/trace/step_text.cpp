// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/trace/step_text.h"

#include <algorithm>
#include <functional>

#include "core/text/number_format.h"

namespace bp {
namespace {

// An entry's sum shows this many terms when it has more than kMaxTerms.
constexpr std::size_t kMaxTerms = 6;
constexpr std::size_t kFirstTerms = 4;

std::string num(double x) { return formatNumber(x, kShownDigits); }
// A number standing after an operator: a negative one in parentheses, "3·(-0.5)".
std::string operand(double x) { return x < 0 ? "(" + num(x) + ")" : num(x); }
std::string label(const Graph& g, NodeId id) { return g.node(id).label(); }

struct Fill {
    std::string a, b, p, G, n;
};

// The op row's template with its placeholders filled in.
std::string substitute(std::string_view pattern, const Fill& fill) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
            const char key = pattern[i + 1];
            out += key == 'a' ? fill.a : key == 'b' ? fill.b : key == 'p' ? fill.p : key == 'n' ? fill.n : fill.G;
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
}

// Terms joined with " + ", the first few of a long sum and "… and N more".
std::string sumText(const std::vector<std::string>& terms, const Phrases& phrases) {
    if (terms.size() <= kMaxTerms) return join(terms, " + ");
    std::vector<std::string> first(terms.begin(), terms.begin() + kFirstTerms);
    return join(first, " + ") + " + " + fillIn(phrases.moreTerms, {std::to_string(terms.size() - kFirstTerms)});
}

// How a factor is written: its number (after an operator: a negative one in parentheses), or,
// in an entry's own chain, the name of the entry it was read from.
using FactorText = std::function<std::string(const Factor&, bool afterOperator)>;

std::string numberText(const Factor& f, bool afterOperator) { return afterOperator ? operand(f.value) : num(f.value); }

std::string productText(const Product& p, const std::string& times, const FactorText& write = numberText) {
    std::vector<std::string> factors;
    for (std::size_t i = 0; i < p.size(); ++i) factors.push_back(write(p[i], i > 0));
    return join(factors, times);
}

std::vector<std::string> productTexts(const EntryTerms& e, const std::string& times,
                                      const FactorText& write = numberText) {
    std::vector<std::string> out;
    for (const Product& p : e.products) out.push_back(productText(p, times, write));
    return out;
}

// Entry texts laid out as the result's shape, as .bpg writes matrices: a number, a column
// [a, b], a row [[a, b]], a matrix [[a, b], [c, d]]; of a large result, the selected entries
// [a, b, …] of a row.
std::string layout(const std::vector<std::string>& texts, const StepTerms& t) {
    if (!t.wholeResult || t.shape.cols == 1) {
        if (t.wholeResult && texts.size() == 1) return texts[0];
        return "[" + join(texts, ", ") + (t.moreEntries > 0 ? ", …" : "") + "]";
    }
    std::vector<std::string> rows;
    for (int r = 0; r < t.shape.rows; ++r) {
        std::vector<std::string> row(texts.begin() + r * t.shape.cols, texts.begin() + (r + 1) * t.shape.cols);
        rows.push_back("[" + join(row, ", ") + "]");
    }
    return "[" + join(rows, ", ") + "]";
}

// The shown entries of a matrix, laid out like the step's entries.
std::string shownEntries(const Matrix& m, const StepTerms& t) {
    std::vector<std::string> texts;
    for (const EntryTerms& e : t.entries) texts.push_back(num(m(e.row, e.col)));
    return layout(texts, t);
}

// The same, one piece per entry (each can be hidden, or clicked to drill into), with `role`.
void addEntries(const Matrix& m, const StepTerms& t, PieceRole role, TextLine& line) {
    const bool matrix = t.wholeResult && t.shape.cols > 1;
    const bool bracket = !(t.wholeResult && t.entries.size() == 1);
    if (bracket) line.push_back({matrix ? "[[" : "["});
    for (std::size_t k = 0; k < t.entries.size(); ++k) {
        if (k > 0) line.push_back({matrix && t.entries[k].col == 0 ? "], [" : ", "});
        line.push_back({num(m(t.entries[k].row, t.entries[k].col)), role, int(k)});
    }
    if (bracket) line.push_back({std::string(t.moreEntries > 0 ? ", …" : "") + (matrix ? "]]" : "]")});
}

std::string forwardEntryText(const StepTerms& t, const EntryTerms& e, const Phrases& phrases,
                             const FactorText& write = numberText) {
    const OpExplain& ex = t.op->explain;
    std::vector<std::string> terms;
    switch (ex.arithmetic) {
    case Arithmetic::Elementwise: {
        const Product& p = e.products[0];
        const bool bare = ex.written.find("({a})") != std::string_view::npos;  // σ(-1) needs no more parentheses
        const Fill fill{write(p[0], !bare), p.size() > 1 ? write(p[1], true) : "", num(t.exponent), "", num(t.n)};
        return substitute(ex.written, fill);
    }
    case Arithmetic::MatMul: return sumText(productTexts(e, "·", write), phrases);
    case Arithmetic::Sum: return sumText(productTexts(e, "·", write), phrases);
    case Arithmetic::Mean: return "(" + sumText(productTexts(e, "·", write), phrases) + ") / " + num(t.n);
    case Arithmetic::MeanSquare:
        for (const Product& p : e.products) terms.push_back("(" + write(p[0], false) + " − " + write(p[1], true) + ")²");
        return "(" + sumText(terms, phrases) + ") / " + num(t.n);
    case Arithmetic::Move: return write(e.products[0][0], false);
    case Arithmetic::General: {  // a formula of the entry's line (softmax), else none
        if (ex.lineForm.empty() || e.products.empty()) break;
        for (const Product& p : e.products) terms.push_back("exp(" + write(p[0], false) + ")");
        const std::size_t own = std::size_t(t.attrs.axis == 1 ? e.col : e.row);
        const Fill fill{own < e.products.size() ? write(e.products[own][0], false) : "", sumText(terms, phrases), "", "", ""};
        return substitute(ex.lineForm, fill);
    }
    }
    return "";
}

std::string arithmeticText(const StepTerms& t, const Phrases& phrases) {
    std::vector<std::string> texts;
    for (const EntryTerms& e : t.entries)
        texts.push_back(t.kind == StepKind::Forward ? forwardEntryText(t, e, phrases)
                                                    : sumText(productTexts(e, " × "), phrases));
    return layout(texts, t);
}

// "row 2 of 64:" before the entries of a large result; its remaining entries after them.
void addSelection(const StepTerms& t, const Phrases& phrases, TextLine& line) {
    if (t.wholeResult || t.entries.empty()) return;
    const EntryTerms& e = t.entries[0];
    const std::string where =
        t.entries.size() == 1 && t.moreEntries == 0 && t.shape.cols > 1
            ? fillIn(phrases.entryShown, {std::to_string(e.row + 1), std::to_string(e.col + 1)})
            : fillIn(phrases.rowShown, {std::to_string(e.row + 1), std::to_string(t.shape.rows)});
    line.push_back({where + " "});
}

void addMore(const StepTerms& t, const Phrases& phrases, TextLine& line) {
    if (t.moreEntries > 0) line.push_back({"   " + fillIn(phrases.moreEntries, {std::to_string(t.moreEntries)})});
}

Fill symbols(const Graph& g, const StepTerms& t) {
    Fill f;
    f.a = label(g, t.operands[0]);
    f.b = t.operands.size() > 1 ? label(g, t.operands[1]) : "";
    f.p = num(t.exponent);
    f.n = num(t.n);
    if (t.kind == StepKind::Backward) f.G = partial(g, t.root, t.from);
    return f;
}

std::string withShape(const Graph& g, NodeId id, bool shapes) {
    return shapes ? label(g, id) + " (" + shapeText(g.node(id).shape) + ")" : label(g, id);
}

// After an equation's left side: a large step's equation stands as its own line and the selected
// row follows; then the arithmetic, when the op has any (moved entries have none; a General op
// shows its formula), and " = " before the result.
void continueWithArithmetic(const StepTerms& t, const Phrases& phrases, bool large, TextLine& line, StepText& out) {
    if (large) {
        out.lines.push_back(line);
        line = {};
        addSelection(t, phrases, line);
    } else {
        line.push_back({" = "});
    }
    if (writesEntryArithmetic(t)) {
        line.push_back({arithmeticText(t, phrases), PieceRole::Arithmetic});
        line.push_back({" = "});
    }
}

void writeForward(const Graph& g, const StepTerms& t, const Phrases& phrases, StepText& out) {
    const Node& node = g.node(t.node);
    out.title = fillIn(phrases.forwardTitle, {std::to_string(t.index), std::to_string(t.count), node.label()});
    const bool large = !t.wholeResult;
    Fill fill = symbols(g, t);
    if (large) {
        fill.a = withShape(g, t.operands[0], true);
        if (t.operands.size() > 1) fill.b = withShape(g, t.operands[1], true);
    }
    TextLine line{{withShape(g, t.node, large) + " = " + substitute(node.op->explain.written, fill)}};
    continueWithArithmetic(t, phrases, large, line, out);
    addEntries(t.result, t, PieceRole::Result, line);
    addMore(t, phrases, line);
    out.lines.push_back(line);
    out.lines.push_back({{fillIn(phrases.shape, {shapeText(t.shape)})}});
}

// The terms of a scalar chain written out; a node used 1,200 times gets the first ones and a count.
constexpr int kChainTerms = 12;

// 33321 -> "33,321".
std::string groupedCount(std::size_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// The scalar chain rule over every edge into the node: ∂e/∂b = ∂e/∂d·∂d/∂b + ∂e/∂c·∂c/∂b.
void writeChain(const Graph& g, const StepTerms& t, const Phrases& phrases, StepText& out) {
    std::vector<std::string> symbolTerms, numberTerms;
    if (t.startGradient) {
        symbolTerms.push_back(fillIn(phrases.heldBefore, {num(t.before(0, 0))}));
        numberTerms.push_back(num(t.before(0, 0)));
    }
    int done = 0;
    for (const StepTerms::ChainTerm& c : t.chain) {
        done += c.done ? 1 : 0;
        if (int(symbolTerms.size()) >= kChainTerms) continue;  // a node used many times: the first ones
        symbolTerms.push_back(partial(g, t.root, c.from) + "·∂" + label(g, c.from) + "/∂" + label(g, t.node));
        numberTerms.push_back(c.done ? num(c.upstream) + "·" + operand(c.local) : "…");
    }
    const std::size_t shown = std::min(t.chain.size(), std::size_t(kChainTerms));
    if (shown < t.chain.size()) {
        const std::string more = fillIn(phrases.moreTerms, {groupedCount(t.chain.size() - shown)});
        symbolTerms.push_back(more);
        numberTerms.push_back(more);
    }
    out.lines.push_back({{partial(g, t.root, t.node) + " = " + join(symbolTerms, " + ")}});
    out.lines.push_back({{"= "}, {join(numberTerms, " + "), PieceRole::Arithmetic}});
    TextLine total{{"= "}, {num(t.after(0, 0)), done < int(t.chain.size()) ? PieceRole::Sum : PieceRole::Result, 0}};
    if (done < int(t.chain.size()))
        total.push_back({"   " + fillIn(phrases.termsSoFar, {groupedCount(std::size_t(done)), groupedCount(t.chain.size())})});
    out.lines.push_back(total);
}

void writeBackward(const Graph& g, const StepTerms& t, const Phrases& phrases, StepText& out) {
    out.title = fillIn(phrases.backwardTitle,
                       {std::to_string(t.index), std::to_string(t.count), label(g, t.from), label(g, t.node)});
    if (!t.chain.empty()) {
        writeChain(g, t, phrases, out);
        return;
    }
    const bool accumulates = t.edges > 1 || t.startGradient;
    const bool large = !t.wholeResult;
    const std::string lhs = partial(g, t.root, t.node);
    Fill fill = symbols(g, t);
    if (large) fill.G += " (" + shapeText(t.upstreamShape) + ")";
    const std::string formula = substitute(t.op->explain.vjp[t.slot], fill);
    if (t.broadcastRows > 1)
        out.lines.push_back({{fillIn(phrases.broadcastRows, {label(g, t.node), std::to_string(t.broadcastRows)})}});
    if (t.broadcastCols > 1)
        out.lines.push_back({{fillIn(phrases.broadcastCols, {label(g, t.node), std::to_string(t.broadcastCols)})}});
    TextLine line{{lhs + (large ? " (" + shapeText(t.shape) + ")" : "") + (accumulates ? " += " : " = ") + formula}};
    continueWithArithmetic(t, phrases, large, line, out);
    addEntries(t.result, t, accumulates ? PieceRole::Sum : PieceRole::Result, line);
    addMore(t, phrases, line);
    out.lines.push_back(line);
    if (!accumulates) return;
    TextLine sum{{lhs + " = "}, {shownEntries(t.before, t)}, {" + "}, {shownEntries(t.result, t), PieceRole::Sum},
                 {" = "}};
    addEntries(t.after, t, PieceRole::Result, sum);
    if (t.edges > 1)
        sum.push_back({"   " + fillIn(phrases.edgesSoFar, {std::to_string(t.edge), std::to_string(t.edges)})});
    if (t.startGradient && t.edge == 1) sum.push_back({"   " + fillIn(phrases.heldBefore, {shownEntries(t.before, t)})});
    out.lines.push_back(sum);
}

// "w2[1, 2]", "y1[2]" (a column's entry by its row), "loss" (a 1x1 value): 1-based, as a lecturer says it.
std::string entryName(const std::string& name, Shape s, int row, int col) {
    if (s.size() == 1) return name;
    if (s.cols == 1) return name + "[" + std::to_string(row + 1) + "]";
    return name + "[" + std::to_string(row + 1) + ", " + std::to_string(col + 1) + "]";
}

std::string factorName(const Graph& g, const StepTerms& t, const EntryTerms& e, const Factor& f) {
    const Shape shape = g.node(f.from.node).shape;
    switch (f.role) {
    case FactorRole::Upstream:
        return entryName(partial(g, t.root, f.from.node), shape, f.from.row, f.from.col);
    case FactorRole::Local:
        return "∂" + entryName(label(g, t.from), g.node(t.from).shape, f.from.row, f.from.col) + "/∂" +
               entryName(label(g, t.node), t.shape, e.row, e.col);
    case FactorRole::Operand: break;
    }
    return entryName(label(g, f.from.node), shape, f.from.row, f.from.col);
}

}  // namespace

namespace {

// One entry's products named and with their numbers: "lhs = names = numbers = value", with
// `assign` (" = ", or " += " for one edge's share of an accumulated gradient).
TextLine entryChainLine(const Graph& g, const StepTerms& t, const Phrases& phrases, const std::string& assign) {
    const EntryTerms& e = t.entries[0];
    const FactorText names = [&](const Factor& f, bool) { return factorName(g, t, e, f); };
    std::string lhs, symbols, numbers;
    if (t.kind == StepKind::Backward) {
        lhs = entryName(partial(g, t.root, t.node), t.shape, e.row, e.col);
        symbols = sumText(productTexts(e, "·", names), phrases);
        numbers = sumText(productTexts(e, " × "), phrases);
    } else {
        lhs = entryName(label(g, t.node), t.shape, e.row, e.col);
        symbols = forwardEntryText(t, e, phrases, names);
        numbers = forwardEntryText(t, e, phrases);
    }
    return {{lhs + assign + symbols + " = "}, {numbers, PieceRole::Arithmetic}, {" = "}, {num(e.value), PieceRole::Result, 0}};
}

}  // namespace

std::vector<TextLine> writeEntryChain(const Graph& g, const StepTerms& t, const Phrases& phrases) {
    std::vector<TextLine> out;
    if (t.entries.empty() || t.kind == StepKind::Start || !writesEntryArithmetic(t)) return out;
    out.push_back(entryChainLine(g, t, phrases, " = "));
    return out;
}

std::vector<TextLine> writeGradientEntry(const Graph& g, const GradientEntryTerms& t, const Phrases& phrases) {
    std::vector<TextLine> out;
    if (!t.shown) return out;
    const std::string lhs = entryName(partial(g, t.root, t.node), g.node(t.node).shape, t.row, t.col);
    const bool accumulates = t.edges.size() > 1 || t.startGradient;
    if (t.startGradient)
        out.push_back({{lhs + " = "}, {num(t.start), t.edges.empty() ? PieceRole::Result : PieceRole::Text, 0},
                       {"   " + fillIn(t.node == t.root ? phrases.seed : phrases.heldBefore, {num(t.start)})}});
    std::vector<std::string> shares;
    if (t.startGradient) shares.push_back(num(t.start));
    for (const StepTerms& edge : t.edges) {
        const std::string along = fillIn(phrases.alongEdge, {label(g, edge.from), label(g, t.node)}) + " ";
        const std::string assign = accumulates ? " += " : " = ";
        const double share = edge.entries[0].value;
        shares.push_back(shares.empty() ? num(share) : operand(share));
        if (writesEntryArithmetic(edge)) {
            TextLine line = entryChainLine(g, edge, phrases, assign);
            line.front().text = along + line.front().text;
            if (accumulates) line.back().role = PieceRole::Sum;
            out.push_back(line);
            continue;
        }
        Fill fill = symbols(g, edge);
        out.push_back({{along + lhs + assign + substitute(edge.op->explain.vjp[edge.slot], fill) + " = "},
                       {num(share), accumulates ? PieceRole::Sum : PieceRole::Result, 0}});
    }
    if (accumulates && !t.edges.empty())
        out.push_back({{lhs + " = "}, {join(shares, " + "), PieceRole::Arithmetic}, {" = "},
                       {num(t.value), PieceRole::Result, 0}});
    return out;
}

std::string fillIn(const std::string& pattern, const std::vector<std::string>& args) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const std::size_t k = std::size_t(pattern[i + 1] - '1');
            if (k < args.size()) {
                out += args[k];
                ++i;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

std::string partial(const Graph& graph, NodeId root, NodeId of) {
    const std::string top = root >= 0 ? graph.node(root).label() : "L";
    return "∂" + top + "/∂" + graph.node(of).label();
}

std::string writtenOp(const Graph& graph, const Node& node) {
    Fill fill{label(graph, node.inputs[0]), node.inputs.size() > 1 ? label(graph, node.inputs[1]) : "",
              num(node.attrs().exponent), "", "n"};
    return substitute(node.op->explain.written, fill);
}

StepText writeStep(const Graph& graph, const StepTerms& terms, const Phrases& phrases) {
    StepText out;
    switch (terms.kind) {
    case StepKind::Forward: writeForward(graph, terms, phrases, out); break;
    case StepKind::Backward: writeBackward(graph, terms, phrases, out); break;
    case StepKind::Start:
        out.title = phrases.start;
        out.lines.push_back({{phrases.startLine}});
        break;
    }
    if (terms.nonFinite >= 0) {
        const Node& n = graph.node(terms.nonFinite);
        const std::string what = n.isLeaf() ? fillIn(phrases.leafKind, {std::string(kindName(n.kind))}) : writtenOp(graph, n);
        out.lines.push_back({{fillIn(terms.nonFiniteValue ? phrases.nonFiniteValue : phrases.nonFiniteGradient,
                                     {n.label(), what, formatMatrix(terms.nonFiniteNumbers, kShownDigits)})}});
    }
    return out;
}

std::string lineText(const TextLine& line, const std::vector<PieceRole>& hidden) {
    std::string out;
    for (const Piece& p : line)
        out += std::find(hidden.begin(), hidden.end(), p.role) != hidden.end() ? std::string("?") : p.text;
    return out;
}

std::string plainText(const StepText& text) {
    std::string out = text.title;
    for (const TextLine& line : text.lines) out += "\n" + lineText(line);
    return out;
}

}  // namespace bp
