// SPDX-License-Identifier: GPL-3.0-or-later
// A text file's bytes come back as they were: the UTF-8 mark kept, Latin-1 kept byte for byte.
#include <gtest/gtest.h>

#include "core/io/text_encoding.h"

namespace bp {
namespace {

TEST(TextEncoding, Utf8WithoutAMarkIsReadAsItIs) {
    const DecodedText t = decodeText("input a = 1  # café → ∂\n");
    EXPECT_EQ(t.utf8, "input a = 1  # café → ∂\n");
    EXPECT_EQ(t.encoding, TextEncoding{});
    EXPECT_EQ(encodeText(t.utf8, t.encoding), "input a = 1  # café → ∂\n");
}

TEST(TextEncoding, TheByteOrderMarkIsKept) {
    const std::string bytes = "\xEF\xBB\xBFinput a = 1\n";
    const DecodedText t = decodeText(bytes);
    EXPECT_EQ(t.utf8, "input a = 1\n");
    EXPECT_TRUE(t.encoding.byteOrderMark);
    EXPECT_EQ(encodeText(t.utf8 + "y = a * a\n", t.encoding), bytes + "y = a * a\n");
}

TEST(TextEncoding, Latin1IsReadAsLatin1AndWrittenBackByteForByte) {
    const std::string bytes = "# caf\xe9, na\xefve, 100\xb0\ninput a = 1\n";
    const DecodedText t = decodeText(bytes);
    EXPECT_EQ(t.encoding.charset, TextEncoding::Charset::Latin1);
    EXPECT_EQ(t.utf8, "# café, naïve, 100°\ninput a = 1\n");
    EXPECT_EQ(encodeText(t.utf8, t.encoding), bytes);
}

TEST(TextEncoding, ACharacterLatin1CannotHoldIsNotSilentlyChanged) {
    const TextEncoding latin1{TextEncoding::Charset::Latin1, false};
    EXPECT_EQ(encodeText("# → ∂\n", latin1), std::nullopt);
    EXPECT_EQ(encodeText("# \xC3", latin1), std::nullopt);  // a cut sequence
}

TEST(TextEncoding, OnlyWellFormedUtf8IsUtf8) {
    EXPECT_TRUE(isValidUtf8("a é ∂ 😀"));
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));      // a surrogate
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(isValidUtf8("\xE2\x88"));          // cut short
    EXPECT_FALSE(isValidUtf8("caf\xe9"));
}

}  // namespace
}  // namespace bp
