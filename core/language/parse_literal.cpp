// SPDX-License-Identifier: GPL-3.0-or-later
// A literal on its own (a --set value, a number typed into a table), read by the one grammar of
// the language: the parser's literal rule, with the positions of the user's own text.
#include "core/language/literal_parser.h"

namespace bp {

Matrix parseLiteral(std::string_view text, const std::string& what) { return parseLiteralText(text, what, {}); }

}  // namespace bp
