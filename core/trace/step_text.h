// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes a step's terms (step_terms.h) out as equations with their numbers:
//   z2 = w2 @ y1 = [3·0.7311 + 4·0.8808, 5·0.7311 + 6·0.8808] = [5.716, 8.94]
// The mathematics (symbols, numbers, operators) is written here; every word comes from the
// Phrases the caller passes: the window passes its translated ones (tr()), the command line the
// English ones. Each line is a list of pieces with a role, so that a piece (an entry's products,
// a partial sum, the result) can be hidden while the class predicts it, without reading text.
#include <string>
#include <vector>

#include "core/trace/step_terms.h"
#include "core/text/number_format.h"

namespace bp {

// Word templates, with %1, %2, … for what is filled in (the window passes its translations).
struct Phrases {
    std::string start = "Start";
    std::string startLine = "The leaves hold their values; press → to compute the graph one node at a time.";
    std::string forwardTitle = "Forward %1 / %2: %3";             // index, count, node
    std::string backwardTitle = "Backward %1 / %2: %3 → %4";      // index, count, from, to
    std::string shape = "shape %1";                               // 2x1
    std::string termsSoFar = "(%1 of %2 terms so far)";
    std::string edgesSoFar = "(%1 of %2 edges)";
    std::string broadcastRows = "%1 was broadcast over %2 rows: its gradient sums them";
    std::string broadcastCols = "%1 was broadcast over %2 columns: its gradient sums them";
    std::string moreTerms = "… and %1 more";
    std::string moreEntries = "… and %1 more entries";
    std::string rowShown = "row %1 of %2:";                        // 1-based row, rows
    std::string entryShown = "entry [%1, %2]:";                    // 1-based row and column
    std::string accumulated = "%1 = before + this edge = %2";      // lhs, "before + added = after"
    std::string heldBefore = "(%1 held from the previous backward pass)";  // before
    std::string nonFiniteValue = "⚠ the first non-finite value arises at %1 = %2: %3";
    std::string nonFiniteGradient = "⚠ the first non-finite gradient arises at %1 = %2: %3";
    std::string leafKind = "%1";
    std::string alongEdge = "along %1 → %2:";                      // consumer, node
    std::string seed = "(the seed: %1)";                           // the root's start gradient                                   // param, input, const
};

enum class PieceRole {
    Text,        // symbols, words, the given numbers
    Arithmetic,  // an entry's products or sum written with its numbers
    Sum,         // a partial sum across edges (the accumulated gradient)
    Result,      // the number(s) this step computes
};

struct Piece {
    std::string text;
    PieceRole role = PieceRole::Text;
    int entry = -1;  // a result's entry: its index in StepTerms::entries (what a click drills into)
};

using TextLine = std::vector<Piece>;

struct StepText {
    std::string title;
    std::vector<TextLine> lines;
};

// Digits a student reads on the projector.
inline constexpr int kShownDigits = int(Shown::Step);

StepText writeStep(const Graph& graph, const StepTerms& terms, const Phrases& phrases = {});

// One entry's own chain (terms made with an EntryChoice of one entry), on one line: the products
// summed into it, each factor named by the node and entry it was read from, the numbers, the value:
//   ∂loss/∂w2[1, 2] = ∂loss/∂z2[1]·y1[2] = -1.073e-05 × 0.8808 = -9.45e-06
std::vector<TextLine> writeEntryChain(const Graph& graph, const StepTerms& terms, const Phrases& phrases = {});

// One entry of a node's gradient, its own chain across the edges into the node so far:
//   along z2 → y1: ∂loss/∂y1[2] = ∂loss/∂z2[1]·w2[1, 2] + … = … = 4.6e-05
// then, when the entry sums several edges (or held a gradient before), the sum of their shares.
std::vector<TextLine> writeGradientEntry(const Graph& graph, const GradientEntryTerms& terms, const Phrases& phrases = {});

// One line as plain text; pieces whose role is in `hidden` are written "?".
std::string lineText(const TextLine& line, const std::vector<PieceRole>& hidden = {});
// Title and lines, newline-separated (the command line's "text").
std::string plainText(const StepText& text);

// "∂e/∂b": the derivative of the root with respect to a node, by their labels.
std::string partial(const Graph& graph, NodeId root, NodeId of);
// The op applied to its operands' labels as its row writes it: "σ(z1)", "w2 @ y1".
std::string writtenOp(const Graph& graph, const Node& node);
// %1… in `pattern` replaced by `args` in order.
std::string fillIn(const std::string& pattern, const std::vector<std::string>& args);

}  // namespace bp
