// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The terms of one step, as data: which node is computed or which edge passes gradient, the
// symbols, the shapes, and for each shown entry the numbers it is built from (the products summed
// into it, the factors of each product and where every factor was read). Nothing here is a
// sentence: the window and the command line write these terms out (core/trace/step_text.h).
//
// A pure function of a recorded evaluation: the values and the trace's contributions are read,
// the op table's row says how its entries are built. The only numbers made here are local
// derivatives at the shown entries (the factors a student multiplies), from recorded values.
#include <optional>
#include <vector>

#include "core/trace/step_cursor.h"

namespace bp {

// Where a number was read: an entry of a node's value (or gradient, for the upstream factor).
struct EntryRef {
    NodeId node = -1;  // -1: computed here (a local derivative, a count)
    int row = 0;
    int col = 0;
    bool operator==(const EntryRef&) const = default;
};

enum class FactorRole {
    Operand,   // an operand's entry (forward), or the other operand of a product (backward)
    Upstream,  // an entry of the upstream gradient G
    Local,     // a local derivative at one entry, computed from recorded values
};

struct Factor {
    double value = 0.0;
    FactorRole role = FactorRole::Operand;
    EntryRef from;  // the entry it was read from, or where the local derivative was taken
};

using Product = std::vector<Factor>;

// One entry of the step's result, with what it is built from.
struct EntryTerms {
    int row = 0;
    int col = 0;
    // Backward, and forward MatMul/Sum/Mean: the entry is the sum of these products (Mean then
    // divides by n). Forward Elementwise: one "product" holding the operands' entries (a[, b]),
    // written into the op's template. MeanSquare: pairs (a_i, b_i). Move: the one moved entry.
    // A General op's line form (softmax): the entries of the line, one per product.
    std::vector<Product> products;
    double value = 0.0;  // the recorded result entry (forward: the value; backward: the contribution)
};

// Which entries of a large result are written out.
struct EntryChoice {
    int row = -1;  // -1: all entries when the result has at most kWholeEntries, else row 0
    int col = -1;  // with row >= 0: one entry (a drill-down), else that row (its first kRowEntries)
    bool all = false;  // every entry, however many (the command line's trace)
};

// Of a selected row of a large result, this many entries are written out.
inline constexpr int kRowEntries = 8;

// Results up to this many entries (4x4) are written whole.
inline constexpr int kWholeEntries = 16;

enum class StepKind { Start, Forward, Backward };

struct StepTerms {
    StepKind kind = StepKind::Start;
    int index = 0;  // 1-based within the phase
    int count = 0;  // steps in the phase
    const OpDef* op = nullptr;
    NodeId node = -1;   // forward: the node computed; backward: the node receiving gradient (to)
    NodeId from = -1;   // backward: the consumer passing gradient
    int slot = 0;       // backward: which input of `from`
    NodeId root = -1;   // backward: the root the gradients are of (∂root/∂…)
    std::vector<NodeId> operands;  // the op's inputs (forward) / the consumer's inputs (backward)
    double exponent = 1.0;         // the op's {p}
    OpAttrs attrs;                 // the op's number attributes (exponent, slope, bounds, axis)
    double n = 0.0;                // entries averaged over (Mean, MeanSquare)
    Shape shape;                   // of the result (forward: the value; backward: the contribution)
    Shape upstreamShape;           // backward: of G
    // Backward: the input was broadcast in the op; its gradient sums over these dimensions.
    int broadcastRows = 1;  // > 1: summed over this many rows
    int broadcastCols = 1;  // > 1: summed over this many columns
    std::vector<EntryTerms> entries;  // the written-out entries, row by row
    bool wholeResult = true;          // entries cover the result (else: one row or one entry)
    int moreEntries = 0;              // entries of the selected row not written out
    // Backward: the gradient of `node` before this event and after it, and where this edge stands
    // among the edges into the node (1-based), as the trace recorded them.
    Matrix before;
    Matrix after;
    int edge = 1;
    int edges = 1;
    bool startGradient = false;  // the gradient did not start at zero (a seed or an earlier pass)
    // The scalar chain rule across every edge into a 1x1 node: per edge, the consumer and, for the
    // edges done so far, the upstream and local factors.
    struct ChainTerm {
        NodeId from = -1;
        bool done = false;
        double upstream = 0.0;
        double local = 0.0;
    };
    std::vector<ChainTerm> chain;  // filled when the node and all its consumers' gradients are 1x1
    Matrix result;                 // forward: the value; backward: the contribution
    // The first node whose value or gradient is not finite, or -1.
    NodeId nonFinite = -1;
    bool nonFiniteValue = true;
    Matrix nonFiniteNumbers;  // its value or gradient
};

// The terms of the cursor's current step.
StepTerms stepTerms(const Graph& graph, const Evaluation& eval, const StepCursor& cursor, EntryChoice choice = {});
// The terms of forward step `node` and backward event `eventIndex`, for any recorded evaluation
// (the command line's trace): `eventsInto` are the indices of the events into the event's node.
StepTerms forwardTerms(const Graph& graph, const Evaluation& eval, NodeId node, EntryChoice choice = {});
StepTerms backwardTerms(const Graph& graph, const Evaluation& eval, int eventIndex, const std::vector<int>& eventsInto,
                        EntryChoice choice = {});

// Down to one entry of a node's gradient, as it stands at a step: the entry it held before the
// pass's first edge (the seed, or an earlier pass's gradient) and, per edge into the node so far,
// the products summed into that entry. The scalar chain rule inside the matrix one.
struct GradientEntryTerms {
    NodeId node = -1;
    NodeId root = -1;
    int row = 0;
    int col = 0;
    bool shown = false;          // the gradient is shown at this step (else nothing to write)
    bool startGradient = false;  // the entry did not start at zero
    double start = 0.0;
    std::vector<StepTerms> edges;  // per edge into the node so far: its terms of the one entry
    double value = 0.0;            // the entry as it stands: start + the edges' contributions
};

GradientEntryTerms gradientEntryTerms(const Graph& graph, const Evaluation& eval, const StepCursor& cursor, NodeId node,
                                      int row, int col);

// The entries a gradient entry's chain read: of values (operands, where local derivatives were
// taken) and of gradients (the upstream factors), without repeats, the entry itself among the
// gradients.
struct EntriesRead {
    std::vector<EntryRef> values;
    std::vector<EntryRef> gradients;
};
EntriesRead entriesRead(const GradientEntryTerms& terms);

// The root the trace was recorded from: the node whose start gradient is the seed.
NodeId traceRoot(const Evaluation& eval);

// Whether the op's steps are written entry by entry with their products: not Move (its entries
// only move), nor a General op's forward step (its formula and the recorded result) unless its
// entries are a formula of their line (OpExplain::lineForm: softmax, logsumexp); a General
// op's backward step is, through the entries of the output its input reaches (Reach), unless no
// gradient flows into that input.
inline bool writesEntryArithmetic(const OpDef& op, StepKind kind, int slot = 0) {
    if (op.explain.arithmetic == Arithmetic::Move) return false;
    if (op.explain.arithmetic != Arithmetic::General) return true;
    if (kind == StepKind::Forward) return !op.explain.lineForm.empty();
    return kind == StepKind::Backward && op.explain.reach != Reach::None && passesGradient(op, slot);
}
inline bool writesEntryArithmetic(const StepTerms& t) {
    return t.op && writesEntryArithmetic(*t.op, t.kind, t.slot);
}

// Σ over the products of their factors (what an entry's terms add up to).
double sumOfProducts(const EntryTerms& entry);

// The first node (in evaluation order) whose value is nan or ±inf, or -1: where a numerical
// problem arose, e.g. a log of 0. Its gradient is checked after the values.
NodeId firstNonFinite(const Graph& graph, const Evaluation& eval);

}  // namespace bp
