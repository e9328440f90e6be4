// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text/message.h"

#include <algorithm>
#include <utility>

namespace bp {
namespace {

// The catalog's lines are written as the translation tools read them; here they are just text.
#define QT_TRANSLATE_NOOP(context, sentence) sentence
struct Sentence {
    std::string_view code;
    const char* english;
};
constexpr Sentence kCatalog[] = {
#include "core/text/message_catalog.h"
};
#undef QT_TRANSLATE_NOOP

}  // namespace

Message plain(std::string text) { return Message{{}, std::move(text), {}}; }

Message message(std::string code, std::vector<std::string> args) {
    Message m{std::move(code), {}, {}};
    m.args.reserve(args.size());
    for (std::string& a : args) m.args.push_back(plain(std::move(a)));
    return m;
}

Message phrase(std::string code, std::vector<Message> args) { return Message{std::move(code), {}, std::move(args)}; }

const char* messageSentence(std::string_view code) {
    const auto it = std::find_if(std::begin(kCatalog), std::end(kCatalog),
                                 [&](const Sentence& s) { return s.code == code; });
    return it == std::end(kCatalog) ? nullptr : it->english;
}

std::string fillSentence(std::string_view sentence, const std::vector<std::string>& parts) {
    std::string out;
    out.reserve(sentence.size() + 16);
    for (std::size_t i = 0; i < sentence.size(); ++i) {
        const char c = sentence[i];
        const auto digit = [&](std::size_t k) { return k < sentence.size() && sentence[k] >= '0' && sentence[k] <= '9'; };
        if (c != '%' || !digit(i + 1) || sentence[i + 1] == '0') {
            out += c;
            continue;
        }
        std::size_t n = static_cast<std::size_t>(sentence[i + 1] - '0');
        std::size_t used = 1;
        if (digit(i + 2) && n * 10 + static_cast<std::size_t>(sentence[i + 2] - '0') <= parts.size()) {
            n = n * 10 + static_cast<std::size_t>(sentence[i + 2] - '0');
            used = 2;
        }
        if (n > parts.size()) {
            out += c;
            continue;
        }
        out += parts[n - 1];
        i += used;
    }
    return out;
}

std::string englishText(const Message& m) {
    if (m.code.empty()) return m.text;
    const char* sentence = messageSentence(m.code);
    std::vector<std::string> parts;
    parts.reserve(m.args.size());
    for (const Message& a : m.args) parts.push_back(englishText(a));
    if (!sentence) return m.code;  // a code the catalog lacks is a bug the catalog test finds
    return fillSentence(sentence, parts);
}

std::string fileErrorText(const std::string& file, int line, int column, const std::string& text) {
    if (line <= 0) return file + ": error: " + text;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + text;
}

MessageError::MessageError(const std::string& what, Message m) : std::runtime_error(what), said(std::move(m)) {}
MessageError::MessageError(Message m) : std::runtime_error(englishText(m)), said(std::move(m)) {}
MessageError::MessageError(const std::string& english) : std::runtime_error(english), said(plain(english)) {}

}  // namespace bp
