// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/text_encoding.h"

namespace bp {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The length of the UTF-8 sequence at `s[i]`, or 0 when it is not one (overlong forms,
// surrogates and code points past U+10FFFF are not UTF-8).
std::size_t sequenceAt(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) return 1;
    std::size_t length;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) length = 2;
    else if (b0 == 0xE0) length = 3, low = 0xA0;
    else if (b0 == 0xED) length = 3, high = 0x9F;
    else if (b0 >= 0xE1 && b0 <= 0xEF) length = 3;
    else if (b0 == 0xF0) length = 4, low = 0x90;
    else if (b0 == 0xF4) length = 4, high = 0x8F;
    else if (b0 >= 0xF1 && b0 <= 0xF3) length = 4;
    else return 0;
    if (i + length > s.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return length;
}

}  // namespace

bool isValidUtf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t n = sequenceAt(bytes, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

DecodedText decodeText(std::string_view bytes) {
    DecodedText text;
    if (bytes.starts_with(kByteOrderMark) && isValidUtf8(bytes)) {
        text.encoding.byteOrderMark = true;
        text.utf8 = std::string(bytes.substr(kByteOrderMark.size()));
        return text;
    }
    if (isValidUtf8(bytes)) {
        text.utf8 = std::string(bytes);
        return text;
    }
    text.encoding.charset = TextEncoding::Charset::Latin1;
    text.utf8.reserve(bytes.size() + bytes.size() / 8);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) {
            text.utf8 += c;
        } else {
            text.utf8 += static_cast<char>(0xC0 | (b >> 6));
            text.utf8 += static_cast<char>(0x80 | (b & 0x3F));
        }
    }
    return text;
}

std::optional<std::string> encodeText(std::string_view utf8, const TextEncoding& encoding) {
    if (encoding.charset == TextEncoding::Charset::Utf8)
        return (encoding.byteOrderMark ? std::string(kByteOrderMark) : std::string()) + std::string(utf8);
    std::string bytes;
    bytes.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b0 = static_cast<unsigned char>(utf8[i]);
        if (b0 < 0x80) {
            bytes += utf8[i++];
        } else if ((b0 == 0xC2 || b0 == 0xC3) && i + 1 < utf8.size()) {  // U+0080..U+00FF
            bytes += static_cast<char>(((b0 & 0x03) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F));
            i += 2;
        } else {
            return std::nullopt;
        }
    }
    return bytes;
}

}  // namespace bp
