// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/step_export.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

#include "ui/canvas/graph_scene.h"
#include "ui/canvas/scene_export.h"
#include "ui/document/graph_document.h"

namespace bp {

PhaseSteps currentPhaseSteps(const StepCursor& cursor) {
    if (cursor.phase() == Phase::Backward) return {Phase::Backward, cursor.forwardCount() + 1, cursor.backwardCount()};
    return {Phase::Forward, 1, cursor.forwardCount()};
}

QString stepFileName(int number, int count, const QString& suffix) {
    const int width = std::max(3, int(QString::number(count).size()));
    return QStringLiteral("step-%1.%2").arg(number, width, 10, QLatin1Char('0')).arg(suffix);
}

QStringList existingStepFiles(const QString& folder) {
    static const QRegularExpression pattern(QStringLiteral("^step-\\d+\\.(png|svg)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    QStringList found;
    const QDir dir(folder);
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name))
        if (pattern.match(name).hasMatch()) found << dir.filePath(name);
    return found;
}

StepExportResult exportSteps(GraphDocument& doc, GraphScene& scene, const QString& folder, const QString& suffix,
                             double scale, const std::function<bool(int, int)>& progress) {
    StepExportResult result;
    const PhaseSteps steps = currentPhaseSteps(doc.cursor());
    if (steps.count == 0) {
        result.error = QCoreApplication::translate("StepExport", "This phase has no steps to draw.");
        return result;
    }
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("."))) {
        result.error = QCoreApplication::translate("StepExport", "Cannot create the folder “%1”.").arg(folder);
        return result;
    }
    const int before = doc.cursor().position();
    for (int i = 0; i < steps.count; ++i) {
        if (progress && !progress(i, steps.count)) {
            result.cancelled = true;
            break;
        }
        doc.setCursorPosition(steps.first + i);
        const QString path = dir.filePath(stepFileName(i + 1, steps.count, suffix));
        QString error;
        if (!exportScene(scene, path, scale, &error)) {
            result.error = error;
            break;
        }
        result.files << path;
    }
    doc.setCursorPosition(before);
    if (progress && !result.cancelled && result.error.isEmpty()) progress(steps.count, steps.count);
    return result;
}

}  // namespace bp
