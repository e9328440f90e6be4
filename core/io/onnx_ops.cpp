// SPDX-License-Identifier: GPL-3.0-or-later
// How each ONNX op becomes ops of ours. Every builder works out the ONNX dims of its result first
// (ONNX semantics, NumPy broadcasting), checks they are a matrix, then adds the ops; the node of
// the outermost op is named after the ONNX output. A 1-D [n] tensor is our 1 x n row (see
// onnx_import.h), which is why 1-D operands of MatMul need the transposes below.
#include "core/io/onnx_ops.h"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>

namespace bp::onnx_io {

namespace {

long product(const Dims& dims, std::size_t from, std::size_t to) {
    long p = 1;
    for (std::size_t i = from; i < to; ++i) p *= dims[i];  // the dims' total was bounded already
    return p;
}

OpAttrs reshapeAttrs(const Dims& dims) {
    OpAttrs attrs;
    attrs.shape = matrixShape(dims);
    return attrs;
}

// An axis in [-rank, rank-1] (ONNX counts negative axes from the back), as an index.
std::size_t axisIndex(const OpContext& c, long axis, std::size_t rank) {
    const long r = static_cast<long>(rank);
    if (axis < -r || axis >= r)
        c.fail(message("onnx-axis-range-of", {std::to_string(axis), std::to_string(rank)}));
    return static_cast<std::size_t>(axis < 0 ? axis + r : axis);
}

// Which of `rank` axes are listed (each once).
std::vector<bool> axisSet(const OpContext& c, const Dims& axes, std::size_t rank) {
    std::vector<bool> set(rank, false);
    for (long axis : axes) {
        const std::size_t i = axisIndex(c, axis, rank);
        if (set[i]) c.fail(message("onnx-axis-twice", {std::to_string(axis)}));
        set[i] = true;
    }
    return set;
}

// The axes of Squeeze, Unsqueeze and the reductions: an input since opset 13 (18 for ReduceMean),
// an attribute before.
std::optional<Dims> axesOf(const OpContext& c) {
    if (c.has(1)) return c.knownInts(1, message("onnx-the-axes"));
    return c.intsAttr("axes");
}

// NumPy (multidirectional) broadcasting: dims aligned from the right, each equal or 1.
Dims broadcastDims(const OpContext& c, const Dims& a, const Dims& b) {
    Dims out(std::max(a.size(), b.size()), 1);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const long da = i < a.size() ? a[a.size() - 1 - i] : 1;
        const long db = i < b.size() ? b[b.size() - 1 - i] : 1;
        if (da != db && da != 1 && db != 1)
            c.fail(message("onnx-no-broadcast", {dimsText(a), dimsText(b)}));
        out[out.size() - 1 - i] = da == 1 ? db : da;
    }
    return out;
}

// Input 0 reshaped (row-major, like ONNX) to `dims`.
TensorInfo reshapeTo(OpContext& c, NodeId from, const Dims& dims) {
    c.checkResult(dims);
    return c.output(dims, c.result("reshape", {from}, reshapeAttrs(dims)));
}

// ---- elementwise ---------------------------------------------------------------------------------

TensorInfo unary(OpContext& c, std::string_view op) { return c.output(c.dims(0), c.result(op, {c.value(0)})); }

TensorInfo binary(OpContext& c, std::string_view op) {
    const Dims out = broadcastDims(c, c.dims(0), c.dims(1));
    c.checkResult(out);
    return c.output(out, c.result(op, {c.value(0), c.value(1)}));
}

// a ^ p with p a constant single number: our pow takes the exponent as an attribute.
TensorInfo pow(OpContext& c) {
    const TensorValue& p = c.known(1, message("onnx-the-exponent"));
    if (p.values.size() != 1) c.fail(message("onnx-exponent-tensor", {dimsText(p.dims)}));
    const Dims out = broadcastDims(c, c.dims(0), p.dims);
    OpAttrs attrs;
    attrs.exponent = p.values[0];
    return c.output(out, c.result("pow", {c.value(0)}, attrs));
}

// ---- matrix products -----------------------------------------------------------------------------

// NumPy matmul: a 1-D left operand is a row [1, k] and a 1-D right operand a column [k, 1], the
// added dimension dropped from the result; leading (batch) dims broadcast, and are all 1 here.
TensorInfo matMul(OpContext& c) {
    const Dims& a = c.dims(0);
    const Dims& b = c.dims(1);
    if (a.empty() || b.empty()) c.fail(message("onnx-matmul-rank"));
    const long ka = a.back();
    const long kb = b.size() == 1 ? b[0] : b[b.size() - 2];
    if (ka != kb)
        c.fail(message("onnx-matmul-inner", {dimsText(a), dimsText(b), std::to_string(ka), std::to_string(kb)}));
    if (b.size() >= 2) {
        Dims out(std::max(a.size(), b.size()) - 2, 1);
        if (a.size() >= 2) out.push_back(a[a.size() - 2]);  // [m, k] @ [k, n] = [m, n]
        out.push_back(b.back());                             // [k] @ [k, n] = [n]: (1 x k)(k x n)
        c.checkResult(out);
        return c.output(out, c.result("matmul", {c.value(0), c.value(1)}));
    }
    // b is [k], our 1 x k row: A bᵀ is a column, and the [m] result is our row (A bᵀ)ᵀ.
    Dims out(a.size() >= 2 ? a.size() - 2 : 0, 1);
    if (a.size() >= 2) out.push_back(a[a.size() - 2]);
    c.checkResult(out);
    const NodeId column = c.helper("transpose", {c.value(1)});
    if (a.size() == 1) return c.output(out, c.result("matmul", {c.value(0), column}));  // a dot product
    return c.output(out, c.result("transpose", {c.helper("matmul", {c.value(0), column})}));
}

// Y = alpha·A'·B' + beta·C, A' = Aᵀ if transA, B' = Bᵀ if transB, C broadcast to [M, N].
TensorInfo gemm(OpContext& c) {
    const Dims& a = c.dims(0);
    const Dims& b = c.dims(1);
    if (a.size() != 2 || b.size() != 2) c.fail(message("onnx-gemm-rank", {dimsText(a), dimsText(b)}));
    const bool transA = c.intAttr("transA", 0) != 0, transB = c.intAttr("transB", 0) != 0;
    const double alpha = c.floatAttr("alpha", 1.0), beta = c.floatAttr("beta", 1.0);
    const long m = a[transA ? 1 : 0], k = a[transA ? 0 : 1], kb = b[transB ? 1 : 0], n = b[transB ? 0 : 1];
    if (k != kb)
        c.fail(message("onnx-gemm-inner", {dimsText(a) + (transA ? "ᵀ" : ""), dimsText(b) + (transB ? "ᵀ" : ""),
                                           std::to_string(k), std::to_string(kb)}));
    const Dims out{m, n};
    const bool hasC = c.has(2);
    if (hasC && (c.dims(2).size() > 2 || broadcastDims(c, out, c.dims(2)) != out))
        c.fail(message("onnx-gemm-c", {dimsText(c.dims(2)), dimsText(out)}));
    c.checkResult(out);
    const NodeId lhs = transA ? c.helper("transpose", {c.value(0)}) : c.value(0);
    const NodeId rhs = transB ? c.helper("transpose", {c.value(1)}) : c.value(1);
    const bool scaled = alpha != 1.0;
    if (!hasC && !scaled) return c.output(out, c.result("matmul", {lhs, rhs}));
    NodeId product = c.helper("matmul", {lhs, rhs});
    if (scaled) {
        const NodeId alphaLeaf = c.constant(Matrix::Constant(1, 1, alpha));
        if (!hasC) return c.output(out, c.result("mul", {product, alphaLeaf}));
        product = c.helper("mul", {product, alphaLeaf});
    }
    NodeId bias = c.value(2);
    if (beta != 1.0) bias = c.helper("mul", {bias, c.constant(Matrix::Constant(1, 1, beta))});
    return c.output(out, c.result("add", {product, bias}));
}

// ---- shapes --------------------------------------------------------------------------------------

TensorInfo flatten(OpContext& c) {
    const Dims& in = c.dims(0);
    const long rank = static_cast<long>(in.size());
    long axis = c.intAttr("axis", 1);
    if (axis < -rank || axis > rank) c.fail(message("onnx-axis-range", {std::to_string(axis)}));
    if (axis < 0) axis += rank;
    const auto split = static_cast<std::size_t>(axis);
    return reshapeTo(c, c.value(0), {product(in, 0, split), product(in, split, in.size())});
}

// The target shape: 0 copies the input's dimension (unless allowzero), one -1 is inferred.
Dims reshapeTarget(const OpContext& c, const Dims& in, Dims target) {
    const bool allowZero = c.intAttr("allowzero", 0) != 0;
    const long limit = c.limits().maxTensorEntries;
    long known = 1;
    std::optional<std::size_t> inferred;
    for (std::size_t i = 0; i < target.size(); ++i) {
        long& t = target[i];
        if (t == -1 && !inferred) {
            inferred = i;
            continue;
        }
        if (t == 0 && !allowZero) {
            if (i >= in.size()) c.fail(message("onnx-reshape-copies", {std::to_string(i)}));
            t = in[i];
        }
        if (t < 0 || t > limit) c.fail(message("onnx-reshape-invalid", {std::to_string(t)}));
        if (t > 0 && known > limit / t) c.fail(message("onnx-reshape-too-many"));
        known *= t;
    }
    const long count = product(in, 0, in.size());
    if (inferred) {
        if (known == 0 || count % known != 0)
            c.fail(message("onnx-reshape-infer", {std::to_string(count)}));
        target[*inferred] = count / known;
    } else if (known != count) {
        c.fail(message("onnx-reshape-count", {dimsText(in), dimsText(target)}));
    }
    return target;
}

TensorInfo reshape(OpContext& c) {
    std::optional<Dims> target = c.has(1) ? c.knownInts(1, message("onnx-the-target-shape")) : c.intsAttr("shape");  // attribute before opset 5
    if (!target) c.fail(message("onnx-no-target-shape"));
    if (target->size() > kMaxRank) c.fail(message("onnx-target-rank"));
    return reshapeTo(c, c.value(0), reshapeTarget(c, c.dims(0), *target));
}

// Our matrix holds the last two axes in row-major order. A permutation that keeps their order
// keeps the order of the entries (a reshape at most); one that swaps them is a transpose.
TensorInfo transpose(OpContext& c) {
    const Dims& in = c.dims(0);
    Dims perm(in.size());
    std::iota(perm.rbegin(), perm.rend(), 0L);  // the default reverses the dims
    if (auto given = c.intsAttr("perm")) perm = *given;
    std::vector<bool> seen(in.size(), false);
    if (perm.size() != in.size()) c.fail(message("onnx-perm-size", {std::to_string(perm.size()), dimsText(in)}));
    Dims out;
    for (long p : perm) {
        if (p < 0 || p >= static_cast<long>(in.size()) || seen[static_cast<std::size_t>(p)]) c.fail(message("onnx-perm-invalid"));
        seen[static_cast<std::size_t>(p)] = true;
        out.push_back(in[static_cast<std::size_t>(p)]);
    }
    c.checkResult(out);
    const long r = static_cast<long>(in.size());
    const auto position = [&](long axis) { return std::find(perm.begin(), perm.end(), axis) - perm.begin(); };
    const Shape shape = matrixShape(out);
    if (r >= 2 && position(r - 2) > position(r - 1)) {
        if (shape == Shape{matrixShape(in).cols, matrixShape(in).rows})
            return c.output(out, c.result("transpose", {c.value(0)}));
        return reshapeTo(c, c.helper("transpose", {c.value(0)}), out);
    }
    if (shape == matrixShape(in)) return c.output(out, c.result("identity", {c.value(0)}));
    return reshapeTo(c, c.value(0), out);
}

TensorInfo squeeze(OpContext& c) {
    const Dims& in = c.dims(0);
    const std::optional<Dims> axes = axesOf(c);
    std::vector<bool> drop(in.size(), false);
    if (axes && !axes->empty()) {
        drop = axisSet(c, *axes, in.size());
    } else {  // no axes: every dimension of size 1
        for (std::size_t i = 0; i < in.size(); ++i) drop[i] = in[i] == 1;
    }
    Dims out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (drop[i] && in[i] != 1) c.fail(message("onnx-squeeze", {std::to_string(i), dimsText(in)}));
        if (!drop[i]) out.push_back(in[i]);
    }
    return reshapeTo(c, c.value(0), out);
}

