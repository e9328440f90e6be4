// SPDX-License-Identifier: GPL-3.0-or-later
// The .bpg parser (SPEC §1): recursive descent over the grammar, building the graph as it goes.
// Expressions recurse, but every level of nesting (parentheses, brackets, unary minus) passes a
// depth counter, so 200,000 nested parentheses stop with a message instead of a stack overflow.
// Literals are read with loops, so a matrix of millions of entries costs no stack.
#include "core/language/parser.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "core/language/call_table.h"
#include "core/language/lexer.h"
#include "core/language/literal_parser.h"
#include "core/graph/inline_constant.h"
#include "core/language/literal_text.h"
#include "core/ops/op_table.h"

namespace bp {

namespace {

std::string positionText(const Token& token) {
    return std::to_string(token.line) + ":" + std::to_string(token.column);
}

// "256 MB" when the limit is a whole number of megabytes, else "N bytes".
std::string bytesText(std::size_t bytes) {
    constexpr std::size_t kMB = 1u << 20;
    if (bytes >= kMB && bytes % kMB == 0) return std::to_string(bytes / kMB) + " MB";
    return std::to_string(bytes) + " bytes";
}

// The power of ten of the leading digit of a decimal number: 2 for "123.4", -3 for "0.001e0".
// Only used to tell overflow from underflow when from_chars reports a number out of range.
long long decimalMagnitude(std::string_view text) {
    std::size_t i = 0;
    long long intDigits = 0;
    long long leadingFractionZeros = 0;
    bool seenNonZero = false;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        if (text[i] != '0') seenNonZero = true;
        if (seenNonZero) ++intDigits;
    }
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            if (text[i] != '0') seenNonZero = true;
            if (!seenNonZero) ++leadingFractionZeros;
        }
    }
    long long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool negative = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
            exponent = std::min(exponent * 10 + (text[i] - '0'), 1'000'000'000LL);
        if (negative) exponent = -exponent;
    }
    return intDigits > 0 ? exponent + intDigits - 1 : exponent - leadingFractionZeros - 1;
}

class Parser {
public:
    Parser(std::string_view source, const std::string& file, const ParseLimits& limits)
        : lexer_(source, file), sourceBytes_(source.size()), file_(file), limits_(limits) {
        plus_ = findInfixOp("+");
        minus_ = findInfixOp("-");
        star_ = findInfixOp("*");
        slash_ = findInfixOp("/");
        at_ = findInfixOp("@");
        caret_ = findInfixOp("^");
        powNode_ = findOp("pow_node");
        neg_ = findOp("neg");
        transpose_ = findOp("transpose");
        slice_ = findOp("slice");
        identity_ = findOp("identity");
    }

    Program run();
    Matrix runLiteral();

private:
    Lexer lexer_;
    std::size_t sourceBytes_;
    Token tok_;
    const std::string& file_;
    const ParseLimits& limits_;
    Program program_;
    // Per named node, the line its name was given on (for "already defined on line N"); names are
    // found through the graph's own index (a table of the parser's own was a tenth of parsing).
    std::vector<int> definedOn_;
    std::vector<Token> opens_;  // brackets not yet closed, innermost last (for "never closed")
    std::vector<double> entries_;  // reused buffer for literals
    int depth_ = 0;
    NodeId lastAssigned_ = -1;
    Token lastAssignedName_;
    int backwardLine_ = 0;

    const OpDef* plus_;
    const OpDef* minus_;
    const OpDef* star_;
    const OpDef* slash_;
    const OpDef* at_;
    const OpDef* caret_;
    const OpDef* powNode_;
    const OpDef* neg_;
    const OpDef* transpose_;
    const OpDef* slice_;
    const OpDef* identity_;

    Graph& graph() { return program_.graph; }
    const Graph& graph() const { return program_.graph; }
    void advance() { tok_ = lexer_.next(); }
    // The token `ahead` places after the current one, without moving (the lexer is a few pointers).
    Token peek(int ahead) const {
        Lexer copy = lexer_;
        Token t = tok_;
        for (int i = 0; i < ahead; ++i) t = copy.next();
        return t;
    }
    // A number written alone as an argument: `2`, `-1` followed by ',' or ')'.
    bool atPlainNumber() const {
        const int skip = at(TokenKind::Minus) ? 1 : 0;
        if (peek(skip).kind != TokenKind::Number) return false;
        const TokenKind after = peek(skip + 1).kind;
        return after == TokenKind::Comma || after == TokenKind::RParen;
    }
    bool at(TokenKind kind) const { return tok_.kind == kind; }

