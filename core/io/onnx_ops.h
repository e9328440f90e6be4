// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The ONNX ops the importer knows, one row each: arity, which inputs are values in the graph,
// the attributes it understands, and how it is built from our ops. Internal to core/io/onnx_*.
#include <string_view>

#include "core/io/onnx_context.h"

namespace bp::onnx_io {

struct OnnxOp {
    std::string_view type;        // "MatMul"
    int minInputs;
    int maxInputs;
    unsigned valueSlots;          // bit i set: input i flows through the graph (else it is read at load
                                  // time: a target shape, axes, an exponent)
    std::string_view attributes;  // the attributes it understands, space-separated
    TensorInfo (*build)(OpContext& context);
    int maxOutputs = 1;           // outputs after the first may be named if nothing uses them
                                  // (BatchNormalization's running statistics in training mode)
    unsigned statisticSlots = 0;  // bit i set: input i is a statistic (a running mean), a const, not
                                  // a weight to train
};

// The row for an op of the default ONNX domain, or nullptr.
const OnnxOp* findOnnxOp(std::string_view type);
// Every op type the importer knows, comma-separated, for messages.
std::string knownOnnxOps();

}  // namespace bp::onnx_io