TensorInfo unsqueeze(OpContext& c) {
    const Dims& in = c.dims(0);
    const std::optional<Dims> axes = axesOf(c);
    if (!axes || axes->empty()) c.fail(message("onnx-no-axes"));
    if (in.size() + axes->size() > kMaxRank) c.fail(message("onnx-result-too-many-dims"));
    const std::vector<bool> added = axisSet(c, *axes, in.size() + axes->size());
    Dims out;
    std::size_t next = 0;
    for (bool isNew : added) out.push_back(isNew ? 1 : in[next++]);
    return reshapeTo(c, c.value(0), out);
}

// ---- reductions ----------------------------------------------------------------------------------

// Our ops for one ONNX reduction: over everything, and along one axis (kept, 1xn or mx1).
struct Reduction {
    std::string_view all;
    std::string_view along;
};

// ReduceSum / ReduceMean / ReduceMax / ReduceMin over some axes. Over both axes of our matrix it
// is our sum (mean, max, min) of everything; over the rows or the columns only, the same along
// that axis; axes of size 1 change only the dims.
TensorInfo reduce(OpContext& c, Reduction ops) {
    const Dims& in = c.dims(0);
    const std::optional<Dims> axes = axesOf(c);
    const bool keepDims = c.intAttr("keepdims", 1) != 0;
    if ((!axes || axes->empty()) && c.intAttr("noop_with_empty_axes", 0) != 0)
        return c.output(in, c.result("identity", {c.value(0)}));
    std::vector<bool> reduced(in.size(), true);
    if (axes && !axes->empty()) reduced = axisSet(c, *axes, in.size());
    Dims out;
    for (std::size_t i = 0; i < in.size(); ++i)
        if (!reduced[i] || keepDims) out.push_back(reduced[i] ? 1 : in[i]);
    c.checkResult(out);
    const Shape s = matrixShape(in);
    const std::size_t r = in.size();
    const bool rows = r >= 2 && reduced[r - 2] && s.rows > 1;
    const bool cols = r >= 1 && reduced[r - 1] && s.cols > 1;
    Shape made = {rows ? 1 : s.rows, cols ? 1 : s.cols};
    const bool last = made == matrixShape(out);  // else a reshape follows
    auto emit = [&](std::string_view op, OpAttrs attrs = {}) {
        return last ? c.result(op, {c.value(0)}, attrs) : c.helper(op, {c.value(0)}, attrs);
    };
    OpAttrs along;
    along.axis = rows ? 0 : 1;
    NodeId y;
    if (rows && cols) y = emit(ops.all);
    else if (rows || cols) y = emit(ops.along, along);
    else y = emit("identity");
    return last ? c.output(out, y) : reshapeTo(c, y, out);
}

