// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/option_values.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace bp::cli {

// A whole number in [min, max], written as one ("2.7", "nan", "1e3" are refused).
CLI::Validator wholeNumber(long long min, long long max) {
    const std::string range = "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    return CLI::Validator(
        [=](std::string& text) -> std::string {
            errno = 0;
            char* end = nullptr;
            const long long v = std::strtoll(text.c_str(), &end, 10);
            if (text.empty() || *end != '\0' || errno == ERANGE || v < min || v > max)
                return "needs " + range + ", not '" + text + "'";
            return {};
        },
        "INT", "whole number");
}

// A finite number with min <= x (min < x when minExclusive) and x <= max.
CLI::Validator finiteNumber(double min, double max, bool minExclusive, const std::string& why) {
    auto print = [](double v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
        return s;
    };
    const std::string range = std::string(minExclusive ? "greater than " : "at least ") + print(min) +
                              (std::isinf(max) ? "" : " and at most " + print(max));
    return CLI::Validator(
        [=](std::string& text) -> std::string {
            errno = 0;
            char* end = nullptr;
            const double v = std::strtod(text.c_str(), &end);
            if (text.empty() || *end != '\0') return "needs a number, not '" + text + "'";
            if (!std::isfinite(v)) return "needs a finite number, not '" + text + "'";
            if (v < min || (minExclusive && v == min) || v > max)
                return "needs a number " + range + why + ", not '" + text + "'";
            return {};
        },
        "NUMBER", "finite number");
}

CLI::Validator nameEqualsLiteral() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            const auto eq = text.find('=');
            if (eq == std::string::npos || eq == 0) return "needs NAME=LITERAL, not '" + text + "'";
            return {};
        },
        "NAME=LITERAL", "assignment");
}

}  // namespace bp::cli
