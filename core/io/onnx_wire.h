// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// From bytes to an onnx::ModelProto, safely: protobuf's byte and nesting limits, the whole input
// consumed, and the usual wrong files explained (empty, a Git LFS pointer, text or HTML, a
// truncated download, something that is not ONNX at all). Internal to core/io/onnx_*.
#include <onnx/onnx_pb.h>

#include <string_view>

#include "core/io/onnx_import.h"

namespace bp::onnx_io {

// Throws OnnxError unless `bytes` parse as a ModelProto with an ir_version, a graph and an opset
// for the default ONNX domain.
onnx::ModelProto parseModel(std::string_view bytes, const OnnxLimits& limits);

}  // namespace bp::onnx_io
