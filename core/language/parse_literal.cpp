// SPDX-License-Identifier: GPL-3.0-or-later
// A literal on its own (a --set value, a number typed into a table), read by the one grammar of
// the language: it is parsed as the value of a declaration, and error columns are moved back to
// the user's text.
#include <algorithm>
#include <string>

#include "core/language/parser.h"

namespace bp {

Matrix parseLiteral(std::string_view text, const std::string& what) {
    static constexpr std::string_view prefix = "const value = ";
    std::string source(prefix);
    source.append(text);
    source += "\nresult = value\n";
    try {
        Program p = parseProgram(source, what);
        return p.graph.node(p.graph.find("value")).leafValue;
    } catch (const ParseError& e) {
        const int column = e.line == 1 ? std::max(1, e.column - int(prefix.size())) : e.column;
        const int line = e.line > int(std::count(text.begin(), text.end(), '\n')) + 1 ? 0 : e.line;
        throw ParseError(what, line, column, e.message);
    }
}

}  // namespace bp
