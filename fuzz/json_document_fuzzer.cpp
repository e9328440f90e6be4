// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the program's own JSON document loader, then evaluation of whatever loads.
#include <cstdint>
#include <string>

#include "core/io/document_json.h"
#include "core/io/load_program.h"
#include "core/trace/evaluation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    bp::DocumentLimits limits;
    limits.maxMatrixEntries = 4096;
    limits.maxNodes = 4096;
    try {
        const bp::DocumentFile document = bp::documentFromText(text, "fuzz.json", limits);
        if (document.program.graph.size() <= 4096) (void)bp::evaluate(document.program);
    } catch (const bp::LoadError&) {
    }
    return 0;
}
