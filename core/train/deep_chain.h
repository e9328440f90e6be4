// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The deep chain of the vanishing-gradient demo, built for any depth and activation with the
// structure of resources/examples/deep-sigmoid.bpg:
//   input x = 0.5;  param w1..wN = 1;  param b = 0   (one bias shared by every layer)
//   z_k = w_k * h_{k-1} + b,   h_k = act(z_k),   h_0 = x;   loss = mse(h_N, target), target = 0
// Backward, ∂L/∂z_k = ∂L/∂z_{k+1} · w_{k+1} · act'(z_k): with sigmoid, act' <= 1/4 and w = 1, so
// the gradient of z_k is at least 4x smaller than that of z_{k+1}.
#include <optional>
#include <string>
#include <vector>

#include "core/graph/program.h"
#include "core/trace/evaluation.h"

namespace bp {

constexpr int kDeepChainMinDepth = 1;
constexpr int kDeepChainMaxDepth = 30;

// The activations the demo offers, in the order it lists them.
const std::vector<std::string>& deepChainActivations();

// Throws std::invalid_argument for a depth outside [1, 30] or an activation not listed above.
Program makeDeepChain(int depth, const std::string& activation);

// What a program is, if it has the shape of a deep chain: z1..zN and h1..hN with every h_k one
// activation of z_k, all with the same activation.
struct DeepChainShape {
    int depth = 0;
    std::string activation;
};
std::optional<DeepChainShape> recognizeDeepChain(const Program& program);

// The size of the gradient at each layer: ‖∂L/∂z_k‖ (the Frobenius norm; |g| for a number), read
// by name from z1, z2, ... for as long as such nodes exist, from the gradients of `eval`.
struct LayerGradient {
    int layer = 0;     // k, from 1
    NodeId node = -1;  // z_k
    double norm = 0;
};
std::vector<LayerGradient> layerGradients(const Program& program, const Evaluation& eval);

}  // namespace bp
