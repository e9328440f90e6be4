// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/language_reference.h"

#include <QCoreApplication>
#include <QStringList>

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

// An example of each number an op takes after its operands: an axis 1, a slope 0.1, a shape 2, 3.
QString attrNumber(Attr attr) {
    switch (attr) {
    case Attr::Axis: return QStringLiteral("1");
    case Attr::Slope: return QStringLiteral("0.1");
    case Attr::Low: return QStringLiteral("-1");
    case Attr::High: return QStringLiteral("1");
    case Attr::Classes: return QStringLiteral("3");
    case Attr::Cols: return QStringLiteral("3");
    default: return QStringLiteral("2");
    }
}

QString attrNumbers(const OpDef& op) {
    QStringList numbers;
    for (int i = 0; i < op.attrCount; ++i) numbers << attrNumber(op.attrs[static_cast<std::size_t>(i)]);
    return numbers.join(QStringLiteral(", "));
}

}  // namespace

QString opExample(const OpDef& op) {
    const QString name = view(op.name);
    if (!infixText(op).empty())
        return op.arity == 2 ? QStringLiteral("c = a %1 b").arg(view(infixText(op)))
                             : QStringLiteral("c = a %1 %2").arg(view(infixText(op)), attrNumbers(op));
    if (name == QLatin1String("neg")) return QStringLiteral("c = -a");
    if (name == QLatin1String("transpose")) return QStringLiteral("c = a.T    # or transpose(a)");
    if (name == QLatin1String("identity")) return QStringLiteral("c = a");
    if (name == QLatin1String("mse")) return QStringLiteral("loss = mse(y, target)");
    if (name.startsWith(QLatin1String("cross_entropy")))
        return QStringLiteral("loss = cross_entropy(a, b)    # b: class probabilities, or a column of class indices");
    if (name == QLatin1String("nll")) return QStringLiteral("loss = nll(log_softmax(a, 1), [0, 2])");
    if (name == QLatin1String("one_hot")) return QStringLiteral("c = one_hot([0, 2], 3)");
    if (op.bpg.form == Form::Index) return QStringLiteral("c = a[0:2, 1]    # a[i, j], a[-1], a[:, 1:]");
    QString args = op.arity == 2 ? QStringLiteral("a, b") : QStringLiteral("a");
    if (op.attrCount > 0) args += QStringLiteral(", ") + attrNumbers(op);
    // The name .bpg calls it by: sum_axis is sum(a, 1), maximum is max(a, b).
    const QString called = op.bpg.form == Form::Function ? view(op.bpg.text) : name;
    return QStringLiteral("c = %1(%2)").arg(called, args);
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
