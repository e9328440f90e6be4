// SPDX-License-Identifier: GPL-3.0-or-later
// Chinese names through the real program: .bpg -> convert .json -> convert .bpg -> convert .py,
// the script run by /usr/bin/python3 with PyTorch printing the values and gradients `eval` prints
// for the first file; a document's Chinese label kept by convert to .bpg.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "../core/test_support.h"
#include "core/io/json_report.h"
#include "cli_run.h"

namespace bp {
namespace {

namespace fs = std::filesystem;
using test::CliRun;
using test::writeTemp;

CliRun run(const std::string& args) { return test::runCli(args); }

constexpr const char* kGraph =
    "# 两层网络\n"
    "input 输入 = [1, 2]\n"
    "param 权重 = [[0.5, -1], [2, 0.25]]\n"
    "param 偏置 = [0.1, -0.2]\n"
    "const 目标 = [1, 0]\n"
    "隐藏层 = tanh(权重 @ 输入 + 偏置)\n"
    "输出 = sigmoid(隐藏层)\n"
    "损失 = mse(输出, 目标)\n";

bool torchAvailable() { return std::system("/usr/bin/python3 -c 'import torch' > /dev/null 2>&1") == 0; }

TEST(ChineseNames, RoundTripThroughJsonBpgAndPyTorch) {
    const fs::path bpg = writeTemp("网络.bpg", kGraph);
    const fs::path json = bpg.parent_path() / "网络.json";
    const fs::path again = bpg.parent_path() / "网络-again.bpg";
    const fs::path py = bpg.parent_path() / "网络.py";
    for (const auto& [from, to] : {std::pair{bpg, json}, {json, again}, {again, py}}) {
        const CliRun c = run("convert '" + from.string() + "' -o '" + to.string() + "'");
        ASSERT_EQ(c.status, 0) << c.err;
    }
    EXPECT_NE(test::readFile(json.string()).find("\"name\":\"损失\""), std::string::npos);
    const std::string text = test::readFile(again.string());
    EXPECT_NE(text.find("隐藏层 = tanh(权重 @ 输入 + 偏置)"), std::string::npos) << text;
    EXPECT_NE(text.find("损失 = mse(输出, 目标)"), std::string::npos) << text;

    const CliRun eval = run("eval '" + bpg.string() + "' --json");
    ASSERT_EQ(eval.status, 0) << eval.err;
    const nlohmann::json engine = nlohmann::json::parse(eval.out);
    if (!torchAvailable()) GTEST_SKIP() << "python3-torch is not installed: the script cannot be run";
    const fs::path out = bpg.parent_path() / "网络.out";
    ASSERT_EQ(std::system(("/usr/bin/python3 '" + py.string() + "' --json > '" + out.string() + "'").c_str()), 0);
    const nlohmann::json torch = nlohmann::json::parse(test::readFile(out.string()));
    int compared = 0;
    for (const auto& n : engine["nodes"]) {
        const std::string name = n["name"];
        if (name[0] == '%') continue;
        ASSERT_TRUE(torch["values"].contains(name)) << name << " is missing from the script's output";
        const Matrix expected = matrixFromJson(n["value"]), actual = matrixFromJson(torch["values"][name]);
        ASSERT_EQ(actual.size(), expected.size()) << name;
        for (Eigen::Index i = 0; i < expected.size(); ++i) EXPECT_NEAR(actual(i), expected(i), 1e-9) << name;
        if (!torch["grads"].contains(name)) continue;
        const Matrix grad = matrixFromJson(torch["grads"][name]), engineGrad = matrixFromJson(n["grad"]);
        for (Eigen::Index i = 0; i < grad.size(); ++i) EXPECT_NEAR(grad(i), engineGrad(i), 1e-9) << name;
        ++compared;
    }
    EXPECT_GE(compared, 6);  // 输入 权重 偏置 隐藏层 输出 损失
}

TEST(ChineseNames, ADocumentsLabelSurvivesConvertToBpg) {
    const fs::path bpg = writeTemp("label.bpg", "input x = 2\nh = x * 3\nl = h + 1\n");
    const fs::path json = bpg.parent_path() / "label.json";
    ASSERT_EQ(run("convert " + bpg.string() + " -o " + json.string()).status, 0);
    nlohmann::json document = nlohmann::json::parse(test::readFile(json.string()));
    int labelled = 0;
    for (auto& n : document["nodes"])
        if (n["name"] == "h") n["label"] = "隐藏层", ++labelled;
    ASSERT_EQ(labelled, 1);
    const fs::path labelledFile = writeTemp("labelled.json", document.dump(1));
    const fs::path out = bpg.parent_path() / "labelled.bpg";
    const CliRun c = run("convert " + labelledFile.string() + " -o " + out.string());
    ASSERT_EQ(c.status, 0) << c.err;
    const std::string text = test::readFile(out.string());
    EXPECT_NE(text.find("隐藏层 = x * 3"), std::string::npos) << text;
    EXPECT_NE(text.find("l = 隐藏层 + 1"), std::string::npos) << text;
}

}  // namespace
}  // namespace bp