// The axis of our matrix an ONNX axis of `dims` is: 1 for the last, 0 for the one before it.
int matrixAxis(const OpContext& c, long axis, const Dims& dims) {
    if (dims.empty()) c.fail(message("onnx-needs-rank"));
    const std::size_t i = axisIndex(c, axis, dims.size());
    if (i + 1 == dims.size()) return 1;
    if (i + 2 == dims.size()) return 0;
    c.fail(message("onnx-axis-before-last-two", {std::to_string(axis), dimsText(dims)}));
}

// ---- classification ------------------------------------------------------------------------------

// Softmax, LogSoftmax along `axis` (opset 13: default the last).
TensorInfo alongAxis(OpContext& c, std::string_view op) {
    OpAttrs attrs;
    attrs.axis = matrixAxis(c, c.intAttr("axis", -1), c.dims(0));
    return c.output(c.dims(0), c.result(op, {c.value(0)}, attrs));
}

std::string stringAttr(const OpContext& c, std::string_view name, const std::string& fallback) {
    const onnx::AttributeProto* a = c.attribute(name);
    if (!a) return fallback;
    if (a->type() != onnx::AttributeProto::STRING && a->type() != onnx::AttributeProto::UNDEFINED)
        c.fail(message("onnx-attr-not-string", {std::string(name)}));
    return a->s();
}

