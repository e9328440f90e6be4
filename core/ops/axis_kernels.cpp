// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ops/axis_kernels.h"

#include <cmath>
#include <limits>

namespace bp::kernels {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

// x arranged so that the lines along `axis` are its columns (column-major: contiguous).
Matrix asColumns(const Matrix& x, int axis) { return axis == 0 ? x : Matrix(x.transpose()); }
Matrix fromColumns(Matrix m, int axis) { return axis == 0 ? m : Matrix(m.transpose()); }

// The largest entry of a line; nan if any entry is nan (as PyTorch's max).
double lineMax(const double* p, Eigen::Index n) {
    double m = -std::numeric_limits<double>::infinity();
    for (Eigen::Index i = 0; i < n; ++i) {
        if (std::isnan(p[i])) return kNan;
        if (p[i] > m) m = p[i];
    }
    return m;
}

double lineMin(const double* p, Eigen::Index n) {
    double m = std::numeric_limits<double>::infinity();
    for (Eigen::Index i = 0; i < n; ++i) {
        if (std::isnan(p[i])) return kNan;
        if (p[i] < m) m = p[i];
    }
    return m;
}

// log Σ e^x over a line, shifted by its max (0 where the max is infinite, as PyTorch).
double lineLogSumExp(const double* p, Eigen::Index n) {
    double m = lineMax(p, n);
    if (std::isinf(m)) m = 0;
    double s = 0;
    for (Eigen::Index i = 0; i < n; ++i) s += std::exp(p[i] - m);
    return std::log(s) + m;
}

// log_softmax of one line into `out`.
void lineLogSoftmax(const double* p, Eigen::Index n, double* out) {
    const double m = lineMax(p, n);
    double s = 0;
    for (Eigen::Index i = 0; i < n; ++i) s += std::exp(p[i] - m);
    const double logSum = std::log(s);
    for (Eigen::Index i = 0; i < n; ++i) out[i] = p[i] - m - logSum;
}

}  // namespace

double stableSigmoid(double a) {
    if (a >= 0) return 1.0 / (1.0 + std::exp(-a));
    const double e = std::exp(a);
    return e / (1.0 + e);
}

Matrix softmax(const Matrix& x, int axis) {
    Matrix c = asColumns(x, axis);
    for (Eigen::Index j = 0; j < c.cols(); ++j) {
        double* p = c.col(j).data();
        const double m = lineMax(p, c.rows());
        double s = 0;
        for (Eigen::Index i = 0; i < c.rows(); ++i) s += (p[i] = std::exp(p[i] - m));
        for (Eigen::Index i = 0; i < c.rows(); ++i) p[i] /= s;
    }
    return fromColumns(std::move(c), axis);
}

Matrix logSoftmax(const Matrix& x, int axis) {
    const Matrix c = asColumns(x, axis);
    Matrix out(c.rows(), c.cols());
    for (Eigen::Index j = 0; j < c.cols(); ++j) lineLogSoftmax(c.col(j).data(), c.rows(), out.col(j).data());
    return fromColumns(std::move(out), axis);
}

Matrix logSumExp(const Matrix& x, int axis) {
    const Matrix c = asColumns(x, axis);
    Matrix out(1, c.cols());
    for (Eigen::Index j = 0; j < c.cols(); ++j) out(0, j) = lineLogSumExp(c.col(j).data(), c.rows());
    return fromColumns(std::move(out), axis);
}

Matrix sumAlong(const Matrix& x, int axis) {
    if (axis == 0) return x.colwise().sum();
    return x.rowwise().sum();
}

Matrix extremeAlong(const Matrix& x, int axis, Extreme which) {
    const Matrix c = asColumns(x, axis);
    Matrix out(1, c.cols());
    for (Eigen::Index j = 0; j < c.cols(); ++j)
        out(0, j) = which == Extreme::Max ? lineMax(c.col(j).data(), c.rows()) : lineMin(c.col(j).data(), c.rows());
    return fromColumns(std::move(out), axis);
}

Matrix spreadAlong(const Matrix& g, int axis, Shape shape) {
    if (axis == 0) return g.replicate(shape.rows, 1);
    return g.replicate(1, shape.cols);
}

