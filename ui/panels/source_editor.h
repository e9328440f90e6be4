// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The text editor of the source panel: line numbers in a gutter, and the line of a parse error
// marked (tinted, the error's column underlined, its number in red in the gutter).
#include <QPlainTextEdit>

namespace bp {

class SourceEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit SourceEditor(QWidget* parent = nullptr);

    // Marks line `line` (1-based) at `byteColumn` (1-based, in UTF-8 bytes as the parser counts).
    // Line 0 marks nothing.
    void markError(int line, int byteColumn);
    void clearError();
    int errorLine() const { return errorLine_; }
    // The error's column in characters (1-based) on its line, for messages.
    int characterColumn(int line, int byteColumn) const;

    // Replaces the text by changing only the part that differs, so the cursor and the scroll
    // position stay where they were (a live edit rewrites one literal).
    void replaceText(const QString& text);

    int gutterWidth() const;
    void paintGutter(QPaintEvent* event);

signals:
    // A graph file (.bpg, .bps, .json, .onnx) was dropped on the editor: it is opened, not
    // inserted into the text as a file:/// address.
    void fileDropped(const QString& path);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    // Ctrl+Z and Ctrl+Shift+Z are left to the window's Edit menu, which says whose undo it is
    // (the typing while it is not applied, else the graph's): one undo everywhere.
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void updateGutter(const QRect& rect, int dy);
    void applyMarks();
    QWidget* gutter_;
    int errorLine_ = 0;
    int errorColumn_ = 0;  // in characters
};

}  // namespace bp