    // Error paths are cold and out of line: the frames of the recursive functions stay small,
    // which is what bounds the stack at the deepest nesting allowed.
    [[noreturn, gnu::cold, gnu::noinline]] void fail(const Token& where, Message said) const {
        throw ParseError(file_, where.line, where.column, std::move(said));
    }
    // A syntax error at the current token; at the end of the file inside brackets, the error
    // names the bracket that was never closed, which is what the writer has to fix.
    [[noreturn, gnu::cold, gnu::noinline]] void unexpected(Message expected) const {
        if (at(TokenKind::End) && !opens_.empty())
            fail(tok_, message("never-closed", {std::string(opens_.back().text), positionText(opens_.back())}));
        fail(tok_, phrase("unexpected-token", {describeToken(tok_), std::move(expected)}));
    }
    [[noreturn, gnu::cold, gnu::noinline]] void unexpected(const char* expectedCode) const {
        unexpected(message(expectedCode));
    }

    void enter(const Token& where) {
        if (++depth_ > limits_.maxNesting) failNesting(where);
    }
    [[noreturn, gnu::cold, gnu::noinline]] void failNesting(const Token& where) const {
        fail(where, message("nesting-too-deep", {std::to_string(limits_.maxNesting)}));
    }
    [[noreturn, gnu::cold, gnu::noinline]] void failClose(const char* closer) const {
        const Token& bracket = opens_.back();
        unexpected(message("expected-close", {closer, std::string(bracket.text), positionText(bracket)}));
    }
    [[noreturn, gnu::cold, gnu::noinline]] void failUnknownName(const Token& name) const {
        fail(name, message("unknown-name", {std::string(name.text)}));
    }
    void leave() { --depth_; }
    void open(const Token& bracket) {
        enter(bracket);
        opens_.push_back(bracket);
        advance();
    }
    void close(TokenKind kind, const char* closer) {
        if (!at(kind)) failClose(closer);
        opens_.pop_back();
        leave();
        advance();
    }

    void statement();
    void declaration(NodeKind kind);
    void assignment();
    void backwardStatement();
    void endOfStatement(const char* expectedCode = "expected-end-of-line");
    Token expectName(const char* what);
    void checkNewName(const Token& name) const;
    void define(NodeId id, int line) {
        if (definedOn_.size() <= std::size_t(id)) definedOn_.resize(std::size_t(id) + 1);
        definedOn_[std::size_t(id)] = line;
    }
    [[noreturn, gnu::cold, gnu::noinline]] void failKeywordAsName(const Token& keyword) const;

    NodeId expr();
    NodeId term();
    NodeId unary();
    NodeId postfix(NodeId operand);
    NodeId index(NodeId operand);
    std::pair<long, long> indexRange(long n, Shape shape, bool rows);
    long indexNumber();
    NodeId power(NodeId operand);
    NodeId primary();
    // One argument of a call: a node, or a number held back until the op is chosen (an attribute
    // such as an axis, or an input made a constant then).
    struct Argument {
        NodeId node = -1;
        bool number = false;
        double value = 0;
        Token token;
    };
    using Candidates = std::vector<const OpDef*>;
    [[gnu::noinline]] NodeId call(const Token& name);
    // A call's arguments: no op takes more than 2 inputs and 3 numbers (callCandidates), so they
    // are held in the call's frame (a vector of them was a malloc per call).
    static constexpr std::size_t kMostArguments = NodeInputs::kMaxInputs + 3;
    const OpDef* chooseOp(const Token& name, const Candidates& candidates, std::span<const Argument> args);
    [[noreturn, gnu::cold, gnu::noinline]] void failArgumentCount(const Token& name, const Candidates& candidates,
                                                                 int got) const;
    [[gnu::noinline]] OpAttrs callAttrs(const OpDef& op, const Token& name, std::span<const Argument> args) const;
    int skipArguments();

    Matrix literal(const char* expected);
    Matrix bracketLiteral();
    void numbersInto(std::vector<double>& out, const Token& literalStart);
    double signedNumber(const char* expected);
    double numberValue(const Token& token) const;

    // The newest op is held back until the next node is made or its statement ends, so the
    // outermost op of an assignment is created with the assigned name: anonymous nodes are then
    // numbered %1, %2, ... without gaps. Its shapes are checked at once, so errors keep their order.
    struct PendingOp {
        bool active = false;
        CheckedOp op;
        Token where;
    };
    PendingOp pending_;

