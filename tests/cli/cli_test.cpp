// SPDX-License-Identifier: GPL-3.0-or-later
// The command line as a user runs it: the real executable, its exit status, its output.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

#include <nlohmann/json.hpp>
#include <onnx/onnx_pb.h>

#include "core/io/json_report.h"
#include "../core/test_support.h"
#include "cli_run.h"
#include "core/io/onnx_import.h"

namespace bp {
namespace {

namespace fs = std::filesystem;

using test::CliRun;
using test::writeTemp;

CliRun run(const std::string& args) { return test::runCli(args); }

nlohmann::json node(const nlohmann::json& report, const std::string& name) {
    for (const auto& n : report["nodes"])
        if (n["name"] == name) return n;
    ADD_FAILURE() << "no node " << name;
    return {};
}

TEST(Cli, ExamplesEvalToThePyTorchReference) {
    const auto ref = test::readJson(test::dataPath("seed-values.json"));
    for (const std::string name : {"chain-rule", "mlp-1-2-2", "vjp"}) {
        const CliRun source = run("examples " + name);
        ASSERT_EQ(source.status, 0);
        const fs::path file = writeTemp(name + ".bpg", source.out);
        const CliRun r = run("eval " + file.string() + " --json");
        ASSERT_EQ(r.status, 0) << r.err;
        const auto report = nlohmann::json::parse(r.out);
        for (const char* part : {"values", "grads"})
            for (const auto& [n, expected] : ref[name][part].items())
                EXPECT_TRUE(test::matrixNear(matrixFromJson(node(report, n)[part == std::string("values") ? "value" : "grad"]),
                                             matrixFromJson(expected), 1e-9))
                    << name << " " << part << " " << n;
    }
}

TEST(Cli, TrainOneStepGivesTheReferenceWeights) {
    const auto ref = test::readJson(test::dataPath("seed-values.json"))["mlp-1-2-2"]["after_one_sgd_step_lr_1"];
    const fs::path file = writeTemp("m.bpg", run("examples mlp-1-2-2").out);
    const CliRun r = run("train " + file.string() + " --steps 1 --lr 1 --json");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto report = nlohmann::json::parse(r.out);
    EXPECT_NEAR(report["loss"][0].get<double>(), 0.4998743766, 1e-10);
    for (const auto& [name, expected] : ref.items())
        EXPECT_TRUE(test::matrixNear(matrixFromJson(report["params"][name]), matrixFromJson(expected), 1e-9)) << name;
}

TEST(Cli, TraceOfChainRuleAddsTwoContributionsIntoB) {
    const fs::path file = writeTemp("c.bpg", run("examples chain-rule").out);
    const CliRun r = run("trace " + file.string() + " --json");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto trace = nlohmann::json::parse(r.out);
    std::vector<double> contributions;
    for (const auto& e : trace["backward"])
        if (e["to"] == "b") contributions.push_back(e["contribution"][0][0].get<double>());
    ASSERT_EQ(contributions.size(), 2u);
    EXPECT_DOUBLE_EQ(contributions[0] + contributions[1], 5.0);
    EXPECT_EQ(trace["backward"].size(), 6u);
    EXPECT_EQ(trace["forward"].size(), 3u);
}

TEST(Cli, SetAndSeedAndCheck) {
    const fs::path file = writeTemp("c2.bpg", run("examples chain-rule").out);
    const CliRun r = run("eval " + file.string() + " --set a=3 --seed 2 --json");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto report = nlohmann::json::parse(r.out);
    EXPECT_DOUBLE_EQ(node(report, "e")["value"][0][0].get<double>(), 8.0);  // (3+1)(1+1)
    EXPECT_DOUBLE_EQ(node(report, "b")["grad"][0][0].get<double>(), 12.0);  // 2·(2 + 4)
    EXPECT_EQ(run("check " + file.string()).status, 0);
    EXPECT_EQ(run("eval " + file.string() + " --set a=[1,2]").status, 2);
    EXPECT_EQ(run("eval " + file.string() + " --set nope=1").status, 2);
    EXPECT_EQ(run("eval " + file.string() + " --seed [1,2]").status, 2);
    EXPECT_EQ(run("frobnicate").status, 2);
    EXPECT_EQ(run("train " + file.string() + " --steps x --lr 1").status, 2);
}

TEST(Cli, NonFiniteNumbersAreStringsInJson) {
    const fs::path file = writeTemp("nf.bpg", "param x = 0\ny = log(x)\n");
    const CliRun r = run("eval " + file.string() + " --json");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto report = nlohmann::json::parse(r.out);
    EXPECT_EQ(node(report, "y")["value"][0][0], "-inf");
    EXPECT_EQ(node(report, "x")["grad"][0][0], "inf");
}

struct BadInput {
    std::string label;
    std::string content;
    std::string expected;  // part of the message
};

std::vector<BadInput> badInputs() {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) garbage.push_back(char((i * 7919 + 13) % 256));
    return {{"empty", "", "nothing to evaluate"},
            {"garbage", garbage, "error:"},
            {"unclosed", "input a = [1, 2\nb = a + 1\n", "to close '[' at 1:11"},
            {"unclosed_at_end", "x = (1 + (2\n", "never closed"},
            {"nested", "x = " + std::string(200000, '(') + "1" + std::string(200000, ')') + "\n", "nesting deeper"},
            {"long_line", "input a = [" + [] {
                 std::string s;
                 for (int i = 0; i < 400000; ++i) s += (i ? ", " : "") + std::to_string(i % 97) + ".5";
                 return s;
             }() + "]\nb = sum(a) + q\n", "unknown name 'q'"},
            {"ragged", "input a = [[1, 2], [3]]\nb = a * 2\n", "ragged"},
            {"unknown_name", "input a = 1\nb = a + c\n", "unknown name 'c'"},
            {"shape_mismatch", "input a = [1, 2]\ninput b = [1, 2, 3]\nc = a + b\n", "2x1"},
            {"vector_root", "input a = [1, 2]\nb = a * 2\n", "needs a seed"}};
}

TEST(Cli, BadInputEndsWithStatusTwoAndAMessage) {
    for (const BadInput& bad : badInputs()) {
        const fs::path file = writeTemp(bad.label + ".bpg", bad.content);
        const CliRun r = run("eval " + file.string());
        EXPECT_EQ(r.status, 2) << bad.label;
        EXPECT_NE(r.err.find(bad.expected), std::string::npos) << bad.label << ": " << r.err.substr(0, 300);
        EXPECT_NE(r.err.find(file.filename().string()), std::string::npos) << bad.label << " names the file";
        EXPECT_TRUE(r.out.empty()) << bad.label;
    }
    EXPECT_EQ(run("eval /nonexistent/file.bpg").status, 2);
}

// Standard input: `-` is read whole and its format recognised from the content.
TEST(Cli, StandardInputIsReadInAnyFormat) {
    const fs::path bpg = writeTemp("stdin-chain.bpg", run("examples chain-rule").out);
    const CliRun text = run("eval - --json < " + bpg.string());
    ASSERT_EQ(text.status, 0) << text.err;
    EXPECT_EQ(node(nlohmann::json::parse(text.out), "b")["grad"], nlohmann::json::parse("[[5.0]]"));

    const fs::path json = bpg.parent_path() / "stdin-chain.json";
    ASSERT_EQ(run("convert " + bpg.string() + " -o " + json.string()).status, 0);
    const CliRun document = run("eval - --json < " + json.string());
    ASSERT_EQ(document.status, 0) << document.err;
    EXPECT_EQ(node(nlohmann::json::parse(document.out), "e")["value"], nlohmann::json::parse("[[6.0]]"));

    const CliRun onnx = run("eval - < " + test::dataPath("onnx/gemm_tanh.onnx"));
    EXPECT_EQ(onnx.status, 0) << onnx.err;

    const CliRun bad = run("eval - < /dev/null");
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.err.find("<stdin>"), std::string::npos) << bad.err;

