// SPDX-License-Identifier: GPL-3.0-or-later
// The op table: every op's shape rule, forward and vector-Jacobian product side by side.
// Notation in the comments: G is the upstream gradient (the consumer's gradient), a and b the
// inputs, y the output; "∘" is the elementwise product.
#include "core/ops/op_table.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "core/ops/axis_kernels.h"
#include "core/ops/broadcast.h"
#include "core/ops/dense_product.h"

namespace bp {
namespace {

const Matrix& A(MatrixRefs in) { return *in[0]; }
const Matrix& B(MatrixRefs in) { return *in[1]; }

// ---- shape rules -------------------------------------------------------------------------------

Shape sameShape(std::span<const Shape> in, const OpAttrs&, Message&) {
    return in[0];
}

Shape scalarShape(std::span<const Shape>, const OpAttrs&, Message&) {
    return {1, 1};
}

Shape broadcastShape(std::span<const Shape> in, const OpAttrs&, Message& error) {
    auto shape = broadcastShapes(in[0], in[1]);
    if (!shape) {
        error = message("broadcast-mismatch", {shapeText(in[0]), shapeText(in[1])});
        return kNoShape;
    }
    return *shape;
}

Shape mseShape(std::span<const Shape> in, const OpAttrs& attrs, Message& error) {
    if (broadcastShape(in, attrs, error) == kNoShape) return kNoShape;
    return {1, 1};
}

Shape matmulShape(std::span<const Shape> in, const OpAttrs&, Message& error) {
    if (in[0].cols != in[1].rows) {
        error = message("matmul-mismatch", {shapeText(in[0]), shapeText(in[1]), std::to_string(in[0].cols),
                                            std::to_string(in[1].rows)});
        return kNoShape;
    }
    return {in[0].rows, in[1].cols};
}

Shape transposeShape(std::span<const Shape> in, const OpAttrs&, Message&) {
    return {in[0].cols, in[0].rows};
}

Shape reshapeShape(std::span<const Shape> in, const OpAttrs& attrs, Message& error) {
    if (attrs.shape.rows <= 0 || attrs.shape.cols <= 0 || attrs.shape.size() != in[0].size()) {
        error = message("reshape-mismatch", {shapeText(in[0]), shapeText(attrs.shape)});
        return kNoShape;
    }
    return attrs.shape;
}

// A non-empty block inside the operand (the parser has resolved negative and open ends).
Shape sliceShape(std::span<const Shape> in, const OpAttrs& at, Message& error) {
    if (at.rowStart < 0 || at.rowStart >= at.rowStop || at.rowStop > in[0].rows || at.colStart < 0 ||
        at.colStart >= at.colStop || at.colStop > in[0].cols) {
        error = message("slice-outside", {std::to_string(at.rowStart) + ":" + std::to_string(at.rowStop),
                                          std::to_string(at.colStart) + ":" + std::to_string(at.colStop),
                                          shapeText(in[0])});
        return kNoShape;
    }
    return {at.rowStop - at.rowStart, at.colStop - at.colStart};
}

bool axisOk(const OpAttrs& attrs, Message& error) {
    if (attrs.axis == 0 || attrs.axis == 1) return true;
    error = message("bad-axis", {std::to_string(attrs.axis)});
    return false;
}

// Along one axis, same shape out (softmax, log_softmax).
Shape alongAxisShape(std::span<const Shape> in, const OpAttrs& attrs, Message& error) {
    return axisOk(attrs, error) ? in[0] : kNoShape;
}

// Reduced along one axis, the axis kept with size 1.
Shape reducedShape(std::span<const Shape> in, const OpAttrs& attrs, Message& error) {
    if (!axisOk(attrs, error)) return kNoShape;
    return attrs.axis == 0 ? Shape{1, in[0].cols} : Shape{in[0].rows, 1};
}

// Logits and targets of a loss, which must have one shape.
bool sameLossShapes(std::span<const Shape> in, Message& error) {
    if (in[0] == in[1]) return true;
    error = message("loss-shapes-differ", {shapeText(in[0]), shapeText(in[1])});
    return false;
}

// Logits nxC against class indices nx1 (C > 1), a 1x1 loss.
Shape indexLossShape(std::span<const Shape> in, const OpAttrs&, Message& error) {
    if (in[1] != Shape{in[0].rows, 1}) {
        error = message("targets-shape", {shapeText(in[0]), shapeText({in[0].rows, 1}), std::to_string(in[0].cols - 1),
                                          shapeText(in[1])});
        return kNoShape;
    }
    return {1, 1};
}

Shape sameShapesLossShape(std::span<const Shape> in, const OpAttrs&, Message& error) {
    if (!sameLossShapes(in, error)) return kNoShape;
    return {1, 1};
}

Shape concatShape(std::span<const Shape> in, const OpAttrs& attrs, Message& error) {
    if (!axisOk(attrs, error)) return kNoShape;
    const bool rows = attrs.axis == 0;
    if (rows ? in[0].cols != in[1].cols : in[0].rows != in[1].rows) {
        error = message(rows ? "concat-rows-mismatch" : "concat-cols-mismatch", {shapeText(in[0]), shapeText(in[1])});
        return kNoShape;
    }
    return rows ? Shape{in[0].rows + in[1].rows, in[0].cols} : Shape{in[0].rows, in[0].cols + in[1].cols};
}

Shape oneHotShape(std::span<const Shape> in, const OpAttrs& attrs, Message& error) {
    if (in[0].cols != 1) {
        error = message("one-hot-shape", {shapeText(in[0])});
        return kNoShape;
    }
    if (attrs.classes < 1 || attrs.classes > 1'000'000) {
        error = message("one-hot-classes", {std::to_string(attrs.classes)});
        return kNoShape;
    }
    return {in[0].rows, attrs.classes};
}

// ---- elementwise helpers -----------------------------------------------------------------------

// y = f(a) elementwise.
template <typename F>
void unary(MatrixRefs in, Matrix& out, F f) {
    out = A(in).unaryExpr(f);
}

// y = f(a, b) elementwise after broadcasting. Written into y's own storage: a dimension of 1 is
// read again for every row or column instead of being copied out first.
template <typename F>
void binary(MatrixRefs in, Matrix& out, F f) {
    const Matrix& a = A(in);
    const Matrix& b = B(in);
    if (a.rows() == b.rows() && a.cols() == b.cols()) {
        out = a.binaryExpr(b, f);
        return;
    }
    const Shape s = *broadcastShapes(shapeOf(a), shapeOf(b));
    out.resize(s.rows, s.cols);
    const bool aRow = a.rows() == 1, aCol = a.cols() == 1, bRow = b.rows() == 1, bCol = b.cols() == 1;
    for (Eigen::Index c = 0; c < s.cols; ++c)
        for (Eigen::Index r = 0; r < s.rows; ++r)
            out(r, c) = f(a(aRow ? 0 : r, aCol ? 0 : c), b(bRow ? 0 : r, bCol ? 0 : c));
}

bool sameSize(const Matrix& a, const Matrix& b) { return a.rows() == b.rows() && a.cols() == b.cols(); }

// ---- forward and vector-Jacobian products --------------------------------------------------------

// The binary elementwise ops give their contribution in the output's (broadcast) shape; the
// engine sums it back to the operand's shape.

void addForward(MatrixRefs in, const OpAttrs&, Matrix& y) { binary(in, y, std::plus<double>()); }
double addNumber(double a, double b, const OpAttrs&) { return a + b; }
double addVjpNumber(int, double, double, double, double g, const OpAttrs&) { return g; }
// ∂(a+b)/∂a = 1, ∂(a+b)/∂b = 1
void addVjp(int, MatrixRefs, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) { c = g; }

void subForward(MatrixRefs in, const OpAttrs&, Matrix& y) { binary(in, y, std::minus<double>()); }
double subNumber(double a, double b, const OpAttrs&) { return a - b; }
double subVjpNumber(int slot, double, double, double, double g, const OpAttrs&) { return slot == 0 ? g : -g; }
// ∂(a-b)/∂a = 1, ∂(a-b)/∂b = -1
void subVjp(int slot, MatrixRefs, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    if (slot == 0) c = g;
    else c = -g;
}

// The operand in the output's shape: itself when it already has it.
Matrix expanded(const Matrix& m, const Matrix& y) { return sameSize(m, y) ? m : expandTo(m, shapeOf(y)); }

void mulForward(MatrixRefs in, const OpAttrs&, Matrix& y) { binary(in, y, std::multiplies<double>()); }
double mulNumber(double a, double b, const OpAttrs&) { return a * b; }
double mulVjpNumber(int slot, double a, double b, double, double g, const OpAttrs&) { return g * (slot == 0 ? b : a); }
// ∂(a∘b)/∂a = b, ∂(a∘b)/∂b = a
void mulVjp(int slot, MatrixRefs in, const Matrix& y, const Matrix& g, const OpAttrs&, Matrix& c) {
    const Matrix& other = *in[1 - slot];
    if (sameSize(other, y)) c = g.cwiseProduct(other);
    else c = g.cwiseProduct(expandTo(other, shapeOf(y)));
}

void divForward(MatrixRefs in, const OpAttrs&, Matrix& y) { binary(in, y, std::divides<double>()); }
// ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = -a/b²
void divVjp(int slot, MatrixRefs in, const Matrix& y, const Matrix& g, const OpAttrs&, Matrix& c) {
    if (sameSize(A(in), y) && sameSize(B(in), y)) {
        if (slot == 0) c = g.cwiseQuotient(B(in));
        else c = -g.cwiseProduct(A(in)).cwiseQuotient(B(in).cwiseProduct(B(in)));
        return;
    }
    const Matrix b = expanded(B(in), y);
    if (slot == 0) c = g.cwiseQuotient(b);
    else c = -g.cwiseProduct(expanded(A(in), y)).cwiseQuotient(b.cwiseProduct(b));
}

void negForward(MatrixRefs in, const OpAttrs&, Matrix& y) { y = -A(in); }
double negNumber(double a, double, const OpAttrs&) { return -a; }
double negVjpNumber(int, double, double, double, double g, const OpAttrs&) { return -g; }
// ∂(-a)/∂a = -1
void negVjp(int, MatrixRefs, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) { c = -g; }

void matmulForward(MatrixRefs in, const OpAttrs&, Matrix& y) { denseProduct(A(in), false, B(in), false, y); }
// y = A B: dA = G Bᵀ, dB = Aᵀ G
void matmulVjp(int slot, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    if (slot == 0) denseProduct(g, false, B(in), true, c);
    else denseProduct(A(in), true, g, false, c);
}

void powForward(MatrixRefs in, const OpAttrs& attrs, Matrix& y) {
    const double p = attrs.exponent;
    if (p == 2.0) y = A(in).cwiseProduct(A(in));
    else unary(in, y, [p](double a) { return std::pow(a, p); });
}
// ∂(a^p)/∂a = p·a^(p-1); p = 0 gives 0 everywhere, as PyTorch does
void powVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs& attrs, Matrix& c) {
    const double p = attrs.exponent;
    if (p == 0.0) {
        c = Matrix::Zero(g.rows(), g.cols());
        return;
    }
    c = g.cwiseProduct(A(in).unaryExpr([p](double a) { return p * std::pow(a, p - 1.0); }));
}

void transposeForward(MatrixRefs in, const OpAttrs&, Matrix& y) { y = A(in).transpose(); }
// transpose back
void transposeVjp(int, MatrixRefs, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) { c = g.transpose(); }

// 1/(1+e^-a) for a >= 0, e^a/(1+e^a) for a < 0: neither form overflows, sigmoid(±800) is 1 and 0.
using kernels::stableSigmoid;
void sigmoidForward(MatrixRefs in, const OpAttrs&, Matrix& y) { unary(in, y, stableSigmoid); }
double sigmoidNumber(double a, double, const OpAttrs&) { return stableSigmoid(a); }
double sigmoidVjpNumber(int, double, double, double y, double g, const OpAttrs&) { return g * y * (1.0 - y); }
// ∂σ(a)/∂a = σ(a)(1-σ(a)) = y(1-y)
void sigmoidVjp(int, MatrixRefs, const Matrix& y, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = g.array() * y.array() * (1.0 - y.array());
}

double tanhNumber(double a, double, const OpAttrs&) { return std::tanh(a); }
void tanhForward(MatrixRefs in, const OpAttrs& at, Matrix& y) { unary(in, y, [&](double a) { return tanhNumber(a, 0, at); }); }
double tanhVjpNumber(int, double, double, double y, double g, const OpAttrs&) { return g * (1.0 - y * y); }
// ∂tanh(a)/∂a = 1 - tanh² = 1 - y²
void tanhVjp(int, MatrixRefs, const Matrix& y, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = g.array() * (1.0 - y.array().square());
}

double expNumber(double a, double, const OpAttrs&) { return std::exp(a); }
void expForward(MatrixRefs in, const OpAttrs& at, Matrix& y) { unary(in, y, [&](double a) { return expNumber(a, 0, at); }); }
double expVjpNumber(int, double, double, double y, double g, const OpAttrs&) { return g * y; }
// ∂e^a/∂a = e^a = y
void expVjp(int, MatrixRefs, const Matrix& y, const Matrix& g, const OpAttrs&, Matrix& c) { c = g.cwiseProduct(y); }

double logNumber(double a, double, const OpAttrs&) { return std::log(a); }
void logForward(MatrixRefs in, const OpAttrs& at, Matrix& y) { unary(in, y, [&](double a) { return logNumber(a, 0, at); }); }
double logVjpNumber(int, double a, double, double, double g, const OpAttrs&) { return g / a; }
// ∂log(a)/∂a = 1/a
void logVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = g.cwiseQuotient(A(in));
}