// The class labels of a loss, [N] (our 1xN row), as the Nx1 column our losses take: a constant
// written as a column, a graph value transposed.
NodeId labelColumn(OpContext& c, int slot, long rows) {
    const Dims& dims = c.dims(slot);
    if (dims != Dims{rows}) c.fail(message("onnx-labels-dims", {dimsText(dims), std::to_string(rows)}));
    const TensorInfo& labels = c.input(slot);
    if (labels.value) {
        const long ignore = c.intAttr("ignore_index", -100);
        for (double v : labels.value->values)
            if (v == static_cast<double>(ignore))
                c.fail(message("onnx-ignore-index", {std::to_string(ignore)}));
        return c.constant(toMatrix(*labels.value).transpose());
    }
    return c.helper("transpose", {c.value(slot)});
}

// SoftmaxCrossEntropyLoss and NegativeLogLikelihoodLoss on [N, C] scores with [N] labels, no
// weights, reduction mean (our cross_entropy, nll) or sum (times N).
TensorInfo classLoss(OpContext& c, std::string_view op) {
    const Dims& scores = c.dims(0);
    if (scores.size() != 2) c.fail(message("onnx-scores-dims", {dimsText(scores)}));
    if (c.has(2)) c.fail(message("onnx-class-weights"));
    for (int i = 1; i < c.node().output_size(); ++i)
        if (!c.node().output(i).empty()) c.fail(message("onnx-log-prob-output"));
    const std::string reduction = stringAttr(c, "reduction", "mean");
    if (reduction != "mean" && reduction != "sum")
        c.fail(message("onnx-reduction", {reduction}));
    const NodeId labels = labelColumn(c, 1, scores[0]);
    if (reduction == "mean") return c.output({}, c.result(op, {c.value(0), labels}));
    const NodeId mean = c.helper(op, {c.value(0), labels});
    return c.output({}, c.result("mul", {mean, c.constant(Matrix::Constant(1, 1, double(scores[0])))}));
}

TensorInfo leakyRelu(OpContext& c) {
    OpAttrs attrs;
    attrs.slope = c.floatAttr("alpha", 0.01);
    return c.output(c.dims(0), c.result("leaky_relu", {c.value(0)}, attrs));
}

TensorInfo gelu(OpContext& c) {
    if (stringAttr(c, "approximate", "none") != "none") c.fail(message("onnx-gelu-approximate"));
    return unary(c, "gelu");
}

// Max, Min of one or more inputs, broadcasting: a chain of our elementwise maximum (minimum).
TensorInfo variadic(OpContext& c, std::string_view op) {
    const int n = c.node().input_size();
    if (n == 1) return c.output(c.dims(0), c.result("identity", {c.value(0)}));
    Dims dims = c.dims(0);
    for (int i = 1; i < n; ++i) dims = broadcastDims(c, dims, c.dims(i));
    c.checkResult(dims);
    NodeId acc = c.value(0);
    for (int i = 1; i < n; ++i) acc = i + 1 == n ? c.result(op, {acc, c.value(i)}) : c.helper(op, {acc, c.value(i)});
    return c.output(dims, acc);
}

