// SPDX-License-Identifier: GPL-3.0-or-later
// The ONNX importer as a module (bps_onnx.so) that the program loads on the first .onnx file it
// opens (core/io/onnx_module.h): it alone links libprotobuf and libonnx.
#include <new>
#include <string>
#include <type_traits>

#include "core/io/load_program.h"
#include "core/io/onnx_import.h"
#include "core/io/onnx_module.h"

extern "C" __attribute__((visibility("default"))) int bps_onnx_abi() { return bp::kOnnxModuleAbi; }

extern "C" __attribute__((visibility("default"))) int bps_onnx_import_bytes(const char* bytes, std::size_t size,
                                                                             const char* fileName, bp::Program* program,
                                                                             bp::Message* said) {
    try {
        *program = bp::importOnnxBytes(std::string(bytes, size), fileName);
        return 0;
    } catch (const std::bad_alloc&) {
        return 2;
    } catch (const bp::LoadError& e) {  // the message after "FILE: error: ", said by the program
        *said = e.said;
        return 1;
    } catch (const std::exception& e) {
        *said = bp::plain(e.what());
        return 1;
    }
}

// The module's type must match the entry point the program looks up.
static_assert(std::is_same_v<decltype(&bps_onnx_import_bytes), bp::OnnxModuleImport>);