void reluForward(MatrixRefs in, const OpAttrs&, Matrix& y) {
    // NaN stays NaN (as PyTorch), so not std::max
    unary(in, y, [](double a) { return a > 0 ? a : (a <= 0 ? 0.0 : a); });
}
// ∂relu(a)/∂a = 1 where a > 0, else 0 (0 at a = 0, as PyTorch)
void reluVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = g.binaryExpr(A(in), [](double gv, double a) { return a > 0 ? gv : 0.0; });
}

void absForward(MatrixRefs in, const OpAttrs&, Matrix& y) { y = A(in).cwiseAbs(); }
// ∂|a|/∂a = sign(a), 0 at a = 0 (as PyTorch)
void absVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = g.binaryExpr(A(in), [](double gv, double a) { return a > 0 ? gv : (a < 0 ? -gv : 0.0 * gv); });
}

void sqrtForward(MatrixRefs in, const OpAttrs&, Matrix& y) { y = A(in).cwiseSqrt(); }
// ∂√a/∂a = 1/(2√a) = 1/(2y)
void sqrtVjp(int, MatrixRefs, const Matrix& y, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = g.array() / (2.0 * y.array());
}

void sumForward(MatrixRefs in, const OpAttrs&, Matrix& y) { y = Matrix::Constant(1, 1, A(in).sum()); }
// ∂Σa/∂a = ones
void sumVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = Matrix::Constant(A(in).rows(), A(in).cols(), g(0, 0));
}

