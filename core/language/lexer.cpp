// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/language/lexer.h"

#include <array>
#include <charconv>
#include <climits>
#include <cstdio>
#include <cstring>

#include "core/language/name_characters.h"
#include "core/language/parser.h"

namespace bp {

namespace {

// What each byte can be: one table lookup a byte of the file, where the tests were up to five
// comparisons each.
enum CharClass : unsigned char { kSpace = 1, kDigit = 2, kNameStart = 4 };
constexpr auto kCharClasses = [] {
    std::array<unsigned char, 256> table{};
    for (const char c : {' ', '\t', '\r', '\f', '\v'}) table[static_cast<unsigned char>(c)] = kSpace;
    for (int c = '0'; c <= '9'; ++c) table[c] = kDigit;
    for (int c = 'a'; c <= 'z'; ++c) table[c] = kNameStart;
    for (int c = 'A'; c <= 'Z'; ++c) table[c] = kNameStart;
    table['_'] = kNameStart;
    return table;
}();
bool hasClass(char c, unsigned char classes) { return (kCharClasses[static_cast<unsigned char>(c)] & classes) != 0; }

// The token a byte is by itself, whatever follows it (End for every other byte, which the rest of
// the lexer reads): punctuation costs one lookup.
constexpr auto kOneByteTokens = [] {
    std::array<TokenKind, 256> table{};
    table.fill(TokenKind::End);
    table['+'] = TokenKind::Plus;
    table['-'] = TokenKind::Minus;
    table['/'] = TokenKind::Slash;
    table['@'] = TokenKind::At;
    table['^'] = TokenKind::Caret;
    table[','] = TokenKind::Comma;
    table[':'] = TokenKind::Colon;
    table['='] = TokenKind::Equals;
    table[';'] = TokenKind::Semicolon;
    table['('] = TokenKind::LParen;  // brackets count their depth too (Lexer::next)
    table[')'] = TokenKind::RParen;
    table['['] = TokenKind::LBracket;
    table[']'] = TokenKind::RBracket;
    return table;
}();
bool isDigit(char c) { return hasClass(c, kDigit); }
bool isAsciiNameStart(char c) { return hasClass(c, kNameStart); }
bool isAsciiNameChar(char c) { return hasClass(c, kNameStart | kDigit); }

// The keyword `name` is, or Name: by length and first letter, so most names cost two comparisons.
TokenKind keywordKind(std::string_view name) {
    const auto is = [&](char first, std::string_view keyword) { return name[0] == first && name == keyword; };
    switch (name.size()) {
    case 4: return is('w', "with") ? TokenKind::KwWith : TokenKind::Name;
    case 5:
        return is('i', "input")   ? TokenKind::KwInput
               : is('p', "param") ? TokenKind::KwParam
               : is('c', "const") ? TokenKind::KwConst
                                  : TokenKind::Name;
    case 8: return is('b', "backward") ? TokenKind::KwBackward : TokenKind::Name;
    default: return TokenKind::Name;
    }
}

// Long names and numbers are cut short in messages, so a 3 MB token cannot make a 3 MB message.
std::string clipped(std::string_view text) {
    constexpr std::size_t kMax = 40;
    if (text.size() <= kMax) return std::string(text);
    return std::string(text.substr(0, kMax)) + "...";
}

// The ASCII character a Chinese or Japanese input method's full-width form stands for:
// U+FF01..U+FF5E ('，' '）' '＊' '＝' ...), the ideographic space U+3000 and the ideographic
// comma and full stop; 0 for anything else.
char asciiLookalike(char32_t cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) return static_cast<char>(cp - 0xFEE0);
    switch (cp) {
    case 0x3000: return ' ';
    case 0x3001: return ',';
    case 0x3002: return '.';
    default: return 0;
    }
}

}  // namespace

bool isKeyword(std::string_view name) { return keywordKind(name) != TokenKind::Name; }

std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '\'';
    out += text;
    out += '\'';
    return out;
}

std::string describeCharacter(std::string_view rest) {
    const auto c = static_cast<unsigned char>(rest[0]);
    char buffer[32];
    if (c >= 0x21 && c <= 0x7E) {
        return std::string("'") + static_cast<char>(c) + "'";
    }
    char32_t cp = 0;
    if (const int length = c >= 0x80 ? decodeUtf8(rest, cp) : 0; length > 0) {
        std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
        // A C1 control character or an invisible one is named by its code point only.
        if (cp < 0xA0) return buffer;
        return quoted(rest.substr(0, static_cast<std::size_t>(length))) + " (" + buffer + ")";
    }
    std::snprintf(buffer, sizeof buffer, "'\\x%02x'", static_cast<unsigned>(c));
    return buffer;
}