// Clip: the bounds are inputs since opset 11 (optional), attributes before.
TensorInfo clip(OpContext& c) {
    const double inf = std::numeric_limits<double>::infinity();
    auto bound = [&](int slot, const char* attr, double fallback) {
        if (c.has(slot)) {
            const TensorValue& v = c.known(slot, message("onnx-the-bound", {attr}));
            if (v.values.size() != 1) c.fail(message("onnx-bound-not-number", {attr}));
            return v.values[0];
        }
        return c.floatAttr(attr, fallback);
    };
    OpAttrs attrs;
    attrs.low = bound(1, "min", -inf);
    attrs.high = bound(2, "max", inf);
    return c.output(c.dims(0), c.result("clamp", {c.value(0)}, attrs));
}

// Gather on a 2-D table (an embedding): the rows (axis 0) or columns (axis 1) the indices pick,
// as one_hot(indices) @ table (table @ one_hot(indices)ᵀ), so the gradient reaches each picked row.
TensorInfo gather(OpContext& c) {
    const Dims& data = c.dims(0);
    const Dims& idx = c.dims(1);
    if (data.size() != 2) c.fail(message("onnx-gather-table", {dimsText(data)}));
    const long axis = static_cast<long>(axisIndex(c, c.intAttr("axis", 0), 2));
    const long count = product(idx, 0, idx.size());
    if (idx.size() > 2 || (idx.size() == 2 && idx[0] != 1)) c.fail(message("onnx-gather-indices", {dimsText(idx)}));
    Dims out = idx;
    if (axis == 0) out.push_back(data[1]);
    else out.insert(out.begin(), data[0]);
    c.checkResult(out);
    OpAttrs hot;
    hot.classes = static_cast<int>(data[static_cast<std::size_t>(axis)]);
    const TensorInfo& indices = c.input(1);
    NodeId column;
    if (indices.value) {
        Matrix m(count, 1);
        for (long i = 0; i < count; ++i) {
            double v = indices.value->values[static_cast<std::size_t>(i)];
            if (v < 0) v += static_cast<double>(hot.classes);  // ONNX counts negative indices from the back
            m(i, 0) = v;
        }
        column = c.constant(m);
    } else {
        column = idx.empty() ? c.value(1) : c.helper("transpose", {c.value(1)});
    }
    const NodeId oneHot = c.helper("one_hot", {column}, hot);
    if (axis == 0) return c.output(out, c.result("matmul", {oneHot, c.value(0)}));
    return c.output(out, c.result("matmul", {c.value(0), c.helper("transpose", {oneHot})}));
}

// Concat of one or more inputs along an axis: a chain of our concat.
TensorInfo concat(OpContext& c) {
    const int n = c.node().input_size();
    const long onnxAxis = c.intAttr("axis", 0);
    Dims dims = c.dims(0);
    const std::size_t a = axisIndex(c, onnxAxis, dims.size());
    for (int i = 1; i < n; ++i) {
        const Dims& d = c.dims(i);
        if (d.size() != dims.size()) c.fail(message("onnx-concat-ranks"));
        for (std::size_t k = 0; k < d.size(); ++k)
            if (k != a && d[k] != dims[k]) c.fail(message("onnx-concat-dims", {dimsText(dims), dimsText(d)}));
        dims[a] += d[a];
    }
    c.checkResult(dims);
    if (n == 1) return c.output(dims, c.result("identity", {c.value(0)}));
    OpAttrs attrs;
    attrs.axis = matrixAxis(c, onnxAxis, dims);
    NodeId acc = c.value(0);
    for (int i = 1; i < n; ++i)
        acc = i + 1 == n ? c.result("concat", {acc, c.value(i)}, attrs) : c.helper("concat", {acc, c.value(i)}, attrs);
    return c.output(dims, acc);
}

// Consecutive indices, first to last (or no pick along that axis): a block the slice op takes.
bool isRun(const std::vector<long>* pick) {
    if (!pick) return true;
    for (std::size_t i = 1; i < pick->size(); ++i)
        if ((*pick)[i] != (*pick)[i - 1] + 1) return false;
    return true;
}

