// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/source_editor.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>

#include "ui/canvas/canvas_style.h"
#include "ui/canvas/flat_scroll_bars.h"
#include "ui/canvas/palette_colors.h"
#include "ui/files/dropped_files.h"

namespace bp {
namespace {

class Gutter : public QWidget {
public:
    explicit Gutter(SourceEditor* editor) : QWidget(editor), editor_(editor) {}
    QSize sizeHint() const override { return {editor_->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { editor_->paintGutter(event); }

private:
    SourceEditor* editor_;
};

}  // namespace

SourceEditor::SourceEditor(QWidget* parent) : QPlainTextEdit(parent), gutter_(new Gutter(this)) {
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setPixelSize(15);
    setFont(mono);
    setLineWrapMode(NoWrap);
    useFlatScrollBars(this);  // as the canvas's beside it
    setTabStopDistance(QFontMetricsF(mono).horizontalAdvance(QLatin1Char(' ')) * 4);
    // Tab moves on to the next panel, so the window can be used without a mouse (.bpg needs no
    // tab characters; indent with spaces).
    setTabChangesFocus(true);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &SourceEditor::updateGutter);
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

int SourceEditor::gutterWidth() const {
    int digits = 1;
    for (int n = std::max(1, blockCount()); n >= 10; n /= 10) ++digits;
    return 14 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * (digits + 1);
}

void SourceEditor::updateGutter(const QRect& rect, int dy) {
    if (dy) gutter_->scroll(0, dy);
    else gutter_->update(0, rect.y(), gutter_->width(), rect.height());
}

void SourceEditor::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    gutter_->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void SourceEditor::paintGutter(QPaintEvent* event) {
    QPainter p(gutter_);
    // The gutter follows the palette (a light or a dark theme); its numbers read on it.
    const QColor base = palette().color(QPalette::Base), text = palette().color(QPalette::Text);
    const QColor gutter = style::mix(base, text, 0.06);
    const QColor number = style::readableOn(gutter, style::mix(base, text, 0.6));
    const style::ErrorLineColors errorColors = style::errorLineColors(palette());
    p.fillRect(event->rect(), gutter);
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int height = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            const bool error = block.blockNumber() + 1 == errorLine_;
            if (error) p.fillRect(QRect(0, top, gutter_->width(), bottom - top), errorColors.line);
            QFont f = font();
            f.setBold(error);
            p.setFont(f);
            p.setPen(error ? errorColors.number : number);
            p.drawText(0, top, gutter_->width() - 6, height, Qt::AlignRight, QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
    }
}

int SourceEditor::characterColumn(int line, int byteColumn) const {
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (!block.isValid() || byteColumn < 1) return 1;
    return int(QString::fromUtf8(block.text().toUtf8().left(byteColumn - 1)).size()) + 1;
}

void SourceEditor::markError(int line, int byteColumn) {
    errorLine_ = line > 0 && line <= blockCount() ? line : 0;
    errorColumn_ = errorLine_ ? characterColumn(line, byteColumn) : 0;
    applyMarks();
}

void SourceEditor::clearError() {
    if (!errorLine_) return;
    errorLine_ = errorColumn_ = 0;
    applyMarks();
}

void SourceEditor::applyMarks() {
    QList<QTextEdit::ExtraSelection> marks;
    if (errorLine_) {
        const QTextBlock block = document()->findBlockByNumber(errorLine_ - 1);
        // Colours from the palette: the typed text stays readable in a dark theme too.
        const style::ErrorLineColors colors = style::errorLineColors(palette());
        QTextEdit::ExtraSelection line;
        line.format.setBackground(colors.line);
        line.format.setForeground(colors.text);
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(block);
        marks << line;
        // The token at the column, underlined: up to the next blank, at least one character.
        const QString text = block.text();
        int from = std::min(errorColumn_ - 1, int(text.size()));
        int to = from;
        while (to < text.size() && !text[to].isSpace()) ++to;
        if (to == from) {  // at a blank or the end of the line: mark the character before
            from = std::max(0, from - 1);
            to = std::min(int(text.size()), from + 1);
        }
        if (to > from) {
            QTextEdit::ExtraSelection token;
            token.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            token.format.setUnderlineColor(colors.text);
            token.format.setBackground(colors.token);
            token.format.setForeground(colors.text);
            token.cursor = QTextCursor(block);
            token.cursor.setPosition(block.position() + from);
            token.cursor.setPosition(block.position() + to, QTextCursor::KeepAnchor);
            marks << token;
        }
    }
    setExtraSelections(marks);
    gutter_->update();
}

void SourceEditor::changeEvent(QEvent* event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) applyMarks();  // the error line's colours follow it
}

namespace {
bool isUndoKey(const QKeyEvent* key) { return key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo); }
}  // namespace

bool SourceEditor::event(QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride && isUndoKey(static_cast<QKeyEvent*>(event))) {
        event->ignore();  // the window's shortcut takes it
        return true;
    }
    return QPlainTextEdit::event(event);
}

void SourceEditor::keyPressEvent(QKeyEvent* event) {
    if (isUndoKey(event)) {
        event->ignore();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void SourceEditor::replaceText(const QString& text) {
    const QString old = toPlainText();
    if (old == text) return;
    qsizetype prefix = 0;
    const qsizetype shorter = std::min(old.size(), text.size());
    while (prefix < shorter && old[prefix] == text[prefix]) ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix]) ++suffix;
    QTextCursor edit(document());
    edit.setPosition(int(prefix));
    edit.setPosition(int(old.size() - suffix), QTextCursor::KeepAnchor);
    edit.insertText(text.mid(prefix, text.size() - prefix - suffix));
    applyMarks();
}

void SourceEditor::dragEnterEvent(QDragEnterEvent* event) {
    if (droppedGraphFiles(event->mimeData()).isEmpty()) return QPlainTextEdit::dragEnterEvent(event);
    event->acceptProposedAction();
}

void SourceEditor::dragMoveEvent(QDragMoveEvent* event) {
    if (droppedGraphFiles(event->mimeData()).isEmpty()) return QPlainTextEdit::dragMoveEvent(event);
    event->acceptProposedAction();
}

void SourceEditor::dropEvent(QDropEvent* event) {
    const QStringList files = droppedGraphFiles(event->mimeData());
    if (files.isEmpty()) return QPlainTextEdit::dropEvent(event);
    event->acceptProposedAction();
    emit fileDropped(files.front());
}

}  // namespace bp
