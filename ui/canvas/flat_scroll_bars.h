// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Scroll bars drawn flat: a plain track, a rounded handle and two small arrows, in the palette's
// colours. Fusion draws its scroll bars with gradients and many lines; the canvas's two bars move
// on most steps (the view follows the step) and the chain-rule panel's on many, and drawing them
// was about a tenth of a step.
class QAbstractScrollArea;

namespace bp {

// Draws the area's two scroll bars flat (the rest of the area keeps the application's style).
void useFlatScrollBars(QAbstractScrollArea* area);

}  // namespace bp
