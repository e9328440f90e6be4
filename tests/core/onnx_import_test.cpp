// SPDX-License-Identifier: GPL-3.0-or-later
// The ONNX importer against PyTorch: models exported by torch.onnx.export evaluate to PyTorch's
// numbers (tests/make_onnx_fixtures.py), and malformed files are refused with a message, fast.
#include <gtest/gtest.h>
#include <onnx/onnx_pb.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "core/io/onnx_import.h"
#include "core/io/onnx_names.h"
#include "core/ops/op_table.h"
#include "core/trace/evaluation.h"

namespace bp {
namespace {

using Clock = std::chrono::steady_clock;

const std::string kOnnxDir = std::string(BPS_TEST_DATA) + "/onnx/";

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const nlohmann::json& fixtures() {
    static const nlohmann::json j = nlohmann::json::parse(readBytes(kOnnxDir + "fixtures.json"));
    return j.at("fixtures");
}

// The representation under test: ONNX [..., r, c] is r x c, [n] the 1 x n row, [] 1x1.
Matrix matrixOf(const nlohmann::json& tensor) {
    const std::vector<long> dims = tensor.at("dims");
    const std::vector<double> values = tensor.at("values");
    const long rows = dims.size() >= 2 ? dims[dims.size() - 2] : 1;
    const long cols = dims.empty() ? 1 : dims.back();
    Matrix m(rows, cols);
    for (long r = 0; r < rows; ++r)
        for (long c = 0; c < cols; ++c) m(r, c) = values.at(static_cast<std::size_t>(r * cols + c));
    return m;
}

// The node imported from the ONNX tensor `onnxName`, or -1.
NodeId byOriginal(const Program& p, const std::string& onnxName) {
    for (const auto& [name, original] : p.originalNames)
        if (original == onnxName) return p.graph.find(name);
    return -1;
}

::testing::AssertionResult near(const Matrix& actual, const Matrix& expected, double tolerance) {
    if (actual.rows() != expected.rows() || actual.cols() != expected.cols())
        return ::testing::AssertionFailure() << "shape " << actual.rows() << "x" << actual.cols() << ", expected "
                                             << expected.rows() << "x" << expected.cols();
    for (Eigen::Index i = 0; i < actual.size(); ++i)
        if (!(std::abs(actual(i) - expected(i)) <= tolerance))
            return ::testing::AssertionFailure() << "entry " << i << " is " << actual(i) << ", expected " << expected(i);
    return ::testing::AssertionSuccess();
}

// The message of the LoadError that loading `bytes` throws, or "" if it loads.
std::string refusal(const std::string& bytes, const std::string& name, const OnnxLimits& limits = {}) {
    try {
        importOnnxBytes(bytes, name, limits);
    } catch (const LoadError& e) {
        return e.what();
    }
    return "";
}

// ---- models exported by PyTorch ------------------------------------------------------------------

class OnnxFixture : public ::testing::TestWithParam<std::string> {};

// Forward output and every gradient (seed of ones, as output.backward(torch.ones_like(output)))
// against PyTorch in float64 with the file's float32 weights: only summation order differs, so
// 1e-9 is loose; the issue asks for 1e-5.
TEST_P(OnnxFixture, MatchesPyTorch) {
    const nlohmann::json& fx = fixtures().at(GetParam());
    Program p = importOnnxFile(kOnnxDir + fx.at("file").get<std::string>());
    for (const auto& [name, tensor] : fx.at("inputs").items()) {
        const NodeId id = byOriginal(p, name);
        ASSERT_GE(id, 0) << name;
        EXPECT_EQ(p.graph.node(id).kind, NodeKind::Input);
        p.graph.setLeafValue(id, matrixOf(tensor));
    }
    // Each ONNX node's output names the node of its outermost op (a Constant read only at load
    // time, a target shape, has no node).
    onnx::ModelProto model;
    ASSERT_TRUE(model.ParseFromString(readBytes(kOnnxDir + fx.at("file").get<std::string>())));
    for (const onnx::NodeProto& n : model.graph().node()) {
        const NodeId id = byOriginal(p, n.output(0));
        if (n.op_type() == "Constant" && id < 0) continue;
        ASSERT_GE(id, 0) << n.output(0);
        EXPECT_TRUE(p.graph.node(id).named);
        const std::string& label = p.graph.node(id).label();  // short: no exporter's path or prefix
        EXPECT_EQ(label.find("onnx::"), std::string::npos) << label;
        EXPECT_NE(label.front(), '/') << label;
        EXPECT_EQ(p.graph.node(id).name(), onnx_io::identifierFor(label));  // no clashes in these files
    }
    const nlohmann::json& out = fx.at("output");
    EXPECT_EQ(p.originalNames.at(p.graph.node(p.root).name()), out.at("name").get<std::string>());
    const Matrix expected = matrixOf(out);
    EXPECT_TRUE(near(p.seed, Matrix::Ones(expected.rows(), expected.cols()), 0));
    const Evaluation e = evaluate(p);
    // Looser only where the file's float32 constants differ from the model's (the fixture says why).
    const double tolerance = fx.value("tolerance", 1e-9);
    EXPECT_TRUE(near(e.values[p.root], expected, tolerance)) << "output";
    for (const auto& [name, grad] : fx.at("grads").items()) {
        const NodeId id = byOriginal(p, name);
        ASSERT_GE(id, 0) << name;
        const NodeKind kind = grad.at("torch") == "input" ? NodeKind::Input : NodeKind::Param;
        EXPECT_EQ(p.graph.node(id).kind, kind) << name;
        EXPECT_TRUE(near(e.grads[id], matrixOf(grad), tolerance)) << "gradient of " << name;
    }
}

INSTANTIATE_TEST_SUITE_P(Exports, OnnxFixture,
                         ::testing::Values("model2", "gemm_tanh", "matmul_add_relu_3d", "flatten_reshape_transpose",
                                           "elementwise", "handmade", "softmax_classifier", "activations", "embedding",
                                           "norms", "batchnorm_training"));

TEST(OnnxImport, FixtureListIsComplete) { EXPECT_EQ(fixtures().size(), 11u); }

// Each exported graph becomes the ops the fixture script saw PyTorch export, in order (plus
// the helpers our 2-D ops need): the mapping did not silently drop or reorder nodes.
TEST(OnnxImport, ExportedOpsBecomeOurOps) {
    const Program p = importOnnxFile(kOnnxDir + "gemm_tanh.onnx");
    std::vector<std::string> ops;
    for (const Node& n : p.graph.nodes())
        ops.push_back(n.isLeaf() ? kindName(n.kind) : std::string(n.op->name));
    // Gemm(x, W, b, transB=1) = x @ Wᵀ + b; the transpose is an anonymous helper
    const std::vector<std::string> expected{"input", "param", "param", "param", "param",   "transpose", "matmul",
                                            "add",   "tanh",  "transpose", "matmul", "add",   "sigmoid"};
    EXPECT_EQ(ops, expected);
    const std::string outputName = fixtures().at("gemm_tanh").at("output").at("name");  // "8"
    EXPECT_EQ(p.graph.node(p.root).name(), "output");
    EXPECT_EQ(p.originalNames.at("output"), outputName);
}

// ---- the article's network -------------------------------------------------------------------------

// torch.onnx.export of nn.Linear(1,2,bias=False) / nn.Linear(2,2,bias=False) on a 1-D x stores each
// weight W as its transpose, the [in, out] matrix of MatMul(x, Wᵀ): initializer onnx::MatMul_9 is
// w1ᵀ = [[1, 2]] and onnx::MatMul_10 is w2ᵀ = [[3, 5], [4, 6]]. x, z1, y1, z2, y2 are ONNX 1-D
// tensors, our rows: z1 = x @ w1ᵀ is 1x2, the column w1 @ x of the mlp-1-2-2 example laid flat.
// So the gradients are those of mlp-1-2-2, transposed.
TEST(OnnxImport, ArticleModelGivesTheArticleNumbers) {
    Program p = importOnnxFile(kOnnxDir + "model2.onnx");
    const NodeId x = p.graph.find("x");     // onnx::MatMul_0
    const NodeId w1t = p.graph.find("w1");  // onnx::MatMul_9
    const NodeId w2t = p.graph.find("w2");  // onnx::MatMul_10
    ASSERT_GE(x, 0);
    ASSERT_GE(w1t, 0);
    ASSERT_GE(w2t, 0);
    EXPECT_EQ(p.graph.node(x).kind, NodeKind::Input);
    EXPECT_EQ(p.graph.node(w1t).leafValue(), (Matrix(1, 2) << 1, 2).finished());
    EXPECT_EQ(p.graph.node(w2t).leafValue(), (Matrix(2, 2) << 3, 5, 4, 6).finished());
    EXPECT_EQ(p.graph.node(x).leafValue(), Matrix::Ones(1, 1));  // inputs load as ones: gradients not all zero
    p.graph.setLeafValue(x, Matrix::Constant(1, 1, 1.0));

    const Evaluation forward = evaluate(p);
    // PyTorch prints its float32 result as (0.99671918, 0.99986899); in float64 it is
    // (0.9967191419809983, 0.9998689860017497) (reference/seed-values.json, y2).
    EXPECT_TRUE(near(forward.values[p.root], (Matrix(1, 2) << 0.99671918, 0.99986899).finished(), 1e-7));
    EXPECT_TRUE(near(forward.values[p.root], (Matrix(1, 2) << 0.9967191419809983, 0.9998689860017497).finished(), 1e-15));

    // The loss of the article: mse(output, [1, 0]); the target is a 1 x 2 row like the output.
    const NodeId target = p.graph.addLeaf(NodeKind::Const, (Matrix(1, 2) << 1, 0).finished(), "target");
    p.root = p.graph.addOp(op("mse"), {p.root, target}, {}, "loss");
    p.seed = Matrix::Ones(1, 1);
    const Evaluation e = evaluate(p);
    EXPECT_NEAR(e.values[p.root](0, 0), 0.4998743766, 1e-6);
    const Matrix w1Grad = (Matrix(2, 1) << 0.00012243265215948693, 7.800636710683573e-05).finished();
    const Matrix w2Grad = (Matrix(2, 2) << -7.843318472335535e-06, -9.449820019935056e-06, 9.575381223033478e-05,
                           0.00011536651163546051).finished();
    EXPECT_TRUE(near(e.grads[w1t], w1Grad.transpose(), 1e-12));
    EXPECT_TRUE(near(e.grads[w2t], w2Grad.transpose(), 1e-12));
}

// ---- names -----------------------------------------------------------------------------------------

TEST(OnnxNames, ExportersNamesBecomeShortLabelsWithTheOriginalKept) {
    const Program p = importOnnxFile(kOnnxDir + "model2.onnx");
    const std::map<std::string, std::string> expected{{"onnx::MatMul_0", "x"},
                                                      {"onnx::MatMul_9", "w1"},
                                                      {"onnx::MatMul_10", "w2"},
                                                      {"/0/MatMul_output_0", "matmul_1"},
                                                      {"/1/Sigmoid_output_0", "sigmoid_1"},
                                                      {"/2/MatMul_output_0", "matmul_2"},
                                                      {"8", "output"}};
    for (const auto& [original, name] : expected) {
        const NodeId id = p.graph.find(name);
        ASSERT_GE(id, 0) << name;
        EXPECT_EQ(p.graph.node(id).label(), name);  // a name: the label and the .bpg name are one
        EXPECT_EQ(p.originalNames.at(name), original);
        EXPECT_TRUE(p.graph.node(id).named);
    }
    EXPECT_EQ(p.graph.node(p.root).name(), "output");
}

TEST(OnnxNames, ChosenNamesStayAsLabels) {
    // nn.Sequential's parameters are called 0.weight, 0.bias, 2.weight: readable already.
    const Program p = importOnnxFile(kOnnxDir + "gemm_tanh.onnx");
    const NodeId w = byOriginal(p, "0.weight");
    ASSERT_GE(w, 0);
    EXPECT_EQ(p.graph.node(w).label(), "0.weight");
    EXPECT_EQ(p.graph.node(w).name(), "_0_weight");
    EXPECT_EQ(p.graph.node(byOriginal(p, "2.bias")).label(), "2.bias");
    EXPECT_EQ(p.graph.node(p.root).label(), "output");
}

TEST(OnnxNames, LabelRules) {
    using onnx_io::TensorRole;
    EXPECT_TRUE(onnx_io::isGeneratedName("onnx::MatMul_9"));
    EXPECT_TRUE(onnx_io::isGeneratedName("/0/MatMul_output_0"));
    EXPECT_TRUE(onnx_io::isGeneratedName("8"));
    EXPECT_TRUE(onnx_io::isGeneratedName(""));
    EXPECT_FALSE(onnx_io::isGeneratedName("fc1.weight"));
    EXPECT_FALSE(onnx_io::isGeneratedName("h2"));

    onnx_io::NameMaker names;
    const auto made = [&](const std::string& onnx, TensorRole role, std::string_view op = {}) {
        const onnx_io::ReadableName r = names.make(onnx, role, op);
        return r.label + "|" + r.name;
    };
    EXPECT_EQ(made("onnx::Gemm_0", TensorRole::Input), "x|x");
    EXPECT_EQ(made("onnx::Gemm_1", TensorRole::Input), "x2|x2");
    EXPECT_EQ(made("fc1.weight", TensorRole::Weight), "fc1.weight|fc1_weight");
    EXPECT_EQ(made("onnx::MatMul_9", TensorRole::Weight), "w1|w1");
    EXPECT_EQ(made("onnx::MatMul_10", TensorRole::Weight), "w2|w2");
    EXPECT_EQ(made("onnx::Mul_3", TensorRole::Constant), "c1|c1");
    EXPECT_EQ(made("/fc1/Gemm_output_0", TensorRole::Result, "Gemm"), "gemm_1|gemm_1");
    EXPECT_EQ(made("/relu/Relu_output_0", TensorRole::Result, "Relu"), "relu_1|relu_1");
    EXPECT_EQ(made("/relu_1/Relu_output_0", TensorRole::Result, "Relu"), "relu_2|relu_2");
    EXPECT_EQ(made("7", TensorRole::Result, "Gemm"), "gemm_2|gemm_2");
    // A chosen name that clashes with a made one gets a suffix, and its label says so.
    EXPECT_EQ(made("w1", TensorRole::Weight), "w1_2|w1_2");
    EXPECT_EQ(made("fc1_weight", TensorRole::Weight), "fc1_weight_2|fc1_weight_2");
    // A keyword is no name.
    EXPECT_EQ(made("input", TensorRole::Input), "input_2|input_2");
    EXPECT_TRUE(names.take("output"));
    EXPECT_FALSE(names.take("output"));
    EXPECT_FALSE(names.take("param"));
}

TEST(OnnxNames, Rules) {
    using onnx_io::identifierFor;
    EXPECT_EQ(identifierFor("0.weight"), "_0_weight");
    EXPECT_EQ(identifierFor("layer-1/out"), "layer_1_out");
    EXPECT_EQ(identifierFor("already_fine"), "already_fine");
    EXPECT_EQ(identifierFor(""), "_");
    EXPECT_EQ(identifierFor("λ1"), "λ1");          // a letter of another script is kept, as Python keeps it
    EXPECT_EQ(identifierFor("×1"), "_1");          // a symbol: one character, one underscore
    EXPECT_EQ(identifierFor("层·1"), "层_1");
    onnx_io::NameMaker names;
    EXPECT_EQ(names.make("a.b", onnx_io::TensorRole::Weight).name, "a_b");
    EXPECT_EQ(names.make("a-b", onnx_io::TensorRole::Weight).name, "a_b_2");
    EXPECT_EQ(names.make("a b", onnx_io::TensorRole::Weight).name, "a_b_3");
    EXPECT_EQ(names.make("input", onnx_io::TensorRole::Weight).name, "input_2");  // .bpg keywords are not names
    EXPECT_EQ(names.make("with", onnx_io::TensorRole::Weight).name, "with_2");
    EXPECT_EQ(names.make("W", onnx_io::TensorRole::Weight).name, "W");
}

// ---- hand-built models: op semantics a PyTorch export rarely shows ---------------------------------

struct ModelBuilder {
    onnx::ModelProto model;
    onnx::GraphProto& g = *model.mutable_graph();
    ModelBuilder() {
        model.set_ir_version(8);
        model.add_opset_import()->set_version(13);
    }
    static void setDims(onnx::ValueInfoProto* v, const std::vector<long>& dims) {
        auto* t = v->mutable_type()->mutable_tensor_type();
        t->set_elem_type(onnx::TensorProto::FLOAT);
        auto* shape = t->mutable_shape();
        for (long d : dims) shape->add_dim()->set_dim_value(d);
    }
    ModelBuilder& input(const std::string& name, const std::vector<long>& dims) {
        auto* v = g.add_input();
        v->set_name(name);
        setDims(v, dims);
        return *this;
    }
    ModelBuilder& init(const std::string& name, const std::vector<long>& dims, const std::vector<double>& values,
                       int type = onnx::TensorProto::FLOAT) {
        auto* t = g.add_initializer();
        t->set_name(name);
        t->set_data_type(type);
        for (long d : dims) t->add_dims(d);
        for (double v : values) {
            if (type == onnx::TensorProto::INT64) t->add_int64_data(static_cast<long>(v));
            else t->add_float_data(static_cast<float>(v));
        }
        return *this;
    }
    onnx::NodeProto& node(const std::string& op, const std::vector<std::string>& in, const std::string& out) {
        auto* n = g.add_node();
        n->set_op_type(op);
        for (const auto& i : in) n->add_input(i);
        n->add_output(out);
        return *n;
    }
    static void ints(onnx::NodeProto& n, const std::string& name, const std::vector<long>& values) {
        auto* a = n.add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INTS);
        for (long v : values) a->add_ints(v);
    }
    ModelBuilder& output(const std::string& name) {
        g.add_output()->set_name(name);
        return *this;
    }
    std::string bytes() const { return model.SerializeAsString(); }
    Program load() const { return importOnnxBytes(bytes(), "built.onnx"); }
};

TEST(OnnxOps, MatMulOfVectorsIsADotProduct) {
    ModelBuilder b;
    b.input("a", {3}).init("v", {3}, {1, 2, 3}).output("d");
    b.node("MatMul", {"a", "v"}, "d");
    Program p = b.load();
    p.graph.setLeafValue(p.graph.find("a"), (Matrix(1, 3) << 4, 5, 6).finished());
    const Evaluation e = evaluate(p);
    EXPECT_EQ(p.graph.node(p.root).shape, (Shape{1, 1}));
    EXPECT_DOUBLE_EQ(e.values[p.root](0, 0), 32.0);
    EXPECT_TRUE(near(e.grads[p.graph.find("v")], (Matrix(1, 3) << 4, 5, 6).finished(), 0));
}

// [1, 2, 3] with perm (0, 2, 1) swaps the matrix axes: our 2x3 becomes its 3x2 transpose. A
// permutation that keeps their order only moves axes of size 1, and the entries keep their order:
// [1, 1, 3] with perm (1, 2, 0) is [1, 3, 1], the 1x3 row reshaped to a 3x1 column.
TEST(OnnxOps, TransposeFollowsOnnxPerm) {
    ModelBuilder b;
    b.input("x", {1, 2, 3}).input("v", {1, 1, 3}).output("t");
    ModelBuilder::ints(b.node("Transpose", {"x"}, "t"), "perm", {0, 2, 1});
    ModelBuilder::ints(b.node("Transpose", {"v"}, "k"), "perm", {1, 2, 0});
    Program p = b.load();
    const Matrix x = (Matrix(2, 3) << 1, 2, 3, 4, 5, 6).finished();
    p.graph.setLeafValue(p.graph.find("x"), x);
    p.graph.setLeafValue(p.graph.find("v"), (Matrix(1, 3) << 7, 8, 9).finished());
    const Evaluation e = evaluate(p);
    EXPECT_EQ(e.values[p.root], x.transpose());
    EXPECT_EQ(p.graph.node(p.graph.find("k")).op->name, "reshape");
    EXPECT_EQ(e.values[p.graph.find("k")], (Matrix(3, 1) << 7, 8, 9).finished());

    ModelBuilder refused;
    refused.input("x", {1, 2, 3}).output("t");
    ModelBuilder::ints(refused.node("Transpose", {"x"}, "t"), "perm", {1, 0, 2});  // [2, 1, 3]
    EXPECT_NE(refusal(refused.bytes(), "t.onnx").find("[2, 1, 3]: Backprop Studio's values are 2-D matrices"),
              std::string::npos);
}

// Reshape is row-major, 0 copies the input's dimension and -1 is inferred: [1, 2, 3] to
// [0, 3, -1] is [1, 3, 2].
TEST(OnnxOps, ReshapeCopiesZeroAndInfersMinusOne) {
    ModelBuilder b;
    b.input("x", {1, 2, 3}).init("shape", {3}, {0, 3, -1}, onnx::TensorProto::INT64).output("y");
    b.node("Reshape", {"x", "shape"}, "y");
    Program p = b.load();
    EXPECT_EQ(p.graph.find("shape"), -1);  // read at load time: no node
    p.graph.setLeafValue(p.graph.find("x"), (Matrix(2, 3) << 1, 2, 3, 4, 5, 6).finished());
    const Evaluation e = evaluate(p);
    EXPECT_EQ(e.values[p.root], (Matrix(3, 2) << 1, 2, 3, 4, 5, 6).finished());
}

TEST(OnnxOps, GemmScalesAndBroadcastsC) {
    ModelBuilder b;
    b.input("a", {2, 2}).init("b", {2, 2}, {1, 2, 3, 4}).init("c", {}, {10}).output("y");
    auto& n = b.node("Gemm", {"a", "b", "c"}, "y");
    auto* alpha = n.add_attribute();
    alpha->set_name("alpha");
    alpha->set_type(onnx::AttributeProto::FLOAT);
    alpha->set_f(2.0f);
    Program p = b.load();
    p.graph.setLeafValue(p.graph.find("a"), Matrix::Identity(2, 2));
    const Evaluation e = evaluate(p);
    EXPECT_EQ(e.values[p.root], (Matrix(2, 2) << 12, 14, 16, 18).finished());
    EXPECT_EQ(e.grads[p.graph.find("c")](0, 0), 4.0);  // C broadcast to 2x2: its gradient sums the four ones
}

// ReduceSum with its axes as an input (opset 13): over the columns of [2, 3], keepdims 0, is the
// [2] of row sums, our 1x2 row; built as x @ ones(3 x 1), then laid flat.
TEST(OnnxOps, ReduceSumOverOneAxis) {
    ModelBuilder b;
    b.input("x", {2, 3}).init("axes", {1}, {-1}, onnx::TensorProto::INT64).output("s");
    auto& n = b.node("ReduceSum", {"x", "axes"}, "s");
    auto* keep = n.add_attribute();
    keep->set_name("keepdims");
    keep->set_type(onnx::AttributeProto::INT);
    keep->set_i(0);
    Program p = b.load();
    p.graph.setLeafValue(p.graph.find("x"), (Matrix(2, 3) << 1, 2, 3, 4, 5, 6).finished());
    const Evaluation e = evaluate(p);
    EXPECT_EQ(e.values[p.root], (Matrix(1, 2) << 6, 15).finished());
    EXPECT_EQ(e.grads[p.graph.find("x")], Matrix::Ones(2, 3));
}

// Slice of consecutive rows and columns is the language's x[i:j, k:l] (the slice op); a step of 2
// picks its columns with a 0/1 selection matrix. Both give the picked entries and send the
// gradient back to them only.
TEST(OnnxOps, SliceOfABlockIsTheSliceOp) {
    const Matrix x = (Matrix(3, 4) << 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).finished();
    ModelBuilder b;
    b.input("x", {3, 4}).output("y");
    b.init("starts", {2}, {-2, 1}, onnx::TensorProto::INT64).init("ends", {2}, {100, 3}, onnx::TensorProto::INT64);
    b.node("Slice", {"x", "starts", "ends"}, "y");
    Program p = b.load();
    p.graph.setLeafValue(p.graph.find("x"), x);
    EXPECT_EQ(p.graph.node(p.root).op->name, "slice");
    Evaluation e = evaluate(p);
    EXPECT_EQ(e.values[p.root], (Matrix(2, 2) << 6, 7, 10, 11).finished());
    EXPECT_EQ(e.grads[p.graph.find("x")], (Matrix(3, 4) << 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0).finished());

    ModelBuilder stepped;
    stepped.input("x", {3, 4}).output("y");
    stepped.init("starts", {1}, {0}, onnx::TensorProto::INT64).init("ends", {1}, {4}, onnx::TensorProto::INT64);
    stepped.init("axes", {1}, {1}, onnx::TensorProto::INT64).init("steps", {1}, {2}, onnx::TensorProto::INT64);
    stepped.node("Slice", {"x", "starts", "ends", "axes", "steps"}, "y");
    p = stepped.load();
    p.graph.setLeafValue(p.graph.find("x"), x);
    EXPECT_EQ(p.graph.node(p.root).op->name, "matmul");
    e = evaluate(p);
    EXPECT_EQ(e.values[p.root], (Matrix(3, 2) << 1, 3, 5, 7, 9, 11).finished());
    EXPECT_EQ(e.grads[p.graph.find("x")], (Matrix(3, 4) << 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0).finished());
}

// A symbolic dimension (an exported dynamic batch axis "N") is taken as 1.
TEST(OnnxOps, SymbolicDimsAreOne) {
    ModelBuilder b;
    b.input("x", {7, 3}).output("y");
    b.g.mutable_input(0)->mutable_type()->mutable_tensor_type()->mutable_shape()->mutable_dim(0)->set_dim_param("N");
    b.node("Relu", {"x"}, "y");
    const Program p = b.load();
    EXPECT_EQ(p.graph.node(p.graph.find("x")).shape, (Shape{1, 3}));
    EXPECT_EQ(p.seed, Matrix::Ones(1, 3));
}

// A Constant that declares no entries but huge other dims: refused before any arithmetic on them.
TEST(OnnxOps, EmptyConstantWithHugeDimsIsRefused) {
    ModelBuilder b;
    b.output("y");
    auto& c = b.node("Constant", {}, "c");
    auto* value = c.add_attribute();
    value->set_name("value");
    value->set_type(onnx::AttributeProto::TENSOR);
    value->mutable_t()->set_data_type(onnx::TensorProto::FLOAT);
    for (long d : {0L, 100000L, 100000L, 100000L}) value->mutable_t()->add_dims(d);
    b.node("Flatten", {"c"}, "y");
    EXPECT_NE(refusal(b.bytes(), "z.onnx").find("constant 'c' has dims [0, 100000, 100000, 100000]"), std::string::npos);
}

// ---- refusals --------------------------------------------------------------------------------------

// Every file of tests/data/onnx/bad is refused with "FILE: error: " and the words its README
// lists, in well under a second.
TEST(OnnxRefusals, MalformedCorpus) {
    std::map<std::string, std::string> expected;
    std::istringstream readme(readBytes(kOnnxDir + "bad/README.txt"));
    for (std::string line; std::getline(readme, line);)
        if (auto tab = line.find('\t'); tab != std::string::npos) expected[line.substr(0, tab)] = line.substr(tab + 1);
    ASSERT_GE(expected.size(), 30u);
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kOnnxDir + "bad")) {
        const std::string name = entry.path().filename().string();
        if (name == "README.txt") continue;
        ++files;
        ASSERT_TRUE(expected.count(name)) << name << " is not listed in bad/README.txt";
        const std::string path = entry.path().string();
        const auto start = Clock::now();
        std::string message;
        try {
            importOnnxFile(path);
        } catch (const LoadError& e) {
            message = e.what();
        }
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        EXPECT_EQ(message.rfind(path + ": error: ", 0), 0u) << name << ": " << message;
        EXPECT_NE(message.find(expected[name]), std::string::npos) << name << ": " << message;
        EXPECT_LT(seconds, 0.5) << name;
    }
    EXPECT_EQ(files, static_cast<int>(expected.size()));
}

