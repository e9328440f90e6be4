// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Graph > Add MSE loss…: an imported model ends at its output, so there is nothing to train. This
// writes `const target = <literal>` and `loss = mse(<root>, target)` under the program's .bpg
// text, which then goes through the same undoable path as an edit in the source panel.
#include <QString>

#include "core/graph/program.h"

namespace bp {

class GraphDocument;

struct LossAddition {
    QString source;      // the new .bpg text
    QString targetName;  // "target", or "target_2", … when the name is taken
    QString lossName;    // "loss", or "loss_2", …
};

// The target a loss starts from: zeros of the root's shape, as a .bpg literal ("[[0, 0]]").
QString zeroTargetText(const Program& program);

// The text with the loss added: the program's own text (`source`, when it still reads back as
// the program, so comments stay) or the program written out. A `backward` statement there is
// replaced, since the loss becomes the root. Throws std::runtime_error with a message for the
// user: no root, a target of another shape, a value that .bpg cannot write.
LossAddition sourceWithMseLoss(const Program& program, const QString& source, const Matrix& target);

// Adds the loss to the document as one undo step ("Add MSE loss"); the source panel shows it.
// Returns the names used. Throws std::runtime_error as sourceWithMseLoss does.
LossAddition addMseLoss(GraphDocument& doc, const Matrix& target);

}  // namespace bp
