// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Every value in Backprop Studio is a real matrix of doubles; a number is 1x1.
#include <Eigen/Dense>
#include <string>

namespace bp {

using Matrix = Eigen::MatrixXd;

struct Shape {
    long rows = 1;
    long cols = 1;
    long size() const { return rows * cols; }
    bool operator==(const Shape&) const = default;
};
// No shape: what an op's shape rule returns for inputs it does not take.
inline constexpr Shape kNoShape{-1, -1};

// A node's shape in two ints (a node's value has at most GraphLimits::maxEntries entries; Graph
// refuses a side past INT_MAX): reads as a Shape, half its size.
struct NodeShape {
    int rows = 1;
    int cols = 1;
    NodeShape() = default;
    explicit NodeShape(Shape s) : rows(static_cast<int>(s.rows)), cols(static_cast<int>(s.cols)) {}
    operator Shape() const { return {rows, cols}; }
    long size() const { return long(rows) * long(cols); }
    bool operator==(const NodeShape&) const = default;
};

inline Shape shapeOf(const Matrix& m) { return {m.rows(), m.cols()}; }

// "2x1", as every message and label writes a shape.
inline std::string shapeText(Shape s) { return std::to_string(s.rows) + "x" + std::to_string(s.cols); }

}  // namespace bp