TEST(OnnxRefusals, EveryTruncationIsRefused) {
    for (const char* file : {"model2.onnx", "gemm_tanh.onnx", "elementwise.onnx", "handmade.onnx"}) {
        const std::string bytes = readBytes(kOnnxDir + file);
        ASSERT_GT(bytes.size(), 100u);
        const auto start = Clock::now();
        for (std::size_t n = 0; n < bytes.size(); ++n) {
            const std::string message = refusal(bytes.substr(0, n), "cut.onnx");
            ASSERT_EQ(message.rfind("cut.onnx: error: ", 0), 0u) << file << " cut at " << n << ": " << message;
        }
        EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 2.0) << file;
    }
}

// A download that stopped half-way is called what it is.
TEST(OnnxRefusals, TruncationIsExplained) {
    const std::string bytes = readBytes(kOnnxDir + "elementwise.onnx");
    for (std::size_t n : {bytes.size() / 3, bytes.size() / 2, bytes.size() - 10}) {
        const std::string message = refusal(bytes.substr(0, n), "cut.onnx");
        EXPECT_NE(message.find("truncated"), std::string::npos) << n << ": " << message;
    }
}

// Random damage anywhere in a good file: the result loads (and evaluates) or is refused with a
// LoadError; nothing else, and never slowly.
TEST(OnnxRefusals, CorruptedBytesNeverCrash) {
    const std::string good = readBytes(kOnnxDir + "gemm_tanh.onnx");
    std::mt19937 rng(20240601);
    int loaded = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        std::string bytes = good;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int k = 0; k < edits; ++k) {
            const std::size_t at = rng() % bytes.size();
            switch (rng() % 3) {
            case 0: bytes[at] = static_cast<char>(rng()); break;
            case 1: bytes[at] = static_cast<char>(bytes[at] ^ (1 << (rng() % 8))); break;
            default: bytes.erase(at, 1 + rng() % 8); break;
            }
            if (bytes.empty()) bytes.push_back('x');
        }
        const auto start = Clock::now();
        try {
            const Program p = importOnnxBytes(bytes, "fuzz.onnx");
            (void)evaluate(p);
            ++loaded;
        } catch (const LoadError& e) {
            ASSERT_EQ(std::string(e.what()).rfind("fuzz.onnx: error: ", 0), 0u) << e.what();
        }
        ASSERT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 0.5) << "trial " << trial;
    }
    EXPECT_GT(loaded, 0);  // some damage (a weight's bits) leaves a valid model: the test saw both outcomes
}