// Slice with known starts, ends, axes and steps (Python's rules: clamped, negative from the back).
// A block of consecutive rows and columns is the language's slice x[i:j, k:l]; other steps pick
// the rows as S·A and the columns as A·Sᵀ, S a constant 0/1 selection matrix. Either way the
// gradient goes back to the entries that were picked.
TensorInfo slice(OpContext& c) {
    const Dims& in = c.dims(0);
    const Dims starts = c.knownInts(1, message("onnx-the-starts"));
    const Dims ends = c.knownInts(2, message("onnx-the-ends"));
    Dims axes(starts.size());
    std::iota(axes.begin(), axes.end(), 0L);
    if (c.has(3)) axes = c.knownInts(3, message("onnx-the-axes"));
    Dims steps(starts.size(), 1);
    if (c.has(4)) steps = c.knownInts(4, message("onnx-the-steps"));
    if (ends.size() != starts.size() || axes.size() != starts.size() || steps.size() != starts.size())
        c.fail(message("onnx-slice-lengths"));
    const std::vector<bool> sliced = axisSet(c, axes, in.size());
    (void)sliced;
    Dims out = in;
    std::vector<std::vector<long>> picks(in.size());
    for (std::size_t k = 0; k < starts.size(); ++k) {
        const std::size_t axis = axisIndex(c, axes[k], in.size());
        const long n = in[axis], step = steps[k];
        if (step == 0) c.fail(message("onnx-slice-step-zero"));
        auto clampIndex = [&](long v, bool forEnd) {
            if (v < 0) v += n;
            const long lo = step > 0 ? 0 : -1, hi = step > 0 ? n : n - 1;
            (void)forEnd;
            return std::clamp(v, lo, hi);
        };
        const long first = clampIndex(std::clamp(starts[k], -n - 1, n + 1), false);
        const long last = clampIndex(std::clamp(ends[k], -n - 1, n + 1), true);
        for (long i = first; step > 0 ? i < last : i > last; i += step) picks[axis].push_back(i);
        if (picks[axis].empty()) c.fail(message("onnx-slice-empty", {std::to_string(axes[k])}));
        out[axis] = static_cast<long>(picks[axis].size());
        if (axis + 2 < in.size()) c.fail(message("onnx-slice-early-dim"));
    }
    c.checkResult(out);
    const Shape s = matrixShape(in);
    const std::size_t r = in.size();
    auto selection = [&](const std::vector<long>& pick, long n) {
        Matrix m = Matrix::Zero(static_cast<Eigen::Index>(pick.size()), n);
        for (std::size_t i = 0; i < pick.size(); ++i) m(static_cast<Eigen::Index>(i), pick[i]) = 1.0;
        return m;
    };
    const std::vector<long>* rowPick = r >= 2 && !picks[r - 2].empty() ? &picks[r - 2] : nullptr;
    const std::vector<long>* colPick = r >= 1 && !picks[r - 1].empty() ? &picks[r - 1] : nullptr;
    if (!rowPick && !colPick) return c.output(out, c.result("identity", {c.value(0)}));
    if (isRun(rowPick) && isRun(colPick)) {  // a block: the language's x[i:j, k:l]
        OpAttrs block;
        block.rowStart = rowPick ? rowPick->front() : 0;
        block.rowStop = rowPick ? rowPick->back() + 1 : s.rows;
        block.colStart = colPick ? colPick->front() : 0;
        block.colStop = colPick ? colPick->back() + 1 : s.cols;
        return c.output(out, c.result("slice", {c.value(0)}, block));
    }
    NodeId y = c.value(0);
    if (rowPick) {
        const NodeId pick = c.constant(selection(*rowPick, s.rows));
        y = colPick ? c.helper("matmul", {pick, y}) : c.result("matmul", {pick, y});
    }
    if (colPick) y = c.result("matmul", {y, c.constant(selection(*colPick, s.cols).transpose())});
    return c.output(out, y);
}

// (X − mean) / √(var + ε) · scale + B, each of mean, var, scale, B a [C] row over the batch.
NodeId normalized(OpContext& c, NodeId x, NodeId mean, NodeId var, int scaleSlot, int biasSlot, double eps) {
    const NodeId centred = c.helper("sub", {x, mean});
    const NodeId spread = c.helper("sqrt", {c.helper("add", {var, c.constant(Matrix::Constant(1, 1, eps))})});
    const NodeId unit = c.helper("div", {centred, spread});
    if (biasSlot < 0) return c.result("mul", {unit, c.value(scaleSlot)});
    return c.result("add", {c.helper("mul", {unit, c.value(scaleSlot)}), c.value(biasSlot)});
}

// BatchNormalization on [N, C]: with the running statistics (inference), or in training mode with
// the batch's own mean and (biased) variance.
TensorInfo batchNorm(OpContext& c) {
    const Dims& x = c.dims(0);
    if (x.size() != 2) c.fail(message("onnx-batchnorm-dims", {dimsText(x)}));
    for (int slot = 1; slot <= 4; ++slot)
        if (c.dims(slot) != Dims{x[1]}) c.fail(message("onnx-batchnorm-input", {std::to_string(slot), dimsText(c.dims(slot)), std::to_string(x[1])}));
    const double eps = c.floatAttr("epsilon", 1e-5);
    c.checkResult(x);
    if (c.intAttr("training_mode", 0) == 0) return c.output(x, normalized(c, c.value(0), c.value(3), c.value(4), 1, 2, eps));
    OpAttrs rows;
    rows.axis = 0;
    const NodeId mean = c.helper("mean_axis", {c.value(0)}, rows);
    const NodeId centred = c.helper("sub", {c.value(0), mean});
    const NodeId var = c.helper("mean_axis", {c.helper("mul", {centred, centred})}, rows);
    return c.output(x, normalized(c, c.value(0), mean, var, 1, 2, eps));
}

