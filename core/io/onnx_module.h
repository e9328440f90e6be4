// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ONNX models are read by the importer module (bps_onnx.so, built from core_onnx), which the
// program loads the first time an .onnx file is opened: libprotobuf and libonnx, which it links,
// are not loaded for .bpg work. The module is looked for where it is installed, relative to the
// executable: EXE_DIR/../lib/backprop-studio/bps_onnx.so (the build tree has the same layout), or
// at the path in the environment variable BPS_ONNX_MODULE.
#include <cstddef>
#include <string>

#include "core/graph/program.h"
#include "core/text/message.h"

namespace bp {

// The module's one entry point (extern "C", looked up by name). Fills `program` and returns 0, or
// returns 1 with the refusal's message (what follows "FILE: error: ") in `said`, 2 when out of memory.
// The program's nodes point at the module's own op table; the caller points them at its own.
using OnnxModuleImport = int (*)(const char* bytes, std::size_t size, const char* fileName, Program* program,
                                 Message* said);
inline constexpr const char* kOnnxModuleEntry = "bps_onnx_import_bytes";
inline constexpr int kOnnxModuleAbi = 2;  // bps_onnx_abi() returns it; a module of another build is refused
inline constexpr const char* kOnnxModuleAbiEntry = "bps_onnx_abi";

// Imports an ONNX model through the module; throws LoadError("FILE: error: ...") on a refusal, or
// when the module cannot be found or loaded (naming where it was looked for).
Program importOnnxThroughModule(const std::string& bytes, const std::string& fileName);

// Where the module is looked for, in order.
std::string onnxModulePath();

}  // namespace bp
