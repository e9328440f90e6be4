// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The characters of a .bpg name, as Python's identifiers (SPEC: XID_Start or "_", then
// XID_Continue, NFC): ASCII letters, digits and "_", and the letters of the common scripts
// (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, CJK ideographs, kana, Hangul) that are one
// code point no normalisation changes, so `损失 = mse(输出, 目标)` is a program and every name is
// NFC and a name Python reads unchanged in the PyTorch script. The table of letters is generated
// by scripts/make-name-characters.py.
#include <cstddef>
#include <string>
#include <string_view>

namespace bp {

// The length (1 to 4) of the valid UTF-8 sequence at the start of `s` and its code point, or 0.
int decodeUtf8(std::string_view s, char32_t& codePoint);

// One of the non-ASCII letters a name may contain.
bool isNonAsciiNameLetter(char32_t c);

inline bool isNameStart(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0x80 && isNonAsciiNameLetter(c));
}
inline bool isNameContinue(char32_t c) { return isNameStart(c) || (c >= '0' && c <= '9'); }

// The number of bytes of the name at the start of `text`: 0 when it does not start with a name.
std::size_t nameLength(std::string_view text);

// Whether all of `text` is one name (keywords included: see isKeyword).
bool isNameText(std::string_view text);

// `text` made a name: every character a name cannot hold becomes "_", and a "_" goes in front of
// a leading digit or an empty result ("fc1.weight" -> "fc1_weight", "隐藏层 1" -> "隐藏层_1").
std::string nameFromText(std::string_view text);

// A combining mark (U+0300..U+036F) typed after a letter: " (a combining accent: type the accented
// letter as one character)", else "". A name's letters are precomposed (NFC).
std::string combiningMarkHint(std::string_view rest);

}  // namespace bp
