// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The .bpg language (SPEC §1): a hand-written lexer and recursive-descent parser with a depth
// limit, positions on every token and every error.
#include <stdexcept>
#include <string>
#include <vector>
#include <string_view>

#include "core/graph/program.h"
#include "core/text/message.h"

namespace bp {

struct ParseError : std::runtime_error {
    ParseError(std::string file, int line, int column, std::string message);
    ParseError(std::string file, int line, int column, Message said);
    std::string file;
    int line;
    int column;
    std::string message;  // without the position; what() is "FILE:LINE:COL: error: MESSAGE"
    // The message as data (core/text/message_catalog.h), for the window, which says it in its own
    // language: e.g. "unknown-name" {"损失"}. Plain text for a message that has no code.
    Message said;
};

struct ParseLimits {
    std::size_t maxSourceBytes = 256u << 20;  // 256 MB
    int maxNesting = 256;                     // parentheses, brackets and unary minus
    long maxMatrixEntries = 16'000'000;
    int maxNodes = 5'000'000;
};

// Parses and builds the program; throws ParseError on any error (the first one).
Program parseProgram(std::string_view source, const std::string& fileName = "<input>",
                     const ParseLimits& limits = {});

// Reads the file, then parses it. A file that cannot be read throws ParseError at line 0.
Program loadProgramFile(const std::string& path, const ParseLimits& limits = {});

// Parses one literal of the language ("2", "[1, 0]", "[[3, 4], [5, 6]]"), e.g. a --set value.
// Throws ParseError naming `what` as the file.
Matrix parseLiteral(std::string_view text, const std::string& what = "<literal>");

// Writes a program back as .bpg text that parses to the same graph (names, kinds, values, root, seed).
std::string writeProgram(const Program& program);

}  // namespace bp
