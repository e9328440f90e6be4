// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/document/document.h"

#include <algorithm>

#include "core/graph/inline_constant.h"
#include "core/language/lexer.h"
#include "core/language/name_characters.h"
#include "core/language/parser.h"

namespace bp {

void Document::setProgram(Program program, std::string source) {
    program_ = std::move(program);
    source_ = std::move(source);
    spellings_.clear();
    selected_ = -1;
    replacedInPlace_ = false;
    lastEdit_ = {};
    eval_ = Evaluation{};
    previousValues_.clear();
    evaluate(true);
    cursor_.setPosition(cursor_.last());
}

void Document::replaceProgramInPlace(Program program, std::string source, LiteralSpellings spellings) {
    const Phase phase = cursor_.phase();
    const int index = cursor_.indexInPhase();
    const bool atEnd = cursor_.position() == cursor_.last();
    const bool hadSelection = selected_ >= 0 && selected_ < program_.graph.size();
    const std::string selectedName = hadSelection ? program_.graph.node(selected_).name() : std::string();
    std::swap(program_, program);
    keepLabels(program);
    source_ = std::move(source);
    spellings_ = std::move(spellings);
    replacedInPlace_ = true;
    lastEdit_ = {};
    eval_ = Evaluation{};
    previousValues_.clear();
    evaluate(true);
    int position = 0;
    if (atEnd) position = cursor_.last();
    else if (phase == Phase::Forward) position = std::min(index, cursor_.forwardCount());
    else if (phase == Phase::Backward) position = cursor_.forwardCount() + std::min(index, cursor_.backwardCount());
    cursor_.setPosition(position);
    selected_ = hadSelection ? program_.graph.find(selectedName) : -1;
}

// The text names nodes, it does not label them: a node of the same name keeps the label it had
// ("0.weight" for _0_weight) and the name its file gave it, so Add MSE loss or an applied edit
// of the source leaves an imported model reading as it did.
void Document::keepLabels(const Program& before) {
    Graph& graph = program_.graph;
    for (NodeId id = 0; id < graph.size(); ++id) {
        Node& node = graph.node(id);
        if (!node.named) continue;
        const NodeId old = before.graph.find(node.name());
        if (old < 0) continue;
        const Node& was = before.graph.node(old);
        if (node.label() == node.name() && was.label() != was.name()) node.setLabel(was.label());
        if (auto it = before.originalNames.find(node.name()); it != before.originalNames.end())
            program_.originalNames.emplace(node.name(), it->second);
    }
}

RenameRefusal Document::checkNewName(NodeId id, const std::string& name) const {
    if (id < 0 || id >= program_.graph.size()) return RenameRefusal::Anonymous;
    const Node& node = program_.graph.node(id);
    if (!node.named || node.name().empty() || node.name()[0] == '%') return RenameRefusal::Anonymous;
    if (name.empty()) return RenameRefusal::Empty;
    if (!isNameText(name)) return RenameRefusal::NotAName;
    if (isKeyword(name)) return RenameRefusal::Keyword;
    const NodeId other = program_.graph.find(name);
    if (other >= 0 && other != id) return RenameRefusal::Taken;
    return RenameRefusal::None;
}

RenameRefusal Document::renameNode(NodeId id, const std::string& name, const std::string& label) {
    if (const RenameRefusal refusal = checkNewName(id, name); refusal != RenameRefusal::None) return refusal;
    Node& node = program_.graph.node(id);
    const std::string before = node.name();
    std::string text = source_;
    if (name != before) {
        int uses = 0;
        try {
            text = renameInSource(source_, before, name, &uses);
            if (uses == 0 && !source_.empty()) return RenameRefusal::NotInText;
            const Program check = source_.empty() ? Program{} : parseProgram(text, "source");
            // The columns after the name moved on its lines: every named node's place is read again.
            for (NodeId k = 0; k < program_.graph.size() && !source_.empty(); ++k) {
                Node& n = program_.graph.node(k);
                if (!n.named) continue;
                const NodeId there = check.graph.find(k == id ? name : n.name());
                if (there >= 0) n.pos = check.graph.node(there).pos;
            }
        } catch (const std::exception&) {
            return RenameRefusal::NotInText;  // a name the language reads as something else
        }
        program_.graph.rename(id, name);
        if (auto it = program_.originalNames.find(before); it != program_.originalNames.end()) {
            std::string original = std::move(it->second);
            program_.originalNames.erase(it);
            program_.originalNames.emplace(name, std::move(original));
        }
        source_ = std::move(text);
        spellings_.clear();
    }
    program_.graph.node(id).setLabel(label.empty() ? name : label);
    return RenameRefusal::None;
}

std::string Document::originalName(NodeId id) const {
    if (id < 0 || id >= program_.graph.size()) return {};
    auto it = program_.originalNames.find(program_.graph.node(id).name());
    return it == program_.originalNames.end() ? std::string() : it->second;
}

bool Document::setSelectedNode(NodeId id) {
    if (id == selected_) return false;
    selected_ = id;
    return true;
}

void Document::evaluate(bool zeroGradients) {
    runForward(program_.graph, eval_);
    backward(zeroGradients);
}

// The backward pass from the root (zero_grad first, or when the gradients do not fit the graph),
// then the cursor over the new trace.
void Document::backward(bool zeroGradients) {
    if (zeroGradients || eval_.grads.size() != static_cast<std::size_t>(program_.graph.size())) {
        zeroGrad(program_.graph, eval_);
        passes_ = 0;
    }
    if (program_.root >= 0) {
        runBackward(program_.graph, program_.root, program_.seed, eval_);
        ++passes_;
    }
    cursor_.attach(program_.graph, eval_);
}

std::optional<MatrixView> Document::previousValue(NodeId id) const {
    if (id < 0 || std::size_t(id) >= previousValues_.size()) return std::nullopt;
    return previousValues_[id];
}

// What every node showed before, to tell the change apart; not for a huge graph: a copy of every
// value on every drag of a slider would cost more than the edit.
void Document::keepPreviousValues() {
    constexpr std::size_t kMostEntriesKept = 1'000'000;
    std::size_t entries = 0;
    for (const Node& node : program_.graph.nodes()) entries += std::size_t(node.shape.size());
    if (entries <= kMostEntriesKept) previousValues_ = eval_.values;
    else previousValues_.clear();
}

void Document::applyLeafValues(const LeafValues& values, bool finishesEdit) {
    keepPreviousValues();
    std::vector<Matrix> before;
    std::vector<NodeId> changed;
    for (const auto& [id, value] : values) {
        before.push_back(program_.graph.node(id).leafValue());
        program_.graph.setLeafValue(id, value);
        labelInlineConstant(program_.graph.node(id));  // an edited 1 of b + 1 reads as its new value
        changed.push_back(id);
    }
    // Only the ops downstream of the edited leaves are computed again (the same numbers as a full
    // forward pass); the backward pass starts from zero gradients.
    if (eval_.values.size() == static_cast<std::size_t>(program_.graph.size())) updateForward(program_.graph, eval_, changed);
    else runForward(program_.graph, eval_);
    backward(true);
    if (finishesEdit) finishEffect(lastEdit_, program_, eval_);
    else lastEdit_ = {};
    rewriteLiterals(values, before);
}

void Document::beginEdit(NodeId id, int mergeKey) {
    if (!lastEdit_.continuedBy(id, mergeKey)) lastEdit_ = effectBefore(program_, eval_, gradientsAccumulated(), id, mergeKey);
}

void Document::rewriteLiterals(const LeafValues& values, const std::vector<Matrix>& before) {
    std::string text = source_;
    bool patched = true;
    for (std::size_t i = 0; i < values.size(); ++i)
        patched = spellings_.rewrite(text, program_.graph, values[i].first, before[i]) && patched;
    if (!patched) {
        // No literal to rewrite (text written for an imported model, or changed by hand): write
        // the whole program out again. A value that is not finite has no spelling: keep the text.
        try {
            text = writeProgram(program_);
        } catch (const std::exception&) {
            return;
        }
        clearSourcePositions(program_.graph);
        spellings_.clear();
    }
    source_ = std::move(text);
}

void Document::zeroGradients() {
    zeroGrad(program_.graph, eval_);
    eval_.trace.backward.clear();  // the gradients of that pass are gone: nothing to step through
    eval_.trace.numbers.clear();
    eval_.trace.startGrads.clear();
    passes_ = 0;
    cursor_.attach(program_.graph, eval_);
}

}  // namespace bp
