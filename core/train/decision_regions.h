// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The decision regions of a classifier on the plane (the picture TensorFlow Playground made
// famous): when the root is a classification loss whose scores are computed row by row from an
// input leaf of two columns (one point of the plane per row), the scores of a grid of points,
// computed by the same graph with the grid in place of the data, and the class each point gets.
#include <optional>
#include <vector>

#include "core/graph/program.h"

namespace bp {

struct DecisionRegions {
    int size = 0;                  // the grid is size x size points
    double xMin = 0, xMax = 0;     // the plane shown: the data's extent and a margin
    double yMin = 0, yMax = 0;
    std::vector<int> classes;      // per grid point, row-major from the top row (largest y)
    Matrix points;                 // the data: one point per row
    std::vector<int> labels;       // each data point's class (-1 when it has none)
    int classCount = 0;
};

// The input leaf holding the points (two columns, as many rows as the scores), or -1 when the
// program is not such a classifier.
NodeId planeInput(const Program& program);

// The regions on a size x size grid, or nothing when the program is not a classifier of the
// plane (or the graph cannot take the grid: a node mixing the points with something of their count).
std::optional<DecisionRegions> decisionRegions(const Program& program, int size);

}  // namespace bp