void meanForward(MatrixRefs in, const OpAttrs&, Matrix& y) { y = Matrix::Constant(1, 1, A(in).mean()); }
// ∂mean(a)/∂a = ones/n
void meanVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = Matrix::Constant(A(in).rows(), A(in).cols(), g(0, 0) / static_cast<double>(A(in).size()));
}

void mseForward(MatrixRefs in, const OpAttrs&, Matrix& y) {
    Matrix d;
    binary(in, d, std::minus<double>());
    y = Matrix::Constant(1, 1, d.squaredNorm() / static_cast<double>(d.size()));
}
// mean((a-b)²): ∂/∂a = 2(a-b)/n, ∂/∂b = -2(a-b)/n, n the number of (broadcast) entries
void mseVjp(int slot, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    Matrix d;
    binary(in, d, std::minus<double>());
    const double scale = (slot == 0 ? 2.0 : -2.0) * g(0, 0) / static_cast<double>(d.size());
    c = d * scale;
}

// ---- the ops of classification: along an axis, losses, and the elementwise ones PyTorch has ---------

void sinForward(MatrixRefs in, const OpAttrs&, Matrix& y) { unary(in, y, [](double a) { return std::sin(a); }); }
// ∂sin(a)/∂a = cos(a)
void sinVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = g.cwiseProduct(A(in).unaryExpr([](double a) { return std::cos(a); }));
}

void cosForward(MatrixRefs in, const OpAttrs&, Matrix& y) { unary(in, y, [](double a) { return std::cos(a); }); }
// ∂cos(a)/∂a = −sin(a)
void cosVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = g.cwiseProduct(A(in).unaryExpr([](double a) { return -std::sin(a); }));
}

// a·Φ(a) with Φ the normal distribution function, written as PyTorch's exact gelu writes it.
void geluForward(MatrixRefs in, const OpAttrs&, Matrix& y) {
    unary(in, y, [](double a) { return a * 0.5 * (1.0 + std::erf(a * M_SQRT1_2)); });
}
// ∂gelu(a)/∂a = Φ(a) + a·φ(a)
void geluVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = g.cwiseProduct(A(in).unaryExpr([](double a) {
        const double cdf = 0.5 * (1.0 + std::erf(a * M_SQRT1_2));
        const double pdf = std::exp(-0.5 * a * a) * (M_2_SQRTPI * M_SQRT1_2 * 0.5);
        return cdf + a * pdf;
    }));
}

void erfForward(MatrixRefs in, const OpAttrs&, Matrix& y) { unary(in, y, [](double a) { return std::erf(a); }); }
// ∂erf(a)/∂a = 2/√π·e^(−a²)
void erfVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = g.cwiseProduct(A(in).unaryExpr([](double a) { return M_2_SQRTPI * std::exp(-a * a); }));
}

void leakyReluForward(MatrixRefs in, const OpAttrs& attrs, Matrix& y) {
    const double slope = attrs.slope;
    unary(in, y, [slope](double a) { return a > 0 ? a : a * slope; });
}
// ∂/∂a = 1 where a > 0, else the slope (the slope at a = 0, as PyTorch)
void leakyReluVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs& attrs, Matrix& c) {
    const double slope = attrs.slope;
    c = g.binaryExpr(A(in), [slope](double gv, double a) { return a > 0 ? gv : gv * slope; });
}

// min(max(a, low), high); nan stays nan
void clampForward(MatrixRefs in, const OpAttrs& attrs, Matrix& y) {
    const double lo = attrs.low, hi = attrs.high;
    unary(in, y, [lo, hi](double a) { return std::isnan(a) ? a : std::min(std::max(a, lo), hi); });
}
// ∂/∂a = 1 where low <= a <= high, else 0 (PyTorch's rule: the bounds themselves pass)
void clampVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs& attrs, Matrix& c) {
    const double lo = attrs.low, hi = attrs.high;
    c = g.binaryExpr(A(in), [lo, hi](double gv, double a) { return a >= lo && a <= hi ? gv : 0.0; });
}

// ∂/∂a = 0: the value passes, the gradient does not
void zeroVjp(int slot, MatrixRefs in, const Matrix&, const Matrix&, const OpAttrs&, Matrix& c) {
    c = Matrix::Zero(in[slot]->rows(), in[slot]->cols());
}

// The larger (smaller) of a and b, elementwise; nan if either is nan (torch.maximum).
template <bool kMax>
void extremeForward(MatrixRefs in, const OpAttrs&, Matrix& y) {
    binary(in, y, [](double a, double b) {
        if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<double>::quiet_NaN();
        return kMax ? std::max(a, b) : std::min(a, b);
    });
}
// G where this operand is the larger (smaller), G/2 on a tie, else 0 (as PyTorch splits a tie)
template <bool kMax>
void extremeVjp(int slot, MatrixRefs in, const Matrix& y, const Matrix& g, const OpAttrs&, Matrix& c) {
    const Matrix self = expanded(*in[slot], y), other = expanded(*in[1 - slot], y);
    c.resize(g.rows(), g.cols());
    for (Eigen::Index i = 0; i < g.size(); ++i) {
        const double s = self(i), o = other(i);
        const bool wins = kMax ? s > o : s < o;
        c(i) = s == o ? g(i) / 2 : (wins || std::isnan(s) ? g(i) : 0.0);
    }
}

// a ^ b with b a node: ∂/∂a = b·a^(b−1), ∂/∂b = a^b·ln a (0 where a = 0 and b >= 0, as PyTorch)
void powNodeForward(MatrixRefs in, const OpAttrs&, Matrix& y) {
    binary(in, y, [](double a, double b) { return std::pow(a, b); });
}
void powNodeVjp(int slot, MatrixRefs in, const Matrix& y, const Matrix& g, const OpAttrs&, Matrix& c) {
    const Matrix a = expanded(A(in), y), b = expanded(B(in), y);
    c.resize(g.rows(), g.cols());
    for (Eigen::Index i = 0; i < g.size(); ++i) {
        if (slot == 0) c(i) = b(i) == 0 ? 0.0 : g(i) * b(i) * std::pow(a(i), b(i) - 1.0);
        else c(i) = a(i) == 0 && b(i) >= 0 ? 0.0 : g(i) * y(i) * std::log(a(i));
    }
}