    // Before a node is made: the op held back is created first, and the count is checked.
    void checkNodeLimit(const Token& where) {
        if (pending_.active) createPending();
        if (program_.graph.size() >= limits_.maxNodes) failNodeLimit(where);
    }
    [[noreturn, gnu::cold, gnu::noinline]] void failNodeLimit(const Token& where) const {
        fail(where, message("too-many-nodes", {std::to_string(limits_.maxNodes)}));
    }
    NodeId addConst(Matrix value, const Token& where);
    NodeId addOp(const OpDef* op, const Token& where, NodeInputs inputs, const OpAttrs& attrs = kDefaultAttrs);
    NodeId createPending(std::string_view name = {});
    Message rootNeedsSeed(const std::string& name, Shape shape) const;
};

Program Parser::run() {
    // Room for the nodes up front: grown one doubling at a time, a vector of 100,000 nodes is
    // copied about twice over, and every copy's pages are touched afresh (at a few microseconds a
    // page, the largest cost of parsing a long chain). A node takes 8 bytes of text or more in
    // practice (`v2 = v1 + k * tanh(v1)` makes 3 in 26); room never used is never touched.
    graph().reserve(static_cast<int>(std::min<std::size_t>(sourceBytes_ / 8, limits_.maxNodes)));
    advance();
    for (;;) {
        while (at(TokenKind::Newline) || at(TokenKind::Semicolon)) advance();
        if (at(TokenKind::End)) break;
        statement();
    }
    createPending();
    if (program_.root < 0) {
        if (lastAssigned_ < 0) fail(tok_, message("nothing-to-evaluate"));
        const Node& root = graph().node(lastAssigned_);
        if (root.shape != Shape{1, 1}) fail(lastAssignedName_, rootNeedsSeed(root.name(), root.shape));
        program_.root = lastAssigned_;
        program_.seed = Matrix::Ones(1, 1);
    }
    return std::move(program_);
}

// A literal alone (a --set value, an entry typed in the window), with its own positions.
Matrix Parser::runLiteral() {
    advance();
    while (at(TokenKind::Newline)) advance();
    Matrix value = literal("expected-literal");
    while (at(TokenKind::Newline)) advance();
    if (!at(TokenKind::End)) unexpected("expected-literal-end");
    return value;
}

void Parser::statement() {
    switch (tok_.kind) {
    case TokenKind::KwInput: return declaration(NodeKind::Input);
    case TokenKind::KwParam: return declaration(NodeKind::Param);
    case TokenKind::KwConst: return declaration(NodeKind::Const);
    case TokenKind::KwBackward: return backwardStatement();
    case TokenKind::Name: return assignment();
    case TokenKind::KwWith: {
        const Token keyword = tok_;
        advance();
        if (at(TokenKind::Equals)) failKeywordAsName(keyword);
        tok_ = keyword;
        [[fallthrough]];
    }
    default: unexpected("expected-statement");
    }
}

// `input = 2` or `backward = 1`: a keyword where the user meant a name.
void Parser::failKeywordAsName(const Token& keyword) const {
    fail(keyword, message("keyword-as-name", {std::string(keyword.text)}));
}

void Parser::endOfStatement(const char* expectedCode) {
    if (at(TokenKind::Newline) || at(TokenKind::Semicolon)) {
        advance();
        return;
    }
    if (!at(TokenKind::End)) unexpected(expectedCode);
}

Token Parser::expectName(const char* what) {
    if (!at(TokenKind::Name)) {
        if (tok_.kind >= TokenKind::KwInput && tok_.kind <= TokenKind::KwWith)
            failKeywordAsName(tok_);
        unexpected(what);
    }
    Token name = tok_;
    advance();
    return name;
}

void Parser::checkNewName(const Token& name) const {
    if (const NodeId id = graph().find(name.text); id >= 0)
        fail(name, message("already-defined", {std::string(name.text), std::to_string(definedOn_[std::size_t(id)])}));
}

void Parser::declaration(NodeKind kind) {
    const Token keyword = tok_;
    advance();
    if (at(TokenKind::Equals)) failKeywordAsName(keyword);
    const Token name = expectName("expected-a-name");
    if (!at(TokenKind::Equals)) unexpected("expected-equals");
    checkNewName(name);
    advance();
    Matrix value = literal("expected-literal");
    endOfStatement("expected-end-of-declaration");
    checkNodeLimit(name);
    const NodeId id = graph().addLeaf(kind, std::move(value), name.text);
    graph().node(id).pos = {name.line, name.column};
    define(id, name.line);
}

