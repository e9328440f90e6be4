// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the report writers on whatever program parses: the eval, trace, check and
// train reports (JSON, with non-finite numbers as strings), the document, the .bpg writer and the
// PyTorch script. Values may be anything the input holds (inf, nan, huge); none may crash.
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "core/io/document_json.h"
#include "core/io/json_report.h"
#include "core/io/pytorch_export.h"
#include "core/language/parser.h"
#include "core/trace/evaluation.h"
#include "core/train/gradient_check.h"
#include "core/train/sgd.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view source(reinterpret_cast<const char*>(data), size);
    bp::ParseLimits limits;
    limits.maxMatrixEntries = 1024;  // keep each run fast; the limits themselves are tested elsewhere
    limits.maxNodes = 1024;
    bp::Program program;
    try {
        program = bp::parseProgram(source, "fuzz.bpg", limits);
    } catch (const bp::ParseError&) {
        return 0;
    }
    const bp::Evaluation eval = bp::evaluate(program);
    (void)bp::evalReport(program, eval).dump();
    (void)bp::traceReport(program, eval).dump();
    bp::CheckOptions options;
    options.samplePerLeaf = 8;
    (void)bp::checkReport(program, bp::checkGradients(program, options), options).dump();
    (void)bp::documentText(bp::documentOf(program));
    try {
        (void)bp::writeProgram(program);
    } catch (const std::runtime_error&) {
        // a non-finite value has no .bpg spelling: refused with a message
    }
    (void)bp::writePyTorchScript(program);
    try {
        bp::Program trained = program;
        (void)bp::trainReport(trained, bp::train(trained, 2, 0.1, 0.9)).dump();
    } catch (const std::invalid_argument&) {
        // a graph that cannot be trained (no param, a root that is not 1x1) is refused
    }
    return 0;
}
