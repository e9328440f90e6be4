// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/source_dock.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

#include "core/language/parser.h"
#include "ui/canvas/canvas_style.h"
#include "ui/document/graph_document.h"
#include "ui/document/parse_error_text.h"
#include "ui/panels/source_editor.h"

namespace bp {

SourceDock::SourceDock(GraphDocument* document, QWidget* parent)
    : QDockWidget(tr("Source"), parent), doc_(document), editor_(new SourceEditor), debounce_(new QTimer(this)) {
    setObjectName(QStringLiteral("SourceDock"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* buttons = new QHBoxLayout;
    apply_ = new QPushButton(tr("Apply"));
    apply_->setToolTip(tr("Build the graph from this text (Ctrl+Return). Undo takes it back."));
    revert_ = new QPushButton(tr("Revert"));
    revert_->setToolTip(tr("Drop what was typed and show the text of the graph on the canvas."));
    live_ = new QCheckBox(tr("Apply as you type"));
    live_->setToolTip(tr("Apply %1 ms after the last key press.").arg(kDebounceMs));
    live_->setChecked(true);
    buttons->addWidget(apply_);
    buttons->addWidget(revert_);
    buttons->addStretch(1);
    message_ = new QLabel;
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setLargeType(false);
    layout->addLayout(buttons);
    layout->addWidget(live_);  // its own row: the dock can be narrow
    layout->addWidget(editor_, 1);
    layout->addWidget(message_);
    setWidget(content);

    debounce_->setSingleShot(true);
    debounce_->setTimerType(Qt::PreciseTimer);
    debounce_->setInterval(kDebounceMs);
    connect(debounce_, &QTimer::timeout, this, [this] { apply(); });
    connect(apply_, &QPushButton::clicked, this, [this] { apply(); });
    connect(revert_, &QPushButton::clicked, this, &SourceDock::revert);
    for (const QKeySequence& keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(keys, editor_, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, [this] { apply(); });
    }
    connect(live_, &QCheckBox::toggled, this, [this](bool on) {
        if (on && isDirty()) debounce_->start();
        if (!on) debounce_->stop();
    });
    connect(editor_, &QPlainTextEdit::textChanged, this, &SourceDock::textEdited);
    // What the panel shows is work: the document counts it as modified, autosaves and saves it.
    connect(editor_, &QPlainTextEdit::textChanged, this, [this] { doc_->setTypedSource(editor_->toPlainText()); });
    connect(doc_, &GraphDocument::typedSourceRestored, this, [this](const QString& text) {
        debounce_->stop();
        settingText_ = true;  // shown, not applied: its errors are marked now
        editor_->setPlainText(text);
        settingText_ = false;
        doc_->setTypedSource(text);
        markProblems(text);
    });
    connect(doc_, &GraphDocument::programReplaced, this, [this] { showDocumentText(!doc_->replacedInPlace()); });
    connect(doc_, &GraphDocument::valuesChanged, this, [this] { showDocumentText(false); });
    connect(doc_, &GraphDocument::namesChanged, this, [this] { showDocumentText(false); });
    showDocumentText(true);
    doc_->setTypedSource(editor_->toPlainText());
}

void SourceDock::setLargeType(bool large) {
    QFont f = editor_->font();
    f.setPixelSize(large ? 24 : 15);
    editor_->setFont(f);
    QFont m = message_->font();
    m.setPixelSize(large ? 24 : 16);
    message_->setFont(m);
}

QString SourceDock::messageText() const { return message_->text(); }

bool SourceDock::isDirty() const { return editor_->toPlainText() != doc_->sourceText(); }

void SourceDock::setMessage(const QString& text, bool error) {
    hasError_ = error;
    message_->setStyleSheet(error ? QStringLiteral("QLabel { color: %1; background: #fff0f0; padding: 4px; }").arg(style::kGradient.name())
                                  : QStringLiteral("QLabel { color: %1; padding: 4px; }").arg(style::kMuted.name()));
    message_->setText(text);
}

void SourceDock::showDocumentText(bool force) {
    const QString text = doc_->sourceText();
    const QString typed = editor_->toPlainText();
    if (typed == text) {
        synced_ = text;
        editor_->clearError();
        setMessage(QString(), false);
        return;
    }
    if (!force && typed != synced_) {
        // The user is typing and the graph changed elsewhere: keep their text.
        setMessage(tr("The graph changed while you were typing: Apply builds it from this text, Revert shows the "
                      "graph's text."),
                   hasError_);
        return;
    }
    settingText_ = true;
    if (force) editor_->setPlainText(text);
    else editor_->replaceText(text);
    settingText_ = false;
    synced_ = text;
    debounce_->stop();
    editor_->clearError();
    setMessage(QString(), false);
}

void SourceDock::textEdited() {
    if (settingText_) return;
    if (!isDirty()) {
        debounce_->stop();
        editor_->clearError();
        setMessage(QString(), false);
        return;
    }
    if (!live_->isChecked()) {
        if (!hasError_) setMessage(tr("Edited: press Ctrl+Return to apply."), false);
        return;
    }
    if (editor_->document()->characterCount() > kMaxLiveChars) {
        setMessage(tr("A long text is not applied as you type: press Ctrl+Return to apply."), hasError_);
        return;
    }
    debounce_->start();
}

void SourceDock::showProblem(const std::exception& problem) {
    const QString after = QLatin1Char('\n') + tr("The canvas shows the last graph that parsed.");
    if (const auto* e = dynamic_cast<const ParseError*>(&problem)) {
        editor_->markError(e->line, e->column);
        const QString where = e->line > 0
                                  ? tr("Line %1, column %2: ").arg(e->line).arg(editor_->characterColumn(e->line, e->column))
                                  : QString();
        setMessage(where + parseErrorText(*e) + after, true);
        return;
    }
    editor_->clearError();
    setMessage(errorText(problem) + after, true);
}

void SourceDock::markProblems(const QString& text) {
    try {
        parseProgram(text.toStdString(), "source");
    } catch (const std::exception& e) {
        showProblem(e);
        return;
    }
    editor_->clearError();
    setMessage(tr("This text is not applied yet: press Ctrl+Return to apply it."), false);
}

bool SourceDock::apply() {
    debounce_->stop();
    const QString text = editor_->toPlainText();
    try {
        doc_->editSource(text);
    } catch (const std::exception& e) {
        showProblem(e);
        return false;
    }
    synced_ = doc_->sourceText();
    editor_->clearError();
    setMessage(QString(), false);
    return true;
}

void SourceDock::revert() {
    debounce_->stop();
    showDocumentText(true);
}

}  // namespace bp
