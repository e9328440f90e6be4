// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A .bpg error as the window says it, in the interface language: core gives the message's code
// and parts (ParseError::code, args), the window the sentence. Messages without a code are shown
// as core wrote them.
#include <QString>

namespace bp {

struct ParseError;

QString parseErrorText(const ParseError& error);

}  // namespace bp
