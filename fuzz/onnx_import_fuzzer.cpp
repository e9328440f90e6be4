// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the ONNX importer on arbitrary bytes, then evaluation of whatever imports.
#include <cstdint>
#include <string>

#include "core/io/load_program.h"
#include "core/io/onnx_import.h"
#include "core/trace/evaluation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    bp::OnnxLimits limits;
    limits.maxTensorEntries = 4096;
    limits.maxNodes = 4096;
    limits.maxGraphEntries = 65536;
    try {
        const bp::Program program = bp::importOnnxBytes(bytes, "fuzz.onnx", limits);
        (void)bp::evaluate(program);
    } catch (const bp::LoadError&) {
    }
    return 0;
}
