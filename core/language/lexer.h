// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The .bpg lexer: one token at a time, straight off the source bytes (no copies, no tables of
// tokens, so a 64 MB file costs no more memory than its text). Newlines separate statements
// except inside (...) or [...]; the lexer tracks that depth itself.
#include <string>
#include <string_view>
#include <vector>

#include "core/text/message.h"

namespace bp {

enum class TokenKind {
    Number,
    Name,
    KwInput,
    KwParam,
    KwConst,
    KwBackward,
    KwWith,
    Plus,
    Minus,
    Star,
    Slash,
    At,
    Caret,
    DotT,       // .T
    Comma,
    Colon,      // in an index: x[0:2, :]
    Equals,
    LParen,     // the four brackets stay together, in this order: Lexer::next counts them by range
    RParen,
    LBracket,
    RBracket,
    Newline,    // a line break outside brackets
    Semicolon,
    End,
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string_view text;  // points into the source
    int line = 1;           // 1-based
    int column = 1;         // 1-based, in bytes

    Token() = default;
    // Copied a field at a time, as the lexer writes one. The parser copies the token it has just
    // read at every turn, and a copy in wide loads of fields that were just stored one by one
    // stalls the processor (a store it cannot forward to the load, some 15 cycles each time).
    Token(const Token& other) { *this = other; }
    Token& operator=(const Token& other) {
        kind = other.kind;
        text = std::string_view(other.text.data(), other.text.size());
        line = other.line;
        column = other.column;
        return *this;
    }
};

// How a token is named in messages: "token ')'", "name 'q'", "number '2.5'", "end of line".
Message describeToken(const Token& token);

// A character the lexer cannot start a token with, escaped for a message: '$', '\x01', '×' (U+00D7).
std::string describeCharacter(std::string_view rest);


class Lexer {
public:
    // Throws ParseError (with `fileName`) on a character that starts no token.
    Lexer(std::string_view source, const std::string& fileName);

    Token next();

    // The fast path for long matrix literals, called just after a ',' inside brackets: reads
    // entries of the form `-?NUMBER ,` straight into `out` (stopping at `limit` entries) and
    // stops before the first entry not followed by a comma, or anything unusual (a comment, a
    // number out of range), which the token path then reads with its positions and messages.
    void readNumberRun(std::vector<double>& out, std::size_t limit);

private:
    const char* p_;
    const char* end_;
    const char* lineStart_;
    int line_ = 1;
    int openBrackets_ = 0;  // ( and [ not yet closed: newlines inside are whitespace
    const std::string& fileName_;

    Token make(TokenKind kind, const char* start, std::size_t length) const;
    // A token next() does not read itself (a number, `.T`, a name in another script),
    // or the error for a byte that starts none.
    Token lexOther(const char* start);
    // Steps over comments, line breaks inside brackets and the spaces around them, then reads the
    // token after them with next().
    Token nextAfterIgnored();
    void countBracket(TokenKind bracket);  // one of ( ) [ ], read: the depth newlines are ignored at
    Token lexNumber(const char* start);
    Token lexName(const char* start);
    const char* scanNumber(const char* p) const;  // the end of the number starting at p
    bool isExponentAt(const char* p) const;
    // `x.detach()`, `x.sum()`: a method call as PyTorch writes it; says what .bpg writes instead.
    [[noreturn]] void failMethod(const char* dot) const;
    [[noreturn]] void failAt(const char* where) const;
};

bool isKeyword(std::string_view name);

// 'text', for messages.
std::string quoted(std::string_view text);

}  // namespace bp
