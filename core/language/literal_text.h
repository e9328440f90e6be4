// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How numbers and matrices are written in .bpg text: shortest round-trip numbers, `2`, `[1, 2]`
// for a column vector, `[[1, 2], [3, 4]]` row by row otherwise. Used by the writer and by error
// messages that suggest a literal.
#include <string>

#include "core/graph/matrix.h"

namespace bp {

// The shortest text that reads back as exactly `value`; throws std::runtime_error when the
// value is not finite (.bpg has no spelling for inf or nan).
std::string numberText(double value);
void appendNumberText(std::string& out, double value);

// A literal for `value`; throws std::runtime_error for an empty matrix or a non-finite entry.
std::string literalText(const Matrix& value);
void appendLiteralText(std::string& out, const Matrix& value);

}  // namespace bp