void Parser::assignment() {
    const Token name = tok_;
    advance();
    if (!at(TokenKind::Equals)) {
        const bool compound = at(TokenKind::Plus) || at(TokenKind::Minus) || at(TokenKind::Star) ||
                              at(TokenKind::Slash) || at(TokenKind::Caret) || at(TokenKind::At);
        if (compound && peek(1).kind == TokenKind::Equals)
            fail(tok_, message("compound-assignment",
                               {std::string(tok_.text), std::string(name.text), std::string(name.text) + "2"}));
        unexpected(message("expected-equals-after", {std::string(name.text)}));
    }
    checkNewName(name);
    advance();
    NodeId id = expr();
    endOfStatement();
    // `c = a` or `c = 5`: the outermost operation is not new, so c is an identity node of its own.
    if (!pending_.active || id != graph().size()) {
        if (!identity_)
            fail(name, message("bare-assignment", {std::string(name.text)}));
        id = addOp(identity_, name, {id});
    }
    id = createPending(name.text);
    define(id, name.line);
    lastAssigned_ = id;
    lastAssignedName_ = name;
}

Message Parser::rootNeedsSeed(const std::string& name, Shape shape) const {
    if (shape.size() <= 16)
        return message("root-needs-seed", {name, shapeText(shape), literalText(Matrix::Ones(shape.rows, shape.cols))});
    return message("root-needs-large-seed", {name, shapeText(shape)});
}

void Parser::backwardStatement() {
    const Token keyword = tok_;
    if (program_.root >= 0)
        fail(keyword, message("second-backward", {std::to_string(backwardLine_)}));
    advance();
    if (at(TokenKind::Equals)) failKeywordAsName(keyword);
    const Token name = expectName("expected-root-name");
    const NodeId root = graph().find(name.text);
    if (root < 0) failUnknownName(name);
    const Shape shape = graph().node(root).shape;
    Matrix seed;
    bool haveSeed = false;
    Token seedStart;
    if (at(TokenKind::KwWith)) {
        advance();
        seedStart = tok_;
        seed = literal("expected-seed");
        haveSeed = true;
    }
    endOfStatement();
    if (haveSeed) {
        if (shapeOf(seed) != shape)
            fail(seedStart, message("seed-shape", {shapeText(shapeOf(seed)), std::string(name.text), shapeText(shape)}));
    } else {
        if (shape != Shape{1, 1}) fail(name, rootNeedsSeed(std::string(name.text), shape));
        seed = Matrix::Ones(1, 1);
    }
    program_.root = root;
    program_.seed = std::move(seed);
    backwardLine_ = keyword.line;
}

// ---- expressions -------------------------------------------------------------------------

NodeId Parser::expr() {
    NodeId left = term();
    while (at(TokenKind::Plus) || at(TokenKind::Minus)) {
        const Token op = tok_;
        advance();
        const NodeId right = term();
        left = addOp(op.kind == TokenKind::Plus ? plus_ : minus_, op, NodeInputs(left, right));
    }
    return left;
}

NodeId Parser::term() {
    NodeId left = unary();
    while (at(TokenKind::Star) || at(TokenKind::Slash) || at(TokenKind::At)) {
        const Token op = tok_;
        advance();
        const NodeId right = unary();
        left = addOp(op.kind == TokenKind::Star ? star_ : op.kind == TokenKind::Slash ? slash_ : at_, op,
                     NodeInputs(left, right));
    }
    return left;
}

NodeId Parser::unary() {
    if (!at(TokenKind::Minus)) return power(postfix(primary()));
    const Token minus = tok_;
    enter(minus);
    advance();
    NodeId result;
    if (at(TokenKind::Number)) {
        // `-2` is the constant -2 (the writer relies on it), but `-2 ^ 2` is -(2 ^ 2) and
        // `-2.T` is -(2.T), as the grammar reads them.
        const Token number = tok_;
        const double value = numberValue(number);
        advance();
        if (!at(TokenKind::Caret) && !at(TokenKind::DotT)) {
            leave();
            return addConst(Matrix::Constant(1, 1, -value), minus);
        }
        result = power(postfix(addConst(Matrix::Constant(1, 1, value), number)));
    } else {
        result = unary();
    }
    leave();
    return addOp(neg_, minus, {result});
}

NodeId Parser::postfix(NodeId operand) {
    while (at(TokenKind::DotT) || at(TokenKind::LBracket)) {
        const Token op = tok_;
        if (at(TokenKind::LBracket)) {
            operand = index(operand);
            continue;
        }
        advance();
        operand = addOp(transpose_, op, {operand});
    }
    return operand;
}

