// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON document: every field survives a save and a load, the numbers it gives are the ones of
// the .bpg it came from, and every kind of broken document is refused with a message that names
// the node and field at fault.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/io/document_json.h"
#include "core/io/load_program.h"
#include "core/language/parser.h"
#include "core/ops/op_table.h"
#include "core/trace/evaluation.h"
#include "test_support.h"

namespace bp {
namespace {

using nlohmann::json;

// Equal, with nan equal to nan (a document must keep a nan as a nan).
bool sameMatrix(const Matrix& a, const Matrix& b) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
    for (Eigen::Index i = 0; i < a.size(); ++i)
        if (!(a(i) == b(i) || (std::isnan(a(i)) && std::isnan(b(i))))) return false;
    return true;
}

Program exampleProgram(const std::string& name) { return loadProgramFile(test::examplePath(name)); }

// A document that uses every field: anonymous nodes, attrs of both kinds, a label unlike its
// name, non-finite values, a matrix root with its seed, positions, a view and a step. (Its source
// is empty: .bpg cannot write its non-finite values; SourceRoundTripsWordForWord has one.)
DocumentFile richDocument() {
    DocumentFile doc;
    doc.program = parseProgram(
        "input x = [1, 2]\n"
        "param w = [[0.5, -1.25], [3, 4]]\n"
        "const k = [[1, 2, 3, 4]]\n"
        "h = tanh(w @ x) ^ 3\n"
        "t = reshape(h, 1, 2) + k .T .T @ [[1], [1], [1], [1]]\n"
        "backward t with [[7, 8]]\n",
        "rich.bpg");
    Graph& g = doc.program.graph;
    g.node(g.find("x")).setLabel("the input (x₀)");
    g.setLeafValue(g.find("k"), (Matrix(1, 4) << NAN, INFINITY, -INFINITY, 1e-300).finished());
    double y = 0;
    for (const Node& n : g.nodes()) doc.positions[n.name()] = {n.name().size() * 10.5, y += 33.25};
    doc.hasView = true;
    doc.zoom = 1.75;
    doc.center = {-12.5, 400.125};
    doc.step = 7;
    return doc;
}

void expectSameDocument(const DocumentFile& a, const DocumentFile& b) {
    const Graph& ga = a.program.graph;
    const Graph& gb = b.program.graph;
    ASSERT_EQ(ga.size(), gb.size());
    for (NodeId id = 0; id < ga.size(); ++id) {
        const Node& x = ga.node(id);
        const Node& y = gb.node(id);
        SCOPED_TRACE(x.name());
        EXPECT_EQ(x.name(), y.name());
        EXPECT_EQ(x.label(), y.label());
        EXPECT_EQ(x.kind, y.kind);
        EXPECT_EQ(x.op, y.op);
        EXPECT_EQ(x.inputs, y.inputs);
        EXPECT_EQ(x.attrs(), y.attrs());
        EXPECT_EQ(x.shape, y.shape);
        EXPECT_EQ(x.named, y.named);
        EXPECT_TRUE(sameMatrix(x.leafValue(), y.leafValue()));
    }
    EXPECT_EQ(a.program.root, b.program.root);
    EXPECT_TRUE(sameMatrix(a.program.seed, b.program.seed));
    EXPECT_EQ(a.source, b.source);
    EXPECT_EQ(a.positions, b.positions);
    EXPECT_EQ(a.hasView, b.hasView);
    EXPECT_EQ(a.zoom, b.zoom);
    EXPECT_EQ(a.center, b.center);
    EXPECT_EQ(a.step, b.step);
}

TEST(DocumentJson, RoundTripsEveryField) {
    const DocumentFile doc = richDocument();
    // The document really holds what the test claims to round-trip.
    const Graph& g = doc.program.graph;
    ASSERT_GT(g.size(), 10);
    bool anonymous = false, exponent = false, reshape = false;
    for (const Node& n : g.nodes()) {
        anonymous = anonymous || !n.named;
        exponent = exponent || n.attrs().exponent == 3;
        reshape = reshape || n.attrs().shape == Shape{1, 2};
    }
    EXPECT_TRUE(anonymous && exponent && reshape);

    const std::string text = documentText(doc);
    const DocumentFile back = documentFromText(text, "rich.json");
    expectSameDocument(doc, back);
    EXPECT_EQ(documentText(back), text) << "writing what was read gives the same bytes";
}

TEST(DocumentJson, SourceRoundTripsWordForWord) {
    DocumentFile doc = documentOf(exampleProgram("chain-rule"));
    doc.source = test::readFile(test::examplePath("chain-rule")) + "# a comment, kept as written\n";
    const std::string text = documentText(doc);
    const DocumentFile back = documentFromText(text, "chain.json");
    EXPECT_EQ(back.sourceVerdict, SourceVerdict::Agrees);
    expectSameDocument(doc, back);
    EXPECT_EQ(documentText(back), text);
}

TEST(DocumentJson, NonFiniteValuesAreWrittenAsStrings) {
    const std::string text = documentText(richDocument());
    EXPECT_NE(text.find(R"(["nan","inf","-inf",1e-300])"), std::string::npos) << text;
}

TEST(DocumentJson, OneLinePerNode) {
    const DocumentFile doc = documentOf(exampleProgram("chain-rule"));
    const std::string text = documentText(doc);
    EXPECT_NE(text.find("\n  {\"inputs\":[\"a\",\"b\"],\"kind\":\"op\",\"label\":\"c\",\"name\":\"c\",\"op\":\"add\"},\n"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.rfind("{\n \"format\": \"backprop-studio\",\n \"version\": 1,\n \"root\": \"e\",", 0), 0u) << text;
}

TEST(DocumentJson, GivesThePyTorchNumbersOfTheBpg) {
    // mlp-1-2-2 through a document: the loss and a gradient as in reference/seed-values.json.
    const auto ref = test::readJson(test::dataPath("seed-values.json"))["mlp-1-2-2"];
    const DocumentFile doc = documentFromText(documentText(documentOf(exampleProgram("mlp-1-2-2"))), "mlp.json");
    const Evaluation e = evaluate(doc.program);
    const Graph& g = doc.program.graph;
    EXPECT_NEAR(e.values[g.find("loss")](0, 0), 0.4998743766, 1e-10);
    EXPECT_TRUE(test::matrixNear(e.grads[g.find("w1")], matrixFromJson(ref["grads"]["w1"]), 1e-9));
    EXPECT_FALSE(doc.hasView) << "a document without a view lets the window fit the graph";
    EXPECT_EQ(doc.step, -1);
}

TEST(DocumentJson, LoadProgramOpensJsonFiles) {
    const std::string path = ::testing::TempDir() + "bps-chain-rule.json";
    std::ofstream(path) << documentText(documentOf(exampleProgram("chain-rule")));
    const Program p = loadProgram(path);
    const Evaluation e = evaluate(p);
    EXPECT_EQ(e.values[p.graph.find("e")](0, 0), 6);
    EXPECT_EQ(e.grads[p.graph.find("b")](0, 0), 5);
    std::remove(path.c_str());
}

TEST(DocumentJson, MissingOrDirectoryFileIsRefused) {
    try {
        loadDocumentFile("/nonexistent/graph.json");
        FAIL();
    } catch (const LoadError& e) {
        EXPECT_STREQ(e.what(), "/nonexistent/graph.json: error: cannot open file: No such file or directory");
    }
    const std::string dir = ::testing::TempDir() + "bps-dir.json";
    std::filesystem::create_directories(dir);
    try {
        loadProgram(dir);
        FAIL();
    } catch (const LoadError& e) {
        EXPECT_EQ(std::string(e.what()), dir + ": error: cannot open file: it is a directory");
    }
}

// ---- refusals --------------------------------------------------------------------------------

// The chain-rule example as a JSON object, to break one field at a time.
json chainRule() { return json::parse(documentText(documentOf(exampleProgram("chain-rule")))); }

json& nodeNamed(json& doc, const std::string& name) {
    for (json& n : doc["nodes"])
        if (n["name"] == name) return n;
    throw std::logic_error("no node " + name);
}

std::string refusal(const json& doc, const DocumentLimits& limits = {}) {
    try {
        documentFromJson(doc, "doc.json", limits);
    } catch (const LoadError& e) {
        return e.what();
    }
    return "(accepted)";
}

std::string refusalOfText(const std::string& text, const DocumentLimits& limits = {}) {
    try {
        documentFromText(text, "doc.json", limits);
    } catch (const LoadError& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(DocumentJson, TheUnbrokenDocumentIsAccepted) {
    EXPECT_EQ(refusal(chainRule()), "(accepted)");
}

TEST(DocumentJson, NewerVersionSaysSo) {
    json doc = chainRule();
    doc["version"] = 3;
    doc["nodes"] = "whatever version 3 keeps here";  // not even looked at
    EXPECT_EQ(refusal(doc),
              "doc.json: error: written by a newer Backprop Studio (format version 3); this one reads up to version 1");
}

TEST(DocumentJson, FormatAndVersionAreChecked) {
    json doc = chainRule();
    doc["version"] = 0;
    EXPECT_EQ(refusal(doc), "doc.json: error: format version 0 does not exist (versions start at 1)");
    doc["version"] = "1";
    EXPECT_EQ(refusal(doc), "doc.json: error: \"version\" must be a whole number, not the string \"1\"");
    doc.erase("version");
    EXPECT_EQ(refusal(doc), "doc.json: error: no \"version\" field");
    doc = chainRule();
    doc["format"] = "onnx";
    EXPECT_EQ(refusal(doc),
              "doc.json: error: not a Backprop Studio document: \"format\" is the string \"onnx\", expected "
              "\"backprop-studio\"");
    doc.erase("format");
    EXPECT_NE(refusal(doc).find("no \"format\" field (the --json output of 'eval' is a report"), std::string::npos);
    EXPECT_EQ(refusal(json::array()),
              "doc.json: error: not a Backprop Studio document: it holds an empty list, not an object");
}

struct Breakage {
    const char* what;
    void (*breakIt)(json& doc);
    const char* message;  // the whole message after "doc.json: error: "
};

const Breakage kBreakages[] = {
    {"unknown op", [](json& d) { nodeNamed(d, "e")["op"] = "multiply"; },
     "node 6 ('e'): unknown op 'multiply' (known: add, sub, mul, div, neg, matmul, pow, transpose, sigmoid, tanh, exp, "
     "log, relu, abs, sqrt, sum, mean, mse, softplus, sin, cos, gelu, erf, leaky_relu, clamp, detach, maximum, minimum, "
     "pow_node, sum_axis, mean_axis, max, max_axis, min, min_axis, logsumexp, softmax, log_softmax, cross_entropy, "
     "cross_entropy_probs, nll, bce_with_logits, one_hot, concat, reshape, slice, identity)"},
    {"unknown input", [](json& d) { nodeNamed(d, "c")["inputs"][1] = "q"; },
     "node 3 ('c'): input 'q' is not a node of the document"},
    {"input listed later", [](json& d) { nodeNamed(d, "c")["inputs"][1] = "e"; },
     "node 3 ('c'): input 'e' is node 6, listed after this one; an op comes after its inputs"},
    {"wrong arity", [](json& d) { nodeNamed(d, "e")["inputs"] = {"c"}; },
     "node 6 ('e'): 'mul' takes 2 arguments, got 1"},
    {"wrong shape", [](json& d) {
         nodeNamed(d, "a")["value"] = {{1, 2}};
         nodeNamed(d, "b")["value"] = {{1, 2, 3}};
     },
     "node 3 ('c'): shape mismatch: 1x2 and 1x3 do not broadcast (each dimension must be equal, or 1 in one of "
     "them)"},
    {"duplicate name", [](json& d) { nodeNamed(d, "d")["name"] = "c"; },
     "node 5 ('c'): the name 'c' is already used by node 3"},
    {"not a name", [](json& d) { nodeNamed(d, "d")["name"] = "2d"; },
     "node 5: '2d' is not a node name (letters, Chinese too, digits and _, not starting with a digit, not a keyword; "
     "or %N for an anonymous node)"},
    {"a keyword", [](json& d) { nodeNamed(d, "a")["name"] = "param"; },
     "node 1: 'param' is not a node name (letters, Chinese too, digits and _, not starting with a digit, not a "
     "keyword; or %N for an anonymous node)"},
    {"no name", [](json& d) { nodeNamed(d, "a").erase("name"); }, "node 1: no \"name\" field"},
    {"name not a string", [](json& d) { nodeNamed(d, "a")["name"] = 7; },
     "node 1: \"name\" must be a string, not the number 7"},
    {"no kind", [](json& d) { nodeNamed(d, "a").erase("kind"); }, "node 1 ('a'): no \"kind\" field"},
    {"bad kind", [](json& d) { nodeNamed(d, "a")["kind"] = "weight"; },
     "node 1 ('a'): \"kind\" is 'weight'; it is one of input, param, const, op"},
    {"leaf without value", [](json& d) { nodeNamed(d, "b").erase("value"); }, "node 2 ('b'): no \"value\" field"},
    {"value a string", [](json& d) { nodeNamed(d, "b")["value"] = "1"; },
     "node 2 ('b'): \"value\": expected a matrix as a non-empty list of non-empty rows"},
    {"ragged value", [](json& d) { nodeNamed(d, "b")["value"] = {{1, 2}, {3}}; },
     "node 2 ('b'): \"value\": ragged matrix: row 2 has a different length"},
    {"bad number", [](json& d) { nodeNamed(d, "b")["value"] = {{"NaN"}}; },
     "node 2 ('b'): \"value\": expected a number, \"nan\", \"inf\" or \"-inf\", got \"NaN\""},
    {"leaf with op", [](json& d) { nodeNamed(d, "b")["op"] = "add"; },
     "node 2 ('b'): a leaf of kind 'input' has \"op\": \"input\" or none, not the string \"add\""},
    {"leaf with inputs", [](json& d) { nodeNamed(d, "b")["inputs"] = {"a"}; },
     "node 2 ('b'): a leaf (input, param, const) has no inputs"},
    {"op with value", [](json& d) { nodeNamed(d, "c")["value"] = {{3}}; },
     "node 3 ('c'): an op has no \"value\" in the document: it is computed from its inputs"},
    {"op without inputs", [](json& d) { nodeNamed(d, "c").erase("inputs"); }, "node 3 ('c'): no \"inputs\" field"},
    {"inputs not a list", [](json& d) { nodeNamed(d, "c")["inputs"] = "a, b"; },
     "node 3 ('c'): \"inputs\" must be a list of node names, not the string \"a, b\""},
    {"input not a name", [](json& d) { nodeNamed(d, "c")["inputs"] = {0, 1}; },
     "node 3 ('c'): \"inputs\" must list node names, not the number 0"},
    {"bad exponent", [](json& d) { nodeNamed(d, "c")["attrs"] = {{"exponent", "two"}}; },
     "node 3 ('c'): \"attrs\".\"exponent\" must be a finite number, not the string \"two\""},
    {"bad shape attr", [](json& d) { nodeNamed(d, "c")["attrs"] = {{"shape", {0, 4}}}; },
     "node 3 ('c'): \"attrs\".\"shape\" [0,4] is not a shape (at least 1x1, at most 16000000 entries)"},
    {"unknown attr", [](json& d) { nodeNamed(d, "c")["attrs"] = {{"dim", 1}}; },
     "node 3 ('c'): unknown attribute 'dim' in \"attrs\" (known: exponent, shape, slope, min, max, axis, classes)"},
    {"attr of another op", [](json& d) { nodeNamed(d, "c")["attrs"] = {{"axis", 1}}; },
     "node 3 ('c'): the op 'add' takes no attribute 'axis'"},
    {"node not an object", [](json& d) { d["nodes"][2] = "c = a + b"; },
     "node 3: must be an object, not the string \"c = a + b\""},
    {"nodes not a list", [](json& d) { d["nodes"] = json::object(); },
     "\"nodes\" must be a list of nodes, not an object"},
    {"no nodes", [](json& d) { d["nodes"] = json::array(); }, "\"nodes\" is empty: a document has at least one node"},
    {"missing nodes", [](json& d) { d.erase("nodes"); }, "no \"nodes\" field"},
    {"missing root", [](json& d) { d.erase("root"); }, "no \"root\" field"},
    {"unknown root", [](json& d) { d["root"] = "loss"; }, "\"root\" is 'loss', which is not a node of the document"},
    {"seed of the wrong shape", [](json& d) { d["seed"] = {{1, 1}}; }, "\"seed\" is 1x2 but the root 'e' is 1x1"},
    {"source not a string", [](json& d) { d["source"] = {"a", "b"}; }, "\"source\" must be a string, not a list of 2 items"},
    {"position of no node", [](json& d) { d["positions"] = {{"zz", {1, 2}}}; },
     "\"positions\" places 'zz', which is not a node"},
    {"position not a point", [](json& d) { d["positions"] = {{"a", {1}}}; },
     "the position of 'a' must be a list [x, y], not a list of 1 item"},
    {"position not finite", [](json& d) { d["positions"] = {{"a", {1, "inf"}}}; },
     "the position of 'a'[1] must be a finite number, not the string \"inf\""},
    {"zoom of zero", [](json& d) { d["view"] = {{"zoom", 0}}; }, "\"view\".\"zoom\" must be greater than 0, not 0"},
    {"view not an object", [](json& d) { d["view"] = 2; },
     "\"view\" must be an object {\"zoom\", \"center\"}, not the number 2"},
    {"step written 1.0", [](json& d) { d["step"] = 1.0; },
     "\"step\" must be a whole number from -1 (the end) up, not the number 1.0 (written with a decimal point; a "
     "whole number is written 1)"},
    {"step a fraction", [](json& d) { d["step"] = 2.5; },
     "\"step\" must be a whole number from -1 (the end) up, not the number 2.5"},
    {"step below -1", [](json& d) { d["step"] = -2; },
     "\"step\" must be a whole number from -1 (the end) up, not the number -2"},
};

TEST(DocumentJson, EveryBreakageIsRefusedWithItsMessage) {
    for (const Breakage& b : kBreakages) {
        json doc = chainRule();
        b.breakIt(doc);
        EXPECT_EQ(refusal(doc), std::string("doc.json: error: ") + b.message) << b.what;
    }
}

TEST(DocumentJson, MatrixRootNeedsItsSeed) {
    json doc = json::parse(documentText(documentOf(exampleProgram("vjp"))));
    doc["root"] = "t";
    doc.erase("seed");
    EXPECT_EQ(refusal(doc), "doc.json: error: the root 't' is 3x1, so the document needs a \"seed\" of that shape");
    doc["seed"] = {{7}, {8}, {9}};
    const DocumentFile ok = documentFromJson(doc, "doc.json");
    const Evaluation e = evaluate(ok.program);
    EXPECT_TRUE(test::matrixNear(e.grads[ok.program.graph.find("x")], (Matrix(3, 1) << 7, 8, 9).finished(), 0));
}

// The nodes are the graph: a "source" that does not describe them is set aside, never shown as
// if it did (the window drew one graph while its Source panel showed another).
TEST(DocumentJson, ASourceThatDisagreesWithTheNodesIsSetAside) {
    json doc = chainRule();
    const std::string text = "# the chain rule\ninput a = 2\ninput b = 1\nc = a + b\nd = b + 1\ne = c * d\n";
    doc["source"] = text;
    DocumentFile agreeing = documentFromJson(doc, "doc.json");
    EXPECT_EQ(agreeing.sourceVerdict, SourceVerdict::Agrees);
    EXPECT_EQ(agreeing.source, text);

    doc["source"] = "input a = 2\ninput b = 7\nc = a + b\nd = b + 1\ne = c * d\n";
    DocumentFile other = documentFromJson(doc, "doc.json");
    EXPECT_EQ(other.sourceVerdict, SourceVerdict::DescribesAnotherGraph);
    EXPECT_EQ(other.source, "");
    EXPECT_EQ(other.setAsideSource, doc["source"]);
    EXPECT_EQ(other.program.graph.node(other.program.graph.find("b")).leafValue()(0, 0), 1) << "the nodes win";

    doc["source"] = "input a = 2\nc = (a +\n";
    DocumentFile broken = documentFromJson(doc, "doc.json");
    EXPECT_EQ(broken.sourceVerdict, SourceVerdict::DoesNotParse);
    EXPECT_EQ(broken.source, "");
}

TEST(DocumentJson, TextThatIsNotADocumentIsRefused) {
    EXPECT_EQ(refusalOfText(""), "doc.json: error: the file is empty");
    EXPECT_EQ(refusalOfText("{\"format\": \"backprop-studio\",\n \"version\": 1,,}"),
              "doc.json: error: not valid JSON: parse error at line 2, column 15: syntax error while parsing object "
              "key - unexpected ','; expected string literal");
    EXPECT_EQ(refusalOfText(std::string(100000, '[')),
              "doc.json: error: not a Backprop Studio document: lists and objects are nested more than 64 deep");
    // Brackets inside strings are text, not nesting.
    json doc = chainRule();
    doc["source"] = std::string(1000, '[') + "\"\\";
    EXPECT_EQ(refusalOfText(doc.dump()), "(accepted)");
}

// Found by the JSON fuzzer: a number too large for a double is not a parse_error but an out_of_range
// in nlohmann::json; it used to escape as an uncaught exception. Kept in tests/data/documents/regressions.
TEST(DocumentJson, NumberTooLargeForADoubleIsRefused) {
    EXPECT_EQ(refusalOfText("67E666666"),
              "doc.json: error: not valid JSON: number overflow parsing '67E666666'");
    EXPECT_EQ(refusalOfText("{\"format\": \"backprop-studio\", \"version\": 1e400}"),
              "doc.json: error: not valid JSON: number overflow parsing '1e400'");
}

// Every input a fuzzer once crashed on is refused with a message, not an exception of another kind.
TEST(DocumentJson, FuzzerRegressionsAreRefused) {
    const std::filesystem::path dir = std::filesystem::path(BPS_TEST_DATA) / "documents" / "regressions";
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        ++files;
        SCOPED_TRACE(entry.path().filename().string());
        EXPECT_NO_THROW({
            try {
                loadDocumentFile(entry.path().string());
            } catch (const LoadError& e) {
                EXPECT_NE(std::string(e.what()).find(": error: "), std::string::npos);
            }
        });
    }
    EXPECT_GE(files, 1);
}

TEST(DocumentJson, LimitsAreNamed) {
    DocumentLimits small;
    small.maxFileBytes = 100;
    const std::string text = documentText(documentOf(exampleProgram("chain-rule")));
    EXPECT_EQ(refusalOfText(text, small), "doc.json: error: the file is larger than the limit of 100 bytes");
    small = {};
    small.maxNodes = 4;
    EXPECT_EQ(refusal(chainRule(), small), "doc.json: error: \"nodes\" lists 6 nodes, more than the limit of 4");
    small = {};
    small.maxMatrixEntries = 3;
    json doc = chainRule();
    nodeNamed(doc, "a")["value"] = {{1, 2}, {3, 4}};
    EXPECT_EQ(refusal(doc, small),
              "doc.json: error: node 1 ('a'): \"value\" has 2x2 entries, more than the limit of 3");
}

// Values are counted while the text is parsed: a document with too many is refused without its
// whole tree being built (a 229 MB document of 120M numbers took 4.2 GB and 53 s before).
TEST(DocumentJson, TooManyValuesAreRefusedWhileParsing) {
    DocumentLimits small;
    small.maxValues = 1000;
    std::string text = "{\"format\": \"backprop-studio\", \"nodes\": [[";
    for (int i = 0; i < 5000; ++i) text += i ? ",1" : "1";
    text += "]]}";
    EXPECT_EQ(refusalOfText(text, small),
              "doc.json: error: the document holds more than 1000 JSON values (numbers, strings, lists), the limit");
    small.maxValues = 100'000;
    EXPECT_EQ(refusalOfText(documentText(documentOf(exampleProgram("chain-rule"))), small), "(accepted)");
}

}  // namespace
}  // namespace bp
