// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opens a model exported to ONNX (torch.onnx.export) as a Program the window can step through.
//
// How ONNX tensors become our 2-D matrices: a tensor of dims [..., r, c] is the r x c matrix, a
// 1-D tensor [n] is the 1 x n ROW vector, a scalar [] is 1x1, and every dimension before the last
// two must be 1 (they are dropped: [1, 1, n] is 1 x n). This is NumPy's own alignment (shapes are
// compared from the right), so ONNX broadcasting and MatMul on 1-D tensors come out exact: an
// [n] vector times an [n, m] weight is (1 x n)(n x m) = 1 x m, the [m] that ONNX gives. The
// importer keeps each tensor's ONNX dims beside it, so Reshape, Flatten, Transpose and the
// reductions follow ONNX semantics; our reshape is row-major, as ONNX's is.
//
// Graph inputs become `input` leaves (zeros; a symbolic dimension is taken as 1), float
// initializers become `param` leaves (integer ones `const`), Constant nodes `const` leaves, and
// each ONNX node becomes one or more ops. The node of the outermost op carries the name of the
// ONNX output tensor made into an identifier; the original name stays in Node::label. The root is
// the graph's first output, seeded with ones of its shape (ONNX models carry no loss; a caller can
// add one and move the root).
//
// The file is untrusted: it is size-capped, parsed under protobuf's byte and nesting limits, and
// everything read is validated before a single matrix is allocated. Refusals name the problem.
#include <cstddef>
#include <string>

#include "core/graph/program.h"
#include "core/io/load_program.h"

namespace bp {

struct OnnxLimits {
    std::size_t maxFileBytes = 256u << 20;
    long maxTensorEntries = 16'000'000;  // any one tensor: an initializer, an input or a result
    int maxNodes = 1'000'000;            // ONNX nodes in the graph
    int recursionLimit = 100;            // protobuf message nesting
    long maxGraphEntries = 64'000'000;   // all the matrices of the imported graph together
};

// Throws LoadError("FILE: error: ...") on anything it refuses.
// The newest default-domain opset whose operators the importer was written against. A model
// declaring a newer one still imports (most operators keep their meaning), with a warning.
inline constexpr int kNewestKnownOnnxOpset = 18;
inline bool opsetNewerThanKnown(const Program& p) { return p.onnxOpset > kNewestKnownOnnxOpset; }

Program importOnnxFile(const std::string& path, const OnnxLimits& = {});
Program importOnnxBytes(const std::string& bytes, const std::string& fileName, const OnnxLimits& = {});

}  // namespace bp