// `a[i, j]`, `a[0:2, :]`, `a[-1]`: rows, then columns (all of them when left out), each an index
// (kept as a dimension of one, as a[i:i+1]) or a range with Python's rules for its ends.
NodeId Parser::index(NodeId operand) {
    const Token bracket = tok_;
    createPending();  // the operand's shape
    const Shape shape = graph().node(operand).shape;
    open(bracket);
    OpAttrs attrs;
    auto [r0, r1] = indexRange(shape.rows, shape, true);
    long c0 = 0, c1 = shape.cols;
    if (at(TokenKind::Comma)) {
        advance();
        std::tie(c0, c1) = indexRange(shape.cols, shape, false);
    }
    if (!at(TokenKind::RBracket)) unexpected("expected-index-end");
    close(TokenKind::RBracket, "]");
    attrs.rowStart = r0;
    attrs.rowStop = r1;
    attrs.colStart = c0;
    attrs.colStop = c1;
    return addOp(slice_, bracket, {operand}, attrs);
}

// One index or range along a dimension of n, as [start, stop).
std::pair<long, long> Parser::indexRange(long n, Shape shape, bool rows) {
    const Token start = tok_;
    const Message along = message(rows ? "index-rows" : "index-columns");
    const auto bound = [&](long v) { return std::clamp(v < 0 ? v + n : v, 0L, n); };
    const bool openStart = at(TokenKind::Colon);
    const long first = openStart ? 0 : indexNumber();
    if (!openStart && !at(TokenKind::Colon)) {  // one index
        if (first < -n || first >= n)
            fail(start, phrase("index-out-of-range", {plain(std::to_string(first)), along, plain(shapeText(shape)),
                                                      plain(std::to_string(n)), plain(std::to_string(n - 1))}));
        const long i = first < 0 ? first + n : first;
        return {i, i + 1};
    }
    advance();  // ':'
    const bool openStop = at(TokenKind::Comma) || at(TokenKind::RBracket);
    const long last = openStop ? n : indexNumber();
    if (at(TokenKind::Colon)) fail(tok_, message("slice-step"));
    const long from = openStart ? 0 : bound(first), to = openStop ? n : bound(last);
    if (to <= from)
        fail(start, phrase("slice-empty", {plain(std::string(start.text.data(), tok_.text.data() - start.text.data())),
                                           along, plain(shapeText(shape))}));
    return {from, to};
}

long Parser::indexNumber() {
    const Token where = tok_;
    const double v = signedNumber("expected-index");
    if (v != std::floor(v) || std::fabs(v) > 1e15) fail(where, message("index-not-whole", {numberText(v)}));
    return static_cast<long>(v);
}

// `a ^ 2` (a number exponent, the op pow) or `a ^ b`, `a ^ (2 * b)`, `2 ^ a` (a node exponent,
// pow_node). Right-associative: `a ^ 2 ^ b` is a ^ (2 ^ b).
NodeId Parser::power(NodeId operand) {
    if (!at(TokenKind::Caret)) return operand;
    const Token op = tok_;
    advance();
    const int skip = at(TokenKind::Minus) ? 1 : 0;
    const TokenKind after = peek(skip + 1).kind;
    if (peek(skip).kind == TokenKind::Number && after != TokenKind::Caret && after != TokenKind::DotT) {
        OpAttrs attrs;
        attrs.exponent = signedNumber("expected-number-after-power");
        return addOp(caret_, op, {operand}, attrs);
    }
    enter(op);
    const NodeId exponent = unary();
    leave();
    return addOp(powNode_, op, NodeInputs(operand, exponent));
}

NodeId Parser::primary() {
    switch (tok_.kind) {
    case TokenKind::Number: {
        const Token number = tok_;
        const double value = numberValue(number);
        advance();
        return addConst(Matrix::Constant(1, 1, value), number);
    }
    case TokenKind::Name: {
        const Token name = tok_;
        advance();
        if (at(TokenKind::LParen)) return call(name);
        const NodeId id = graph().find(name.text);
        if (id < 0) failUnknownName(name);
        return id;
    }
    case TokenKind::LBracket: {
        const Token start = tok_;
        Matrix value = bracketLiteral();
        return addConst(std::move(value), start);
    }
    case TokenKind::LParen: {
        open(tok_);
        const NodeId inner = expr();
        close(TokenKind::RParen, ")");
        return inner;
    }
    default: unexpected("expected-expression");
    }
}

