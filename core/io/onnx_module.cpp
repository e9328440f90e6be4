// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/onnx_module.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <new>
#include <system_error>

#include "core/io/load_program.h"
#include "core/ops/op_table.h"

namespace bp {
namespace {

struct LoadedModule {
    OnnxModuleImport import = nullptr;
    Message problem;  // why it could not be loaded, when import is null
};

LoadedModule loadModule() {
    const std::string path = onnxModulePath();
    // Never unloaded: what the module made (strings, matrices) is freed by the program later.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!handle) {
        const char* why = dlerror();
        return {nullptr, message("onnx-module-not-loaded", {why ? why : path})};
    }
    auto abi = reinterpret_cast<int (*)()>(dlsym(handle, kOnnxModuleAbiEntry));
    auto import = reinterpret_cast<OnnxModuleImport>(dlsym(handle, kOnnxModuleEntry));
    if (!abi || !import || abi() != kOnnxModuleAbi)
        return {nullptr, message("onnx-module-other-version", {path})};
    return {import, {}};
}

const LoadedModule& module() {
    static std::once_flag once;
    static LoadedModule loaded;
    std::call_once(once, [] { loaded = loadModule(); });
    return loaded;
}

// The module built the nodes on its own copy of the op table; the rest of the program compares
// op pointers with its own (the writer's identity, a document's equality).
void adoptOps(Program& program) {
    for (NodeId id = 0; id < program.graph.size(); ++id) {
        Node& node = program.graph.node(id);
        if (node.op) node.op = findOp(node.op->name);
    }
}

}  // namespace

std::string onnxModulePath() {
    if (const char* given = std::getenv("BPS_ONNX_MODULE"); given && *given) return given;
    std::error_code error;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
    const std::filesystem::path dir = error ? std::filesystem::path(".") : exe.parent_path();
    return (dir / ".." / "lib" / "backprop-studio" / "bps_onnx.so").lexically_normal().string();
}

Program importOnnxThroughModule(const std::string& bytes, const std::string& fileName) {
    const LoadedModule& loaded = module();
    if (!loaded.import) throw LoadError(fileName, phrase("onnx-module-missing", {loaded.problem}));
    Program program;
    Message said;
    const int status = loaded.import(bytes.data(), bytes.size(), fileName.c_str(), &program, &said);
    if (status == 2) throw std::bad_alloc();
    if (status != 0) throw LoadError(fileName, std::move(said));
    adoptOps(program);
    return program;
}

}  // namespace bp
