// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/apply_source_command.h"

#include "ui/document/graph_document.h"

namespace bp {

ApplySourceCommand::ApplySourceCommand(GraphDocument* doc, Program after, QString afterSource)
    : doc_(doc), before_(doc->program()), beforeSource_(doc->sourceText()), beforeSpellings_(doc->literalSpellings()),
      after_(std::move(after)), afterSource_(std::move(afterSource)) {
    setText(QObject::tr("Apply the source"));
}

void ApplySourceCommand::undo() {
    afterSpellings_ = doc_->literalSpellings();
    doc_->replaceProgramInPlace(before_, beforeSource_, beforeSpellings_);
}

void ApplySourceCommand::redo() { doc_->replaceProgramInPlace(after_, afterSource_, afterSpellings_); }

}  // namespace bp
