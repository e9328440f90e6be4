// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/font_fallbacks.h"

#include <QFont>
#include <QRegularExpression>
#include <QString>

namespace bp {
namespace {

const QString kCjk = QStringLiteral("Noto Sans CJK SC");
const QString kCjkMono = QStringLiteral("Noto Sans Mono CJK SC");

bool isMono(const QString& family) { return family.contains(QStringLiteral("Mono")) || family == QStringLiteral("monospace"); }

}  // namespace

void installFontFallbacks() {
    for (const QString& family : {QStringLiteral("DejaVu Sans"), QStringLiteral("Sans Serif"), QStringLiteral("sans-serif")})
        QFont::insertSubstitution(family, kCjk);
    for (const QString& family : {QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Monospace"), QStringLiteral("monospace")})
        QFont::insertSubstitution(family, kCjkMono);
}

QByteArray svgWithFontFallbacks(const QByteArray& svg) {
    static const QRegularExpression family(QStringLiteral("font-family=\"([^\"',]*)\""));
    QString text = QString::fromUtf8(svg);
    QString out;
    out.reserve(text.size() + text.size() / 8);
    qsizetype at = 0;
    for (auto it = family.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(at, m.capturedStart() - at);
        const QString name = m.captured(1);
        const bool mono = isMono(name);
        out += QStringLiteral("font-family=\"'%1', '%2', %3\"").arg(name, mono ? kCjkMono : kCjk,
                                                                   mono ? QStringLiteral("monospace") : QStringLiteral("sans-serif"));
        at = m.capturedEnd();
    }
    out += QStringView(text).mid(at);
    return out.toUtf8();
}

}  // namespace bp
