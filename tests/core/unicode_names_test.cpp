// SPDX-License-Identifier: GPL-3.0-or-later
// Names in other scripts, as Python takes them: `损失 = mse(输出, 目标)` parses, evaluates, and
// keeps its names through the .bpg writer, the JSON document and the ONNX and PyTorch names;
// full-width punctuation and full-width letters get the ASCII character they stand for, a
// combining accent a hint to type the letter whole.
#include <gtest/gtest.h>

#include "core/io/document_json.h"
#include "core/io/onnx_names.h"
#include "core/io/pytorch_export.h"
#include "core/language/name_characters.h"
#include "core/language/parser.h"
#include "core/trace/evaluation.h"

namespace bp {
namespace {

constexpr const char* kChinese =
    "# 一个神经元和它的损失\n"
    "input 输入 = 2\n"
    "param 权重 = 0.5\n"
    "param 偏置 = -1\n"
    "const 目标 = 1\n"
    "输出 = sigmoid(权重 * 输入 + 偏置)\n"
    "损失 = mse(输出, 目标)\n";

std::string errorOf(const std::string& source) {
    try {
        parseProgram(source, "t.bpg");
    } catch (const ParseError& e) {
        return e.what();
    }
    return "no error";
}

TEST(UnicodeNames, ChineseProgramParsesAndEvaluates) {
    const Program p = parseProgram(kChinese, "t.bpg");
    for (const char* name : {"输入", "权重", "偏置", "目标", "输出", "损失"}) EXPECT_GE(p.graph.find(name), 0) << name;
    EXPECT_EQ(p.graph.node(p.root).name(), "损失");
    const Evaluation e = evaluate(p);
    // 输出 = σ(0.5·2 − 1) = σ(0) = 0.5; 损失 = (0.5 − 1)² = 0.25; ∂损失/∂权重 = 2(0.5 − 1)·σ′(0)·2 = −0.5
    EXPECT_DOUBLE_EQ(e.values[p.root](0, 0), 0.25);
    EXPECT_DOUBLE_EQ(e.grads[p.graph.find("权重")](0, 0), -0.5);
    EXPECT_DOUBLE_EQ(e.grads[p.graph.find("偏置")](0, 0), -0.25);
}

TEST(UnicodeNames, LettersOfCommonScriptsDigitsAndUnderscore) {
    const Program p = parseProgram(
        "param Δw = 1\ninput café = 2\ninput π_2 = 3\ninput вход = 4\ninput ひらがな = 5\ninput カタカナー = 6\n"
        "input 입력 = 7\ninput 数据々 = 8\nx = Δw + café * π_2 - вход + ひらがな + カタカナー + 입력 + 数据々\n",
        "t.bpg");
    EXPECT_DOUBLE_EQ(evaluate(p).values[p.root](0, 0), 1 + 2 * 3 - 4 + 5 + 6 + 7 + 8);
    EXPECT_GE(p.graph.find("π_2"), 0);
    // .T still reads as the transpose after a name in another script, and a name may hold a T
    const Program t = parseProgram("input 矩阵 = [[1, 2]]\n转置 = 矩阵.T\nT和 = sum(转置)\n", "t.bpg");
    EXPECT_EQ(t.graph.node(t.graph.find("转置")).shape.rows, 2);
}

TEST(UnicodeNames, TheTableMatchesPythonIdentifiersOnSamples) {
    for (char32_t c : {U'损', U'失', U'é', U'Δ', U'ж', U'ひ', U'ー', U'한', U'〇', U'\U00020000'})
        EXPECT_TRUE(isNonAsciiNameLetter(c)) << std::hex << static_cast<unsigned>(c);
    // punctuation, full-width forms (NFKC makes ａ an a), combining marks, compatibility
    // ideographs (NFC changes them), digits of other scripts, symbols
    for (char32_t c : {U'，', U'。', U'ａ', U'１', U'\u0301', U'\uF900', U'٣', U'×', U'·', U'\u3000', U'€'})
        EXPECT_FALSE(isNonAsciiNameLetter(c)) << std::hex << static_cast<unsigned>(c);
    EXPECT_TRUE(isNameText("损失_1"));
    EXPECT_FALSE(isNameText("1损失"));
    EXPECT_FALSE(isNameText("损 失"));
    EXPECT_EQ(nameFromText("隐藏层 1"), "隐藏层_1");
    EXPECT_EQ(nameFromText("1层"), "_1层");
}

TEST(UnicodeNames, MistypedCharactersGetAHint) {
    // full-width punctuation typed by a Chinese input method, between Chinese names
    EXPECT_EQ(errorOf("input 输出 = 1\ninput 目标 = 2\n损失 = mse(输出， 目标)"),
              "t.bpg:3:20: error: unexpected character '，' (U+FF0C) (full-width: did you mean ','?)");
    EXPECT_EQ(errorOf("input 输出 = 1\n损失 ＝ 输出"),
              "t.bpg:2:8: error: unexpected character '＝' (U+FF1D) (full-width: did you mean '='?)");
    EXPECT_EQ(errorOf("input 输出 = 1\n损失 = （输出 + 1)"),
              "t.bpg:2:10: error: unexpected character '（' (U+FF08) (full-width: did you mean '('?)");
    // a full-width letter is not the ASCII one
    EXPECT_EQ(errorOf("input ａ = 1"),
              "t.bpg:1:7: error: unexpected character 'ａ' (U+FF41) (full-width: did you mean 'a'?)");
    // e followed by a combining acute accent: the name is cut before it, and the accent refused
    EXPECT_EQ(errorOf("input cafe\xCC\x81 = 1"),
              "t.bpg:1:11: error: unexpected character '\xCC\x81' (U+0301) (a combining accent: type the accented "
              "letter as one character)");
}

TEST(UnicodeNames, KeptByTheWriterAndTheDocument) {
    const Program p = parseProgram(kChinese, "t.bpg");
    const std::string text = writeProgram(p);
    EXPECT_NE(text.find("损失 = mse(输出, 目标)"), std::string::npos) << text;
    const Program again = parseProgram(text, "again.bpg");
    EXPECT_EQ(again.graph.node(again.root).name(), "损失");

    const DocumentFile doc = documentFromText(documentText(documentOf(parseProgram(kChinese, "t.bpg"))), "t.json");
    EXPECT_EQ(doc.program.graph.node(doc.program.root).name(), "损失");
    EXPECT_GE(doc.program.graph.find("权重"), 0);
}

TEST(UnicodeNames, ADocumentsLabelSurvivesConversionToBpg) {
    // A document names a node h and labels it 隐藏层: the canvas shows 隐藏层, and so does the .bpg.
    nlohmann::json j = documentToJson(documentOf(parseProgram("input x = 2\nh = x * 3\nl = h + 1\n", "t.bpg")));
    for (auto& node : j["nodes"])
        if (node["name"] == "h") node["label"] = "隐藏层";
    const DocumentFile doc = documentFromJson(j, "t.json");
    const std::string text = writeProgram(doc.program);
    EXPECT_NE(text.find("隐藏层 = x * 3"), std::string::npos) << text;
    EXPECT_NE(text.find("l = 隐藏层 + 1"), std::string::npos) << text;
    const Program back = parseProgram(text, "t.bpg");
    EXPECT_EQ(back.graph.node(back.graph.find("隐藏层")).label(), "隐藏层");
    EXPECT_DOUBLE_EQ(evaluate(back).values[back.root](0, 0), 7);
    // a label that is not a name (ONNX's "fc1.weight") leaves the name as it is
    for (auto& node : j["nodes"])
        if (node["name"] == "h") node["label"] = "fc1.weight";
    EXPECT_NE(writeProgram(documentFromJson(j, "t.json").program).find("h = x * 3"), std::string::npos);
}

TEST(UnicodeNames, OnnxAndPythonNamesKeepChinese) {
    EXPECT_EQ(onnx_io::identifierFor("隐藏层.weight"), "隐藏层_weight");
    EXPECT_EQ(onnx_io::identifierFor("/层1/MatMul"), "_层1_MatMul");
    EXPECT_EQ(pythonIdentifier("损失"), "损失");
    const std::string script = writePyTorchScript(parseProgram(kChinese, "t.bpg"));
    EXPECT_NE(script.find("\n损失 = "), std::string::npos) << script;
    EXPECT_NE(script.find("\"损失\": 损失"), std::string::npos) << script;
}

// The window says these in its own language: core gives their code and parts.
TEST(UnicodeNames, ErrorsCarryACodeAndTheirParts) {
    auto codeOf = [](const std::string& source) {
        try {
            parseProgram(source, "t.bpg");
        } catch (const ParseError& e) {
            std::vector<std::string> parts;
            for (const Message& a : e.said.args) parts.push_back(englishText(a));
            return std::make_pair(e.said.code, parts);
        }
        return std::make_pair(std::string("no error"), std::vector<std::string>{});
    };
    using Args = std::vector<std::string>;
    EXPECT_EQ(codeOf("input 输出 = 1\n损失 = mse(输出， 1)"),
              std::make_pair(std::string("unexpected-full-width"), Args{"'，' (U+FF0C)", ","}));
    EXPECT_EQ(codeOf("a =\xE3\x80\x80" "1"),
              std::make_pair(std::string("unexpected-full-width-space"), Args{"'\xE3\x80\x80' (U+3000)"}));
    EXPECT_EQ(codeOf("input cafe\xCC\x81 = 1"),
              std::make_pair(std::string("unexpected-combining"), Args{"'\xCC\x81' (U+0301)"}));
    EXPECT_EQ(codeOf("a = 1 $ 2"), std::make_pair(std::string("unexpected-character"), Args{"'$'"}));
    EXPECT_EQ(codeOf("损失 = 输出 + 1"), std::make_pair(std::string("unknown-name"), Args{"输出"}));
    EXPECT_EQ(codeOf("input a = 1\nb = 乘(a)"), std::make_pair(std::string("unknown-function"), Args{"乘"}));
    EXPECT_EQ(codeOf("input 权重 = 1\nparam 权重 = 2"), std::make_pair(std::string("already-defined"), Args{"权重", "1"}));
    EXPECT_EQ(codeOf("input param = 1"), std::make_pair(std::string("keyword-as-name"), Args{"param"}));
    EXPECT_EQ(codeOf("input a = 1\nb = sigmoid(a, a)"), std::make_pair(std::string("argument-count-one"), Args{"sigmoid", "2"}));
    EXPECT_EQ(codeOf("input a = 1\nb = clamp(a)"), std::make_pair(std::string("argument-count"), Args{"clamp", "3", "1"}));
    EXPECT_EQ(codeOf("input a = 1\n"), std::make_pair(std::string("nothing-to-evaluate"), Args{}));
    EXPECT_EQ(codeOf("input m = [[1, 2], [3]]\nx = sum(m)"), std::make_pair(std::string("ragged-literal-one"), Args{"2", "2"}));
    EXPECT_EQ(codeOf("input a = [1, 2]\nb = a @ a"),
              std::make_pair(std::string("matmul-mismatch"), Args{"2x1", "2x1", "1", "2"}));
    EXPECT_EQ(codeOf("a = (1 + 2"), std::make_pair(std::string("never-closed"), Args{"(", "1:5"}));
    EXPECT_EQ(codeOf("input a = 1\nb = a +"),
              std::make_pair(std::string("unexpected-token"), Args{"end of file", "an expression"}));
}

}  // namespace
}  // namespace bp