NodeId Parser::call(const Token& name) {
    const Candidates& candidates = callCandidates(name.text);
    if (candidates.empty())
        fail(name, message("unknown-function", {std::string(name.text)}));
    int most = 0;
    for (const OpDef* c : candidates) most = std::max(most, c->arity + c->attrCount);
    open(tok_);
    std::array<Argument, kMostArguments> given;
    std::size_t count = 0;
    if (!at(TokenKind::RParen)) {
        for (;;) {
            const int position = static_cast<int>(count);
            if (position >= most || count >= given.size())
                failArgumentCount(name, candidates, position + skipArguments());
            bool attrHere = false, inputHere = false;
            for (const OpDef* c : candidates) {
                inputHere = inputHere || position < c->arity;
                attrHere = attrHere || (position >= c->arity && position < c->arity + c->attrCount);
            }
            Argument arg;
            arg.token = tok_;
            if (attrHere && (!inputHere || atPlainNumber())) {
                if (!at(TokenKind::Minus) && !at(TokenKind::Number))
                    fail(tok_, message("argument-not-number", {std::to_string(position + 1), std::string(name.text)}));
                arg.number = true;
                arg.value = signedNumber("expected-number");
            } else {
                arg.node = expr();
            }
            given[count++] = arg;
            if (at(TokenKind::Comma)) {
                advance();
                continue;
            }
            if (at(TokenKind::RParen)) break;
            unexpected("expected-comma-or-close");
        }
    }
    const std::span<const Argument> args(given.data(), count);
    const OpDef* op = chooseOp(name, candidates, args);
    close(TokenKind::RParen, ")");
    std::array<NodeId, NodeInputs::kMaxInputs> inputs{};
    for (int i = 0; i < op->arity; ++i) {
        const Argument& arg = args[static_cast<std::size_t>(i)];
        inputs[static_cast<std::size_t>(i)] =
            arg.number ? addConst(Matrix::Constant(1, 1, arg.value), arg.token) : arg.node;
    }
    const NodeInputs opInputs(std::span<const NodeId>(inputs.data(), op->arity));
    if (op->attrCount == 0) return addOp(op, name, opInputs);
    return addOp(op, name, opInputs, callAttrs(*op, name, args));
}

// The candidate the arguments fit: the count, numbers where it takes attributes (an op that takes
// the number as an attribute before one that takes it as a constant input), and the shapes
// (cross_entropy against class indices or against probabilities). None fits: the first one's error.
const OpDef* Parser::chooseOp(const Token& name, const Candidates& candidates, std::span<const Argument> args) {
    const int got = static_cast<int>(args.size());
    // The candidates that fit, a bit each (a name has a handful of ops; a list of them was a
    // malloc per call).
    std::uint32_t fitting = 0;
    for (int pass = 0; pass < 2 && fitting == 0; ++pass) {
        for (std::size_t k = 0; k < candidates.size(); ++k) {
            const OpDef* c = candidates[k];
            if (c->arity + c->attrCount != got) continue;
            bool ok = true;
            for (int i = 0; i < got && ok; ++i) {
                const Argument& a = args[static_cast<std::size_t>(i)];
                if (i >= c->arity) ok = a.number;
                else if (a.number && pass == 0) ok = false;
            }
            if (ok) fitting |= 1u << k;
        }
    }
    if (fitting == 0) {
        for (const OpDef* c : candidates)
            for (int i = c->arity; i < got && c->arity + c->attrCount == got; ++i)
                if (!args[static_cast<std::size_t>(i)].number)
                    fail(args[static_cast<std::size_t>(i)].token,
                         message("argument-not-number", {std::to_string(i + 1), std::string(name.text)}));
        failArgumentCount(name, candidates, got);
    }
    const OpDef* first = candidates[std::size_t(std::countr_zero(fitting))];
    if (std::has_single_bit(fitting)) return first;
    createPending();  // the last argument's op, so that its shape can be read
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        if (!(fitting & (1u << k))) continue;
        const OpDef* c = candidates[k];
        std::array<Shape, 2> shapes;
        for (int i = 0; i < c->arity; ++i) {
            const Argument& a = args[static_cast<std::size_t>(i)];
            shapes[static_cast<std::size_t>(i)] = a.number ? Shape{1, 1} : graph().node(a.node).shape;
        }
        Message error;
        if (c->shape(std::span<const Shape>(shapes.data(), static_cast<std::size_t>(c->arity)), callAttrs(*c, name, args),
                     error) != kNoShape)
            return c;
    }
    return first;
}

