// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Export all steps…": one picture per step of the phase the cursor is in, numbered for a slide
// deck (step-001.png, step-002.png, …), the cursor put back where it was afterwards.
#include <QString>
#include <QStringList>
#include <functional>

#include "core/trace/step_cursor.h"

namespace bp {

class GraphDocument;
class GraphScene;

// The cursor positions of one phase: first, first + 1, …, first + count - 1. At the start the
// phase to come, forward, is meant.
struct PhaseSteps {
    Phase phase = Phase::Forward;
    int first = 1;
    int count = 0;
};
PhaseSteps currentPhaseSteps(const StepCursor& cursor);

// "step-007.png": numbered from 1, zero-padded to three digits (more when there are more steps).
QString stepFileName(int number, int count, const QString& suffix);
// The step pictures already in `folder` (step-<digits>.png or .svg), which an export replaces.
QStringList existingStepFiles(const QString& folder);

struct StepExportResult {
    QStringList files;   // written, in order
    bool cancelled = false;
    QString error;       // empty when every picture was written (or the user cancelled)
};

// Writes the pictures into `folder` (created if missing) as `suffix` ("png" or "svg") at `scale`.
// `progress(done, total)` is called before each picture and once at the end; returning false
// cancels. The cursor is restored however the export ends.
StepExportResult exportSteps(GraphDocument& doc, GraphScene& scene, const QString& folder, const QString& suffix,
                             double scale, const std::function<bool(int, int)>& progress = {});

}  // namespace bp
