// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Stochastic gradient descent on every `param` leaf, the update rule of torch.optim.SGD
// (dampening 0, no Nesterov, no weight decay):
//   b ← g on the first step, b ← μ·b + g after;   p ← p − lr·b   (b = g when μ = 0)
#include <map>
#include <vector>

#include "core/trace/evaluation.h"

namespace bp {

class SgdOptimizer {
public:
    SgdOptimizer(double learningRate, double momentum = 0.0) : lr_(learningRate), momentum_(momentum) {}
    // The new value of every param of `graph` from the gradients in `eval`, in `updates` (written
    // over, so a loop of steps reuses its matrices). The graph is left as it is: the caller
    // applies the update (train() to its program; the window as one undo step).
    void step(const Graph& graph, const Evaluation& eval, LeafValues& updates);
    LeafValues step(const Graph& graph, const Evaluation& eval) {
        LeafValues updates;
        step(graph, eval, updates);
        return updates;
    }
    void reset() { buffers_.clear(); }
    double learningRate() const { return lr_; }
    void setLearningRate(double lr) { lr_ = lr; }
    double momentum() const { return momentum_; }

private:
    double lr_;
    double momentum_;
    std::map<NodeId, Matrix> buffers_;  // momentum buffers, created on a param's first step
};

// How the learning rate changes over the steps, as torch.optim.lr_scheduler stepped once per
// optimizer step: constant; StepLR (times gamma every stepSize steps); ExponentialLR (times
// gamma every step).
struct LrSchedule {
    enum class Kind { Constant, Step, Exponential };
    Kind kind = Kind::Constant;
    int stepSize = 1;
    double gamma = 1.0;
    // The rate of step `step` (0 for the first update) from the base rate.
    double rate(double base, int step) const;
};

struct TrainResult {
    std::vector<double> losses;      // L0 before the first update ... LN after the last
    std::vector<double> accuracies;  // beside each loss, for a classifier's loss (else empty)
    std::vector<double> rates;       // the learning rate of each update
};

// N times: zero_grad, forward, backward from the root, SGD step. The root must be 1x1.
// Throws std::invalid_argument when it is not. The passes run in `evaluation` when one is given
// (its matrices are reused, and afterwards it holds the forward pass of the trained params and the
// gradients of the last step), else in one of train's own.
TrainResult train(Program& program, int steps, double learningRate, double momentum = 0.0,
                  Evaluation* evaluation = nullptr, const LrSchedule& schedule = {});

}  // namespace bp
