// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of name_characters.h that are not the generated table.
#include "core/language/name_characters.h"

namespace bp {

int decodeUtf8(std::string_view s, char32_t& codePoint) {
    if (s.empty()) return 0;
    const auto b0 = static_cast<unsigned char>(s[0]);
    if (b0 < 0x80) {
        codePoint = b0;
        return 1;
    }
    int length = 0;
    char32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (s.size() < static_cast<std::size_t>(length)) return 0;
    for (int i = 1; i < length; ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not valid UTF-8.
    if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    codePoint = cp;
    return length;
}

std::size_t nameLength(std::string_view text) {
    std::size_t at = 0;
    while (at < text.size()) {
        char32_t cp = 0;
        const int length = decodeUtf8(text.substr(at), cp);
        if (length == 0 || !(at == 0 ? isNameStart(cp) : isNameContinue(cp))) break;
        at += static_cast<std::size_t>(length);
    }
    return at;
}

bool isNameText(std::string_view text) { return !text.empty() && nameLength(text) == text.size(); }

std::string nameFromText(std::string_view text) {
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        char32_t cp = 0;
        const int length = decodeUtf8(text.substr(at), cp);
        if (length > 0 && isNameContinue(cp)) {
            out.append(text.substr(at, static_cast<std::size_t>(length)));
            at += static_cast<std::size_t>(length);
        } else {
            out += '_';
            at += length > 0 ? static_cast<std::size_t>(length) : 1;
        }
    }
    if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(out.begin(), '_');
    return out;
}

std::string combiningMarkHint(std::string_view rest) {
    char32_t cp = 0;
    if (decodeUtf8(rest, cp) == 0 || cp < 0x300 || cp > 0x36F) return {};
    return " (a combining accent: type the accented letter as one character)";
}

}  // namespace bp