// LayerNormalization (opset 17) over the last axis (or both) of [N, D].
TensorInfo layerNorm(OpContext& c) {
    const Dims& x = c.dims(0);
    if (x.empty() || x.size() > 2) c.fail(message("onnx-layernorm-dims", {dimsText(x)}));
    for (int i = 1; i < c.node().output_size(); ++i)
        if (!c.node().output(i).empty()) c.fail(message("onnx-layernorm-outputs"));
    const std::size_t axis = axisIndex(c, c.intAttr("axis", -1), x.size());
    const bool all = axis == 0 && x.size() == 2;
    const double eps = c.floatAttr("epsilon", 1e-5);
    c.checkResult(x);
    OpAttrs cols;
    cols.axis = 1;
    auto meanOf = [&](NodeId v) { return all ? c.helper("mean", {v}) : c.helper("mean_axis", {v}, cols); };
    const NodeId mean = meanOf(c.value(0));
    const NodeId centred = c.helper("sub", {c.value(0), mean});
    const NodeId var = meanOf(c.helper("mul", {centred, centred}));
    return c.output(x, normalized(c, c.value(0), mean, var, 1, c.has(2) ? 2 : -1, eps));
}

// ---- constants -----------------------------------------------------------------------------------

TensorValue listValue(const OpContext& c, const onnx::AttributeProto& a, int dataType) {
    TensorValue v;
    v.dataType = dataType;
    const bool floats = dataType == onnx::TensorProto::FLOAT;
    const int n = floats ? a.floats_size() : a.ints_size();
    if (n > c.limits().maxTensorEntries) c.fail(message("onnx-constant-too-large"));
    for (int i = 0; i < n; ++i) v.values.push_back(floats ? a.floats(i) : static_cast<double>(a.ints(i)));
    v.dims = {n};
    return v;
}

TensorValue constantValue(const OpContext& c) {
    if (c.node().attribute_size() != 1) c.fail(message("onnx-constant-attr-count"));
    const onnx::AttributeProto& a = c.node().attribute(0);
    const auto type = a.type();
    using A = onnx::AttributeProto;
    if (a.name() == "value" && (type == A::TENSOR || (type == A::UNDEFINED && a.has_t())))
        return readTensor(a.t(), c.limits(), phrase("onnx-value-of", {c.where()}));
    if (a.name() == "value_float" && type == A::FLOAT) return {{}, {a.f()}, onnx::TensorProto::FLOAT};
    if (a.name() == "value_int" && type == A::INT) return {{}, {static_cast<double>(a.i())}, onnx::TensorProto::INT64};
    if (a.name() == "value_floats" && type == A::FLOATS) return listValue(c, a, onnx::TensorProto::FLOAT);
    if (a.name() == "value_ints" && type == A::INTS) return listValue(c, a, onnx::TensorProto::INT64);
    c.fail(message("onnx-attr-type", {a.name()}));
}

// Known at load time: a const leaf, made when (and if) a graph value uses it.
TensorInfo constant(OpContext& c) {
    TensorInfo t;
    t.onnxName = c.node().output(0);
    t.role = TensorInfo::Role::Constant;
    t.value = constantValue(c);
    t.dims = t.value->dims;
    t.leafKind = NodeKind::Const;
    return t;
}

