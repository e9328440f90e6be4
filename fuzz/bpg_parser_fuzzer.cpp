// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the .bpg parser and loader, then evaluation of whatever parses (every op on
// whatever values the input holds), then writing it back. None of it may crash or hang.
#include <cstdint>
#include <string_view>

#include "core/language/parser.h"
#include "core/trace/evaluation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view source(reinterpret_cast<const char*>(data), size);
    bp::ParseLimits limits;
    limits.maxMatrixEntries = 4096;  // keep each run fast; the limits themselves are tested elsewhere
    limits.maxNodes = 4096;
    try {
        bp::Program program = bp::parseProgram(source, "fuzz.bpg", limits);
        bp::Evaluation eval = bp::evaluate(program);
        (void)eval;
        try {
            (void)bp::writeProgram(program);
        } catch (const std::runtime_error&) {
            // a non-finite value has no .bpg spelling: refused with a message
        }
    } catch (const bp::ParseError&) {
    }
    return 0;
}
