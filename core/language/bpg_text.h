// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The .bpg text to save for a program: the source as the user wrote it (comments and layout
// kept) when it still reads back as the program shown, else the program written out afresh.
#include <string>

#include "core/graph/program.h"

namespace bp {

// Throws std::runtime_error when the program has no .bpg spelling (a value that is nan or inf).
std::string bpgTextFor(const Program& program, const std::string& source);

// Whether two programs are the same graph: names, kinds, ops, inputs, attributes, leaf values
// (bit for bit), root and seed.
bool sameProgram(const Program& a, const Program& b);

}  // namespace bp
