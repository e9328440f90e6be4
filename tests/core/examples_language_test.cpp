// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped examples in other languages: the same graphs (names, kinds, values, root) with the
// comments and summaries translated; an untranslated language falls back to English.
#include <gtest/gtest.h>

#include "core/language/parser.h"
#include "core/trace/evaluation.h"
#include "resources/shipped_examples.h"

namespace bp {
namespace {

TEST(ExamplesInChinese, EveryExampleIsTheSameGraphWithChineseComments) {
    ASSERT_EQ(exampleLanguages(), std::vector<std::string>{"zh_CN"});
    const auto& english = shippedExamples();
    const auto& chinese = shippedExamples("zh_CN");
    ASSERT_EQ(chinese.size(), english.size());
    for (std::size_t i = 0; i < english.size(); ++i) {
        const Example& en = english[i];
        const Example& zh = chinese[i];
        EXPECT_EQ(zh.name, en.name);
        EXPECT_NE(zh.summary, en.summary) << en.name << " has no Chinese summary";
        EXPECT_NE(zh.summary.find("\xE3\x80\x82"), std::string::npos) << zh.summary;  // a Chinese full stop
        const Program a = parseProgram(en.source, en.name + ".bpg");
        const Program b = parseProgram(zh.source, en.name + ".bpg");
        ASSERT_EQ(a.graph.size(), b.graph.size()) << en.name;
        EXPECT_EQ(a.root, b.root);
        for (NodeId id = 0; id < a.graph.size(); ++id) {
            EXPECT_EQ(a.graph.node(id).name(), b.graph.node(id).name());
            EXPECT_EQ(a.graph.node(id).kind, b.graph.node(id).kind);
            EXPECT_EQ(a.graph.node(id).leafValue(), b.graph.node(id).leafValue());
        }
        EXPECT_EQ(evaluate(a).values[a.root], evaluate(b).values[b.root]) << en.name;
    }
    EXPECT_EQ(findExample("chain-rule", "zh_CN")->source, chinese[0].source);
    EXPECT_EQ(findExample("chain-rule")->source, english[0].source);
}

TEST(ExamplesInChinese, AnotherLanguageIsEnglish) {
    EXPECT_EQ(&shippedExamples("fr"), &shippedExamples());
    EXPECT_EQ(findExample("xor", "fr")->summary, findExample("xor")->summary);
}

}  // namespace
}  // namespace bp
