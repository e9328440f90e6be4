// SPDX-License-Identifier: GPL-3.0-or-later
// The gradient check reports what is true: non-finite gradients are failures (nan against nan is
// not agreement), a kink is named as a kink, and a large leaf is checked at a reported sample in
// time linear in its size (every entry with samplePerLeaf <= 0).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/language/parser.h"
#include "core/train/gradient_check.h"

namespace bp {
namespace {

std::vector<LeafCheck> check(const std::string& source, const CheckOptions& options = {}) {
    return checkGradients(parseProgram(source, "t.bpg"), options);
}

TEST(GradientCheckVerdicts, DivisionByZeroFailsAsNonFinite) {
    const auto checks = check("param a = 1\nparam b = 0\ny = a / b\n");
    ASSERT_EQ(checks.size(), 2u);
    for (const LeafCheck& c : checks) {
        EXPECT_FALSE(c.ok);
        EXPECT_EQ(c.nonFinite, 1);
        EXPECT_FALSE(std::isfinite(c.maxError)) << "an inf or nan error is not 'max error 0'";
    }
}

TEST(GradientCheckVerdicts, NanAgainstNanIsNotAgreement) {
    const auto checks = check("param a = -1\ny = sqrt(a)\n");
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_TRUE(std::isnan(checks[0].analytic(0)));
    EXPECT_TRUE(std::isnan(checks[0].numeric(0)));
    EXPECT_FALSE(checks[0].ok);
}

TEST(GradientCheckVerdicts, ReluAtZeroIsAKinkNotAFailure) {
    const auto checks = check("param a = [0, 1, -2]\ny = sum(relu(a))\n");
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_TRUE(checks[0].ok);
    ASSERT_EQ(checks[0].kinks.size(), 1u);
    EXPECT_EQ(checks[0].kinks[0].entry, 0);
    EXPECT_NEAR(checks[0].kinks[0].left, 0, 1e-9);
    EXPECT_NEAR(checks[0].kinks[0].right, 1, 1e-6);
}

TEST(GradientCheckVerdicts, AWrongValueBetweenNoSlopesStillFails) {
    const CheckOptions o;
    EXPECT_EQ(judgeEntry(2.0, 1.0, 1.0, 1.0, o), EntryVerdict::Disagrees);
    EXPECT_EQ(judgeEntry(0.5, 0.5, 0.0, 1.0, o), EntryVerdict::Agrees);
    EXPECT_EQ(judgeEntry(0.0, 0.5, 0.0, 1.0, o), EntryVerdict::Kink);
    EXPECT_EQ(judgeEntry(3.0, 0.5, 0.0, 1.0, o), EntryVerdict::Disagrees) << "outside the one-sided slopes";
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(judgeEntry(inf, inf, inf, inf, o), EntryVerdict::NonFinite);
}

TEST(GradientCheckSample, ALargeLeafIsCheckedAtAReportedSample) {
    std::string source = "param a = [0.5";
    for (int i = 1; i < 5000; ++i) source += ", " + std::to_string(i % 7) + ".5";
    source += "]\ny = sum(a * a)\n";
    CheckOptions options;
    options.samplePerLeaf = 100;
    options.sampleSeed = 7;
    long lastDone = -1, lastTotal = -1;
    options.progress = [&](long done, long total) { lastDone = done, lastTotal = total; };
    const auto checks = check(source, options);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_TRUE(checks[0].ok);
    EXPECT_EQ(checks[0].checked, 100);
    EXPECT_EQ(lastDone, 100);
    EXPECT_EQ(lastTotal, 100);
    long numeric = 0;
    for (Eigen::Index i = 0; i < checks[0].numeric.size(); ++i) numeric += std::isfinite(checks[0].numeric(i));
    EXPECT_EQ(numeric, 100) << "only the sampled entries have a numeric value";
    // The same seed samples the same entries; every entry with samplePerLeaf <= 0.
    const auto again = check(source, options);
    EXPECT_TRUE(again[0].numeric.array().isNaN().cwiseEqual(checks[0].numeric.array().isNaN()).all());
    options.samplePerLeaf = 0;
    options.progress = nullptr;
    EXPECT_EQ(check(source, options)[0].checked, 5000);
}

}  // namespace
}  // namespace bp
