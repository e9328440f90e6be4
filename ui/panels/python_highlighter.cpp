// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/python_highlighter.h"

#include "ui/canvas/canvas_style.h"

namespace bp {
namespace {

QTextCharFormat colored(const QColor& color, bool bold = false, bool italic = false) {
    QTextCharFormat format;
    format.setForeground(color);
    if (bold) format.setFontWeight(QFont::Bold);
    format.setFontItalic(italic);
    return format;
}

}  // namespace

PythonHighlighter::PythonHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {
    using RE = QRegularExpression;
    rules_.push_back({RE(QStringLiteral(R"(\b(import|def|return|for|in|if|else|not|is|None|True|False)\b)")),
                      colored(style::kText, true)});
    // The numbers of tensors, always written with a point or an exponent (2.0, 1e-05), and
    // float('inf'), float('nan'): values, in blue. Shapes and exponents (reshape(1, 1), ** 2) stay plain.
    rules_.push_back({RE(QStringLiteral(R"((?<![\w.])(\d+\.\d*(e[+-]?\d+)?|\d+e[+-]?\d+)|float\('-?(inf|nan)'\))")),
                      colored(style::kValue)});
    rules_.push_back({RE(QStringLiteral(R"(\b(backward|retain_grad|requires_grad|grad|grad_of)\b)")),
                      colored(style::kGradient, true)});
    rules_.push_back({RE(QStringLiteral(R"("[^"\n]*")")), colored(QColor(0x2e, 0x7d, 0x32))});
    rules_.push_back({RE(QStringLiteral(R"(#[^\n]*$|"""[^\n]*?""")")), colored(style::kMuted, false, true)});
}

void PythonHighlighter::highlightBlock(const QString& text) {
    for (const Rule& rule : rules_) {
        auto matches = rule.pattern.globalMatch(text);
        while (matches.hasNext()) {
            const auto m = matches.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()), rule.format);
        }
    }
}

}  // namespace bp
