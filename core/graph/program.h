// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A loaded program: the graph and the root of its backward pass with its seed.
#include <string>
#include <unordered_map>

#include "core/graph/graph.h"

namespace bp {

struct Program {
    Graph graph;
    NodeId root = -1;
    Matrix seed;  // the root's shape; ones(1x1) for a scalar root unless given
    int onnxOpset = 0;
    // An imported model's node name -> the name its file gave it ("w1" -> "onnx::MatMul_9"); the
    // Inspector shows it. Empty for a program read from .bpg text.
    std::unordered_map<std::string, std::string> originalNames;  // the default-domain opset an imported ONNX model declares; 0 for other sources
};

}  // namespace bp
