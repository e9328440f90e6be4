// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/parse_error_text.h"

#include <QCoreApplication>

#include "core/io/load_program.h"
#include "core/language/parser.h"
#include "core/text/message.h"

namespace bp {
namespace {

struct ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
};

QString located(const std::string& file, int line, int column, const QString& text) {
    const QString name = QString::fromStdString(file);
    if (line <= 0) return ErrorText::tr("%1: error: %2").arg(name, text);
    return ErrorText::tr("%1:%2:%3: error: %4").arg(name).arg(line).arg(column).arg(text);
}

}  // namespace

QString messageText(const Message& m) {
    if (m.code.empty()) return QString::fromStdString(m.text);
    const char* sentence = messageSentence(m.code);
    if (!sentence) return QString::fromStdString(englishText(m));
    std::vector<std::string> parts;
    parts.reserve(m.args.size());
    for (const Message& a : m.args) parts.push_back(messageText(a).toStdString());
    const QString translated = QCoreApplication::translate("CoreMessage", sentence);
    return QString::fromStdString(fillSentence(translated.toStdString(), parts));
}

QString parseErrorText(const ParseError& e) { return messageText(e.said); }

QString errorText(const std::exception& error) {
    if (const auto* e = dynamic_cast<const ParseError*>(&error)) return located(e->file, e->line, e->column, messageText(e->said));
    if (const auto* e = dynamic_cast<const LoadError*>(&error)) return located(e->file, e->line, e->column, messageText(e->said));
    if (const auto* e = dynamic_cast<const MessageError*>(&error)) return messageText(e->said);
    return QString::fromUtf8(error.what());
}

}  // namespace bp
