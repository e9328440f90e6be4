// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>

#include "core/graph/program.h"

namespace bp::cli {

// `convert FILE -o OUT`: writes the program as .bpg text, the JSON document or a PyTorch script,
// chosen by OUT's extension. Returns the exit status.
int convertProgram(const Program& program, const std::string& out);

}  // namespace bp::cli
