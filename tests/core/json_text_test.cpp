// SPDX-License-Identifier: GPL-3.0-or-later
// The command line's JSON text: laid out as nlohmann's dump(1), numbers written by std::to_chars
// that read back as the very same doubles.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "core/io/json_report.h"
#include "core/io/json_text.h"
#include "core/language/parser.h"
#include "core/trace/evaluation.h"
#include "test_support.h"

namespace bp {
namespace {

using nlohmann::json;

TEST(JsonText, LaysOutAsNlohmannDoesWithoutFloats) {
    const json j = {{"name", "w1 \"quoted\" \\ é 中"},
                    {"count", 3},
                    {"negative", -7},
                    {"big", std::numeric_limits<std::uint64_t>::max()},
                    {"ok", true},
                    {"none", nullptr},
                    {"empty list", json::array()},
                    {"empty object", json::object()},
                    {"rows", {{1, 2}, {3, 4}}},
                    {"nested", {{"a", {{"b", json::array({"x", false})}}}}}};
    EXPECT_EQ(jsonText(j), j.dump(1));
    EXPECT_EQ(jsonText(j, 2), j.dump(2));
    EXPECT_EQ(jsonText(json::array()), "[]");
    EXPECT_EQ(jsonText(json("plain")), "\"plain\"");
}

TEST(JsonText, NumbersReadBackAsTheSameDoubles) {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> mantissa(-1, 1);
    std::uniform_int_distribution<int> exponent(-300, 300);
    json values = json::array();
    for (int i = 0; i < 2000; ++i) values.push_back(std::ldexp(mantissa(rng), exponent(rng)));
    for (double x : {0.0, -0.0, 1.0, 3.0, 0.1, 1e-5, 1e21, 123456789.0, std::numeric_limits<double>::denorm_min(),
                     std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest()})
        values.push_back(x);
    const json back = json::parse(jsonText(values));
    ASSERT_EQ(back.size(), values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        ASSERT_TRUE(back[i].is_number_float()) << i;  // a whole number stays a float ("3.0")
        EXPECT_EQ(back[i].get<double>(), values[i].get<double>()) << i;
        EXPECT_EQ(std::signbit(back[i].get<double>()), std::signbit(values[i].get<double>())) << i;
    }
    EXPECT_EQ(jsonText(json(3.0)), "3.0");
    EXPECT_EQ(jsonText(json(0.1)), "0.1");
    EXPECT_EQ(jsonText(json(-2.5)), "-2.5");
    // As nlohmann writes a number that is not finite (the reports write those as strings).
    EXPECT_EQ(jsonText(json(std::nan(""))), "null");
    EXPECT_EQ(jsonText(json(HUGE_VAL)), "null");
}

TEST(JsonText, ATraceReportReadsBackAsItWas) {
    const Program p = parseProgram(test::readFile(test::examplePath("mlp-1-2-2")), "mlp-1-2-2.bpg");
    const Evaluation e = evaluate(p);
    const json report = traceReport(p, e);
    EXPECT_EQ(json::parse(jsonText(report)), report);
}

}  // namespace
}  // namespace bp
