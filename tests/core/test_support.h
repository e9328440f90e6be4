// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the core tests: reading the committed data and comparing matrices.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/io/json_report.h"

namespace bp::test {

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline nlohmann::json readJson(const std::string& path) { return nlohmann::json::parse(readFile(path)); }

inline std::string dataPath(const std::string& relative) { return std::string(BPS_TEST_DATA) + "/" + relative; }
inline std::string examplePath(const std::string& name) { return std::string(BPS_EXAMPLES) + "/" + name + ".bpg"; }

// Every entry within `rel` relative (or 1e-300 absolute, for exact zeros) of the expected matrix.
inline ::testing::AssertionResult matrixNear(const Matrix& actual, const Matrix& expected, double rel) {
    if (actual.rows() != expected.rows() || actual.cols() != expected.cols())
        return ::testing::AssertionFailure() << "shape " << actual.rows() << "x" << actual.cols() << " vs "
                                             << expected.rows() << "x" << expected.cols();
    for (Eigen::Index i = 0; i < actual.size(); ++i) {
        const double a = actual(i), e = expected(i);
        if (std::abs(a - e) > rel * std::max(std::abs(e), 1e-12) + 1e-300)
            return ::testing::AssertionFailure() << "entry " << i << ": " << a << " vs " << e;
    }
    return ::testing::AssertionSuccess();
}

}  // namespace bp::test
