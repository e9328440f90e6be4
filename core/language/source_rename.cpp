// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/language/source_rename.h"

#include "core/language/lexer.h"

namespace bp {

std::string renameInSource(const std::string& text, const std::string& from, const std::string& to, int* count) {
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;
    int uses = 0;
    Lexer lexer(text, "source");
    for (Token t = lexer.next(); t.kind != TokenKind::End; t = lexer.next()) {
        if (t.kind != TokenKind::Name || t.text != from) continue;
        const auto at = static_cast<std::size_t>(t.text.data() - text.data());
        out.append(text, copied, at - copied);
        out += to;
        copied = at + t.text.size();
        ++uses;
    }
    out.append(text, copied, std::string::npos);
    if (count) *count = uses;
    return out;
}

}  // namespace bp