void softmaxForward(MatrixRefs in, const OpAttrs& attrs, Matrix& y) { y = kernels::softmax(A(in), attrs.axis); }
// ∂softmax: y ∘ (G − Σ G∘y along the axis)
void softmaxVjp(int, MatrixRefs, const Matrix& y, const Matrix& g, const OpAttrs& attrs, Matrix& c) {
    const Matrix dot = kernels::sumAlong(g.cwiseProduct(y), attrs.axis);
    c = y.cwiseProduct(g - kernels::spreadAlong(dot, attrs.axis, shapeOf(y)));
}

void logSoftmaxForward(MatrixRefs in, const OpAttrs& attrs, Matrix& y) {
    y = kernels::logSoftmax(A(in), attrs.axis);
}
// ∂log_softmax: G − e^y ∘ Σ G along the axis
void logSoftmaxVjp(int, MatrixRefs, const Matrix& y, const Matrix& g, const OpAttrs& attrs, Matrix& c) {
    const Matrix total = kernels::sumAlong(g, attrs.axis);
    c = g - y.array().exp().matrix().cwiseProduct(kernels::spreadAlong(total, attrs.axis, shapeOf(y)));
}

void logSumExpForward(MatrixRefs in, const OpAttrs& attrs, Matrix& y) { y = kernels::logSumExp(A(in), attrs.axis); }
// ∂logsumexp/∂a = e^(a − y) = softmax(a), times G spread back along the axis
void logSumExpVjp(int, MatrixRefs in, const Matrix& y, const Matrix& g, const OpAttrs& attrs, Matrix& c) {
    const Shape s = shapeOf(A(in));
    c = (A(in) - kernels::spreadAlong(y, attrs.axis, s)).array().exp().matrix().cwiseProduct(
        kernels::spreadAlong(g, attrs.axis, s));
}

void sumAxisForward(MatrixRefs in, const OpAttrs& attrs, Matrix& y) { y = kernels::sumAlong(A(in), attrs.axis); }
// ∂Σ/∂a = 1: G spread back along the axis
void sumAxisVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs& attrs, Matrix& c) {
    c = kernels::spreadAlong(g, attrs.axis, shapeOf(A(in)));
}

long lineLength(const Matrix& a, int axis) { return axis == 0 ? a.rows() : a.cols(); }

void meanAxisForward(MatrixRefs in, const OpAttrs& attrs, Matrix& y) {
    y = kernels::sumAlong(A(in), attrs.axis) / static_cast<double>(lineLength(A(in), attrs.axis));
}
// ∂mean/∂a = 1/n, n the length of the line
void meanAxisVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs& attrs, Matrix& c) {
    c = kernels::spreadAlong(g, attrs.axis, shapeOf(A(in))) / static_cast<double>(lineLength(A(in), attrs.axis));
}

template <kernels::Extreme kWhich>
void extremeAllForward(MatrixRefs in, const OpAttrs&, Matrix& y) {
    const Matrix column = Eigen::Map<const Matrix>(A(in).data(), A(in).size(), 1);
    y = kernels::extremeAlong(column, 0, kWhich);
}
template <kernels::Extreme kWhich>
void extremeAxisForward(MatrixRefs in, const OpAttrs& attrs, Matrix& y) {
    y = kernels::extremeAlong(A(in), attrs.axis, kWhich);
}
// G split evenly among the entries equal to the extreme (PyTorch's max, amax)
void extremeAllVjp(int, MatrixRefs in, const Matrix& y, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = kernels::extremeGradient(A(in), y, g, -1);
}
void extremeAxisVjp(int, MatrixRefs in, const Matrix& y, const Matrix& g, const OpAttrs& attrs, Matrix& c) {
    c = kernels::extremeGradient(A(in), y, g, attrs.axis);
}

void crossEntropyForward(MatrixRefs in, const OpAttrs&, Matrix& y) {
    y = Matrix::Constant(1, 1, kernels::crossEntropyIndices(A(in), B(in)));
}
// ∂/∂z = G·(softmax(z) − onehot(t))/n; the indices get none
void crossEntropyVjp(int slot, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs& attrs, Matrix& c) {
    if (slot == 1) return zeroVjp(slot, in, g, g, attrs, c);
    c = kernels::crossEntropyIndicesGradient(A(in), B(in)) * g(0, 0);
}

void crossEntropyProbsForward(MatrixRefs in, const OpAttrs&, Matrix& y) {
    y = Matrix::Constant(1, 1, kernels::crossEntropyProbabilities(A(in), B(in)));
}
// ∂/∂z = G·(softmax(z)·Σt − t)/n, ∂/∂t = −G·log_softmax(z)/n
void crossEntropyProbsVjp(int slot, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = kernels::crossEntropyProbabilitiesGradient(slot, A(in), B(in)) * g(0, 0);
}

void nllForward(MatrixRefs in, const OpAttrs&, Matrix& y) {
    y = Matrix::Constant(1, 1, kernels::nllIndices(A(in), B(in)));
}
// ∂/∂logp = −G/n at each row's target, 0 elsewhere; the indices get none
void nllVjp(int slot, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs& attrs, Matrix& c) {
    if (slot == 1) return zeroVjp(slot, in, g, g, attrs, c);
    c = kernels::nllIndicesGradient(A(in), B(in)) * g(0, 0);
}

void bceForward(MatrixRefs in, const OpAttrs&, Matrix& y) {
    y = Matrix::Constant(1, 1, kernels::bceWithLogits(A(in), B(in)));
}
// ∂/∂a = G·(σ(a) − t)/n, ∂/∂t = −G·a/n
void bceVjp(int slot, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = kernels::bceWithLogitsGradient(slot, A(in), B(in)) * g(0, 0);
}

void oneHotForward(MatrixRefs in, const OpAttrs& attrs, Matrix& y) { y = kernels::oneHot(A(in), attrs.classes); }

void concatForward(MatrixRefs in, const OpAttrs& attrs, Matrix& y) { y = kernels::concat(A(in), B(in), attrs.axis); }
// each input gets its own block of G
void concatVjp(int slot, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs& attrs, Matrix& c) {
    c = kernels::concatPart(g, slot, shapeOf(A(in)), shapeOf(*in[slot]), attrs.axis);
}

// Row-major order, as NumPy and PyTorch reshape.
void reshapeForward(MatrixRefs in, const OpAttrs& attrs, Matrix& y) {
    using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    RowMajor a = A(in);
    y = Eigen::Map<const RowMajor>(a.data(), attrs.shape.rows, attrs.shape.cols);
}
// reshape back
void reshapeVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    RowMajor gr = g;
    c = Eigen::Map<const RowMajor>(gr.data(), A(in).rows(), A(in).cols());
}

// The picked block; its gradient goes back to the picked entries, zero elsewhere.
void sliceForward(MatrixRefs in, const OpAttrs& at, Matrix& y) {
    y = A(in).block(at.rowStart, at.colStart, at.rowStop - at.rowStart, at.colStop - at.colStart);
}
void sliceVjp(int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs& at, Matrix& c) {
    c = Matrix::Zero(A(in).rows(), A(in).cols());
    c.block(at.rowStart, at.colStart, g.rows(), g.cols()) = g;
}