Message describeToken(const Token& token) {
    switch (token.kind) {
    case TokenKind::Number: return message("token-number", {clipped(token.text)});
    case TokenKind::Name: return message("token-name", {clipped(token.text)});
    case TokenKind::KwInput:
    case TokenKind::KwParam:
    case TokenKind::KwConst:
    case TokenKind::KwBackward:
    case TokenKind::KwWith: return message("token-keyword", {std::string(token.text)});
    case TokenKind::Newline: return message("token-end-of-line");
    case TokenKind::End: return message("token-end-of-file");
    default: return message("token-other", {std::string(token.text)});
    }
}

Lexer::Lexer(std::string_view source, const std::string& fileName)
    : p_(source.data()), end_(source.data() + source.size()), lineStart_(p_),
      fileName_(fileName) {
    // A UTF-8 byte-order mark, as some editors write, is not part of the text.
    if (source.size() >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) {
        p_ += 3;
        lineStart_ = p_;
    }
}

Token Lexer::make(TokenKind kind, const char* start, std::size_t length) const {
    Token token;
    token.kind = kind;
    token.text = std::string_view(start, length);
    token.line = line_;
    const auto column = start - lineStart_ + 1;
    token.column = column > INT_MAX ? INT_MAX : static_cast<int>(column);
    return token;
}

void Lexer::failAt(const char* where) const {
    const auto column = where - lineStart_ + 1;
    const std::string_view rest(where, end_ - where);
    const std::string character = describeCharacter(rest);
    char32_t cp = 0;
    const bool decoded = decodeUtf8(rest, cp) > 0;
    const char ascii = decoded ? asciiLookalike(cp) : 0;
    const Message said = ascii == ' '                        ? message("unexpected-full-width-space", {character})
                         : ascii                             ? message("unexpected-full-width", {character, std::string(1, ascii)})
                         : !combiningMarkHint(rest).empty() ? message("unexpected-combining", {character})
                                                             : message("unexpected-character", {character});
    throw ParseError(fileName_, line_, column > INT_MAX ? INT_MAX : static_cast<int>(column), said);
}

void Lexer::failMethod(const char* dot) const {
    const std::string method(dot + 1, nameLength(std::string_view(dot + 1, static_cast<std::size_t>(end_ - dot - 1))));
    const auto column = dot - lineStart_ + 1;
    throw ParseError(fileName_, line_, column > INT_MAX ? INT_MAX : static_cast<int>(column),
                     message("method-call", {method}));
}

Token Lexer::next() {
    const char* p = p_;
    // One space, as between most tokens, stepped over without a branch: whether a token follows a
    // space changes from token to token, which a loop's branch predicts poorly (1% of a chain).
    p += p != end_ && *p == ' ';
    while (p != end_ && hasClass(*p, kSpace)) ++p;
    p_ = p;
    if (p == end_) return make(TokenKind::End, p, 0);
    // The tokens most lines are made of first: punctuation that is a token by itself, a name.
    if (const TokenKind kind = kOneByteTokens[static_cast<unsigned char>(*p)]; kind != TokenKind::End) {
        p_ = p + 1;
        if (kind >= TokenKind::LParen && kind <= TokenKind::RBracket) countBracket(kind);
        return make(kind, p, 1);
    }
    if (isAsciiNameStart(*p)) return lexName(p);
    if (*p == '*') {
        p_ = p + 1;
        if (p_ == end_ || *p_ != '*') return make(TokenKind::Star, p, 1);
        ++p_;  // `**`, PyTorch's power, the same as ^
        return make(TokenKind::Caret, p, 2);
    }
    if (*p == '\n' && openBrackets_ == 0) {
        p_ = p + 1;
        const Token token = make(TokenKind::Newline, p, 1);
        ++line_;
        lineStart_ = p_;
        return token;
    }
    if (*p == '\n' || *p == '#') return nextAfterIgnored();
    return lexOther(p);
}

Token Lexer::nextAfterIgnored() {
    const char* p = p_;
    for (;;) {
        while (p != end_ && hasClass(*p, kSpace)) ++p;
        if (p != end_ && *p == '#') {
            const void* newline = std::memchr(p, '\n', static_cast<std::size_t>(end_ - p));
            p = newline ? static_cast<const char*>(newline) : end_;
        } else if (p != end_ && *p == '\n' && openBrackets_ > 0) {  // whitespace inside brackets
            ++p;
            ++line_;
            lineStart_ = p;
        } else {
            break;
        }
    }
    p_ = p;
    return next();  // which starts at a byte it reads itself: this recurses once at most
}

