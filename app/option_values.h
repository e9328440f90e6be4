// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The checks of option values (CLI11 validators): numbers where numbers belong, finite, in range,
// each refusal naming what was expected and what was given.
#include <CLI/CLI.hpp>
#include <string>

namespace bp::cli {

// A whole number in [min, max], written as one ("2.7", "nan", "1e3", "" are refused).
CLI::Validator wholeNumber(long long min, long long max);
// A finite number with min <= x (min < x when minExclusive) and x <= max (max may be infinite);
// `why` is added to the refusal of a number out of range.
CLI::Validator finiteNumber(double min, double max, bool minExclusive, const std::string& why = {});
// NAME=LITERAL with a NAME.
CLI::Validator nameEqualsLiteral();

}  // namespace bp::cli
