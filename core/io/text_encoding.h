// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The bytes of a text file and the text they hold, both ways, so that a file saved again keeps
// what the program did not change: a UTF-8 byte-order mark, and Latin-1 (ISO 8859-1) text, as old
// editors write it, byte for byte. No Qt.
#include <optional>
#include <string>
#include <string_view>

namespace bp {

struct TextEncoding {
    enum class Charset { Utf8, Latin1 };
    Charset charset = Charset::Utf8;
    bool byteOrderMark = false;  // a UTF-8 file that starts with EF BB BF
    bool operator==(const TextEncoding&) const = default;
};

struct DecodedText {
    std::string utf8;  // the text, without the byte-order mark
    TextEncoding encoding;
};

bool isValidUtf8(std::string_view bytes);

// UTF-8 (with or without a mark) when the bytes are valid UTF-8; otherwise Latin-1, where every
// byte is a character (the only reading that never fails and gives each byte back on saving).
DecodedText decodeText(std::string_view bytes);

// The bytes of `utf8` in `encoding`; none when a character has no Latin-1 byte (the caller asks
// before saving it as UTF-8).
std::optional<std::string> encodeText(std::string_view utf8, const TextEncoding& encoding);

}  // namespace bp
