// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Help > Language reference (F1): the .bpg language, with every operator and function read from
// the op table itself (so the page cannot fall behind the engine), an example of each, and the
// shipped examples.
#include <QString>

namespace bp {

struct OpDef;

// How an op is written in .bpg, as one line: "c = a + b", "y = sigmoid(z)", "c = reshape(a, 2, 3)".
QString opExample(const OpDef& op);
// The whole reference as HTML.
QString languageReferenceHtml();

}  // namespace bp
