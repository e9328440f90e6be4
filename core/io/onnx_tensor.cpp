// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/onnx_tensor.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace bp::onnx_io {

std::string quoted(const std::string& name) {
    constexpr std::size_t kMax = 60;
    std::size_t end = name.size() <= kMax ? name.size() : kMax;
    while (end < name.size() && end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;  // whole UTF-8 chars
    std::string out = "'";
    for (std::size_t i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c < 0x20 || c == 0x7F) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + (end < name.size() ? "…'" : "'");
}

std::string dimsText(const Dims& dims) {
    std::string out = "[";
    for (std::size_t i = 0; i < dims.size(); ++i) out += (i ? ", " : "") + std::to_string(dims[i]);
    return out + "]";
}

long entryCount(const Dims& dims, long limit, const Message& what) {
    long count = 1;
    for (long d : dims) {
        if (d < 0) throw OnnxError(phrase("onnx-negative-dim", {what, plain(std::to_string(d))}));
        if (d > limit || (d > 0 && count > limit / d))
            throw OnnxError(phrase("onnx-too-many-entries", {what, plain(dimsText(dims)), plain(std::to_string(limit))}));
        count *= d;
    }
    return count;
}

bool isMatrix(const Dims& dims) {
    for (std::size_t i = 0; i + 2 < dims.size(); ++i)
        if (dims[i] != 1) return false;
    return true;
}

Shape matrixShape(const Dims& dims) {
    const std::size_t r = dims.size();
    if (r == 0) return {1, 1};
    if (r == 1) return {1, dims[0]};  // an ONNX vector is a row: NumPy aligns shapes from the right
    return {dims[r - 2], dims[r - 1]};
}

void requireMatrix(const Dims& dims, const Message& what) {
    if (!isMatrix(dims)) throw OnnxError(phrase("onnx-not-matrix", {what, plain(dimsText(dims))}));
    for (long d : dims)
        if (d == 0) throw OnnxError(phrase("onnx-no-entries", {what, plain(dimsText(dims))}));
}

bool TensorValue::isFloat() const {
    return dataType == onnx::TensorProto::FLOAT || dataType == onnx::TensorProto::DOUBLE;
}

std::string dataTypeName(int dataType) {
    static constexpr std::array<const char*, 17> kNames{
        "UNDEFINED", "FLOAT", "UINT8", "INT8",   "UINT16",    "INT16",     "INT32",      "INT64",   "STRING",
        "BOOL",      "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
    if (dataType >= 0 && dataType < static_cast<int>(kNames.size())) return kNames[dataType];
    return "type " + std::to_string(dataType);
}

namespace {

std::size_t elementSize(int dataType) {
    switch (dataType) {
    case onnx::TensorProto::FLOAT: return 4;
    case onnx::TensorProto::DOUBLE: return 8;
    case onnx::TensorProto::INT32: return 4;
    case onnx::TensorProto::INT64: return 8;
    default: return 0;
    }
}

// Entry i of little-endian raw data, whatever the machine's byte order.
double rawEntry(const std::string& raw, std::size_t i, int dataType) {
    const std::size_t size = elementSize(dataType);
    std::uint64_t bits = 0;
    for (std::size_t b = 0; b < size; ++b) bits |= std::uint64_t(static_cast<unsigned char>(raw[i * size + b])) << (8 * b);
    switch (dataType) {
    case onnx::TensorProto::FLOAT: {
        const auto u = static_cast<std::uint32_t>(bits);
        float f;
        std::memcpy(&f, &u, sizeof f);
        return f;
    }
    case onnx::TensorProto::DOUBLE: {
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d;
    }
    case onnx::TensorProto::INT32: return static_cast<double>(static_cast<std::int32_t>(static_cast<std::uint32_t>(bits)));
    default: return static_cast<double>(static_cast<std::int64_t>(bits));
    }
}

// The number of entries in the typed repeated field that matches the element type.
int typedCount(const onnx::TensorProto& t) {
    switch (t.data_type()) {
    case onnx::TensorProto::FLOAT: return t.float_data_size();
    case onnx::TensorProto::DOUBLE: return t.double_data_size();
    case onnx::TensorProto::INT32: return t.int32_data_size();
    default: return t.int64_data_size();
    }
}

double typedEntry(const onnx::TensorProto& t, int i) {
    switch (t.data_type()) {
    case onnx::TensorProto::FLOAT: return t.float_data(i);
    case onnx::TensorProto::DOUBLE: return t.double_data(i);
    case onnx::TensorProto::INT32: return t.int32_data(i);
    default: return static_cast<double>(t.int64_data(i));
    }
}

void refuseExternal(const onnx::TensorProto& t, const Message& what) {
    if (t.data_location() == onnx::TensorProto::EXTERNAL || t.external_data_size() > 0)
        throw OnnxError(phrase("onnx-external-data", {what}));
    if (t.has_segment()) throw OnnxError(phrase("onnx-segments", {what}));
}

}  // namespace

TensorValue readTensor(const onnx::TensorProto& t, const OnnxLimits& limits, const Message& what) {
    refuseExternal(t, what);
    TensorValue value;
    if (static_cast<std::size_t>(t.dims_size()) > kMaxRank)
        throw OnnxError(phrase("onnx-rank-over", {what, plain(std::to_string(kMaxRank))}));
    value.dims.assign(t.dims().begin(), t.dims().end());
    value.dataType = t.data_type();
    const long count = entryCount(value.dims, limits.maxTensorEntries, what);
    const std::size_t size = elementSize(value.dataType);
    if (size == 0)
        throw OnnxError(phrase("onnx-element-type", {what, plain(dataTypeName(value.dataType))}));
    const auto n = static_cast<std::size_t>(count);
    if (t.has_raw_data()) {
        if (typedCount(t) != 0) throw OnnxError(phrase("onnx-raw-and-typed", {what}));
        if (t.raw_data().size() != n * size)
            throw OnnxError(phrase("onnx-raw-size", {what, plain(std::to_string(t.raw_data().size())),
                                                     plain(dimsText(value.dims)), plain(dataTypeName(value.dataType)),
                                                     plain(std::to_string(n * size))}));
        value.values.resize(n);
        for (std::size_t i = 0; i < n; ++i) value.values[i] = rawEntry(t.raw_data(), i, value.dataType);
        return value;
    }
    if (static_cast<std::size_t>(typedCount(t)) != n)
        throw OnnxError(phrase("onnx-value-count", {what, plain(std::to_string(typedCount(t))),
                                                    plain(dimsText(value.dims)), plain(std::to_string(n))}));
    value.values.resize(n);
    for (std::size_t i = 0; i < n; ++i) value.values[i] = typedEntry(t, static_cast<int>(i));
    return value;
}

Matrix toMatrix(const TensorValue& value) {
    const Shape s = matrixShape(value.dims);
    Matrix m(s.rows, s.cols);
    for (long r = 0; r < s.rows; ++r)
        for (long c = 0; c < s.cols; ++c) m(r, c) = value.values[static_cast<std::size_t>(r * s.cols + c)];
    return m;
}

}  // namespace bp::onnx_io
