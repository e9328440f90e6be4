// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A message from core as data: a code naming its sentence and the parts that fill it (names,
// numbers, shapes, or phrases that are messages themselves). Core's catalog holds each sentence
// once, in English, with %1, %2, … for the parts; the command line says it in English
// (englishText), the window in the interface language (it translates the same sentence).
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bp {

struct Message {
    std::string code;           // a key of the catalog; "" for plain text
    std::string text;           // the plain text, when code is ""
    std::vector<Message> args;  // the parts for %1, %2, …

    bool empty() const { return code.empty() && text.empty(); }
};

// A part that is said as it is: a name, a number, a shape.
Message plain(std::string text);
// A sentence of the catalog with its parts; the parts are plain text.
Message message(std::string code, std::vector<std::string> args = {});
// A sentence whose parts are phrases of the catalog (or plain parts made with plain()).
Message phrase(std::string code, std::vector<Message> args);

// The English sentence of a code, with %1… for its parts; nullptr for a code the catalog lacks.
const char* messageSentence(std::string_view code);
// Fills %1 … %99 in a sentence with the parts, in one pass (a part's own text is never re-read).
std::string fillSentence(std::string_view sentence, const std::vector<std::string>& parts);
// The message in English, as the command line says it.
std::string englishText(const Message& m);

// "FILE:LINE:COL: error: TEXT", or "FILE: error: TEXT" when the line is 0: how errors in files read.
std::string fileErrorText(const std::string& file, int line, int column, const std::string& text);

// An error whose text is a message: what() is its English, `said` the message as data.
struct MessageError : std::runtime_error {
    explicit MessageError(Message m);
    explicit MessageError(const std::string& english);  // a message that has no code yet
    MessageError(const std::string& what, Message m);   // what() framed around the message
    Message said;
};

}  // namespace bp