void identityForward(MatrixRefs in, const OpAttrs&, Matrix& y) { y = A(in); }
// ∂a/∂a = 1
void identityVjp(int, MatrixRefs, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) { c = g; }

// The spellings, .bpg and PyTorch.
constexpr Spelling infix(std::string_view text, int level) { return {Form::Infix, text, level, true}; }
constexpr Spelling call(std::string_view text) { return {Form::Function, text, kPrimary}; }
constexpr Spelling method(std::string_view text) { return {Form::Method, text, kPostfix}; }
constexpr Spelling kNegate{Form::Negate, "-", kUnary};

//          name         symbol     arity attrs shape           forward           vjp
//          formulas; .bpg; PyTorch
const std::array kOps{
    OpDef{"add",       "+",       2, 0, broadcastShape, addForward,       addVjp,
          {"∂(a+b)/∂a = 1", "∂(a+b)/∂b = 1"}, infix("+", kSum), infix("+", kSum),
          {Arithmetic::Elementwise, "{a} + {b}", {"{G} ⊙ 1", "{G} ⊙ 1"}, [](int, double, double, double, double, const OpAttrs&) { return 1.0; }}, {}, 0, addNumber, addVjpNumber},
    OpDef{"sub",       "−",       2, 0, broadcastShape, subForward,       subVjp,
          {"∂(a−b)/∂a = 1", "∂(a−b)/∂b = −1"}, infix("-", kSum), infix("-", kSum),
          {Arithmetic::Elementwise, "{a} − {b}", {"{G} ⊙ 1", "{G} ⊙ (−1)"}, [](int slot, double, double, double, double, const OpAttrs&) { return slot == 0 ? 1.0 : -1.0; }}, {}, 0, subNumber, subVjpNumber},
    OpDef{"mul",       "×",       2, 0, broadcastShape, mulForward,       mulVjp,
          {"∂(a·b)/∂a = b", "∂(a·b)/∂b = a"}, infix("*", kProduct), infix("*", kProduct),
          {Arithmetic::Elementwise, "{a}·{b}", {"{G} ⊙ {b}", "{G} ⊙ {a}"}, [](int slot, double a, double b, double, double, const OpAttrs&) { return slot == 0 ? b : a; }}, {}, 0, mulNumber, mulVjpNumber},
    OpDef{"div",       "÷",       2, 0, broadcastShape, divForward,       divVjp,
          {"∂(a/b)/∂a = 1/b", "∂(a/b)/∂b = −a/b²"}, infix("/", kProduct), infix("/", kProduct),
          {Arithmetic::Elementwise, "{a} / {b}", {"{G} ⊙ 1/{b}", "{G} ⊙ (−{a}/{b}²)"}, [](int slot, double a, double b, double, double, const OpAttrs&) { return slot == 0 ? 1.0 / b : -a / (b * b); }}},
    OpDef{"neg",       "−",       1, 0, sameShape,      negForward,       negVjp,
          {"∂(−a)/∂a = −1", ""}, kNegate, kNegate,
          {Arithmetic::Elementwise, "−{a}", {"{G} ⊙ (−1)", ""}, [](int, double, double, double, double, const OpAttrs&) { return -1.0; }}, {}, 0, negNumber, negVjpNumber},
    OpDef{"matmul",    "@",       2, 0, matmulShape,    matmulForward,    matmulVjp,
          {"∂(AB)/∂A: G·Bᵀ", "∂(AB)/∂B: Aᵀ·G"}, infix("@", kProduct), {Form::Infix, "@", kProduct},
          {Arithmetic::MatMul, "{a} @ {b}", {"{G}·{b}ᵀ", "{a}ᵀ·{G}"}, nullptr}},
    OpDef{"pow",       "^",       1, 1, sameShape,      powForward,       powVjp,
          {"∂(aᵖ)/∂a = p·aᵖ⁻¹", ""}, {Form::Power, "^", kPower}, {Form::Power, "**", kPower},
          {Arithmetic::Elementwise, "{a}^{p}", {"{G} ⊙ {p}·{a}^({p} − 1)", ""},
           [](int, double a, double, double, double, const OpAttrs& at) { return at.exponent == 0.0 ? 0.0 : at.exponent * std::pow(a, at.exponent - 1.0); }}, {Attr::Exponent}},
    OpDef{"transpose", "ᵀ",       1, 0, transposeShape, transposeForward, transposeVjp,
          {"∂(aᵀ)/∂a: Gᵀ", ""}, method(".T"), method(".T"),
          {Arithmetic::Move, "{a}ᵀ", {"{G}ᵀ", ""}, nullptr}},
    OpDef{"sigmoid",   "σ",       1, 0, sameShape,      sigmoidForward,   sigmoidVjp,
          {"∂σ(a)/∂a = σ(a)(1−σ(a))", ""}, call("sigmoid"), call("torch.sigmoid"),
          {Arithmetic::Elementwise, "σ({a})", {"{G} ⊙ σ({a})(1 − σ({a}))", ""}, [](int, double, double, double y, double, const OpAttrs&) { return y * (1.0 - y); }}, {}, 0, sigmoidNumber, sigmoidVjpNumber},
    OpDef{"tanh",      "tanh",    1, 0, sameShape,      tanhForward,      tanhVjp,
          {"∂tanh(a)/∂a = 1−tanh²(a)", ""}, call("tanh"), call("torch.tanh"),
          {Arithmetic::Elementwise, "tanh({a})", {"{G} ⊙ (1 − tanh²({a}))", ""}, [](int, double, double, double y, double, const OpAttrs&) { return 1.0 - y * y; }}, {}, 0, tanhNumber, tanhVjpNumber},
    OpDef{"exp",       "exp",     1, 0, sameShape,      expForward,       expVjp,
          {"∂eᵃ/∂a = eᵃ", ""}, call("exp"), call("torch.exp"),
          {Arithmetic::Elementwise, "exp({a})", {"{G} ⊙ exp({a})", ""}, [](int, double, double, double y, double, const OpAttrs&) { return y; }}, {}, 0, expNumber, expVjpNumber},
    OpDef{"log",       "log",     1, 0, sameShape,      logForward,       logVjp,
          {"∂log(a)/∂a = 1/a", ""}, call("log"), call("torch.log"),
          {Arithmetic::Elementwise, "log({a})", {"{G} ⊙ 1/{a}", ""}, [](int, double a, double, double, double, const OpAttrs&) { return 1.0 / a; }}, {}, 0, logNumber, logVjpNumber},
    OpDef{"relu",      "relu",    1, 0, sameShape,      reluForward,      reluVjp,
          {"∂relu(a)/∂a = 1 if a > 0, else 0", ""}, call("relu"), call("torch.relu"),
          {Arithmetic::Elementwise, "relu({a})", {"{G} ⊙ [{a} > 0]", ""}, [](int, double a, double, double, double, const OpAttrs&) { return a > 0 ? 1.0 : 0.0; }}},
    OpDef{"abs",       "|·|",     1, 0, sameShape,      absForward,       absVjp,
          {"∂|a|/∂a = sign(a)", ""}, call("abs"), call("torch.abs"),
          {Arithmetic::Elementwise, "|{a}|", {"{G} ⊙ sign({a})", ""}, [](int, double a, double, double, double, const OpAttrs&) { return a > 0 ? 1.0 : (a < 0 ? -1.0 : 0.0); }}},
    OpDef{"sqrt",      "√",       1, 0, sameShape,      sqrtForward,      sqrtVjp,
          {"∂√a/∂a = 1/(2√a)", ""}, call("sqrt"), call("torch.sqrt"),
          {Arithmetic::Elementwise, "√({a})", {"{G} ⊙ 1/(2√({a}))", ""}, [](int, double, double, double y, double, const OpAttrs&) { return 1.0 / (2.0 * y); }}},
    // Our sum and mean are 1x1 matrices; PyTorch's are 0-d tensors: reshape keeps the shapes equal.
    OpDef{"sum",       "Σ",       1, 0, scalarShape,    sumForward,       sumVjp,
          {"∂Σa/∂aᵢ = 1", ""}, call("sum"), method(".sum().reshape(1, 1)"),
          {Arithmetic::Sum, "Σ {a}", {"{G}·1", ""}, [](int, double, double, double, double, const OpAttrs&) { return 1.0; }}},
    OpDef{"mean",      "mean",    1, 0, scalarShape,    meanForward,      meanVjp,
          {"∂mean(a)/∂aᵢ = 1/n", ""}, call("mean"), method(".mean().reshape(1, 1)"),
          {Arithmetic::Mean, "mean({a})", {"{G}·1/{n}", ""}, [](int, double, double, double, double n, const OpAttrs&) { return 1.0 / n; }}},
    // mean((a-b)²) over the broadcast entries: MSELoss(reduction='mean'), spelled out so that
    // broadcasting needs no warning and the formula is on the screen.
    OpDef{"mse",       "mse",     2, 0, mseShape,       mseForward,       mseVjp,
          {"∂mse/∂a = 2(a−b)/n", "∂mse/∂b = −2(a−b)/n"}, call("mse"),
          {Form::MeanSquare, ".mean().reshape(1, 1)", kPrimary, true},
          {Arithmetic::MeanSquare, "mean(({a} − {b})²)", {"{G}·2({a} − {b})/{n}", "{G}·(−2({a} − {b})/{n})"},
           [](int slot, double a, double b, double, double n, const OpAttrs&) { return (slot == 0 ? 2.0 : -2.0) * (a - b) / n; }}},
    OpDef{"softplus",  "softplus", 1, 0, sameShape,
          [](MatrixRefs in, const OpAttrs&, Matrix& y) {  // max(a,0) + log(1+e^-|a|): no overflow
              unary(in, y, [](double a) { return std::max(a, 0.0) + std::log1p(std::exp(-std::abs(a))); });
          },
          [](int, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {  // σ(a)
              c = g.cwiseProduct(A(in).unaryExpr(&stableSigmoid));
          },
          {"∂softplus(a)/∂a = σ(a)", ""}, call("softplus"), call("torch.nn.functional.softplus"),
          {Arithmetic::Elementwise, "softplus({a})", {"{G} ⊙ σ({a})", ""},
           [](int, double a, double, double, double, const OpAttrs&) { return stableSigmoid(a); }}},
    // ---- classification: softmax and its losses, reductions along an axis, PyTorch's elementwise ops
    OpDef{"sin",       "sin",     1, 0, sameShape,      sinForward,       sinVjp,
          {"∂sin(a)/∂a = cos(a)", ""}, call("sin"), call("torch.sin"),
          {Arithmetic::Elementwise, "sin({a})", {"{G} ⊙ cos({a})", ""},
           [](int, double a, double, double, double, const OpAttrs&) { return std::cos(a); }}},
    OpDef{"cos",       "cos",     1, 0, sameShape,      cosForward,       cosVjp,
          {"∂cos(a)/∂a = −sin(a)", ""}, call("cos"), call("torch.cos"),
          {Arithmetic::Elementwise, "cos({a})", {"{G} ⊙ (−sin({a}))", ""},
           [](int, double a, double, double, double, const OpAttrs&) { return -std::sin(a); }}},
    OpDef{"gelu",      "gelu",    1, 0, sameShape,      geluForward,      geluVjp,
          {"∂gelu(a)/∂a = Φ(a) + a·φ(a)", ""}, call("gelu"), call("torch.nn.functional.gelu"),
          {Arithmetic::Elementwise, "gelu({a})", {"{G} ⊙ (Φ({a}) + {a}·φ({a}))", ""},
           [](int, double a, double, double, double, const OpAttrs&) { return 0.5 * (1.0 + std::erf(a * M_SQRT1_2)) + a * std::exp(-0.5 * a * a) * (M_2_SQRTPI * M_SQRT1_2 * 0.5); }}},
    OpDef{"erf",       "erf",     1, 0, sameShape,      erfForward,       erfVjp,
          {"∂erf(a)/∂a = 2/√π·e^(−a²)", ""}, call("erf"), call("torch.erf"),
          {Arithmetic::Elementwise, "erf({a})", {"{G} ⊙ 2/√π·e^(−{a}²)", ""},
           [](int, double a, double, double, double, const OpAttrs&) { return M_2_SQRTPI * std::exp(-a * a); }}},
    OpDef{"leaky_relu", "lrelu",  1, 1, sameShape,      leakyReluForward, leakyReluVjp,
          {"∂/∂a = 1 if a > 0, else the slope", ""}, call("leaky_relu"), call("torch.nn.functional.leaky_relu"),
          {Arithmetic::Elementwise, "leaky_relu({a})", {"{G} ⊙ (1 if {a} > 0, else the slope)", ""},
           [](int, double a, double, double, double, const OpAttrs& at) { return a > 0 ? 1.0 : at.slope; }},
          {Attr::Slope}},
    OpDef{"clamp",     "clamp",   1, 2, sameShape,      clampForward,     clampVjp,
          {"∂clamp(a)/∂a = 1 between the bounds, else 0", ""}, call("clamp"), call("torch.clamp"),
          {Arithmetic::Elementwise, "clamp({a})", {"{G} ⊙ [low ≤ {a} ≤ high]", ""},
           [](int, double a, double, double, double, const OpAttrs& at) { return a >= at.low && a <= at.high ? 1.0 : 0.0; }},
          {Attr::Low, Attr::High}},
    OpDef{"detach",    "detach",  1, 0, sameShape,      identityForward,  zeroVjp,
          {"detach: no gradient flows back", ""}, call("detach"), method(".detach()"),
          {Arithmetic::Elementwise, "detach({a})", {"0", ""},
           [](int, double, double, double, double, const OpAttrs&) { return 0.0; }}, {}, 0b01},
    OpDef{"maximum",   "max",     2, 0, broadcastShape, extremeForward<true>,  extremeVjp<true>,
          {"∂max(a,b)/∂a = 1 where a > b (½ on a tie)", "∂max(a,b)/∂b = 1 where b > a (½ on a tie)"},
          call("max"), call("torch.maximum"),
          {Arithmetic::Elementwise, "max({a}, {b})", {"{G} ⊙ [{a} > {b}]", "{G} ⊙ [{b} > {a}]"},
           [](int slot, double a, double b, double, double, const OpAttrs&) { const double s = slot == 0 ? a : b, o = slot == 0 ? b : a; return s == o ? 0.5 : (s > o || std::isnan(s) ? 1.0 : 0.0); }}},
    OpDef{"minimum",   "min",     2, 0, broadcastShape, extremeForward<false>, extremeVjp<false>,
          {"∂min(a,b)/∂a = 1 where a < b (½ on a tie)", "∂min(a,b)/∂b = 1 where b < a (½ on a tie)"},
          call("min"), call("torch.minimum"),
          {Arithmetic::Elementwise, "min({a}, {b})", {"{G} ⊙ [{a} < {b}]", "{G} ⊙ [{b} < {a}]"},
           [](int slot, double a, double b, double, double, const OpAttrs&) { const double s = slot == 0 ? a : b, o = slot == 0 ? b : a; return s == o ? 0.5 : (s < o || std::isnan(s) ? 1.0 : 0.0); }}},
    OpDef{"pow_node",  "^",       2, 0, broadcastShape, powNodeForward,   powNodeVjp,
          {"∂(aᵇ)/∂a = b·aᵇ⁻¹", "∂(aᵇ)/∂b = aᵇ·ln a"}, {Form::PowerNode, "^", kPower},
          {Form::PowerNode, "**", kPower, true},
          {Arithmetic::Elementwise, "{a}^{b}", {"{G} ⊙ {b}·{a}^({b} − 1)", "{G} ⊙ {a}^{b}·ln {a}"},
           [](int slot, double a, double b, double y, double, const OpAttrs&) { if (slot == 0) return b == 0 ? 0.0 : b * std::pow(a, b - 1.0); return a == 0 && b >= 0 ? 0.0 : y * std::log(a); }}},
    OpDef{"sum_axis",  "Σ",       1, 1, reducedShape,   sumAxisForward,   sumAxisVjp,
          {"∂Σa/∂aᵢ = 1 along the axis", ""}, call("sum"), {Form::Method, ".sum", kPostfix, false, ", keepdim=True"},
          {Arithmetic::Sum, "sum({a}, axis)", {"{G} spread along the axis", ""},
           [](int, double, double, double, double, const OpAttrs&) { return 1.0; }, Reach::LineEnd}, {Attr::Axis}},
    OpDef{"mean_axis", "mean",    1, 1, reducedShape,   meanAxisForward,  meanAxisVjp,
          {"∂mean(a)/∂aᵢ = 1/n along the axis", ""}, call("mean"),
          {Form::Method, ".mean", kPostfix, false, ", keepdim=True"},
          {Arithmetic::Mean, "mean({a}, axis)", {"{G}/n spread along the axis", ""},
           [](int, double, double, double, double n, const OpAttrs&) { return 1.0 / n; }, Reach::LineEnd}, {Attr::Axis}},
    OpDef{"max",       "max",     1, 0, scalarShape,    extremeAllForward<kernels::Extreme::Max>, extremeAllVjp,
          {"∂max(a)/∂aᵢ = 1 at the max (shared on a tie)", ""}, call("max"), method(".amax().reshape(1, 1)"),
          {Arithmetic::General, "max({a})", {"{G} at the max (shared on a tie)", ""}, nullptr, Reach::Whole}},
    OpDef{"max_axis",  "max",     1, 1, reducedShape,   extremeAxisForward<kernels::Extreme::Max>, extremeAxisVjp,
          {"∂max(a)/∂aᵢ = 1 at each line's max (shared on a tie)", ""}, call("max"),
          {Form::Method, ".amax", kPostfix, false, ", keepdim=True"},
          {Arithmetic::General, "max({a}, axis)", {"{G} at each line's max (shared on a tie)", ""}, nullptr, Reach::LineEnd}, {Attr::Axis}},
    OpDef{"min",       "min",     1, 0, scalarShape,    extremeAllForward<kernels::Extreme::Min>, extremeAllVjp,
          {"∂min(a)/∂aᵢ = 1 at the min (shared on a tie)", ""}, call("min"), method(".amin().reshape(1, 1)"),
          {Arithmetic::General, "min({a})", {"{G} at the min (shared on a tie)", ""}, nullptr, Reach::Whole}},
    OpDef{"min_axis",  "min",     1, 1, reducedShape,   extremeAxisForward<kernels::Extreme::Min>, extremeAxisVjp,
          {"∂min(a)/∂aᵢ = 1 at each line's min (shared on a tie)", ""}, call("min"),
          {Form::Method, ".amin", kPostfix, false, ", keepdim=True"},
          {Arithmetic::General, "min({a}, axis)", {"{G} at each line's min (shared on a tie)", ""}, nullptr, Reach::LineEnd}, {Attr::Axis}},
    OpDef{"logsumexp", "lse",     1, 1, reducedShape,   logSumExpForward, logSumExpVjp,
          {"∂logsumexp(a)/∂aᵢ = softmax(a)ᵢ", ""}, call("logsumexp"),
          {Form::Function, "torch.logsumexp", kPrimary, false, ", keepdim=True"},
          {Arithmetic::General, "logsumexp({a})", {"{G} ⊙ softmax({a})", ""}, nullptr, Reach::LineEnd, "log({b})"}, {Attr::Axis}},
    OpDef{"softmax",   "softmax", 1, 1, alongAxisShape, softmaxForward,   softmaxVjp,
          {"∂softmax: y∘(G − Σ G∘y)", ""}, call("softmax"), call("torch.softmax"),
          {Arithmetic::General, "softmax({a})", {"softmax({a}) ⊙ ({G} − Σ {G} ⊙ softmax({a}))", ""}, nullptr, Reach::Line, "exp({a}) / ({b})"}, {Attr::Axis}},
    OpDef{"log_softmax", "logsm", 1, 1, alongAxisShape, logSoftmaxForward, logSoftmaxVjp,
          {"∂log_softmax: G − softmax(a)·Σ G", ""}, call("log_softmax"), call("torch.log_softmax"),
          {Arithmetic::General, "log_softmax({a})", {"{G} − softmax({a})·Σ {G}", ""}, nullptr, Reach::Line, "{a} − log({b})"}, {Attr::Axis}},
    // cross_entropy(z, t): class indices (nx1) or class probabilities (nxC), mean over the rows, as
    // torch.nn.functional.cross_entropy; .bpg's one name, told apart by the targets' shape.
    OpDef{"cross_entropy", "CE",  2, 0, indexLossShape, crossEntropyForward, crossEntropyVjp,
          {"∂CE/∂z = (softmax(z) − onehot(t))/n", "class indices: no gradient"}, call("cross_entropy"),
          {Form::Function, "torch.nn.functional.cross_entropy", kPostfix, false, "", ".reshape(1, 1)", 0b10},
          {Arithmetic::General, "cross_entropy({a}, {b})", {"{G}·(softmax({a}) − onehot({b}))/n", "0 (class indices pass no gradient)"}, nullptr, Reach::Whole}, {}, 0b10},
    OpDef{"cross_entropy_probs", "CE", 2, 0, sameShapesLossShape, crossEntropyProbsForward, crossEntropyProbsVjp,
          {"∂CE/∂z = (softmax(z)·Σt − t)/n", "∂CE/∂t = −log_softmax(z)/n"}, call("cross_entropy"),
          {Form::Function, "torch.nn.functional.cross_entropy", kPostfix, false, "", ".reshape(1, 1)"},
          {Arithmetic::General, "cross_entropy({a}, {b})", {"{G}·(softmax({a})·Σ{b} − {b})/n", "{G}·(−log_softmax({a}))/n"}, nullptr, Reach::Whole}},
    OpDef{"nll",       "NLL",     2, 0, indexLossShape, nllForward,       nllVjp,
          {"∂nll/∂a = −1/n at each row's class", "class indices: no gradient"}, call("nll"),
          {Form::Function, "torch.nn.functional.nll_loss", kPostfix, false, "", ".reshape(1, 1)", 0b10},
          {Arithmetic::General, "nll({a}, {b})", {"{G}·(−1/n at each row's class)", "0 (class indices pass no gradient)"}, nullptr, Reach::Whole}, {}, 0b10},
    OpDef{"bce_with_logits", "BCE", 2, 0, sameShapesLossShape, bceForward, bceVjp,
          {"∂BCE/∂a = (σ(a) − t)/n", "∂BCE/∂t = −a/n"}, call("bce_with_logits"),
          {Form::Function, "torch.nn.functional.binary_cross_entropy_with_logits", kPostfix, false, "",
           ".reshape(1, 1)"},
          {Arithmetic::General, "bce_with_logits({a}, {b})", {"{G}·(σ({a}) − {b})/n", "{G}·(−{a})/n"}, nullptr, Reach::Whole}},
    OpDef{"one_hot",   "onehot",  1, 1, oneHotShape,    oneHotForward,    zeroVjp,
          {"class indices: no gradient", ""}, call("one_hot"),
          {Form::Function, "torch.nn.functional.one_hot", kPostfix, false, "", ".double()", 0b01},
          {Arithmetic::General, "one_hot({a})", {"0 (class indices pass no gradient)", ""}, nullptr}, {Attr::Classes}, 0b01},
    OpDef{"concat",    "concat",  2, 1, concatShape,    concatForward,    concatVjp,
          {"∂concat/∂a: a's block of G", "∂concat/∂b: b's block of G"}, call("concat"),
          {Form::Sequence, "torch.cat", kPrimary},
          {Arithmetic::General, "concat({a}, {b})", {"{a}'s block of {G}", "{b}'s block of {G}"}, nullptr, Reach::Moved}, {Attr::Axis}},
    OpDef{"reshape",   "reshape", 1, 2, reshapeShape,   reshapeForward,   reshapeVjp,
          {"∂reshape(a)/∂a: G reshaped back", ""}, call("reshape"), method(".reshape"),
          {Arithmetic::Move, "reshape({a})", {"{G} reshaped back", ""}, nullptr}, {Attr::Rows, Attr::Cols}},
    OpDef{"slice",     "[:]",     1, 4, sliceShape,     sliceForward,     sliceVjp,
          {"∂a[i:j, k:l]/∂a: G in the picked entries, 0 elsewhere", ""}, {Form::Index, "index", kPostfix},
          {Form::Index, "range", kPostfix}, {Arithmetic::Move, "{a}[…]", {"{G} in the picked entries", ""}, nullptr},
          {Attr::RowStart, Attr::RowStop, Attr::ColStart, Attr::ColStop}},
    OpDef{"identity",  "=",       1, 0, sameShape,      identityForward,  identityVjp,
          {"∂a/∂a = 1", ""}, call("identity"), method(".clone()"),
          {Arithmetic::Move, "{a}", {"{G}", ""}, nullptr}},
};

}  // namespace

