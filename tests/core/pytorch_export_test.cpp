// SPDX-License-Identifier: GPL-3.0-or-later
// The generated PyTorch script: its text reads as a student would write it, and, run with
// /usr/bin/python3 and Debian's python3-torch, it prints the same values and gradients as the
// engine (to 1e-9) for the shipped examples, every golden graph and a few awkward cases.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>

#include "core/io/document_json.h"
#include "core/io/pytorch_export.h"
#include "core/language/parser.h"
#include "core/ops/op_table.h"
#include "core/trace/evaluation.h"
#include "test_support.h"

namespace bp {
namespace {

namespace fs = std::filesystem;

const char* const kPython = "/usr/bin/python3";

bool pythonHasTorch() {
    static const bool has = [] {
        const std::string command = std::string(kPython) + " -c 'import torch' > /dev/null 2>&1";
        return fs::exists(kPython) && std::system(command.c_str()) == 0;
    }();
    return has;
}

#define REQUIRE_TORCH()                                                                              \
    if (!pythonHasTorch())                                                                           \
    GTEST_SKIP() << "python3-torch is not installed (/usr/bin/python3 cannot import torch): "       \
                    "the generated scripts cannot be run"

// A scratch directory for this test process, removed when the tests end.
fs::path scratchDir() {
    static const fs::path dir = fs::temp_directory_path() / ("bps-pytorch-test-" + std::to_string(getpid()));
    fs::create_directories(dir);
    return dir;
}

struct RemoveScratch : ::testing::Environment {
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(fs::temp_directory_path() / ("bps-pytorch-test-" + std::to_string(getpid())), ignored);
    }
};
[[maybe_unused]] const auto* const kRemoveScratch = ::testing::AddGlobalTestEnvironment(new RemoveScratch);

std::string writeScratch(const std::string& name, const std::string& text) {
    const fs::path path = scratchDir() / name;
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return {};
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
    return path.string();
}

// Runs `python3 ARGS`, returns its exit status; stdout and stderr go to the given files.
int runPython(const std::string& args, const std::string& out, const std::string& err) {
    const std::string command = std::string(kPython) + " " + args + " > '" + out + "' 2> '" + err + "'";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// ---- the graphs --------------------------------------------------------------------------------

struct Case {
    std::string name;
    std::string source;  // .bpg text
    std::map<std::string, Matrix> set = {};  // leaf values that .bpg cannot spell (inf, nan)
};

std::vector<Case> extraCases() {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {
        {"reshape", "param A = [[1, 2, 3], [4, -5, 6]]\n"
                    "B = reshape(A, 3, 2)\n"
                    "C = reshape(A.T @ A, 1, 9)\n"
                    "l = sum(B @ A) + mean(C * C) / 100\n"},
        {"slice", "param A = [[1, 2, 3], [4, -5, 6]]\n"
                  "B = A[0:2, 1:]\n"
                  "C = A[-1]\n"
                  "l = sum(B * B) + sum(C) * A[0, 0] + sum((A.T @ A)[:, 2])\n"},
        // Python keywords and names the script itself uses
        {"python-names", "input lambda = [1, 2]\n"
                         "param torch = [[0.5, -1]]\n"
                         "param print = 2\n"
                         "lambda_ = torch @ lambda\n"
                         "None = sigmoid(lambda_ * print)\n"
                         "json = sum(None)\n"},
        // numbers on both sides, a bare alias, a const-only chain, a 1x1 seed that is not 1
        {"consts", "param x = [[1, -2], [3, 4]]\n"
                   "const k = [[2, 3]]\n"
                   "k2 = k * 2 - 1\n"
                   "three = 2 + 1\n"
                   "y = x\n"
                   "z = -(-y) / three + k2 - -1\n"
                   "l = sum(z * z) + mean(abs(x) + sqrt(x * x + 1))\n"
                   "backward l with 2.5\n"},
        // deeper than an inline expression may go: the exporter cuts it into temporaries
        {"deep-inline", [] {
             std::string s = "param x = [0.3, -0.2]\nl = sum(";
             for (int i = 0; i < 60; ++i) s += i % 2 ? "sigmoid(" : "tanh(";
             s += "x";
             for (int i = 0; i < 60; ++i) s += i % 3 ? ")" : " * 1.5)";
             return s + ")\n";
         }()},
        // a large anonymous literal, kept in a variable
        {"big-literal", "param w = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]\n"
                        "l = sum(w * [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [1, 2, 3, 4, 5], [6, 7, 8, 9, 10]] * 0.01)\n"},
        // Chinese names, as Python takes them
        {"chinese-names", "input 输入 = [1, 2]\n"
                          "param 权重 = [[0.5, -1], [2, 0.25]]\n"
                          "param 偏置 = [0.1, -0.2]\n"
                          "const 目标 = [1, 0]\n"
                          "隐藏层 = tanh(权重 @ 输入 + 偏置)\n"
                          "输出 = sigmoid(隐藏层)\n"
                          "损失 = mse(输出, 目标)\n"},
        // leaves that are not finite: written as float('inf') and float('nan')
        {"non-finite", "input a = [1, 2, 3]\nparam b = [[1, 2]]\nc = sigmoid(a @ b)\nd = relu(-a) * 0.5\nl = sum(c) + sum(d)\n",
         {{"a", (Matrix(3, 1) << inf, -inf, 1).finished()}, {"b", (Matrix(1, 2) << nan, 2).finished()}}},
    };
}

Program loadCase(const std::string& id) {
    const std::string kind = id.substr(0, id.find(':'));
    const std::string name = id.substr(id.find(':') + 1);
    if (kind == "example") return loadProgramFile(test::examplePath(name));
    if (kind == "golden") return loadProgramFile(test::dataPath("golden/" + name + ".bpg"));
    // A case taken .bpg -> JSON document -> .bpg before its script is written: the names survive.
    if (kind == "roundtrip") {
        const Program first = loadCase("extra:" + name);
        const DocumentFile doc = documentFromText(documentText(documentOf(first)), name + ".json");
        return parseProgram(writeProgram(doc.program), name + ".bpg");
    }
    for (const Case& c : extraCases()) {
        if (c.name != name) continue;
        Program p = parseProgram(c.source, c.name + ".bpg");
        for (const auto& [leaf, value] : c.set) p.graph.setLeafValue(p.graph.find(leaf), value);
        return p;
    }
    throw std::runtime_error("no test case " + id);
}

std::vector<std::string> caseIds() {
    std::vector<std::string> ids;
    for (const char* e : {"chain-rule", "mlp-1-2-2", "vjp", "deep-sigmoid", "xor"}) ids.push_back(std::string("example:") + e);
    std::vector<std::string> golden;
    for (const auto& entry : fs::directory_iterator(test::dataPath("golden")))
        if (entry.path().extension() == ".bpg") golden.push_back("golden:" + entry.path().stem().string());
    std::sort(golden.begin(), golden.end());
    ids.insert(ids.end(), golden.begin(), golden.end());
    for (const Case& c : extraCases()) ids.push_back("extra:" + c.name);
    ids.push_back("roundtrip:chinese-names");
    return ids;
}

// ---- running every script in one python process (importing torch takes seconds) ---------------

// Runs each script as `python3 SCRIPT --json` would, in one interpreter; per script, the parsed
// output or the error.
constexpr const char* kDriver = R"(import contextlib, io, json, runpy, sys, traceback
results = {}
for path in sys.argv[1:]:
    out = io.StringIO()
    sys.argv = [path, "--json"]
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(path, run_name="__main__")
        results[path] = {"output": json.loads(out.getvalue())}
    except BaseException:
        results[path] = {"error": traceback.format_exc()}
sys.stdout.write(json.dumps(results))
)";

class PyTorchRuns : public ::testing::TestWithParam<std::string> {
public:
    static void SetUpTestSuite() {
        if (!pythonHasTorch()) return;
        std::string args = "'" + writeScratch("driver.py", kDriver) + "'";
        for (const std::string& id : caseIds()) {
            std::string file = id;
            std::replace(file.begin(), file.end(), ':', '-');
            const std::string path = writeScratch(file + ".py", writePyTorchScript(loadCase(id)));
            paths_[id] = path;
            args += " '" + path + "'";
        }
        const std::string out = (scratchDir() / "results.json").string();
        const std::string err = (scratchDir() / "driver.err").string();
        driverStatus_ = runPython(args, out, err);
        try {
            results_ = nlohmann::json::parse(test::readFile(out));
        } catch (const std::exception& e) {
            driverError_ = std::string(e.what()) + "\n" + test::readFile(err);
        }
    }
protected:
    static inline std::map<std::string, std::string> paths_;
    static inline nlohmann::json results_;
    static inline int driverStatus_ = 0;
    static inline std::string driverError_;
};

// Within 1e-9, relative to the size of the expected entry (absolute below 1); nan matches nan.
::testing::AssertionResult agrees(const Matrix& actual, const Matrix& expected) {
    if (actual.rows() != expected.rows() || actual.cols() != expected.cols())
        return ::testing::AssertionFailure() << "shape " << actual.rows() << "x" << actual.cols() << ", expected "
                                             << expected.rows() << "x" << expected.cols();
    for (Eigen::Index i = 0; i < actual.size(); ++i) {
        const double a = actual(i), e = expected(i);
        if (std::isnan(e) ? std::isnan(a) : std::isinf(e) ? a == e : std::abs(a - e) <= 1e-9 * std::max(1.0, std::abs(e)))
            continue;
        return ::testing::AssertionFailure() << "entry " << i << ": PyTorch " << a << ", Backprop Studio " << e;
    }
    return ::testing::AssertionSuccess();
}

// Whether PyTorch tracks the node's gradient: it depends on an input or a param.
std::vector<bool> trackedNodes(const Graph& g) {
    std::vector<bool> tracked(static_cast<std::size_t>(g.size()));
    for (NodeId id = 0; id < g.size(); ++id) {
        const Node& n = g.node(id);
        bool t = n.kind == NodeKind::Input || n.kind == NodeKind::Param;
        for (std::size_t slot = 0; slot < n.inputs.size(); ++slot)  // detach, class indices: untracked
            t = t || (tracked[static_cast<std::size_t>(n.inputs[slot])] && passesGradient(*n.op, int(slot)));
        tracked[static_cast<std::size_t>(id)] = t;
    }
    return tracked;
}

TEST_P(PyTorchRuns, PrintsTheEngineNumbers) {
    REQUIRE_TORCH();
    ASSERT_TRUE(driverError_.empty()) << "the python driver failed (status " << driverStatus_ << "): " << driverError_;
    const auto& result = results_.at(paths_.at(GetParam()));
    ASSERT_FALSE(result.contains("error")) << paths_.at(GetParam()) << ":\n" << result["error"].get<std::string>();
    const auto& output = result["output"];

    const Program p = loadCase(GetParam());
    const Evaluation e = evaluate(p);
    const std::vector<bool> tracked = trackedNodes(p.graph);
    int named = 0, withGrad = 0;
    for (NodeId id = 0; id < p.graph.size(); ++id) {
        const Node& n = p.graph.node(id);
        if (!n.named) continue;
        ++named;
        ASSERT_TRUE(output["values"].contains(n.name())) << n.name();
        EXPECT_TRUE(agrees(matrixFromJson(output["values"][n.name()]), e.values[id])) << "value of " << n.name();
        ASSERT_EQ(output["grads"].contains(n.name()), tracked[id]) << n.name();
        if (!tracked[id]) continue;
        ++withGrad;
        EXPECT_TRUE(agrees(matrixFromJson(output["grads"][n.name()]), e.grads[id])) << "grad of " << n.name();
    }
    EXPECT_EQ(output["values"].size(), std::size_t(named));
    EXPECT_GT(withGrad, 0);
}

INSTANTIATE_TEST_SUITE_P(AllGraphs, PyTorchRuns, ::testing::ValuesIn(caseIds()), [](const auto& info) {
    std::string name = info.param;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
});

// ---- the script as a student reads and runs it ---------------------------------------------------

bool hasLine(const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos;
}

TEST(PyTorchScript, ChainRuleReadsLikeTheLecture) {
    const std::string s = writePyTorchScript(loadProgramFile(test::examplePath("chain-rule")));
    EXPECT_TRUE(hasLine(s, "torch.set_default_dtype(torch.float64)  # double precision, as Backprop Studio")) << s;
    EXPECT_TRUE(hasLine(s, "a = torch.tensor([[2.0]], requires_grad=True)")) << s;
    EXPECT_TRUE(hasLine(s, "b = torch.tensor([[1.0]], requires_grad=True)")) << s;
    EXPECT_TRUE(hasLine(s, "c = a + b")) << s;
    EXPECT_TRUE(hasLine(s, "d = b + 1.0")) << s;
    EXPECT_TRUE(hasLine(s, "e = c * d")) << s;
    for (const char* node : {"c", "d", "e"}) EXPECT_TRUE(hasLine(s, std::string(node) + ".retain_grad()")) << node;
    EXPECT_FALSE(hasLine(s, "a.retain_grad()")) << "leaves keep .grad anyway";
    EXPECT_TRUE(hasLine(s, "e.backward()")) << s;
    EXPECT_NE(s.find("report({\"a\": a, \"b\": b, \"c\": c, \"d\": d, \"e\": e})"), std::string::npos) << s;
    // The forward pass comes before the backward pass, which comes before the report.
    EXPECT_LT(s.find("\ne = c * d"), s.find("\ne.backward()"));
    EXPECT_LT(s.find("\ne.backward()"), s.find("\nreport("));
}

TEST(PyTorchScript, OperatorsAsPyTorchSpellsThem) {
    const std::string mlp = writePyTorchScript(loadProgramFile(test::examplePath("mlp-1-2-2")));
    EXPECT_TRUE(hasLine(mlp, "w2 = torch.tensor([[3.0, 4.0], [5.0, 6.0]], requires_grad=True)")) << mlp;
    EXPECT_TRUE(hasLine(mlp, "target = torch.tensor([[1.0], [0.0]])")) << mlp;
    EXPECT_TRUE(hasLine(mlp, "z1 = w1 @ x")) << mlp;
    // the leaves grouped by kind, each group under its comment
    EXPECT_LT(mlp.find("\n# Inputs"), mlp.find("\nx = "));
    EXPECT_LT(mlp.find("\nx = "), mlp.find("\n# Params"));
    EXPECT_LT(mlp.find("\n# Params"), mlp.find("\nw1 = "));
    EXPECT_LT(mlp.find("\nw2 = "), mlp.find("\n# Consts"));
    EXPECT_LT(mlp.find("\n# Consts"), mlp.find("\ntarget = "));
    EXPECT_TRUE(hasLine(mlp, "y1 = torch.sigmoid(z1)")) << mlp;
    EXPECT_TRUE(hasLine(mlp, "loss = ((y2 - target) ** 2).mean().reshape(1, 1)")) << mlp;

    const std::string vjp = writePyTorchScript(loadProgramFile(test::dataPath("golden/vjp-seed.bpg")));
    EXPECT_TRUE(hasLine(vjp, "l = t.T @ z")) << vjp;
    EXPECT_TRUE(hasLine(vjp, "t.backward(torch.tensor([[7.0], [8.0], [9.0]]))")) << vjp;

    const std::string neg = writePyTorchScript(parseProgram("param x = [1, 2]\na = -x ^ 2\nb = (-x) ^ 2\n"
                                                            "c = x - -x\nd = -(x * x)\nl = sum(relu(a + b + c + d))\n"));
    EXPECT_TRUE(hasLine(neg, "a = -x ** 2")) << neg;  // Python's ** binds tighter than -, as .bpg's ^
    EXPECT_TRUE(hasLine(neg, "b = (-x) ** 2")) << neg;
    EXPECT_TRUE(hasLine(neg, "c = x - -x")) << neg;
    EXPECT_TRUE(hasLine(neg, "d = -(x * x)")) << neg;
    EXPECT_TRUE(hasLine(neg, "l = torch.relu(a + b + c + d).sum().reshape(1, 1)")) << neg;
}

TEST(PyTorchScript, NamesPythonCannotTakeGetASuffix) {
    EXPECT_EQ(pythonIdentifier("lambda"), "lambda_");
    EXPECT_EQ(pythonIdentifier("None"), "None_");
    EXPECT_EQ(pythonIdentifier("torch"), "torch_");
    EXPECT_EQ(pythonIdentifier("w1"), "w1");
    const std::string s = writePyTorchScript(loadCase("extra:python-names"));
    EXPECT_TRUE(hasLine(s, "torch_ = torch.tensor([[0.5, -1.0]], requires_grad=True)")) << s;
    // the user's own `lambda_` keeps its name, so the keyword one moves on to lambda__2
    EXPECT_TRUE(hasLine(s, "lambda__2 = torch.tensor([[1.0], [2.0]], requires_grad=True)")) << s;
    EXPECT_TRUE(hasLine(s, "lambda_ = torch_ @ lambda__2")) << s;
    EXPECT_TRUE(hasLine(s, "None_ = torch.sigmoid(lambda_ * print_)")) << s;
    EXPECT_NE(s.find("\"lambda\": lambda__2"), std::string::npos) << s;
    EXPECT_NE(s.find("\"None\": None_"), std::string::npos) << s;
}

TEST(PyTorchScript, NonFiniteLeavesAndLargeLiterals) {
    const std::string s = writePyTorchScript(loadCase("extra:non-finite"));
    EXPECT_TRUE(hasLine(s, "a = torch.tensor([[float('inf')], [float('-inf')], [1.0]], requires_grad=True)")) << s;
    EXPECT_TRUE(hasLine(s, "b = torch.tensor([[float('nan'), 2.0]], requires_grad=True)")) << s;

    const std::string big = writePyTorchScript(loadCase("extra:big-literal"));
    EXPECT_NE(big.find("tmp1 = torch.tensor([[1.0, 2.0, 3.0, 4.0, 5.0],\n"), std::string::npos) << big;
    EXPECT_LT(big.find("\n# Consts: PyTorch gives them no .grad.\n"), big.find("\ntmp1 = ")) << big;
}

TEST(PyTorchScript, EveryOpHasASpelling) {
    for (const OpDef& op : allOps()) EXPECT_TRUE(hasPyTorchSpelling(op.name)) << op.name;
    EXPECT_FALSE(hasPyTorchSpelling("softmax_without_a_row"));
}

// The human-readable output, from `python3 script.py` exactly as a student runs it.
TEST(PyTorchScript, RunsStandaloneAndPrintsTheLoss) {
    REQUIRE_TORCH();
    const std::string script =
        writeScratch("standalone-mlp.py", writePyTorchScript(loadProgramFile(test::examplePath("mlp-1-2-2"))));
    const std::string out = (scratchDir() / "standalone.out").string();
    const std::string err = (scratchDir() / "standalone.err").string();
    ASSERT_EQ(runPython("'" + script + "'", out, err), 0) << test::readFile(err);
    const std::string printed = test::readFile(out);
    EXPECT_NE(printed.find("loss = tensor([[0.4998743766]])"), std::string::npos) << printed;
    EXPECT_NE(printed.find("loss.grad = tensor([[1.]])"), std::string::npos) << printed;
    EXPECT_NE(printed.find("w1.grad = tensor("), std::string::npos) << printed;
    EXPECT_NE(printed.find("target = tensor([[1.],\n        [0.]])"), std::string::npos) << printed;
    EXPECT_EQ(printed.find("target.grad"), std::string::npos) << "a const has no gradient in PyTorch";
}

}  // namespace
}  // namespace bp
