// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Core's messages as the window says them, in the interface language: core gives a message as a
// code and parts (core/text/message.h), the window translates the code's sentence (context
// "CoreMessage", the sentences of core/text/message_catalog.h) and fills in the parts.
#include <QString>
#include <exception>

namespace bp {

struct Message;
struct ParseError;

QString messageText(const Message& message);
// A .bpg error's message, without its position.
QString parseErrorText(const ParseError& error);
// Any error core throws, whole: a file's name and position with the message ("FILE:3:5: error: …"
// in the interface language) for errors in files, the message alone for the others.
QString errorText(const std::exception& error);

}  // namespace bp
