// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/language_reference.h"

#include <QCoreApplication>

#include "core/ops/op_table.h"
#include "resources/shipped_examples.h"
#include "ui/window/interface_language.h"

namespace bp {
namespace {

// The context of this file's texts in the translations.
struct LanguageReference {
    Q_DECLARE_TR_FUNCTIONS(LanguageReference)
};
QString code(const QString& text) { return QStringLiteral("<code>%1</code>").arg(text.toHtmlEscaped()); }
QString view(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

// Example operands: a and b, and the numbers an op's attributes take.
QString attrNumbers(int count) { return count == 1 ? QStringLiteral("2") : QStringLiteral("2, 3"); }

}  // namespace

QString opExample(const OpDef& op) {
    const QString name = view(op.name);
    if (!infixText(op).empty())
        return op.arity == 2 ? QStringLiteral("c = a %1 b").arg(view(infixText(op)))
                             : QStringLiteral("c = a %1 %2").arg(view(infixText(op)), attrNumbers(op.attrCount));
    if (name == QLatin1String("neg")) return QStringLiteral("c = -a");
    if (name == QLatin1String("transpose")) return QStringLiteral("c = a.T    # or transpose(a)");
    if (name == QLatin1String("identity")) return QStringLiteral("c = a");
    if (name == QLatin1String("mse")) return QStringLiteral("loss = mse(y, target)");
    QString args = op.arity == 2 ? QStringLiteral("a, b") : QStringLiteral("a");
    if (op.attrCount > 0) args += QStringLiteral(", ") + attrNumbers(op.attrCount);
    return QStringLiteral("c = %1(%2)").arg(name, args);
}

QString languageReferenceHtml() {
    QString html = QStringLiteral("<h2>%1</h2>").arg(LanguageReference::tr("The graph language (.bpg)"));
    html += QStringLiteral("<p>%1</p>")
                .arg(LanguageReference::tr("One statement per line (<code>;</code> also separates); <code>#</code> starts a comment; "
                        "newlines inside <code>( )</code> or <code>[ ]</code> are ignored. Leaves come first, then "
                        "one assignment per op; the last assignment is the root of the backward pass."));
    html += QStringLiteral("<p>%1</p>")
                .arg(LanguageReference::tr("A name is letters, digits and <code>_</code>, not starting with a digit, as in Python; "
                        "the letters may be Chinese, Japanese, Korean, Greek, Cyrillic or accented Latin: "
                        "<code>损失 = mse(输出, 目标)</code>."));
    html += QStringLiteral("<pre>%1</pre>")
                .arg(QStringLiteral("input x = 1                 # data\n"
                                    "param w = [[1], [2]]        # a trainable weight, 2x1 (rows of a matrix)\n"
                                    "const target = [1, 0]       # a column vector is written [a, b]\n"
                                    "z = w @ x\n"
                                    "y = sigmoid(z)\n"
                                    "loss = mse(y, target)\n"
                                    "# backward t with [7, 8, 9] # choose the root, with a seed when it is not 1x1")
                         .toHtmlEscaped());
    html += QStringLiteral("<h3>%1</h3><table border='1' cellspacing='0' cellpadding='4'>").arg(LanguageReference::tr("Operators and functions"));
    html += QStringLiteral("<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
                .arg(LanguageReference::tr("Op"), LanguageReference::tr("Drawn as"), LanguageReference::tr("Written as"), LanguageReference::tr("Local derivative"));
    for (const OpDef& op : allOps()) {
        QString derivative = view(op.formula[0]).toHtmlEscaped();
        if (!op.formula[1].empty()) derivative += QStringLiteral("<br>") + view(op.formula[1]).toHtmlEscaped();
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(code(view(op.name)), view(op.symbol).toHtmlEscaped(), code(opExample(op)), derivative);
    }
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p>%1</p>")
                .arg(LanguageReference::tr("<code>+ - * /</code> are elementwise with NumPy broadcasting on two dimensions; "
                        "<code>@</code> is the matrix product. Errors name the place: "
                        "<code>FILE:LINE:COL: error: MESSAGE</code>."));
    html += QStringLiteral("<h3>%1</h3><ul>").arg(LanguageReference::tr("Examples (File > Examples opens them)"));
    for (const Example& e : shippedExamples(exampleLanguage()))
        html += QStringLiteral("<li>%1 — %2</li>").arg(code(QString::fromStdString(e.name)),
                                                         QString::fromStdString(e.summary).toHtmlEscaped());
    html += QStringLiteral("</ul>");
    return html;
}

}  // namespace bp
