// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The source panel: the graph's .bpg text beside the canvas. Edit it and apply (Ctrl+Return, or
// as you type after a pause); the change is one undo step, surviving nodes keep their places and
// the step is kept. Text that does not parse is marked at its line with the message under the
// editor, and the canvas keeps the last graph that parsed. Live edits of values on the canvas
// show up here as they happen.
#include <QDockWidget>
#include <exception>

class QCheckBox;
class QLabel;
class QPushButton;
class QTimer;

namespace bp {

class GraphDocument;
class SourceEditor;

class SourceDock : public QDockWidget {
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 600;
    // Past this size, applying as you type would parse too often: Ctrl+Return applies.
    static constexpr int kMaxLiveChars = 1 << 20;

    explicit SourceDock(GraphDocument* document, QWidget* parent = nullptr);

    SourceEditor* editor() const { return editor_; }
    QCheckBox* applyAsYouType() const { return live_; }
    // Applies the editor's text. Returns false (and marks the error) when it does not parse.
    bool apply();
    // Puts the graph's text back in the editor, dropping what was typed.
    void revert();
    QString messageText() const;
    // The editor holds typed text that is not the graph's (not applied yet).
    bool hasTypedText() const { return isDirty(); }
    bool hasError() const { return hasError_; }
    void setLargeType(bool large);
    // A remark about the text shown (not an error), until the text next changes.
    void showNote(const QString& text) { setMessage(text, false); }

private:
    void showDocumentText(bool force);
    void textEdited();
    void setMessage(const QString& text, bool error);
    void showProblem(const std::exception& problem);
    // Marks what is wrong with `text` without applying it.
    void markProblems(const QString& text);
    bool isDirty() const;

    GraphDocument* doc_;
    SourceEditor* editor_;
    QLabel* message_;
    QCheckBox* live_;
    QPushButton* apply_;
    QPushButton* revert_;
    QTimer* debounce_;
    QString synced_;  // the document's text as last put in the editor
    bool settingText_ = false;
    bool hasError_ = false;
};

}  // namespace bp
