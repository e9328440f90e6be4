// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading one literal with the parser's own grammar, positions and messages (parseLiteral in
// parser.h is the public entry point).
#include <string>
#include <string_view>

#include "core/language/parser.h"

namespace bp {

Matrix parseLiteralText(std::string_view text, const std::string& what, const ParseLimits& limits);

}  // namespace bp
