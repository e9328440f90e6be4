// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The gradient check: every leaf's analytic gradient beside central finite differences of
//   f(x) = Σ seed ∘ root(x),  ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h.
#include <vector>

#include "core/graph/program.h"

namespace bp {

struct LeafCheck {
    NodeId leaf = -1;
    Matrix analytic;
    Matrix numeric;
    double maxError = 0;  // the largest |analytic − numeric| over the entries
    bool ok = true;
};

struct CheckOptions {
    double relativeStep = 1e-6;  // h = relativeStep · max(1, |xᵢ|)
    double absTolerance = 1e-6;
    double relTolerance = 1e-4;  // entry passes when |a − n| <= abs + rel·max(|a|, |n|)
};

std::vector<LeafCheck> checkGradients(const Program& program, const CheckOptions& options = {});

}  // namespace bp