void Parser::failArgumentCount(const Token& name, const Candidates& candidates, int got) const {
    std::vector<int> counts;
    for (const OpDef* c : candidates) counts.push_back(c->arity + c->attrCount);
    std::sort(counts.begin(), counts.end());
    counts.erase(std::unique(counts.begin(), counts.end()), counts.end());
    if (counts.size() == 1 && counts[0] == 1)
        fail(name, message("argument-count-one", {std::string(name.text), std::to_string(got)}));
    std::string first;  // "1, 2" of "1, 2 or 3"
    for (std::size_t i = 0; i + 1 < counts.size(); ++i) first += (i == 0 ? "" : ", ") + std::to_string(counts[i]);
    Message expected = plain(std::to_string(counts.back()));
    if (counts.size() > 1) expected = phrase("either-count", {plain(first), std::move(expected)});
    fail(name, phrase("argument-count", {plain(std::string(name.text)), std::move(expected), plain(std::to_string(got))}));
}

// The trailing number arguments, as the op's attribute list names them.
OpAttrs Parser::callAttrs(const OpDef& op, const Token& name, std::span<const Argument> args) const {
    OpAttrs attrs;
    for (int i = 0; i < op.attrCount; ++i) {
        const Argument& arg = args[static_cast<std::size_t>(op.arity + i)];
        const Attr attr = op.attrs[static_cast<std::size_t>(i)];
        double v = arg.value;
        const std::string position = std::to_string(op.arity + i + 1);
        if (attr == Attr::Axis) {
            if (v == -1 || v == -2) v += 2;  // PyTorch's dim=-1 is the last axis
            if (v != 0 && v != 1)
                fail(arg.token, message("argument-not-axis", {position, std::string(name.text), numberText(arg.value)}));
        } else if (attrIsWhole(attr) && !(v >= 0 && v <= 1e9 && v == std::floor(v))) {
            fail(arg.token, message("argument-not-whole", {position, std::string(name.text), numberText(v)}));
        }
        setAttr(attrs, attr, v);
    }
    return attrs;
}

// Skips the surplus arguments of a call, from the start of the first surplus one to the closing
// ')' (not consumed), and says how many there were. A loop, with its own stack of brackets.
int Parser::skipArguments() {
    int count = 1;
    std::vector<Token> brackets;
    for (;;) {
        switch (tok_.kind) {
        case TokenKind::LParen:
        case TokenKind::LBracket: brackets.push_back(tok_); break;
        case TokenKind::RParen:
        case TokenKind::RBracket:
            if (brackets.empty()) return count;
            brackets.pop_back();
            break;
        case TokenKind::Comma:
            if (brackets.empty()) ++count;
            break;
        case TokenKind::End:
            if (!brackets.empty()) opens_.push_back(brackets.back());
            unexpected("expected-close-paren");
        default: break;
        }
        advance();
    }
}

// ---- literals ----------------------------------------------------------------------------

Matrix Parser::literal(const char* expected) {
    if (at(TokenKind::LBracket)) return bracketLiteral();
    if (!at(TokenKind::Minus) && !at(TokenKind::Number)) unexpected(expected);
    return Matrix::Constant(1, 1, signedNumber(expected));
}

// `[1, 2]` (a column vector) or `[[1, 2], [3, 4]]` (rows). Iterative: rows are a loop.
Matrix Parser::bracketLiteral() {
    const Token start = tok_;
    open(start);
    entries_.clear();
    if (!at(TokenKind::LBracket)) {
        numbersInto(entries_, start);
        close(TokenKind::RBracket, "]");
        Matrix value(static_cast<Eigen::Index>(entries_.size()), 1);
        std::memcpy(value.data(), entries_.data(), entries_.size() * sizeof(double));
        return value;
    }
    long rows = 0;
    std::size_t cols = 0;
    for (;;) {
        const Token rowStart = tok_;
        open(rowStart);
        const std::size_t before = entries_.size();
        numbersInto(entries_, start);
        close(TokenKind::RBracket, "]");
        const std::size_t count = entries_.size() - before;
        ++rows;
        if (rows == 1)
            cols = count;
        else if (count != cols)
            fail(rowStart, count == 1 ? message("ragged-literal-one", {std::to_string(rows), std::to_string(cols)})
                                      : message("ragged-literal", {std::to_string(rows), std::to_string(count),
                                                                   std::to_string(cols)}));
        if (at(TokenKind::Comma)) {
            advance();
            if (!at(TokenKind::LBracket)) unexpected(message("expected-row", {std::to_string(rows + 1)}));
            continue;
        }
        close(TokenKind::RBracket, "]");
        break;
    }
    using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    return Eigen::Map<const RowMajor>(entries_.data(), rows, static_cast<Eigen::Index>(cols));
}

