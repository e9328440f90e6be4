// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/inline_constant.h"

#include "core/text/number_format.h"

namespace bp {

bool isInlineConstant(const Node& node) { return node.kind == NodeKind::Const && !node.named; }

void labelInlineConstant(Node& node) {
    if (!isInlineConstant(node)) return;
    constexpr int kMostEntriesShown = 4;
    node.setLabel(node.leafValue().size() <= kMostEntriesShown ? formatMatrix(node.leafValue(), 6) : node.name());
}

}  // namespace bp
