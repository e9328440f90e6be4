// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The gradient check: every leaf's analytic gradient beside central finite differences of
//   f(x) = Σ seed ∘ root(x),  ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h.
// Each entry checked costs a forward pass of what depends on its leaf, so a large leaf is checked
// at a bounded sample of its entries (chosen by a seeded generator, reported) unless all are asked.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/graph/program.h"

namespace bp {

enum class EntryVerdict {
    Agrees,     // within the tolerance
    Kink,       // the one-sided slopes differ (relu at 0, abs at 0) and the analytic value lies
                // between them: a valid subgradient where no derivative exists
    NonFinite,  // the analytic or the numeric value is inf or nan: never agreement
    Disagrees,
};

struct KinkAt {
    long entry = 0;  // column-major index into the leaf
    double left = 0, right = 0;  // the one-sided slopes (f(x) − f(x − h)) / h and (f(x + h) − f(x)) / h
};

struct LeafCheck {
    NodeId leaf = -1;
    Matrix analytic;
    Matrix numeric;       // nan at entries that were not sampled
    double maxError = 0;  // the largest |analytic − numeric| over the checked entries; inf or nan when one is
    bool ok = true;       // no entry disagrees and none is non-finite
    long checked = 0;     // entries checked (all of them, or the sample)
    long nonFinite = 0;
    long disagreeing = 0;
    std::vector<KinkAt> kinks;
    std::vector<long> entries;           // the entries checked, column-major, ascending
    std::vector<EntryVerdict> verdicts;  // the verdict on each of them
};

struct CheckOptions {
    double relativeStep = 1e-6;  // h = relativeStep · max(1, |xᵢ|)
    double absTolerance = 1e-6;
    double relTolerance = 1e-4;  // entry passes when |a − n| <= abs + rel·max(|a|, |n|)
    long samplePerLeaf = 1000;   // a leaf with more entries is checked at this many; <= 0: all
    std::uint64_t sampleSeed = 1;
    // Called now and then with the entries checked so far and the total to check.
    std::function<void(long done, long total)> progress;
};

std::vector<LeafCheck> checkGradients(const Program& program, const CheckOptions& options = {});

// The verdict on one entry given its analytic value, the central difference and the one-sided
// slopes (exposed for the tests).
EntryVerdict judgeEntry(double analytic, double central, double left, double right, const CheckOptions& options);

}  // namespace bp