TEST(OnnxRefusals, LimitsAreEnforcedAndNamed) {
    const std::string bytes = readBytes(kOnnxDir + "gemm_tanh.onnx");
    OnnxLimits small;
    small.maxFileBytes = 100;
    EXPECT_NE(refusal(bytes, "m.onnx", small).find("limit of 100 bytes"), std::string::npos);
    small = {};
    small.maxTensorEntries = 8;  // 0.weight holds 12
    EXPECT_NE(refusal(bytes, "m.onnx", small).find("limit of 8 entries"), std::string::npos);
    small = {};
    small.maxNodes = 3;
    EXPECT_NE(refusal(bytes, "m.onnx", small).find("more than the limit of 3"), std::string::npos);
    small = {};
    small.maxGraphEntries = 20;
    EXPECT_NE(refusal(bytes, "m.onnx", small).find("limit of 20 entries in all"), std::string::npos);
    small = {};
    small.recursionLimit = 3;
    EXPECT_NE(refusal(bytes, "m.onnx", small).find("nested more than 3 levels"), std::string::npos);
}

TEST(OnnxRefusals, FilesThatAreNotThere) {
    const auto messageOf = [](const std::string& path) {
        try {
            importOnnxFile(path);
        } catch (const LoadError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_EQ(messageOf(kOnnxDir + "missing.onnx"), kOnnxDir + "missing.onnx: error: cannot open file: No such file or directory");
    EXPECT_NE(messageOf(kOnnxDir + "bad").find("cannot open file: it is a directory"), std::string::npos);
}

}  // namespace
}  // namespace bp
