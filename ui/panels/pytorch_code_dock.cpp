// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/pytorch_code_dock.h"
#include "ui/document/parse_error_text.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTextBlockFormat>
#include <QTextCursor>
#include <QTextEdit>
#include <QTimer>
#include <QVBoxLayout>

#include "core/io/pytorch_export.h"
#include "ui/canvas/canvas_style.h"
#include "ui/document/graph_document.h"
#include "ui/panels/dock_refresh.h"
#include "ui/panels/python_highlighter.h"

namespace bp {
namespace {

// Past this many leaf entries the script is megabytes of numbers: Save as… writes it, the
// panel does not try to show it.
constexpr long kMaxShownEntries = 20'000;

long leafEntries(const Graph& graph) {
    long entries = 0;
    for (const Node& node : graph.nodes())
        if (node.isLeaf()) entries += node.shape.size();
    return entries;
}

// A line wrapped by the panel continues four columns further in, as Python code would be.
void indentContinuations(QTextEdit* text) {
    const qreal indent = 4 * QFontMetricsF(text->font()).horizontalAdvance(QLatin1Char(' '));
    QTextBlockFormat hanging;
    hanging.setLeftMargin(indent);
    hanging.setTextIndent(-indent);
    QTextCursor all(text->document());
    all.select(QTextCursor::Document);
    all.mergeBlockFormat(hanging);
}

}  // namespace

PyTorchCodeDock::PyTorchCodeDock(GraphDocument* document, QWidget* parent)
    : QDockWidget(tr("PyTorch code"), parent), doc_(document) {
    setObjectName(QStringLiteral("PyTorchCodeDock"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    note_ = new QLabel;
    note_->setWordWrap(true);
    // Wrapped to the panel, with a hanging indent that marks a continued line: in a side panel
    // the end of a line (requires_grad=True) matters more than the line's shape.
    text_ = new QTextEdit;
    text_->setReadOnly(true);
    text_->setAcceptRichText(false);
    text_->setUndoRedoEnabled(false);
    text_->setLineWrapMode(QTextEdit::WidgetWidth);
    text_->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    new PythonHighlighter(text_->document());
    copy_ = new QPushButton(tr("Copy"));
    copy_->setToolTip(tr("Copy the script to the clipboard"));
    save_ = new QPushButton(tr("Save as…"));
    save_->setToolTip(tr("Save the script as a .py file"));
    // One row above the code, so that a short panel still shows as many lines as it can.
    auto* top = new QHBoxLayout;
    top->addWidget(note_, 1);
    top->addWidget(copy_);
    top->addWidget(save_);
    layout->addLayout(top);
    layout->addWidget(text_, 1);
    setWidget(content);
    setLargeType(false);

    // Edits come in bursts (a drag of a slider): rebuild once, when the event loop is free.
    refreshTimer_ = new QTimer(this);
    refreshTimer_->setSingleShot(true);
    refreshTimer_->setInterval(0);
    connect(refreshTimer_, &QTimer::timeout, this, &PyTorchCodeDock::refresh);
    // Hidden (closed, or a tab behind the chain rule), it writes nothing until it is shown.
    refresher_ = new DockRefresh(this, [this] { refreshTimer_->start(); });
    connect(doc_, &GraphDocument::programReplaced, this, &PyTorchCodeDock::markStale);
    connect(doc_, &GraphDocument::valuesChanged, this, &PyTorchCodeDock::markStale);
    connect(copy_, &QPushButton::clicked, this, &PyTorchCodeDock::copyScript);
    connect(save_, &QPushButton::clicked, this, &PyTorchCodeDock::saveAs);
    refresh();
}

QString PyTorchCodeDock::scriptText() const { return text_->toPlainText(); }
QString PyTorchCodeDock::noteText() const { return note_->text(); }

void PyTorchCodeDock::setLargeType(bool large) {
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPixelSize(large ? 24 : 15);
    text_->setFont(mono);
    QFont body(QStringLiteral("DejaVu Sans"));
    body.setPixelSize(large ? 24 : 15);
    note_->setFont(body);
    indentContinuations(text_);
}

void PyTorchCodeDock::markStale() {
    stale_ = true;
    refresher_->request();
}

void PyTorchCodeDock::refreshNow() {
    if (stale_) refresh();
}

void PyTorchCodeDock::refresh() {
    stale_ = false;
    refreshTimer_->stop();
    if (doc_->isEmpty()) {
        text_->clear();
        note_->setText(tr("No graph."));
        copy_->setEnabled(false);
        save_->setEnabled(false);
        return;
    }
    const long entries = leafEntries(doc_->graph());
    if (entries > kMaxShownEntries) {
        text_->clear();
        note_->setText(tr("The leaves of this graph hold %L1 numbers: the script is too long to show here. "
                          "Save as… writes it.")
                           .arg(entries));
        copy_->setEnabled(false);
        save_->setEnabled(true);
        return;
    }
    try {
        const QString script = QString::fromStdString(writePyTorchScript(doc_->program()));
        // Keep the reader's place while the numbers change under a slider.
        const int scroll = text_->verticalScrollBar()->value();
        const int hscroll = text_->horizontalScrollBar()->value();
        if (script != text_->toPlainText()) {
            text_->setPlainText(script);
            indentContinuations(text_);
        }
        text_->verticalScrollBar()->setValue(scroll);
        text_->horizontalScrollBar()->setValue(hscroll);
        note_->setText(tr("The graph in PyTorch. Run it with <b>python3 graph.py</b>: PyTorch prints the same "
                          "<span style='color:%1'>values</span> and <span style='color:%2'>gradients</span>.")
                           .arg(style::kValue.name(), style::kGradient.name()));
        copy_->setEnabled(true);
        save_->setEnabled(true);
    } catch (const std::exception& e) {
        text_->clear();
        note_->setText(tr("Cannot write this graph in PyTorch: %1").arg(errorText(e)));
        copy_->setEnabled(false);
        save_->setEnabled(false);
    }
}

void PyTorchCodeDock::copyScript() {
    refreshNow();
    QGuiApplication::clipboard()->setText(text_->toPlainText());
    copy_->setText(tr("Copied ✓"));
    QTimer::singleShot(1500, copy_, [button = copy_, text = tr("Copy")] { button->setText(text); });
}

QString PyTorchCodeDock::saveTo(const QString& path) const {
    std::string script;
    try {
        script = writePyTorchScript(doc_->program());
    } catch (const std::exception& e) {
        return tr("Cannot write this graph in PyTorch: %1").arg(errorText(e));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(script.data(), qint64(script.size())) != qint64(script.size()) ||
        !file.commit())
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

void PyTorchCodeDock::saveAs() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save the PyTorch script"), tr("graph.py"),
                                                tr("Python scripts (*.py);;All files (*)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".py");
    const QString error = saveTo(path);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot save the script"), error);
}

}  // namespace bp