std::span<const OpDef> allOps() { return kOps; }

std::string_view attrName(Attr attr) {
    switch (attr) {
    case Attr::None: return "";
    case Attr::Exponent: return "exponent";
    case Attr::Rows: return "rows";
    case Attr::Cols: return "cols";
    case Attr::Slope: return "slope";
    case Attr::Low: return "min";
    case Attr::High: return "max";
    case Attr::Axis: return "axis";
    case Attr::Classes: return "classes";
    case Attr::RowStart: return "row_start";
    case Attr::RowStop: return "row_stop";
    case Attr::ColStart: return "col_start";
    case Attr::ColStop: return "col_stop";
    }
    return "";
}

bool attrIsWhole(Attr attr) {
    return attr != Attr::None && attr != Attr::Exponent && attr != Attr::Slope && attr != Attr::Low &&
           attr != Attr::High;
}

double attrValue(const OpAttrs& attrs, Attr attr) {
    switch (attr) {
    case Attr::None: return 0;
    case Attr::Exponent: return attrs.exponent;
    case Attr::Rows: return static_cast<double>(attrs.shape.rows);
    case Attr::Cols: return static_cast<double>(attrs.shape.cols);
    case Attr::Slope: return attrs.slope;
    case Attr::Low: return attrs.low;
    case Attr::High: return attrs.high;
    case Attr::Axis: return attrs.axis;
    case Attr::Classes: return attrs.classes;
    case Attr::RowStart: return static_cast<double>(attrs.rowStart);
    case Attr::RowStop: return static_cast<double>(attrs.rowStop);
    case Attr::ColStart: return static_cast<double>(attrs.colStart);
    case Attr::ColStop: return static_cast<double>(attrs.colStop);
    }
    return 0;
}