// clang-format off
//                 type          inputs  values  attributes                                 build
const std::array kOnnxOps{
    OnnxOp{"Add",         2, 2, 0b11,  "",                                    [](OpContext& c) { return binary(c, "add"); }},
    OnnxOp{"Sub",         2, 2, 0b11,  "",                                    [](OpContext& c) { return binary(c, "sub"); }},
    OnnxOp{"Mul",         2, 2, 0b11,  "",                                    [](OpContext& c) { return binary(c, "mul"); }},
    OnnxOp{"Div",         2, 2, 0b11,  "",                                    [](OpContext& c) { return binary(c, "div"); }},
    OnnxOp{"Pow",         2, 2, 0b01,  "",                                    pow},
    OnnxOp{"MatMul",      2, 2, 0b11,  "",                                    matMul},
    OnnxOp{"Gemm",        2, 3, 0b111, "alpha beta transA transB broadcast",  gemm},
    OnnxOp{"Sigmoid",     1, 1, 0b1,   "",                                    [](OpContext& c) { return unary(c, "sigmoid"); }},
    OnnxOp{"Tanh",        1, 1, 0b1,   "",                                    [](OpContext& c) { return unary(c, "tanh"); }},
    OnnxOp{"Relu",        1, 1, 0b1,   "",                                    [](OpContext& c) { return unary(c, "relu"); }},
    OnnxOp{"Exp",         1, 1, 0b1,   "",                                    [](OpContext& c) { return unary(c, "exp"); }},
    OnnxOp{"Log",         1, 1, 0b1,   "",                                    [](OpContext& c) { return unary(c, "log"); }},
    OnnxOp{"Neg",         1, 1, 0b1,   "",                                    [](OpContext& c) { return unary(c, "neg"); }},
    OnnxOp{"Abs",         1, 1, 0b1,   "",                                    [](OpContext& c) { return unary(c, "abs"); }},
    OnnxOp{"Sqrt",        1, 1, 0b1,   "",                                    [](OpContext& c) { return unary(c, "sqrt"); }},
    OnnxOp{"Identity",    1, 1, 0b1,   "",                                    [](OpContext& c) { return unary(c, "identity"); }},
    OnnxOp{"Constant",    0, 0, 0b0,   "value value_float value_floats value_int value_ints", constant},
    OnnxOp{"Flatten",     1, 1, 0b1,   "axis",                                flatten},
    OnnxOp{"Reshape",     1, 2, 0b1,   "allowzero shape",                     reshape},
    OnnxOp{"Transpose",   1, 1, 0b1,   "perm",                                transpose},
    OnnxOp{"Squeeze",     1, 2, 0b1,   "axes",                                squeeze},
    OnnxOp{"Unsqueeze",   1, 2, 0b1,   "axes",                                unsqueeze},
    OnnxOp{"ReduceSum",   1, 2, 0b1,   "axes keepdims noop_with_empty_axes",  [](OpContext& c) { return reduce(c, {"sum", "sum_axis"}); }},
    OnnxOp{"ReduceMean",  1, 2, 0b1,   "axes keepdims noop_with_empty_axes",  [](OpContext& c) { return reduce(c, {"mean", "mean_axis"}); }},
    OnnxOp{"ReduceMax",   1, 2, 0b1,   "axes keepdims noop_with_empty_axes",  [](OpContext& c) { return reduce(c, {"max", "max_axis"}); }},
    OnnxOp{"ReduceMin",   1, 2, 0b1,   "axes keepdims noop_with_empty_axes",  [](OpContext& c) { return reduce(c, {"min", "min_axis"}); }},
    OnnxOp{"Softmax",     1, 1, 0b1,   "axis",                                [](OpContext& c) { return alongAxis(c, "softmax"); }},
    OnnxOp{"LogSoftmax",  1, 1, 0b1,   "axis",                                [](OpContext& c) { return alongAxis(c, "log_softmax"); }},
    OnnxOp{"SoftmaxCrossEntropyLoss", 2, 3, 0b001, "reduction ignore_index",  [](OpContext& c) { return classLoss(c, "cross_entropy"); }, 2},
    OnnxOp{"NegativeLogLikelihoodLoss", 2, 3, 0b001, "reduction ignore_index", [](OpContext& c) { return classLoss(c, "nll"); }},
    OnnxOp{"LeakyRelu",   1, 1, 0b1,   "alpha",                               leakyRelu},
    OnnxOp{"Erf",         1, 1, 0b1,   "",                                    [](OpContext& c) { return unary(c, "erf"); }},
    OnnxOp{"Gelu",        1, 1, 0b1,   "approximate",                         gelu},
    OnnxOp{"Sin",         1, 1, 0b1,   "",                                    [](OpContext& c) { return unary(c, "sin"); }},
    OnnxOp{"Cos",         1, 1, 0b1,   "",                                    [](OpContext& c) { return unary(c, "cos"); }},
    OnnxOp{"Softplus",    1, 1, 0b1,   "",                                    [](OpContext& c) { return unary(c, "softplus"); }},
    OnnxOp{"Max",         1, 8, 0xff,  "",                                    [](OpContext& c) { return variadic(c, "maximum"); }},
    OnnxOp{"Min",         1, 8, 0xff,  "",                                    [](OpContext& c) { return variadic(c, "minimum"); }},
    OnnxOp{"Clip",        1, 3, 0b1,   "min max",                             clip},
    OnnxOp{"Gather",      2, 2, 0b01,  "axis",                                gather},
    OnnxOp{"Concat",      1, 8, 0xff,  "axis",                                concat},
    OnnxOp{"Slice",       3, 5, 0b1,   "",                                    slice},
    OnnxOp{"BatchNormalization", 5, 5, 0b11111, "epsilon momentum training_mode", batchNorm, 3, 0b11000},
    OnnxOp{"LayerNormalization", 2, 3, 0b111, "axis epsilon stash_type",      layerNorm, 3},
};
// clang-format on

}  // namespace

const OnnxOp* findOnnxOp(std::string_view type) {
    for (const OnnxOp& row : kOnnxOps)
        if (row.type == type) return &row;
    return nullptr;
}

std::string knownOnnxOps() {
    std::string out;
    for (const OnnxOp& row : kOnnxOps) out += (out.empty() ? "" : ", ") + std::string(row.type);
    return out;
}

}  // namespace bp::onnx_io
