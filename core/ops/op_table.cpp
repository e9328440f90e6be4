// SPDX-License-Identifier: GPL-3.0-or-later
// The op table: every op's shape rule, forward and vector-Jacobian product side by side.
// Notation in the comments: G is the upstream gradient (the consumer's gradient), a and b the
// inputs, y the output; "∘" is the elementwise product.
#include "core/ops/op_table.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/ops/broadcast.h"

namespace bp {
namespace {

const Matrix& A(MatrixRefs in) { return *in[0]; }
const Matrix& B(MatrixRefs in) { return *in[1]; }

// ---- shape rules -------------------------------------------------------------------------------

bool sameShape(std::span<const Shape> in, const OpAttrs&, Shape& out, std::string&) {
    out = in[0];
    return true;
}

bool scalarShape(std::span<const Shape>, const OpAttrs&, Shape& out, std::string&) {
    out = {1, 1};
    return true;
}

bool broadcastShape(std::span<const Shape> in, const OpAttrs&, Shape& out, std::string& error) {
    auto shape = broadcastShapes(in[0], in[1]);
    if (!shape) {
        error = "shape mismatch: " + shapeText(in[0]) + " and " + shapeText(in[1]) +
                " do not broadcast (each dimension must be equal, or 1 in one of them)";
        return false;
    }
    out = *shape;
    return true;
}

bool mseShape(std::span<const Shape> in, const OpAttrs& attrs, Shape& out, std::string& error) {
    Shape ignored;
    if (!broadcastShape(in, attrs, ignored, error)) return false;
    out = {1, 1};
    return true;
}

bool matmulShape(std::span<const Shape> in, const OpAttrs&, Shape& out, std::string& error) {
    if (in[0].cols != in[1].rows) {
        error = "shape mismatch in matrix product: " + shapeText(in[0]) + " @ " + shapeText(in[1]) +
                " (the columns of the left, " + std::to_string(in[0].cols) + ", must equal the rows of the right, " +
                std::to_string(in[1].rows) + ")";
        return false;
    }
    out = {in[0].rows, in[1].cols};
    return true;
}

bool transposeShape(std::span<const Shape> in, const OpAttrs&, Shape& out, std::string&) {
    out = {in[0].cols, in[0].rows};
    return true;
}

bool reshapeShape(std::span<const Shape> in, const OpAttrs& attrs, Shape& out, std::string& error) {
    if (attrs.shape.rows <= 0 || attrs.shape.cols <= 0 || attrs.shape.size() != in[0].size()) {
        error = "cannot reshape " + shapeText(in[0]) + " to " + shapeText(attrs.shape) +
                " (the number of entries must stay the same)";
        return false;
    }
    out = attrs.shape;
    return true;
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
// ∂(a+b)/∂a = 1, ∂(a+b)/∂b = 1
void addVjp(int, MatrixRefs, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) { c = g; }

void subForward(MatrixRefs in, const OpAttrs&, Matrix& y) { binary(in, y, std::minus<double>()); }
// ∂(a-b)/∂a = 1, ∂(a-b)/∂b = -1
void subVjp(int slot, MatrixRefs, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    if (slot == 0) c = g;
    else c = -g;
}

// The operand in the output's shape: itself when it already has it.
Matrix expanded(const Matrix& m, const Matrix& y) { return sameSize(m, y) ? m : expandTo(m, shapeOf(y)); }

void mulForward(MatrixRefs in, const OpAttrs&, Matrix& y) { binary(in, y, std::multiplies<double>()); }
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
// ∂(-a)/∂a = -1
void negVjp(int, MatrixRefs, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) { c = -g; }

void matmulForward(MatrixRefs in, const OpAttrs&, Matrix& y) {
    y.resize(A(in).rows(), B(in).cols());
    y.noalias() = A(in) * B(in);
}
// y = A B: dA = G Bᵀ, dB = Aᵀ G
void matmulVjp(int slot, MatrixRefs in, const Matrix&, const Matrix& g, const OpAttrs&, Matrix& c) {
    if (slot == 0) {
        c.resize(A(in).rows(), A(in).cols());
        c.noalias() = g * B(in).transpose();
    } else {
        c.resize(B(in).rows(), B(in).cols());
        c.noalias() = A(in).transpose() * g;
    }
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
double stableSigmoid(double a) {
    if (a >= 0) return 1.0 / (1.0 + std::exp(-a));
    const double e = std::exp(a);
    return e / (1.0 + e);
}
void sigmoidForward(MatrixRefs in, const OpAttrs&, Matrix& y) { unary(in, y, stableSigmoid); }
// ∂σ(a)/∂a = σ(a)(1-σ(a)) = y(1-y)
void sigmoidVjp(int, MatrixRefs, const Matrix& y, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = g.array() * y.array() * (1.0 - y.array());
}

void tanhForward(MatrixRefs in, const OpAttrs&, Matrix& y) { unary(in, y, [](double a) { return std::tanh(a); }); }
// ∂tanh(a)/∂a = 1 - tanh² = 1 - y²
void tanhVjp(int, MatrixRefs, const Matrix& y, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = g.array() * (1.0 - y.array().square());
}

void expForward(MatrixRefs in, const OpAttrs&, Matrix& y) { unary(in, y, [](double a) { return std::exp(a); }); }
// ∂e^a/∂a = e^a = y
void expVjp(int, MatrixRefs, const Matrix& y, const Matrix& g, const OpAttrs&, Matrix& c) { c = g.cwiseProduct(y); }

void logForward(MatrixRefs in, const OpAttrs&, Matrix& y) { unary(in, y, [](double a) { return std::log(a); }); }
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
          {Arithmetic::Elementwise, "{a} + {b}", {"{G} ⊙ 1", "{G} ⊙ 1"}, [](int, double, double, double, double, const OpAttrs&) { return 1.0; }}},
    OpDef{"sub",       "−",       2, 0, broadcastShape, subForward,       subVjp,
          {"∂(a−b)/∂a = 1", "∂(a−b)/∂b = −1"}, infix("-", kSum), infix("-", kSum),
          {Arithmetic::Elementwise, "{a} − {b}", {"{G} ⊙ 1", "{G} ⊙ (−1)"}, [](int slot, double, double, double, double, const OpAttrs&) { return slot == 0 ? 1.0 : -1.0; }}},
    OpDef{"mul",       "×",       2, 0, broadcastShape, mulForward,       mulVjp,
          {"∂(a·b)/∂a = b", "∂(a·b)/∂b = a"}, infix("*", kProduct), infix("*", kProduct),
          {Arithmetic::Elementwise, "{a}·{b}", {"{G} ⊙ {b}", "{G} ⊙ {a}"}, [](int slot, double a, double b, double, double, const OpAttrs&) { return slot == 0 ? b : a; }}},
    OpDef{"div",       "÷",       2, 0, broadcastShape, divForward,       divVjp,
          {"∂(a/b)/∂a = 1/b", "∂(a/b)/∂b = −a/b²"}, infix("/", kProduct), infix("/", kProduct),
          {Arithmetic::Elementwise, "{a} / {b}", {"{G} ⊙ 1/{b}", "{G} ⊙ (−{a}/{b}²)"}, [](int slot, double a, double b, double, double, const OpAttrs&) { return slot == 0 ? 1.0 / b : -a / (b * b); }}},
    OpDef{"neg",       "−",       1, 0, sameShape,      negForward,       negVjp,
          {"∂(−a)/∂a = −1", ""}, kNegate, kNegate,
          {Arithmetic::Elementwise, "−{a}", {"{G} ⊙ (−1)", ""}, [](int, double, double, double, double, const OpAttrs&) { return -1.0; }}},
    OpDef{"matmul",    "@",       2, 0, matmulShape,    matmulForward,    matmulVjp,
          {"∂(AB)/∂A: G·Bᵀ", "∂(AB)/∂B: Aᵀ·G"}, infix("@", kProduct), {Form::Infix, "@", kProduct},
          {Arithmetic::MatMul, "{a} @ {b}", {"{G}·{b}ᵀ", "{a}ᵀ·{G}"}, nullptr}},
    OpDef{"pow",       "^",       1, 1, sameShape,      powForward,       powVjp,
          {"∂(aᵖ)/∂a = p·aᵖ⁻¹", ""}, {Form::Power, "^", kPower}, {Form::Power, "**", kPower},
          {Arithmetic::Elementwise, "{a}^{p}", {"{G} ⊙ {p}·{a}^({p} − 1)", ""}, [](int, double a, double, double, double, const OpAttrs& at) { return at.exponent == 0.0 ? 0.0 : at.exponent * std::pow(a, at.exponent - 1.0); }}},
    OpDef{"transpose", "ᵀ",       1, 0, transposeShape, transposeForward, transposeVjp,
          {"∂(aᵀ)/∂a: Gᵀ", ""}, method(".T"), method(".T"),
          {Arithmetic::Move, "{a}ᵀ", {"{G}ᵀ", ""}, nullptr}},
    OpDef{"sigmoid",   "σ",       1, 0, sameShape,      sigmoidForward,   sigmoidVjp,
          {"∂σ(a)/∂a = σ(a)(1−σ(a))", ""}, call("sigmoid"), call("torch.sigmoid"),
          {Arithmetic::Elementwise, "σ({a})", {"{G} ⊙ σ({a})(1 − σ({a}))", ""}, [](int, double, double, double y, double, const OpAttrs&) { return y * (1.0 - y); }}},
    OpDef{"tanh",      "tanh",    1, 0, sameShape,      tanhForward,      tanhVjp,
          {"∂tanh(a)/∂a = 1−tanh²(a)", ""}, call("tanh"), call("torch.tanh"),
          {Arithmetic::Elementwise, "tanh({a})", {"{G} ⊙ (1 − tanh²({a}))", ""}, [](int, double, double, double y, double, const OpAttrs&) { return 1.0 - y * y; }}},
    OpDef{"exp",       "exp",     1, 0, sameShape,      expForward,       expVjp,
          {"∂eᵃ/∂a = eᵃ", ""}, call("exp"), call("torch.exp"),
          {Arithmetic::Elementwise, "exp({a})", {"{G} ⊙ exp({a})", ""}, [](int, double, double, double y, double, const OpAttrs&) { return y; }}},
    OpDef{"log",       "log",     1, 0, sameShape,      logForward,       logVjp,
          {"∂log(a)/∂a = 1/a", ""}, call("log"), call("torch.log"),
          {Arithmetic::Elementwise, "log({a})", {"{G} ⊙ 1/{a}", ""}, [](int, double a, double, double, double, const OpAttrs&) { return 1.0 / a; }}},
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
    OpDef{"reshape",   "reshape", 1, 2, reshapeShape,   reshapeForward,   reshapeVjp,
          {"∂reshape(a)/∂a: G reshaped back", ""}, call("reshape"), method(".reshape"),
          {Arithmetic::Move, "reshape({a})", {"{G} reshaped back", ""}, nullptr}},
    OpDef{"identity",  "=",       1, 0, sameShape,      identityForward,  identityVjp,
          {"∂a/∂a = 1", ""}, call("identity"), method(".clone()"),
          {Arithmetic::Move, "{a}", {"{G}", ""}, nullptr}},
};

}  // namespace

std::span<const OpDef> allOps() { return kOps; }

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