    const fs::path svg = bpg.parent_path() / "stdin-chain.svg";
    const CliRun render = run("render - -o " + svg.string() + " < " + json.string());
    ASSERT_EQ(render.status, 0) << render.err;
    EXPECT_NE(test::readFile(svg.string()).find("<svg"), std::string::npos);
}

// A model newer than the importer knows still opens, with a warning that names both opsets.
TEST(Cli, AnOnnxModelOfANewerOpsetLoadsWithAWarning) {
    onnx::ModelProto model;
    ASSERT_TRUE(model.ParseFromString(test::readFile(test::dataPath("onnx/gemm_tanh.onnx"))));
    for (auto& opset : *model.mutable_opset_import())
        if (opset.domain().empty() || opset.domain() == "ai.onnx") opset.set_version(99);
    const fs::path newer = writeTemp("opset99.onnx", model.SerializeAsString());
    const CliRun eval = run("eval " + newer.string());
    EXPECT_EQ(eval.status, 0) << eval.err;
    EXPECT_NE(eval.err.find("opset99.onnx: warning: the model declares ONNX opset 99; this program knows opsets up "
                            "to " + std::to_string(kNewestKnownOnnxOpset)),
              std::string::npos)
        << eval.err;
    const CliRun known = run("eval " + test::dataPath("onnx/gemm_tanh.onnx"));
    EXPECT_EQ(known.err.find("warning"), std::string::npos) << known.err;
}

TEST(Cli, ExtensionsAreMatchedInAnyCase) {
    const fs::path upper = writeTemp("MLP.ONNX", test::readFile(test::dataPath("onnx/gemm_tanh.onnx")));
    const CliRun onnx = run("eval " + upper.string());
    EXPECT_EQ(onnx.status, 0) << onnx.err;
    const fs::path bpg = writeTemp("CHAIN.BPG", run("examples chain-rule").out);
    const fs::path json = bpg.parent_path() / "CHAIN.JSON";
    ASSERT_EQ(run("convert " + bpg.string() + " -o " + json.string()).status, 0);
    const CliRun document = run("eval " + json.string() + " --json");
    ASSERT_EQ(document.status, 0) << document.err;
    EXPECT_EQ(node(nlohmann::json::parse(document.out), "e")["value"], nlohmann::json::parse("[[6.0]]"));
}

// torch.save writes a zip archive (or, in its legacy format, a pickle): weights without the graph.
TEST(Cli, APyTorchCheckpointSaysHowToBringTheModelIn) {
    const std::string zip = std::string("PK\x03\x04", 4) + std::string(60, '\0');
    const std::string pickle = std::string("\x80\x02\x8a\x0a", 4) + std::string(60, '\x03');
    for (const auto& [name, content] : {std::pair{std::string("model.pt"), zip}, {"model.pth", pickle},
                                        {"weights.bin", zip}, {"legacy.ckpt", pickle}}) {
        const fs::path file = writeTemp(name, content);
        const CliRun r = run("eval " + file.string());
        EXPECT_EQ(r.status, 2) << name;
        EXPECT_NE(r.err.find(file.string() + ": error: this is a PyTorch checkpoint"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("backprop_studio"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("torch.onnx.export"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("unexpected character"), std::string::npos) << r.err;
    }
    const CliRun piped = run("eval - < " + writeTemp("piped.pt", zip).string());
    EXPECT_EQ(piped.status, 2);
    EXPECT_NE(piped.err.find("<stdin>: error: this is a PyTorch checkpoint"), std::string::npos) << piped.err;
}

}  // namespace
}  // namespace bp
