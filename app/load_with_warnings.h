// Loading a file for a subcommand: the program, with what the user should know printed to stderr.
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>

#include "core/graph/program.h"

namespace bp::cli {

// loadProgram, then one "FILE: warning: ..." line on stderr for each thing that loaded but may
// not mean what the file meant (an ONNX model newer than the importer knows).
Program loadProgramWithWarnings(const std::string& path);

}  // namespace bp::cli
