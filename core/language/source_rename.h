// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Renaming a node in .bpg text: every use of a name (its declaration or assignment and every
// expression that reads it) is rewritten; comments, literals and other names that merely contain
// it stay as they are.
#include <string>

namespace bp {

// `text` with every name token `from` written as `to`; the count of uses rewritten in `count`.
// Throws ParseError on text that does not lex.
std::string renameInSource(const std::string& text, const std::string& from, const std::string& to, int* count = nullptr);

// Why a new name for a node cannot be taken (the window says it in words).
enum class RenameRefusal {
    None,
    Empty,       // nothing typed
    NotAName,    // "2x", "a.b": not a .bpg name
    Keyword,     // input, param, const, backward, with
    Taken,       // another node is called that
    Anonymous,   // the node has no name in the text to rewrite (an inner node)
    NotInText,   // the text does not parse with the new name (a function's name, say)
};

}  // namespace bp
