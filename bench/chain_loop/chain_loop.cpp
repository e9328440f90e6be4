// SPDX-License-Identifier: GPL-3.0-or-later
// The scalar chain of scripts/bench_compare.py, v = v + k * tanh(v) repeated, written by hand:
// what `backprop-studio train chain.bpg --steps 1` computes (the forward pass keeping every v, the
// backward pass to d v_N / d v_0, one SGD step and the value after it) with nothing else, for the
// issue's goal that the program be within 2x of such a loop.
//
//     bps_chain_loop STEPS V0 K LR   ->   {"loss": [before, after], "grad": d v_N / d v_0}
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

// v_0 .. v_steps, each tanh kept for the backward pass.
double forward(int steps, double v0, double k, std::vector<double>& tanhs) {
    double v = v0;
    for (int i = 0; i < steps; ++i) {
        tanhs[std::size_t(i)] = std::tanh(v);
        v = v + k * tanhs[std::size_t(i)];
    }
    return v;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s STEPS V0 K LR\n", argv[0]);
        return 2;
    }
    const int steps = std::atoi(argv[1]);
    const double v0 = std::atof(argv[2]), k = std::atof(argv[3]), lr = std::atof(argv[4]);
    std::vector<double> tanhs(std::size_t(steps > 0 ? steps : 0));
    const double before = forward(steps, v0, k, tanhs);
    // d v_{i+1} / d v_i = 1 + k (1 - tanh(v_i)^2), multiplied from the end (reverse mode).
    double grad = 1;
    for (int i = steps - 1; i >= 0; --i) grad *= 1 + k * (1 - tanhs[std::size_t(i)] * tanhs[std::size_t(i)]);
    const double after = forward(steps, v0 - lr * grad, k, tanhs);
    std::printf("{\"loss\": [%.17g, %.17g], \"grad\": %.17g}\n", before, after, grad);
}
