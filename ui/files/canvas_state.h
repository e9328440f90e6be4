// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a saved document holds beyond the program: where the nodes are, the zoom and centre of
// the view, and the step. Read from the window when saving, put back when opening.
#include <QString>

#include "core/io/document_json.h"

namespace bp {

class GraphDocument;
class GraphScene;
class GraphView;

// The whole window state as a document (a copy of the program, its source, positions, view, step).
DocumentFile captureDocument(const GraphDocument& doc, const GraphScene& scene, const GraphView& view);

// Replaces the document's program with `saved`'s and puts back its positions (nodes without one
// keep the automatic layout), view (or the fitted view when it has none) and step.
void restoreDocument(DocumentFile saved, const QString& source, GraphDocument& doc, GraphScene& scene,
                     GraphView& view);

}  // namespace bp
