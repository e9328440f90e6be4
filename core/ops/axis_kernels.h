// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The arithmetic of the ops that work along one axis (softmax, log_softmax, logsumexp, the axis
// forms of sum/mean/max/min, concat) and of the classification losses, for the rows of the op
// table. Axis 0 runs down the rows (a reduction gives 1xn), axis 1 along each row (mx1), as
// PyTorch's dim on a 2-d tensor; reductions keep the reduced axis (keepdim=True).
// Numerically as PyTorch: the log-sum-exp trick everywhere a sum of exponentials is taken.
#include "core/graph/matrix.h"

namespace bp::kernels {

enum class Extreme { Max, Min };

// Each line along `axis` normalised: e^(x − max) / Σ e^(x − max).
Matrix softmax(const Matrix& x, int axis);
// x − max − log Σ e^(x − max).
Matrix logSoftmax(const Matrix& x, int axis);
// max + log Σ e^(x − max), reduced along `axis` (the max taken as 0 where it is infinite).
Matrix logSumExp(const Matrix& x, int axis);
// Σ, mean, max or min along `axis`.
Matrix sumAlong(const Matrix& x, int axis);
Matrix extremeAlong(const Matrix& x, int axis, Extreme which);
// g (reduced along `axis`) spread back over x's shape: each entry of a line gets its line's g.
Matrix spreadAlong(const Matrix& g, int axis, Shape shape);
// The gradient of a max/min reduction: each line's g split evenly among the entries equal to its
// extreme y (PyTorch's amax/amin); y reduced along `axis`, or 1x1 with axis = -1 (over everything).
Matrix extremeGradient(const Matrix& x, const Matrix& y, const Matrix& g, int axis);

// The class index that `t` stands for, or -1 when it is not one of 0..classes−1 (a target read
// from a matrix of doubles: rounded, so that a finite-difference nudge keeps the class).
long classIndex(double t, long classes);

// Cross-entropy of logits z (nxC) against class indices t (nx1), mean over the rows; nan for a row
// whose index is not a class.
double crossEntropyIndices(const Matrix& z, const Matrix& t);
// ∂/∂z: (softmax(z) − onehot(t)) / n.
Matrix crossEntropyIndicesGradient(const Matrix& z, const Matrix& t);
// Cross-entropy against class probabilities t (nxC): mean over rows of −Σ t ∘ log_softmax(z).
double crossEntropyProbabilities(const Matrix& z, const Matrix& t);
// ∂/∂z = (softmax(z)·Σₖ tₖ − t)/n for slot 0; ∂/∂t = −log_softmax(z)/n for slot 1.
Matrix crossEntropyProbabilitiesGradient(int slot, const Matrix& z, const Matrix& t);
// −mean over the rows of logp[i, t_i].
double nllIndices(const Matrix& logp, const Matrix& t);
Matrix nllIndicesGradient(const Matrix& logp, const Matrix& t);
// mean over all entries of max(a, 0) − a·t + log(1 + e^−|a|).
double bceWithLogits(const Matrix& a, const Matrix& t);
// ∂/∂a = (σ(a) − t)/n for slot 0; ∂/∂t = −a/n for slot 1.
Matrix bceWithLogitsGradient(int slot, const Matrix& a, const Matrix& t);
// Row i is the unit vector of class t_i (a row of nan when t_i is not a class).
Matrix oneHot(const Matrix& t, long classes);

// a and b side by side (axis 1) or a above b (axis 0); the gradient is g's part of each.
Matrix concat(const Matrix& a, const Matrix& b, int axis);
Matrix concatPart(const Matrix& g, int slot, Shape first, Shape own, int axis);

double stableSigmoid(double a);

}  // namespace bp::kernels
