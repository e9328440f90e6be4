// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/files/test_edit.h"

#include "core/language/parser.h"
#include "ui/document/graph_document.h"

namespace bp {

QString applyTestEdit(GraphDocument& doc) {
    const QString hook = qEnvironmentVariable("BPS_TEST_EDIT");
    if (hook.isEmpty()) return {};
    const qsizetype eq = hook.indexOf(QLatin1Char('='));
    if (eq <= 0) return QStringLiteral("BPS_TEST_EDIT needs NAME=LITERAL, got '%1'").arg(hook);
    const std::string name = hook.left(eq).toStdString();
    const NodeId id = doc.graph().find(name);
    if (id < 0) return QStringLiteral("BPS_TEST_EDIT: no node named '%1'").arg(QString::fromStdString(name));
    try {
        const Matrix value = parseLiteral(hook.mid(eq + 1).toStdString(), "BPS_TEST_EDIT");
        if (!doc.editLeafValue(id, value))
            return QStringLiteral("BPS_TEST_EDIT: '%1' is not a leaf of that shape").arg(QString::fromStdString(name));
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace bp
