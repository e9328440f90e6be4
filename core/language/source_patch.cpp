// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/language/source_patch.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "core/language/literal_text.h"

namespace bp {
namespace {

struct Span {
    std::size_t begin = 0;  // byte offsets into the source
    std::size_t end = 0;
};

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isNameChar(char c) { return isDigit(c) || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// The byte offset of (line, column), both 1-based, as the lexer counts them (a leading UTF-8
// byte-order mark is not part of line 1).
std::optional<std::size_t> offsetOf(const std::string& s, SourcePos pos) {
    if (pos.line < 1 || pos.column < 1) return std::nullopt;
    std::size_t at = s.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    for (int line = 1; line < pos.line; ++line) {
        const void* nl = std::memchr(s.data() + at, '\n', s.size() - at);
        if (!nl) return std::nullopt;
        at = static_cast<std::size_t>(static_cast<const char*>(nl) - s.data()) + 1;
    }
    at += static_cast<std::size_t>(pos.column - 1);
    if (at >= s.size()) return std::nullopt;
    return at;
}

std::size_t skipBlanks(const std::string& s, std::size_t at) {
    while (at < s.size() && isBlank(s[at])) ++at;
    return at;
}

// A signed number: `-` (blanks allowed after it), digits, a fraction, an exponent; as the lexer.
std::optional<std::size_t> numberEnd(const std::string& s, std::size_t at) {
    if (at < s.size() && s[at] == '-') at = skipBlanks(s, at + 1);
    const std::size_t start = at;
    while (at < s.size() && isDigit(s[at])) ++at;
    if (at + 1 < s.size() && s[at] == '.' && isDigit(s[at + 1])) {
        ++at;
        while (at < s.size() && isDigit(s[at])) ++at;
    }
    if (at == start) return std::nullopt;
    if (at < s.size() && (s[at] == 'e' || s[at] == 'E')) {
        std::size_t q = at + 1;
        if (q < s.size() && (s[q] == '+' || s[q] == '-')) ++q;
        if (q < s.size() && isDigit(s[q])) {
            at = q;
            while (at < s.size() && isDigit(s[at])) ++at;
        }
    }
    return at;
}

// `[ ... ]` with nested brackets; newlines and comments inside are part of it.
std::optional<std::size_t> bracketEnd(const std::string& s, std::size_t at) {
    int depth = 0;
    for (; at < s.size(); ++at) {
        const char c = s[at];
        if (c == '#') {
            const void* nl = std::memchr(s.data() + at, '\n', s.size() - at);
            if (!nl) return std::nullopt;
            at = static_cast<std::size_t>(static_cast<const char*>(nl) - s.data());
        } else if (c == '[') {
            ++depth;
        } else if (c == ']' && --depth == 0) {
            return at + 1;
        }
    }
    return std::nullopt;
}

std::optional<Span> literalAt(const std::string& s, std::size_t at) {
    const auto end = s[at] == '[' ? bracketEnd(s, at) : numberEnd(s, at);
    if (!end) return std::nullopt;
    return Span{at, *end};
}

// Where the literal of leaf `n` is: after `NAME =` for a declaration (its position is the
// name), at the position itself for an anonymous constant.
std::optional<Span> literalOf(const std::string& s, const Node& n) {
    const auto at = offsetOf(s, n.pos);
    if (!at) return std::nullopt;
    if (!n.named) return literalAt(s, *at);
    if (s.compare(*at, n.name().size(), n.name()) != 0) return std::nullopt;
    std::size_t p = *at + n.name().size();
    if (p < s.size() && isNameChar(s[p])) return std::nullopt;
    p = skipBlanks(s, p);
    if (p >= s.size() || s[p] != '=') return std::nullopt;
    p = skipBlanks(s, p + 1);
    if (p >= s.size()) return std::nullopt;
    return literalAt(s, p);
}

// The line and column of a byte offset, counted from a known position on the same line or before.
SourcePos advance(const std::string& s, SourcePos from, std::size_t fromOffset, std::size_t to) {
    for (std::size_t i = fromOffset; i < to; ++i) {
        if (s[i] == '\n') {
            ++from.line;
            from.column = 1;
        } else {
            ++from.column;
        }
    }
    return from;
}

bool before(SourcePos a, SourcePos b) { return a.line != b.line ? a.line < b.line : a.column < b.column; }

// `value` written in the layout of the literal `old`: each of its numbers, in order (row by row),
// replaced by the shortest text of the new entry, and everything else (brackets, spaces, line
// breaks, comments) kept; none when `old` does not hold one number per entry.
std::optional<std::string> inLayoutOf(const std::string& old, const Matrix& value) {
    std::string out;
    Eigen::Index entry = 0;
    for (std::size_t at = 0; at < old.size();) {
        const char c = old[at];
        if (c == '#') {
            const std::size_t nl = old.find('\n', at);
            const std::size_t end = nl == std::string::npos ? old.size() : nl;
            out.append(old, at, end - at);
            at = end;
            continue;
        }
        if (c == '-' || isDigit(c)) {
            const auto end = numberEnd(old, at);
            if (!end || entry >= value.size()) return std::nullopt;
            appendNumberText(out, value.reshaped<Eigen::RowMajor>()(entry++));
            at = *end;
            continue;
        }
        out += c;
        ++at;
    }
    if (entry != value.size()) return std::nullopt;
    return out;
}

// The new text of leaf `n`'s literal `old`: in its layout when it has one, else the shortest.
std::string newLiteral(const std::string& old, const Node& n) {
    if (auto kept = inLayoutOf(old, n.leafValue())) return *kept;
    return literalText(n.leafValue());
}

}  // namespace

bool patchLeafLiteral(std::string& source, Graph& graph, NodeId id, const std::string& spelling, std::string* replaced) {
    if (id < 0 || id >= graph.size()) return false;
    const Node& n = graph.node(id);
    if (!n.isLeaf() || n.leafValue().size() == 0 || !n.leafValue().allFinite()) return false;
    const auto span = literalOf(source, n);
    if (!span) return false;
    std::string text = spelling;
    if (text.empty()) {
        try {
            text = newLiteral(source.substr(span->begin, span->end - span->begin), n);
        } catch (const std::exception&) {
            return false;
        }
        // A negative number replacing a positive one inside an expression would read as a unary
        // minus (`2 - -3` is fine, but `-2 ^ 2` must not become `--3 ^ 2`): parenthesise it there.
        if (!n.named && text.front() == '-' && source[span->begin] != '-') text = "(" + text + ")";
    }
    if (replaced) *replaced = source.substr(span->begin, span->end - span->begin);

    const auto startOffset = offsetOf(source, n.pos);
    const SourcePos start = advance(source, n.pos, *startOffset, span->begin);
    const SourcePos oldEnd = advance(source, start, span->begin, span->end);
    const SourcePos newEnd = advance(text, start, 0, text.size());
    source.replace(span->begin, span->end - span->begin, text);

    // Later nodes move with the text: on the literal's last line by columns, below it by lines.
    for (NodeId other = 0; other < graph.size(); ++other) {
        SourcePos& p = graph.node(other).pos;
        if (p.line < 1 || before(p, oldEnd)) continue;
        if (p.line == oldEnd.line) p = {newEnd.line, newEnd.column + (p.column - oldEnd.column)};
        else p.line -= oldEnd.line - newEnd.line;
    }
    return true;
}

bool LiteralSpellings::rewrite(std::string& source, Graph& graph, NodeId id, const Matrix& before) {
    auto it = std::find_if(first_.begin(), first_.end(), [id](const Spelling& s) { return s.id == id; });
    const Matrix& now = graph.node(id).leafValue();
    const bool back = it != first_.end() && it->value.rows() == now.rows() && it->value.cols() == now.cols() &&
                      it->value == now;
    std::string replaced;
    if (!patchLeafLiteral(source, graph, id, back ? it->text : std::string(), &replaced)) return false;
    if (it == first_.end()) first_.push_back({id, before, replaced});
    return true;
}

void clearSourcePositions(Graph& graph) {
    for (NodeId id = 0; id < graph.size(); ++id) graph.node(id).pos = {};
}

}  // namespace bp