void setAttr(OpAttrs& attrs, Attr attr, double value) {
    switch (attr) {
    case Attr::None: break;
    case Attr::Exponent: attrs.exponent = value; break;
    case Attr::Rows: attrs.shape.rows = static_cast<long>(value); break;
    case Attr::Cols: attrs.shape.cols = static_cast<long>(value); break;
    case Attr::Slope: attrs.slope = value; break;
    case Attr::Low: attrs.low = value; break;
    case Attr::High: attrs.high = value; break;
    case Attr::Axis: attrs.axis = static_cast<int>(value); break;
    case Attr::Classes: attrs.classes = static_cast<int>(value); break;
    case Attr::RowStart: attrs.rowStart = static_cast<long>(value); break;
    case Attr::RowStop: attrs.rowStop = static_cast<long>(value); break;
    case Attr::ColStart: attrs.colStart = static_cast<long>(value); break;
    case Attr::ColStop: attrs.colStop = static_cast<long>(value); break;
    }
}

const OpDef* findOp(std::string_view name) {
    for (const OpDef& def : kOps)
        if (def.name == name) return &def;
    return nullptr;
}

const OpDef* findInfixOp(std::string_view symbol) {
    for (const OpDef& def : kOps)
        if (!infixText(def).empty() && infixText(def) == symbol) return &def;
    return nullptr;
}

const OpDef& op(std::string_view name) {
    const OpDef* def = findOp(name);
    if (!def) throw std::logic_error("no op named " + std::string(name));
    return *def;
}

}  // namespace bp
