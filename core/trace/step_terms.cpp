// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/trace/step_terms.h"

#include <algorithm>
#include <map>

#include "core/ops/broadcast.h"

namespace bp {
namespace {

using Index = std::pair<int, int>;

// The entry of `m` that position (r, c) of a broadcast result reads (a dimension of 1 repeats).
Index broadcastSource(const Matrix& m, int r, int c) {
    return {m.rows() == 1 ? 0 : r, m.cols() == 1 ? 0 : c};
}

Factor read(const Matrix& m, NodeId node, Index at, FactorRole role) {
    return {m(at.first, at.second), role, {node, at.first, at.second}};
}

// The entries of a result of shape `s` to write out, row by row.
std::vector<Index> chosenEntries(Shape s, const EntryChoice& choice, StepTerms& terms) {
    std::vector<Index> out;
    const bool whole = choice.all || (choice.row < 0 && s.size() <= kWholeEntries);
    terms.wholeResult = whole;
    if (whole) {
        for (int r = 0; r < s.rows; ++r)
            for (int c = 0; c < s.cols; ++c) out.emplace_back(r, c);
        return out;
    }
    const int row = std::clamp(choice.row, 0, int(s.rows) - 1);
    if (choice.row >= 0 && choice.col >= 0) {
        out.emplace_back(row, std::clamp(choice.col, 0, int(s.cols) - 1));
        return out;
    }
    const int shown = std::min(int(s.cols), kRowEntries);
    for (int c = 0; c < shown; ++c) out.emplace_back(row, c);
    terms.moreEntries = int(s.cols) - shown;
    return out;
}

// Per input, its value as a matrix (the op table's functions take matrices; a 1x1 value is copied
// into a 1x1 matrix held here); b is a when the op is unary (never read then).
struct Operands {
    Matrix aScalar{1, 1};
    Matrix bScalar{1, 1};
    const Matrix* a;
    const Matrix* b;
    NodeId aId;
    NodeId bId;
    Operands(const Node& node, const Evaluation& eval)
        : a(&eval.values.asMatrix(node.inputs[0], aScalar)),
          b(node.inputs.size() > 1 ? &eval.values.asMatrix(node.inputs[1], bScalar) : a),
          aId(node.inputs[0]),
          bId(node.inputs.size() > 1 ? node.inputs[1] : node.inputs[0]) {}
    Operands(const Operands&) = delete;
    Shape broadcast() const { return broadcastShapes(shapeOf(*a), shapeOf(*b)).value_or(shapeOf(*a)); }
};

// For an op that only moves entries (transpose, reshape, identity, concat): per output entry, the
// input entry it holds, found by running the op's forward on the inputs' linear indices (the
// second input's counted on after the first's).
Matrix sourceIndices(const Node& node, const Operands& in) {
    const Matrix* operands[2] = {in.a, in.b};
    Matrix indices[2];
    double next = 0;
    for (std::size_t k = 0; k < node.inputs.size() && k < 2; ++k) {
        indices[k].resize(operands[k]->rows(), operands[k]->cols());
        for (int r = 0; r < indices[k].rows(); ++r)
            for (int c = 0; c < indices[k].cols(); ++c) indices[k](r, c) = next++;
    }
    const Matrix* refs[2] = {&indices[0], &indices[1]};
    Matrix out;
    node.op->forward(MatrixRefs(refs, node.inputs.size()), node.attrs(), out);
    return out;
}

Index fromLinear(double linear, int cols) {
    const auto i = static_cast<long long>(linear);
    return {static_cast<int>(i / cols), static_cast<int>(i % cols)};
}

// n of a Mean or MeanSquare: the entries averaged over (a line's, along an axis).
double averagedOver(const Node& node, const Operands& in) {
    if (node.op->explain.arithmetic == Arithmetic::MeanSquare) return double(in.broadcast().size());
    if (node.op->explain.reach == Reach::LineEnd) return double(node.attrs().axis == 0 ? in.a->rows() : in.a->cols());
    return double(shapeOf(*in.a).size());
}

// ---- forward ----------------------------------------------------------------------------------

Product forwardProductAt(const Operands& in, bool binary, int r, int c) {
    Product p{read(*in.a, in.aId, broadcastSource(*in.a, r, c), FactorRole::Operand)};
    if (binary) p.push_back(read(*in.b, in.bId, broadcastSource(*in.b, r, c), FactorRole::Operand));
    return p;
}

std::vector<Product> forwardProducts(const Node& node, const Operands& in, const Matrix& moved, int r, int c) {
    std::vector<Product> out;
    switch (node.op->explain.arithmetic) {
    case Arithmetic::Elementwise: out.push_back(forwardProductAt(in, node.inputs.size() > 1, r, c)); break;
    case Arithmetic::MatMul:
        for (int k = 0; k < in.a->cols(); ++k)
            out.push_back({read(*in.a, in.aId, {r, k}, FactorRole::Operand),
                           read(*in.b, in.bId, {k, c}, FactorRole::Operand)});
        break;
    case Arithmetic::Sum:
    case Arithmetic::Mean: {
        // Along an axis: the line that entry (r, c) of the result sums; else every entry.
        const bool line = node.op->explain.reach == Reach::LineEnd;
        const bool alongRow = node.attrs().axis == 1;
        for (int i = 0; i < in.a->rows(); ++i)
            for (int j = 0; j < in.a->cols(); ++j)
                if (!line || (alongRow ? i == r : j == c)) out.push_back({read(*in.a, in.aId, {i, j}, FactorRole::Operand)});
        break;
    }
    case Arithmetic::MeanSquare: {
        const Shape s = in.broadcast();
        for (int i = 0; i < s.rows; ++i)
            for (int j = 0; j < s.cols; ++j) out.push_back(forwardProductAt(in, true, i, j));
        break;
    }
    case Arithmetic::Move:
        out.push_back({read(*in.a, in.aId, fromLinear(moved(r, c), int(in.a->cols())), FactorRole::Operand)});
        break;
    case Arithmetic::General:  // a formula of its line's entries, or its formula and the result
        if (node.op->explain.lineForm.empty()) break;
        for (int i = 0; i < in.a->rows(); ++i)
            for (int j = 0; j < in.a->cols(); ++j)
                if (node.attrs().axis == 1 ? i == r : j == c) out.push_back({read(*in.a, in.aId, {i, j}, FactorRole::Operand)});
        break;
    }
    return out;
}

// ---- backward ---------------------------------------------------------------------------------

// A General op's unit vector-Jacobian products by output entry, kept while one step's entries are
// written (row by row: the entries of a row reach the same outputs), up to a bounded size.
struct UnitVjps {
    std::map<std::pair<int, int>, Matrix> byOutput;
    double doubles = 0;
    static constexpr double kMaxDoubles = 4e6;
};

struct EdgeContext {
    const Node& consumer;
    int slot;
    const Operands& in;
    const Matrix& y;
    const Matrix& g;
    NodeId from;
    double n;
    UnitVjps* unitVjps = nullptr;
};

Factor localAt(const EdgeContext& e, int r, int c) {
    const Index ai = broadcastSource(*e.in.a, r, c), bi = broadcastSource(*e.in.b, r, c);
    const double a = (*e.in.a)(ai.first, ai.second), b = (*e.in.b)(bi.first, bi.second);
    const Index yi = broadcastSource(e.y, r, c);
    const double local = e.consumer.op->explain.local(e.slot, a, b, e.y(yi.first, yi.second), e.n, e.consumer.attrs());
    const Index at = e.slot == 0 ? ai : bi;
    return {local, FactorRole::Local, {e.consumer.inputs[e.slot], at.first, at.second}};
}

// A General op: ∂y[out]/∂in[slot] at every entry, read off the op's vector-Jacobian product with a
// unit upstream gradient at `out`.
Matrix unitVjpAt(const EdgeContext& e, Index out) {
    Matrix unit = Matrix::Zero(e.y.rows(), e.y.cols());
    unit(out.first, out.second) = 1.0;
    const Matrix* refs[2] = {e.in.a, e.in.b};
    Matrix d;
    e.consumer.op->vjp(e.slot, MatrixRefs(refs, e.consumer.inputs.size()), e.y, unit, e.consumer.attrs(), d);
    return d;
}

const Matrix& unitVjp(const EdgeContext& e, Index out, Matrix& scratch) {
    if (!e.unitVjps) return scratch = unitVjpAt(e, out);
    UnitVjps& cache = *e.unitVjps;
    if (const auto it = cache.byOutput.find(out); it != cache.byOutput.end()) return it->second;
    Matrix d = unitVjpAt(e, out);
    if (cache.doubles + double(d.size()) > UnitVjps::kMaxDoubles) cache = {};
    cache.doubles += double(d.size());
    return cache.byOutput.emplace(out, std::move(d)).first->second;
}

// The output entries input entry (r, c) reaches (OpExplain::Reach).
std::vector<Index> reachedEntries(const EdgeContext& e, const Matrix& moved, int r, int c) {
    std::vector<Index> out;
    const int rows = int(e.y.rows()), cols = int(e.y.cols());
    const bool alongRow = e.consumer.attrs().axis == 1;
    switch (e.consumer.op->explain.reach) {
    case Reach::None: break;
    case Reach::Whole:
        for (int i = 0; i < rows; ++i)
            for (int j = 0; j < cols; ++j) out.emplace_back(i, j);
        break;
    case Reach::Line:
        if (alongRow) for (int j = 0; j < cols; ++j) out.emplace_back(r, j);
        else for (int i = 0; i < rows; ++i) out.emplace_back(i, c);
        break;
    case Reach::LineEnd: out.push_back(alongRow ? Index{r, 0} : Index{0, c}); break;
    case Reach::Moved: {
        const Matrix& self = e.slot == 0 ? *e.in.a : *e.in.b;
        const double linear = double(e.slot == 0 ? 0 : e.in.a->size()) + double(r) * double(self.cols()) + c;
        for (int i = 0; i < moved.rows(); ++i)
            for (int j = 0; j < moved.cols(); ++j)
                if (moved(i, j) == linear) out.emplace_back(i, j);
        break;
    }
    }
    return out;
}

// A General op's input entry: Σ over the output entries it reaches of G times their derivative.
std::vector<Product> reachedProducts(const EdgeContext& e, const Matrix& moved, int r, int c) {
    std::vector<Product> out;
    if (!passesGradient(*e.consumer.op, e.slot)) return out;  // class indices: no gradient, no products
    Matrix scratch;
    for (const Index& at : reachedEntries(e, moved, r, c))
        out.push_back({read(e.g, e.from, at, FactorRole::Upstream),
                       {unitVjp(e, at, scratch)(r, c), FactorRole::Local, {e.from, at.first, at.second}}});
    return out;
}

// The products summed into entry (r, c) of input `slot`'s contribution. An input the op broadcast
// gets the products of every position that read it: broadcasting undone as the sum it is.
std::vector<Product> backwardProducts(const EdgeContext& e, const Matrix& moved, Shape vjpShape, Shape input, int r,
                                      int c) {
    std::vector<Product> out;
    const Arithmetic kind = e.consumer.op->explain.arithmetic;
    auto upstream = [&](int i, int j) { return read(e.g, e.from, {i, j}, FactorRole::Upstream); };
    switch (kind) {
    case Arithmetic::Elementwise:
    case Arithmetic::MeanSquare: {
        const bool scalarG = kind == Arithmetic::MeanSquare;
        for (int i = input.rows == 1 ? 0 : r; i < (input.rows == 1 ? vjpShape.rows : r + 1); ++i)
            for (int j = input.cols == 1 ? 0 : c; j < (input.cols == 1 ? vjpShape.cols : c + 1); ++j)
                out.push_back({scalarG ? upstream(0, 0) : upstream(i, j), localAt(e, i, j)});
        break;
    }
    case Arithmetic::Sum:
    case Arithmetic::Mean: {
        const Index end = broadcastSource(e.g, r, c);  // 1x1, or the end of the line along the axis
        out.push_back({upstream(end.first, end.second), localAt(e, r, c)});
        break;
    }
    case Arithmetic::MatMul:
        if (e.slot == 0) {
            for (int j = 0; j < e.g.cols(); ++j)
                out.push_back({upstream(r, j), read(*e.in.b, e.in.bId, {c, j}, FactorRole::Operand)});
        } else {
            for (int i = 0; i < e.g.rows(); ++i)
                out.push_back({read(*e.in.a, e.in.aId, {i, r}, FactorRole::Operand), upstream(i, c)});
        }
        break;
    case Arithmetic::Move: {
        const double linear = double(r) * input.cols + c;
        for (int i = 0; i < moved.rows(); ++i)
            for (int j = 0; j < moved.cols(); ++j)
                if (moved(i, j) == linear) out.push_back({upstream(i, j)});
        break;
    }
    case Arithmetic::General: out = reachedProducts(e, moved, r, c); break;
    }
    return out;
}

// The shape the op's vector-Jacobian product has before the engine sums it back to the input's.
Shape vjpShapeOf(const Node& consumer, const Operands& in, Shape input) {
    const Arithmetic kind = consumer.op->explain.arithmetic;
    if (kind == Arithmetic::MeanSquare || (kind == Arithmetic::Elementwise && consumer.inputs.size() > 1))
        return in.broadcast();
    return input;
}

// The local factor of a scalar edge's single product (1 when the product is the upstream alone).
double localFactor(const std::vector<Product>& products) {
    double local = 1.0;
    if (products.size() != 1) return local;
    for (const Factor& f : products[0])
        if (f.role != FactorRole::Upstream) local *= f.value;
    return local;
}

std::vector<Product> edgeProducts(const Graph& graph, const Evaluation& eval, const BackwardEvent& ev, int r, int c,
                                  Shape* vjpShape = nullptr, UnitVjps* unitVjps = nullptr) {
    const Node& consumer = graph.node(ev.from);
    const Shape input = graph.node(ev.to).shape;
    const Operands in(consumer, eval);
    const Shape vs = vjpShapeOf(consumer, in, input);
    if (vjpShape) *vjpShape = vs;
    const Arithmetic kind = consumer.op->explain.arithmetic;
    const double n = averagedOver(consumer, in);
    Matrix yScalar(1, 1), gScalar(1, 1);
    const EdgeContext e{consumer, int(ev.slot), in, eval.values.asMatrix(ev.from, yScalar),
                        eval.grads.asMatrix(ev.from, gScalar), ev.from, n, unitVjps};
    const bool moves = kind == Arithmetic::Move || consumer.op->explain.reach == Reach::Moved;
    const Matrix moved = moves ? sourceIndices(consumer, in) : Matrix();
    return backwardProducts(e, moved, vs, input, r, c);
}

Matrix startGradient(const Evaluation& eval, NodeId id, bool& found) {
    for (const auto& [node, grad] : eval.trace.startGrads)
        if (node == id) {
            found = true;
            return grad;
        }
    found = false;
    return Matrix();
}

void fillChain(const Graph& graph, const Evaluation& eval, int eventIndex, const std::vector<int>& into,
               StepTerms& t) {
    if (t.shape.size() != 1) return;
    for (int k : into) {
        const BackwardEvent& ev = eval.trace.backward[k];
        if (eval.grads[ev.from].size() != 1) return;
        const OpDef& op = *graph.node(ev.from).op;
        if (op.explain.arithmetic == Arithmetic::General && !writesEntryArithmetic(op, StepKind::Backward, ev.slot))
            return;  // no local factor
    }
    for (int k : into) {
        const BackwardEvent& ev = eval.trace.backward[k];
        StepTerms::ChainTerm term{ev.from, k <= eventIndex, eval.grads[ev.from](0, 0), 0.0};
        if (term.done) term.local = localFactor(edgeProducts(graph, eval, ev, 0, 0));
        t.chain.push_back(term);
    }
}

}  // namespace

NodeId traceRoot(const Evaluation& eval) {
    for (auto it = eval.trace.startGrads.rbegin(); it != eval.trace.startGrads.rend(); ++it) return it->first;
    return -1;
}

double sumOfProducts(const EntryTerms& entry) {
    double sum = 0.0;
    for (const Product& p : entry.products) {
        double product = 1.0;
        for (const Factor& f : p) product *= f.value;
        sum += product;
    }
    return sum;
}

NodeId firstNonFinite(const Graph& graph, const Evaluation& eval) {
    for (NodeId id = 0; id < graph.size() && id < NodeId(eval.values.size()); ++id)
        if (!eval.values[id].allFinite()) return id;
    for (NodeId id = graph.size() - 1; id >= 0 && id < NodeId(eval.grads.size()); --id)
        if (!eval.grads[id].allFinite()) return id;  // gradients arise from the root backwards
    return -1;
}

StepTerms forwardTerms(const Graph& graph, const Evaluation& eval, NodeId id, EntryChoice choice) {
    const Node& node = graph.node(id);
    StepTerms t;
    t.kind = StepKind::Forward;
    t.op = node.op;
    t.node = id;
    t.operands.assign(node.inputs.begin(), node.inputs.end());
    t.exponent = node.attrs().exponent;
    t.attrs = node.attrs();
    t.result = eval.values[id];
    t.shape = shapeOf(t.result);
    const Operands in(node, eval);
    const Arithmetic kind = node.op->explain.arithmetic;
    t.n = averagedOver(node, in);
    const Matrix moved = kind == Arithmetic::Move ? sourceIndices(node, in) : Matrix();
    for (auto [r, c] : chosenEntries(t.shape, choice, t))
        t.entries.push_back({r, c, forwardProducts(node, in, moved, r, c), t.result(r, c)});
    return t;
}

StepTerms backwardTerms(const Graph& graph, const Evaluation& eval, int eventIndex, const std::vector<int>& into,
                        EntryChoice choice) {
    const BackwardEvent& ev = eval.trace.backward[eventIndex];
    const Node& consumer = graph.node(ev.from);
    StepTerms t;
    t.kind = StepKind::Backward;
    t.op = consumer.op;
    t.node = ev.to;
    t.from = ev.from;
    t.slot = ev.slot;
    t.root = traceRoot(eval);
    t.operands.assign(consumer.inputs.begin(), consumer.inputs.end());
    t.exponent = consumer.attrs().exponent;
    t.attrs = consumer.attrs();
    t.result = eval.contribution(ev);
    t.shape = shapeOf(t.result);
    t.upstreamShape = shapeOf(eval.grads[ev.from]);
    t.after = eval.gradAfter(ev);
    const auto at = std::find(into.begin(), into.end(), eventIndex);
    t.edge = int(at - into.begin()) + 1;
    t.edges = int(into.size());
    Matrix start = startGradient(eval, ev.to, t.startGradient);
    if (at != into.begin() && at != into.end()) t.before = eval.gradAfter(eval.trace.backward[*(at - 1)]);
    else if (t.startGradient) t.before = start;
    else t.before = Matrix::Zero(t.shape.rows, t.shape.cols);

    Shape vjpShape = t.shape;
    UnitVjps unitVjps;
    for (auto [r, c] : chosenEntries(t.shape, choice, t))
        t.entries.push_back({r, c, edgeProducts(graph, eval, ev, r, c, &vjpShape, &unitVjps), t.result(r, c)});
    if (t.entries.empty()) edgeProducts(graph, eval, ev, 0, 0, &vjpShape);
    if (t.shape.rows == 1 && vjpShape.rows > 1) t.broadcastRows = vjpShape.rows;
    if (t.shape.cols == 1 && vjpShape.cols > 1) t.broadcastCols = vjpShape.cols;
    t.n = averagedOver(consumer, Operands(consumer, eval));
    fillChain(graph, eval, eventIndex, into, t);
    return t;
}

GradientEntryTerms gradientEntryTerms(const Graph& graph, const Evaluation& eval, const StepCursor& cursor, NodeId node,
                                      int row, int col) {
    GradientEntryTerms t;
    t.node = node;
    t.root = traceRoot(eval);
    t.row = row;
    t.col = col;
    const int shownEvent = cursor.shownGradEvent(node);
    const Shape shape = graph.node(node).shape;
    t.shown = shownEvent >= -1 && row >= 0 && col >= 0 && row < shape.rows && col < shape.cols;
    if (!t.shown) return t;
    const Matrix start = startGradient(eval, node, t.startGradient);
    if (t.startGradient) t.start = start(row, col);
    t.value = t.start;
    const std::vector<int>& into = cursor.eventsInto(node);
    for (int k : into) {
        if (k > shownEvent) break;
        t.edges.push_back(backwardTerms(graph, eval, k, into, {row, col}));
        t.value = t.edges.back().after(row, col);
    }
    return t;
}

EntriesRead entriesRead(const GradientEntryTerms& terms) {
    EntriesRead out;
    auto add = [](std::vector<EntryRef>& list, EntryRef ref) {
        if (ref.node >= 0 && std::find(list.begin(), list.end(), ref) == list.end()) list.push_back(ref);
    };
    if (terms.shown) add(out.gradients, {terms.node, terms.row, terms.col});
    for (const StepTerms& edge : terms.edges)
        for (const EntryTerms& e : edge.entries)
            for (const Product& p : e.products)
                for (const Factor& f : p) add(f.role == FactorRole::Upstream ? out.gradients : out.values, f.from);
    return out;
}

StepTerms stepTerms(const Graph& graph, const Evaluation& eval, const StepCursor& cursor, EntryChoice choice) {
    StepTerms t;
    switch (cursor.phase()) {
    case Phase::Forward: t = forwardTerms(graph, eval, cursor.activeForwardNode(), choice); break;
    case Phase::Backward: {
        const int k = cursor.activeEventIndex();
        t = backwardTerms(graph, eval, k, cursor.eventsInto(eval.trace.backward[k].to), choice);
        break;
    }
    case Phase::Start: break;
    }
    t.index = cursor.indexInPhase();
    t.count = t.kind == StepKind::Backward ? cursor.backwardCount() : cursor.forwardCount();
    t.nonFinite = firstNonFinite(graph, eval);
    if (t.nonFinite >= 0) {
        t.nonFiniteValue = !eval.values[t.nonFinite].allFinite();
        t.nonFiniteNumbers = t.nonFiniteValue ? eval.values[t.nonFinite] : eval.grads[t.nonFinite];
    }
    return t;
}

}  // namespace bp
