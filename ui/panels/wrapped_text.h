// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Lines of text wrapped to the widget's width and painted from layouts made once per change.
// Unlike a word-wrapping QLabel, a new text does not lay the panel out again unless it needs
// another number of lines: a step of the backward pass repaints the chain rule and nothing else.
// The right button offers Copy (the whole text).
#include <QTextLayout>
#include <QWidget>
#include <memory>
#include <vector>

namespace bp {

class WrappedText : public QWidget {
    Q_OBJECT
public:
    explicit WrappedText(QWidget* parent = nullptr);
    void setText(const QString& text);
    QString text() const { return text_; }
    void clear() { setText(QString()); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    // Lays the text out at `width`; returns the height it takes.
    int layOut(int width) const;
    QString text_;
    mutable std::vector<std::unique_ptr<QTextLayout>> layouts_;  // one per line of the text
    mutable int laidOutWidth_ = -1;
    mutable int laidOutHeight_ = 0;
};

}  // namespace bp