Matrix extremeGradient(const Matrix& x, const Matrix& y, const Matrix& g, int axis) {
    if (axis < 0) {
        const double count = static_cast<double>((x.array() == y(0, 0)).count());
        return (x.array() == y(0, 0)).cast<double>() * (g(0, 0) / count);
    }
    const Matrix yFull = spreadAlong(y, axis, shapeOf(x));
    const Matrix mask = (x.array() == yFull.array()).cast<double>();
    const Matrix counts = sumAlong(mask, axis);
    return mask.cwiseProduct(spreadAlong(g.cwiseQuotient(counts), axis, shapeOf(x)));
}

long classIndex(double t, long classes) {
    if (!(t > -0.5 && t < static_cast<double>(classes) - 0.5)) return -1;
    return std::lround(t);
}

double crossEntropyIndices(const Matrix& z, const Matrix& t) {
    const Matrix logp = logSoftmax(z, 1);
    return nllIndices(logp, t);
}

Matrix crossEntropyIndicesGradient(const Matrix& z, const Matrix& t) {
    Matrix g = softmax(z, 1);
    for (Eigen::Index i = 0; i < z.rows(); ++i) {
        const long k = classIndex(t(i, 0), z.cols());
        if (k < 0) g.row(i).setConstant(kNan);
        else g(i, k) -= 1.0;
    }
    return g / static_cast<double>(z.rows());
}

double crossEntropyProbabilities(const Matrix& z, const Matrix& t) {
    return -logSoftmax(z, 1).cwiseProduct(t).sum() / static_cast<double>(z.rows());
}

Matrix crossEntropyProbabilitiesGradient(int slot, const Matrix& z, const Matrix& t) {
    const double n = static_cast<double>(z.rows());
    if (slot == 1) return -logSoftmax(z, 1) / n;
    const Matrix rowMass = t.rowwise().sum();
    return (softmax(z, 1).array().colwise() * rowMass.col(0).array() - t.array()).matrix() / n;
}

double nllIndices(const Matrix& logp, const Matrix& t) {
    double s = 0;
    for (Eigen::Index i = 0; i < logp.rows(); ++i) {
        const long k = classIndex(t(i, 0), logp.cols());
        s += k < 0 ? kNan : -logp(i, k);
    }
    return s / static_cast<double>(logp.rows());
}

Matrix nllIndicesGradient(const Matrix& logp, const Matrix& t) {
    Matrix g = Matrix::Zero(logp.rows(), logp.cols());
    const double n = static_cast<double>(logp.rows());
    for (Eigen::Index i = 0; i < logp.rows(); ++i) {
        const long k = classIndex(t(i, 0), logp.cols());
        if (k < 0) g.row(i).setConstant(kNan);
        else g(i, k) = -1.0 / n;
    }
    return g;
}

double bceWithLogits(const Matrix& a, const Matrix& t) {
    const auto loss = a.binaryExpr(t, [](double x, double y) {
        return std::max(x, 0.0) - x * y + std::log1p(std::exp(-std::abs(x)));
    });
    return loss.sum() / static_cast<double>(a.size());
}

Matrix bceWithLogitsGradient(int slot, const Matrix& a, const Matrix& t) {
    const double n = static_cast<double>(a.size());
    if (slot == 1) return -a / n;
    return (a.unaryExpr(&stableSigmoid) - t) / n;
}

Matrix oneHot(const Matrix& t, long classes) {
    Matrix out = Matrix::Zero(t.rows(), classes);
    for (Eigen::Index i = 0; i < t.rows(); ++i) {
        const long k = classIndex(t(i, 0), classes);
        if (k < 0) out.row(i).setConstant(kNan);
        else out(i, k) = 1.0;
    }
    return out;
}

Matrix concat(const Matrix& a, const Matrix& b, int axis) {
    Matrix out(axis == 0 ? a.rows() + b.rows() : a.rows(), axis == 0 ? a.cols() : a.cols() + b.cols());
    out << a, b;  // Eigen fills the block row by row: b goes beside a, or below it when a is full width
    return out;
}

Matrix concatPart(const Matrix& g, int slot, Shape first, Shape own, int axis) {
    const long rowStart = axis == 0 && slot == 1 ? first.rows : 0;
    const long colStart = axis == 1 && slot == 1 ? first.cols : 0;
    return g.block(rowStart, colStart, own.rows, own.cols);
}

}  // namespace bp::kernels
