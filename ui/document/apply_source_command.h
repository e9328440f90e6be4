// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Applying edited .bpg text is one undo step: the command holds the program and the text from
// before and after, so undo gives back exactly the graph that was there (the same node ids,
// which the value edits further down the stack refer to).
#include <QString>
#include <QUndoCommand>

#include "core/graph/program.h"
#include "core/language/source_patch.h"

namespace bp {

class GraphDocument;

class ApplySourceCommand : public QUndoCommand {
public:
    ApplySourceCommand(GraphDocument* doc, Program after, QString afterSource);
    void undo() override;
    void redo() override;

private:
    GraphDocument* doc_;
    Program before_;
    QString beforeSource_;
    LiteralSpellings beforeSpellings_;
    Program after_;
    QString afterSource_;
    LiteralSpellings afterSpellings_;
};

}  // namespace bp
