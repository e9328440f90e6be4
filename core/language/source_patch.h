// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Keeps the .bpg text in step with live edits: when a leaf's value changes, only the literal of
// its declaration (or of the anonymous constant) is rewritten, so comments and layout survive
// and the source panel shows the numbers the canvas shows. Plain text work, no Qt.
#include <string>
#include <vector>

#include "core/graph/graph.h"

namespace bp {

// Rewrites the literal of leaf `id` in `source` (UTF-8, the text the graph was parsed from) to
// the leaf's current value, and moves the recorded positions of the nodes after it by as much
// as the text moved. Returns false, changing nothing, when the node has no position or the text
// at its position is not the literal expected there.
// `spelling`, when given, is written instead of the value's shortest literal; `replaced`, when
// given, receives the text that was there.
bool patchLeafLiteral(std::string& source, Graph& graph, NodeId id, const std::string& spelling = {},
                      std::string* replaced = nullptr);

// Remembers how each leaf's literal was written before live edits first rewrote it, so that an
// edit undone back to that value gives back the text as the user wrote it (`[[1], [2]]` stays
// `[[1], [2]]` rather than becoming `[1, 2]`).
class LiteralSpellings {
public:
    // Rewrites the literal of leaf `id`, whose value was `before`; false when it is not found.
    bool rewrite(std::string& source, Graph& graph, NodeId id, const Matrix& before);
    void clear() { first_.clear(); }

private:
    struct Spelling {
        NodeId id;
        Matrix value;
        std::string text;
    };
    std::vector<Spelling> first_;  // a handful: one per leaf edited since the text was set
};

// Forgets every node's source position (after the text was regenerated and no longer matches).
void clearSourcePositions(Graph& graph);

}  // namespace bp