// numbers := signed { "," signed }, appended to `out`; stops before the closing ']'.
void Parser::numbersInto(std::vector<double>& out, const Token& literalStart) {
    const auto limit = static_cast<std::size_t>(std::max(limits_.maxMatrixEntries, 0L));
    for (;;) {
        if (out.size() >= limit)
            fail(literalStart, message("literal-too-large", {std::to_string(limits_.maxMatrixEntries)}));
        out.push_back(signedNumber("expected-number"));
        if (!at(TokenKind::Comma)) return;
        lexer_.readNumberRun(out, limit);
        advance();
    }
}

double Parser::signedNumber(const char* expected) {
    bool negative = false;
    if (at(TokenKind::Minus)) {
        negative = true;
        advance();
    }
    if (!at(TokenKind::Number)) unexpected(expected);
    const double value = numberValue(tok_);
    advance();
    return negative ? -value : value;
}

double Parser::numberValue(const Token& token) const {
    double value = 0;
    const char* first = token.text.data();
    const char* last = first + token.text.size();
    const auto [end, error] = std::from_chars(first, last, value);
    if (error == std::errc() && end == last) return value;
    if (error == std::errc::result_out_of_range) {
        // Too small rounds to zero as everywhere else; too large has no value in .bpg.
        if (decimalMagnitude(token.text) < 0) return 0.0;
        fail(token, message("number-too-large",
                            {std::string(token.text.substr(0, 40)) + (token.text.size() > 40 ? "..." : "")}));
    }
    fail(token, message("malformed-number", {std::string(token.text.substr(0, 40))}));
}

// ---- building nodes ----------------------------------------------------------------------

NodeId Parser::addConst(Matrix value, const Token& where) {
    checkNodeLimit(where);
    const NodeId id = graph().addLeaf(NodeKind::Const, std::move(value));
    graph().node(id).pos = {where.line, where.column};
    labelInlineConstant(graph().node(id));  // the 1 of b + 1 reads "1", not "%1"
    return id;
}

NodeId Parser::addOp(const OpDef* op, const Token& where, NodeInputs inputs, const OpAttrs& attrs) {
    if (!op) fail(where, message("unsupported-operator", {std::string(where.text)}));
    checkNodeLimit(where);
    const auto arityError = [&] {
        return message("op-arity", {std::string(op->name), std::to_string(op->arity), std::to_string(inputs.size())});
    };
    if (static_cast<int>(inputs.size()) != op->arity) fail(where, arityError());
    // The op's own shape rule, checked now so that errors come in the order of the source; the
    // graph adds the op as checked once it is named (createPending).
    try {
        pending_.op = graph().checkOp(*op, std::span<const NodeId>(inputs.begin(), inputs.size()), attrs);
    } catch (const GraphError& error) {
        fail(where, error.said.empty() ? arityError() : error.said);
    }
    pending_.active = true;
    pending_.where = where;
    return graph().size();  // the id it will have: nothing else is created before it
}

NodeId Parser::createPending(std::string_view name) {
    if (!pending_.active) return -1;
    pending_.active = false;
    NodeId id;
    try {
        id = graph().addOp(pending_.op, name);
    } catch (const GraphError& error) {
        fail(pending_.where, error.said);
    }
    graph().node(id).pos = {pending_.where.line, pending_.where.column};
    return id;
}

}  // namespace

ParseError::ParseError(std::string file_, int line_, int column_, std::string message_)
    : std::runtime_error(fileErrorText(file_, line_, column_, message_)), file(std::move(file_)), line(line_),
      column(column_), message(std::move(message_)), said(plain(message)) {}

ParseError::ParseError(std::string file_, int line_, int column_, Message said_)
    : ParseError(std::move(file_), line_, column_, englishText(said_)) {
    said = std::move(said_);
}

Matrix parseLiteralText(std::string_view text, const std::string& what, const ParseLimits& limits) {
    if (text.size() > limits.maxSourceBytes)
        throw ParseError(what, 0, 0,
                         message("literal-over-limit", {std::to_string(text.size()), bytesText(limits.maxSourceBytes)}));
    Parser parser(text, what, limits);
    return parser.runLiteral();
}

Program parseProgram(std::string_view source, const std::string& fileName, const ParseLimits& limits) {
    if (source.size() > limits.maxSourceBytes)
        throw ParseError(fileName, 0, 0,
                         message("source-over-limit", {std::to_string(source.size()), bytesText(limits.maxSourceBytes)}));
    Parser parser(source, fileName, limits);
    return parser.run();
}

}  // namespace bp
