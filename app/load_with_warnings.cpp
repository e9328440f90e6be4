// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/load_with_warnings.h"

#include <cstdio>

#include "core/io/load_program.h"
#include "core/io/onnx_import.h"

namespace bp::cli {

Program loadProgramWithWarnings(const std::string& path) {
    Program p = loadProgram(path);
    if (opsetNewerThanKnown(p))
        std::fprintf(stderr,
                     "%s: warning: the model declares ONNX opset %d; this program knows opsets up to %d, so an "
                     "operator whose meaning changed since may have been imported with its older meaning "
                     "(compare the numbers with PyTorch's)\n",
                     path.c_str(), p.onnxOpset, kNewestKnownOnnxOpset);
    return p;
}

}  // namespace bp::cli
