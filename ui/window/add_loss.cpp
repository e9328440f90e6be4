// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/add_loss.h"

#include <QCoreApplication>
#include <stdexcept>
#include <string>

#include "core/language/lexer.h"
#include "core/language/literal_text.h"
#include "core/language/parser.h"
#include "ui/document/apply_source_command.h"
#include "ui/document/graph_document.h"
#include "core/language/bpg_text.h"

namespace bp {
namespace {

// The context of this file's texts in the translations.
struct AddLoss {
    Q_DECLARE_TR_FUNCTIONS(AddLoss)
};
std::runtime_error failure(const QString& message) { return std::runtime_error(message.toStdString()); }

// `base`, then `base_2`, `base_3`, … : the first name the program does not use.
std::string freeName(const Graph& graph, const std::string& base, const std::string& alsoTaken = {}) {
    std::string name = base;
    for (int k = 2; graph.find(name) >= 0 || name == alsoTaken || isKeyword(name); ++k) name = base + "_" + std::to_string(k);
    return name;
}

// The `backward` statement of `text` (from the keyword to the end of its line, or through its
// `;`), or an empty range.
struct Range {
    std::size_t begin = 0;
    std::size_t end = 0;
};
Range backwardStatement(const std::string& text) {
    const std::string fileName = "source";
    Lexer lexer(text, fileName);
    const auto offset = [&](const Token& t) { return static_cast<std::size_t>(t.text.data() - text.data()); };
    for (Token t = lexer.next(); t.kind != TokenKind::End; t = lexer.next()) {
        if (t.kind != TokenKind::KwBackward) continue;
        const std::size_t begin = offset(t);
        for (t = lexer.next(); t.kind != TokenKind::End; t = lexer.next()) {
            if (t.kind == TokenKind::Newline) return {begin, offset(t)};
            if (t.kind == TokenKind::Semicolon) return {begin, offset(t) + 1};
        }
        return {begin, text.size()};
    }
    return {};
}

std::string oneLine(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    while (!text.empty() && (text.back() == ' ' || text.back() == ';')) text.pop_back();
    return text;
}

}  // namespace

QString zeroTargetText(const Program& program) {
    if (program.root < 0 || program.root >= program.graph.size()) return QStringLiteral("0");
    const Shape shape = program.graph.node(program.root).shape;
    return QString::fromStdString(literalText(Matrix::Zero(shape.rows, shape.cols)));
}

LossAddition sourceWithMseLoss(const Program& program, const QString& source, const Matrix& target) {
    if (program.root < 0 || program.root >= program.graph.size())
        throw failure(AddLoss::tr("The graph has no root to compare with a target."));
    const Node& root = program.graph.node(program.root);
    if (Shape{target.rows(), target.cols()} != root.shape)
        throw failure(AddLoss::tr("The target is %1 but the output “%2” is %3: they must have the same shape.")
                          .arg(QString::fromStdString(shapeText({target.rows(), target.cols()})),
                               QString::fromStdString(root.label()),
                               QString::fromStdString(shapeText(root.shape))));
    if (!target.allFinite()) throw failure(AddLoss::tr("The target must be finite numbers."));

    std::string text = bpgTextFor(program, source.toStdString());
    // The root's name as the text spells it (a written-out program may have renamed it).
    const Program written = parseProgram(text, "source");
    const std::string rootName = written.graph.node(written.root).name();
    if (rootName.empty() || rootName[0] == '%') throw failure(AddLoss::tr("The output has no name to write the loss with."));

    // The loss becomes the root: an explicit `backward` would keep the old one.
    std::string replaced;
    if (const Range r = backwardStatement(text); r.end > r.begin) {
        replaced = oneLine(text.substr(r.begin, r.end - r.begin));
        text.erase(r.begin, r.end - r.begin);
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();

    LossAddition out;
    const std::string targetName = freeName(written.graph, "target");
    const std::string lossName = freeName(written.graph, "loss", targetName);
    std::string block = "\n\n# " + AddLoss::tr("The mean squared error against a target, to train the model (Graph > Add MSE loss).").toStdString() + "\n";
    if (!replaced.empty()) block += "# " + AddLoss::tr("It replaces: %1").arg(QString::fromStdString(replaced)).toStdString() + "\n";
    block += "const " + targetName + " = " + literalText(target) + "\n";
    block += lossName + " = mse(" + rootName + ", " + targetName + ")\n";
    text += block;

    // What goes to the document must parse, with the loss as its root.
    const Program result = parseProgram(text, "source");
    if (result.root < 0 || result.graph.node(result.root).name() != lossName)
        throw failure(AddLoss::tr("The loss could not be made the root of the graph."));
    out.source = QString::fromStdString(text);
    out.targetName = QString::fromStdString(targetName);
    out.lossName = QString::fromStdString(lossName);
    return out;
}

LossAddition addMseLoss(GraphDocument& doc, const Matrix& target) {
    LossAddition addition = sourceWithMseLoss(doc.program(), doc.sourceText(), target);
    auto* command = new ApplySourceCommand(&doc, parseProgram(addition.source.toStdString(), "source"), addition.source);
    command->setText(AddLoss::tr("Add MSE loss"));
    doc.undoStack()->push(command);
    return addition;
}

}  // namespace bp
