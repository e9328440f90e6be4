// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The workloads of issue 8 as .bpg text, built the way scripts/bench_compare.py writes them (the
// same shapes and structure; the numbers come from a fixed-seed generator of their own):
//   - an MLP 64x784 -> 256 -> 256 -> 10 with sigmoid and MSE, its literals about 2.4 MB of text;
//   - the scalar chain v = v + 0.001 * tanh(v), 3 ops a step;
//   - a fully connected sigmoid net expanded to scalars (24-24-24-1 is about 3,650 nodes,
//     12-12-12-1 about 1,000).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace bp::bench {

// A small deterministic generator (the text must not depend on the standard library's engines).
class Numbers {
public:
    explicit Numbers(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
    // Uniform in [lo, hi).
    double uniform(double lo, double hi) {
        state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
        return lo + (hi - lo) * static_cast<double>(state_ >> 11) * 0x1.0p-53;
    }

private:
    std::uint64_t state_;
};

// `digits` decimals, as the script writes them ("0.125", "-0.0312").
inline void appendNumber(std::string& out, double x, int digits) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
    out += buffer;
}

inline void appendMatrix(std::string& out, int rows, int cols, Numbers& rng, double lo, double hi, int digits) {
    out += '[';
    for (int r = 0; r < rows; ++r) {
        out += r ? ",\n[" : "[";
        for (int c = 0; c < cols; ++c) {
            if (c) out += ',';
            appendNumber(out, rng.uniform(lo, hi), digits);
        }
        out += ']';
    }
    out += ']';
}

// MLP batch x layers, sigmoid after every layer, MSE against a one-hot target.
inline std::string mlpSource(const std::vector<int>& sizes = {784, 256, 256, 10}, int batch = 64) {
    Numbers rng(8);
    std::string s = "input x = ";
    appendMatrix(s, batch, sizes.front(), rng, 0, 1, 3);
    s += "\nconst t = [";
    for (int r = 0; r < batch; ++r) {
        s += r ? ",[" : "[";
        for (int c = 0; c < sizes.back(); ++c) {
            if (c) s += ',';
            s += c == r % sizes.back() ? '1' : '0';
        }
        s += ']';
    }
    s += "]\n";
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        const double bound = 1 / std::sqrt(static_cast<double>(sizes[l - 1]));
        const std::string k = std::to_string(l);
        s += "param w";
        s += k;
        s += " = ";
        appendMatrix(s, sizes[l - 1], sizes[l], rng, -bound, bound, 4);
        s += "\nparam b" + k + " = ";
        appendMatrix(s, 1, sizes[l], rng, -bound, bound, 4);
        s += '\n';
    }
    std::string h = "x";
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        const std::string k = std::to_string(l);
        s += "h" + k + " = sigmoid(" + h + " @ w" + k + " + b" + k + ")\n";
        h = "h" + k;
    }
    s += "loss = mse(" + h + ", t)\n";
    return s;
}

// v = v + 0.001 * tanh(v), `steps` times (3 ops a step); the root is the last v.
// (Strings are appended piece by piece: GCC 12 warns falsely on `"v" + std::to_string(i)`.)
inline std::string chainSource(int steps) {
    std::string s = "param v0 = 0.5\nconst k = 0.001\n";
    s.reserve(static_cast<std::size_t>(steps) * 36);
    for (int i = 1; i <= steps; ++i) {
        const std::string prev = std::to_string(i - 1);
        s += 'v';
        s += std::to_string(i);
        s += " = v";
        s += prev;
        s += " + k * tanh(v";
        s += prev;
        s += ")\n";
    }
    return s;
}

// "<prefix><a>_<b>", appended (see chainSource).
inline std::string indexed(const char* prefix, std::size_t a, std::size_t b) {
    std::string name(prefix);
    name += std::to_string(a);
    name += '_';
    name += std::to_string(b);
    return name;
}

// A sigmoid net expanded to scalars: per neuron a weight and a product per input, a chain of
// additions, a bias, a sigmoid; then (h - y)^2. Weights are named w<layer>_<neuron>_<input>.
inline std::string scalarNetSource(const std::vector<int>& widths) {
    Numbers rng(24);
    std::string s;
    std::vector<std::string> prev;
    for (int i = 0; i < widths[0]; ++i) {
        std::string x("x");
        x += std::to_string(i);
        prev.push_back(x);
        s += "input " + x + " = ";
        appendNumber(s, rng.uniform(-1, 1), 3);
        s += '\n';
    }
    for (std::size_t l = 1; l < widths.size(); ++l) {
        std::vector<std::string> next;
        for (int j = 0; j < widths[l]; ++j) {
            const std::string neuron = indexed("", l, static_cast<std::size_t>(j));
            std::string terms;
            for (int i = 0; i < widths[l - 1]; ++i) {
                std::string w = indexed("w", l, static_cast<std::size_t>(j));
                w += '_';
                w += std::to_string(i);
                s += "param " + w + " = ";
                appendNumber(s, rng.uniform(-0.5, 0.5), 3);
                s += '\n';
                terms += w + " * " + prev[i] + " + ";
            }
            s += "param b" + neuron + " = ";
            appendNumber(s, rng.uniform(-0.1, 0.1), 3);
            s += "\nh" + neuron + " = sigmoid(" + terms + "b" + neuron + ")\n";
            next.push_back("h" + neuron);
        }
        prev = next;
    }
    s += "const y = 1\nloss = (" + prev[0] + " - y) ^ 2\n";
    return s;
}

}  // namespace bp::bench
