// SPDX-License-Identifier: GPL-3.0-or-later
// Numbers for people: a change is shown with as many digits as it takes to see it.
#include <gtest/gtest.h>

#include "core/text/number_format.h"

namespace bp {
namespace {

TEST(NumberFormat, DigitsToTellApartShowTheChangeOfOneSgdStep) {
    // mlp-1-2-2's loss before and after one step with lr = 1 (train --steps 1 --lr 1): Δ ≈ −4.4e-08.
    const double before = 0.49987437659875394, after = 0.4998743328872585;
    EXPECT_EQ(formatNumber(before, 6), formatNumber(after, 6));
    const int digits = digitsToTellApart(before, after);
    EXPECT_EQ(digits, 7);
    EXPECT_NE(formatNumber(before, digits), formatNumber(after, digits));
    EXPECT_EQ(digitsToTellApart(1.0, 2.0), 6) << "never fewer than the minimum";
    EXPECT_EQ(digitsToTellApart(0.5, 0.5), 17) << "equal numbers: every digit";
}

}  // namespace
}  // namespace bp