void Lexer::countBracket(TokenKind bracket) {
    if (bracket == TokenKind::LParen || bracket == TokenKind::LBracket) ++openBrackets_;
    else if (openBrackets_ > 0) --openBrackets_;
}

Token Lexer::lexOther(const char* start) {
    const char c = *start;
    if (isDigit(c) || (c == '.' && start + 1 != end_ && isDigit(start[1]))) return lexNumber(start);
    if (static_cast<unsigned char>(c) >= 0x80 && nameLength(std::string_view(start, end_ - start)) > 0)
        return lexName(start);
    p_ = start + 1;
    if (c == '.') {
        // `.T` is the transpose suffix; `.Tx` or a lone `.` is not a token.
        if (p_ != end_ && *p_ == 'T' && nameLength(std::string_view(p_, end_ - p_)) == 1) {
            ++p_;
            return make(TokenKind::DotT, start, 2);
        }
        if (const std::size_t n = nameLength(std::string_view(p_, static_cast<std::size_t>(end_ - p_)));
            n > 0 && p_ + n != end_ && p_[n] == '(')
            failMethod(start);
    }
    failAt(start);
}

// `e5`, `E-3`: an exponent starting at p.
bool Lexer::isExponentAt(const char* p) const {
    if (p == end_ || (*p != 'e' && *p != 'E')) return false;
    ++p;
    if (p != end_ && (*p == '+' || *p == '-')) ++p;
    return p != end_ && isDigit(*p);
}

const char* Lexer::scanNumber(const char* p) const {
    while (p != end_ && isDigit(*p)) ++p;
    if (p != end_ && *p == '.' && p + 1 != end_ && isDigit(p[1])) {
        ++p;
        while (p != end_ && isDigit(*p)) ++p;
    } else if (p != end_ && *p == '.' && (p + 1 == end_ || nameLength(std::string_view(p + 1, static_cast<std::size_t>(end_ - p - 1))) == 0 ||
                                        isExponentAt(p + 1))) {
        ++p;  // `2.` and `2.e3`, as Python writes them (`2.T` stays the transpose of 2)
    }
    if (p != end_ && (*p == 'e' || *p == 'E')) {
        const char* q = p + 1;
        if (q != end_ && (*q == '+' || *q == '-')) ++q;
        if (q != end_ && isDigit(*q)) {
            p = q;
            while (p != end_ && isDigit(*p)) ++p;
        }
    }
    return p;
}

Token Lexer::lexNumber(const char* start) {
    p_ = scanNumber(start);
    return make(TokenKind::Number, start, static_cast<std::size_t>(p_ - start));
}

void Lexer::readNumberRun(std::vector<double>& out, std::size_t limit) {
    const char* p = p_;
    int line = line_;
    const char* lineStart = lineStart_;
    // Whitespace inside brackets, newlines included.
    auto skipSpace = [&] {
        for (; p != end_; ++p) {
            const char c = *p;
            if (c == '\n') {
                ++line;
                lineStart = p + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                break;
            }
        }
    };
    while (out.size() < limit) {
        skipSpace();
        const char* start = p;
        if (p != end_ && *p == '-') ++p;
        if (p == end_ || !(isDigit(*p) || (*p == '.' && p + 1 != end_ && isDigit(p[1])))) return;
        const char* numberStart = p;
        p = scanNumber(p);
        double value;
        const auto result = std::from_chars(numberStart, p, value);
        if (result.ec != std::errc() || result.ptr != p) return;
        skipSpace();
        if (p == end_ || *p != ',') return;
        ++p;
        out.push_back(start != numberStart ? -value : value);
        // Commit: the entry and its comma are read.
        p_ = p;
        line_ = line;
        lineStart_ = lineStart;
    }
}

Token Lexer::lexName(const char* start) {
    const char* p = p_;
    while (p != end_ && isAsciiNameChar(*p)) ++p;
    p_ = p;
    // Letters of other scripts (损失, Δw): the rest of the name, read code point by code point.
    if (p_ != end_ && static_cast<unsigned char>(*p_) >= 0x80)
        p_ = start + nameLength(std::string_view(start, end_ - start));
    const std::string_view text(start, static_cast<std::size_t>(p_ - start));
    return make(keywordKind(text), start, text.size());
}

}  // namespace bp
