// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Colours for the PyTorch panel, in the program's own code: numbers in the value blue, what
// belongs to the backward pass (backward, grad, retain_grad, requires_grad) in the gradient red,
// comments muted, Python's keywords bold.
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <vector>

namespace bp {

class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit PythonHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    std::vector<Rule> rules_;  // applied in order: a later rule wins where they overlap
};

}  // namespace bp
