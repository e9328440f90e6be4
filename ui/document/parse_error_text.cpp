// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/parse_error_text.h"

#include <QCoreApplication>

#include "core/language/parser.h"

namespace bp {
namespace {

struct ParseErrorText {
    Q_DECLARE_TR_FUNCTIONS(ParseErrorText)
};

QString arg(const ParseError& e, std::size_t i) {
    return i < e.args.size() ? QString::fromStdString(e.args[i]) : QString();
}

QString unexpectedCharacter(const ParseError& e) {
    const QString character = arg(e, 0);
    const QString ascii = arg(e, 1);
    if (ascii == QLatin1String(" "))
        return ParseErrorText::tr("unexpected character %1 (a full-width space: did you mean an ordinary space ' '?)")
            .arg(character);
    if (!ascii.isEmpty())
        return ParseErrorText::tr("unexpected character %1 (full-width: did you mean '%2'?)").arg(character, ascii);
    if (arg(e, 2) == QLatin1String("combining"))
        return ParseErrorText::tr("unexpected character %1 (a combining accent: type the accented letter as one character)")
            .arg(character);
    return ParseErrorText::tr("unexpected character %1").arg(character);
}

}  // namespace

QString parseErrorText(const ParseError& e) {
    const std::string& code = e.code;
    if (code == "unexpected-character") return unexpectedCharacter(e);
    if (code == "unknown-name") return ParseErrorText::tr("unknown name '%1'").arg(arg(e, 0));
    if (code == "unknown-function") return ParseErrorText::tr("unknown function '%1'").arg(arg(e, 0));
    if (code == "already-defined")
        return ParseErrorText::tr("'%1' is already defined at line %2").arg(arg(e, 0), arg(e, 1));
    if (code == "keyword-as-name") return ParseErrorText::tr("'%1' is a keyword and cannot be a name").arg(arg(e, 0));
    if (code == "argument-count")
        return ParseErrorText::tr("'%1' takes %2 argument(s), got %3").arg(arg(e, 0), arg(e, 1), arg(e, 2));
    if (code == "nothing-to-evaluate") return ParseErrorText::tr("nothing to evaluate: the program assigns no name");
    return QString::fromStdString(e.message);
}

}  // namespace bp
