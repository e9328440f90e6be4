// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ONNX tensors for the importer: dims, their mapping to our matrices, and the validated reading
// of a TensorProto's data. Internal to core/io/onnx_*.
#include <onnx/onnx_pb.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/graph/matrix.h"
#include "core/io/onnx_import.h"
#include "core/text/message.h"

namespace bp::onnx_io {

// A refusal, without the "FILE: error: " prefix that importOnnxBytes adds.
struct OnnxError : MessageError {
    using MessageError::MessageError;
};

using Dims = std::vector<long>;

// No tensor may have more dimensions than this (NumPy's own limit is 64).
constexpr std::size_t kMaxRank = 64;

// 'name' for a message: quoted, control bytes escaped, long names elided.
std::string quoted(const std::string& name);
// "[1, 2, 3]"; "[]" for a scalar.
std::string dimsText(const Dims& dims);

// The number of entries; refuses a negative dim or a count past `limit` (no overflow on the way).
long entryCount(const Dims& dims, long limit, const Message& what);

// True when every dim before the last two is 1, so the tensor is one of our matrices.
bool isMatrix(const Dims& dims);
// [..., r, c] -> r x c, [n] -> 1 x n, [] -> 1x1. Requires isMatrix(dims).
Shape matrixShape(const Dims& dims);
// Refuses dims that are not a matrix, or hold no entries, saying why.
void requireMatrix(const Dims& dims, const Message& what);

// A tensor whose values the file spells out (an initializer or a Constant), row-major.
struct TensorValue {
    Dims dims;
    std::vector<double> values;
    int dataType = 0;  // onnx::TensorProto::DataType
    bool isFloat() const;
};

// "FLOAT", "INT64", ...
std::string dataTypeName(int dataType);
// Reads and checks a tensor: dims, element type (float, double, int32, int64), data size (raw
// little-endian bytes or the typed field), no external data.
TensorValue readTensor(const onnx::TensorProto& tensor, const OnnxLimits& limits, const Message& what);
// The value as our matrix (requires isMatrix(value.dims)).
Matrix toMatrix(const TensorValue& value);

}  // namespace bp::onnx_io
