// SPDX-License-Identifier: GPL-3.0-or-later
// Core's message catalog (core/text/message_catalog.h) against the sources that use it: every code
// core says is in the catalog, every code of the catalog is said somewhere, the English is filled
// in one pass, and the Chinese translation of every sentence keeps its parts (%1, %2, …).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "core/text/message.h"

namespace bp {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = fs::path(BPS_TEST_DATA) / ".." / "..";

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::set<std::string> catalogCodes() {
    const std::string text = readAll(kRoot / "core/text/message_catalog.h");
    static const std::regex entry(R"re(\{"([a-z0-9-]+)", QT_TRANSLATE_NOOP)re");
    std::set<std::string> codes;
    for (std::sregex_iterator it(text.begin(), text.end(), entry), end; it != end; ++it) codes.insert((*it)[1]);
    return codes;
}

// The sources that say messages, without the catalog itself.
std::string coreSources() {
    std::string all;
    for (const char* dir : {"core", "app", "ui"})
        for (const auto& f : fs::recursive_directory_iterator(kRoot / dir))
            if ((f.path().extension() == ".cpp" || f.path().extension() == ".h") &&
                f.path().filename() != "message_catalog.h")
                all += readAll(f.path()) + "\n";
    return all;
}

TEST(MessageCatalog, EveryCodeSaidIsInTheCatalogAndEveryCodeIsSaid) {
    const std::set<std::string> codes = catalogCodes();
    ASSERT_GT(codes.size(), 200u);
    const std::string sources = coreSources();
    // message("code", …), phrase("code", …), and the parser's expected-phrase codes
    static const std::regex said(
        R"re((?:message|phrase|unexpected|literal|signedNumber|expectName|endOfStatement)\(\s*"([a-z0-9-]+)")re");
    std::set<std::string> used;
    for (std::sregex_iterator it(sources.begin(), sources.end(), said), end; it != end; ++it) used.insert((*it)[1]);
    for (const std::string& code : used) EXPECT_TRUE(codes.count(code)) << "said but not in the catalog: " << code;
    for (const std::string& code : codes)
        EXPECT_NE(sources.find("\"" + code + "\""), std::string::npos) << "in the catalog but never said: " << code;
}

TEST(MessageCatalog, PartsFillInOnePassAndPhrasesNest) {
    EXPECT_EQ(fillSentence("%2 then %1, %1%", {"a%2", "b"}), "b then a%2, a%2%");
    EXPECT_EQ(englishText(phrase("unexpected-token", {message("token-name", {"q"}), message("expected-expression")})),
              "unexpected name 'q', expected an expression");
    EXPECT_EQ(englishText(plain("as it is")), "as it is");
    EXPECT_EQ(MessageError(message("unknown-name", {"x"})).what(), std::string("unknown name 'x'"));
}

// The parts a sentence names, as a sorted list of their numbers.
std::multiset<std::string> parts(const std::string& sentence) {
    static const std::regex part("%[1-9][0-9]?");
    std::multiset<std::string> found;
    for (std::sregex_iterator it(sentence.begin(), sentence.end(), part), end; it != end; ++it)
        found.insert(it->str());
    return std::multiset<std::string>(found.begin(), found.end());
}

std::set<std::string> distinct(const std::multiset<std::string>& s) { return {s.begin(), s.end()}; }

TEST(MessageCatalog, TheChineseSentencesKeepTheirParts) {
    const std::string ts = readAll(kRoot / "translations/backprop-studio_zh_CN.ts");
    const auto start = ts.find("<name>CoreMessage</name>");
    ASSERT_NE(start, std::string::npos);
    const std::string context = ts.substr(start, ts.find("</context>", start) - start);
    static const std::regex message(R"re(<source>([^<]*)</source>\s*<translation>([^<]*)</translation>)re");
    int checked = 0;
    for (std::sregex_iterator it(context.begin(), context.end(), message), end; it != end; ++it, ++checked)
        EXPECT_EQ(distinct(parts((*it)[1])), distinct(parts((*it)[2]))) << (*it)[1] << "\n" << (*it)[2];
    EXPECT_GT(checked, 200);
}

}  // namespace
}  // namespace bp
