// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The chain-rule panel: the current step written as arithmetic with the numbers filled in.
#include <QDockWidget>

class QAbstractScrollArea;
class QLabel;
class QTextBrowser;

namespace bp {

class GraphDocument;

class ChainRuleDock : public QDockWidget {
    Q_OBJECT
public:
    explicit ChainRuleDock(GraphDocument* document, QWidget* parent = nullptr);
    QString titleText() const;
    QString bodyText() const;
    // Large type: the title and the arithmetic sized for a screen `screenHeight` pixels tall (30 px
    // arithmetic at 1080, 20 px at 720); while large, a long sum takes smaller type, down to 14 px,
    // until it fits the panel (beyond that the panel scrolls).
    void setLargeType(bool large, int screenHeight = 1080);
    int bodyPixelSize() const;
    // While the class predicts (presentation): the number the step computes is written "?".
    void setHideResult(bool hide);
    bool hidesResult() const { return hideResult_; }
    // The dock's height that shows the title and `lines` lines of arithmetic in the current type.
    int heightForLines(int lines) const;
    // Down to one entry: the entry (0-based row, column) of the step's result whose own chain is
    // written under the step (the products summed into it, named by the entries they were read
    // from); clicking an entry of the result does the same. A step moved clears it.
    void drillInto(int row, int col);
    void clearDrill();
    bool drilled() const { return drillRow_ >= 0; }
    // What scrolls when the arithmetic is longer than the panel (the title stays).
    QAbstractScrollArea* bodyArea() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh();
    void fitBody();
    void fixTitleSize();
    void entryClicked(const QString& link);
    void setTitle(const QString& text);
    GraphDocument* doc_;
    QLabel* title_;
    // Rich text (each entry of the result a link to drill into) in a read-only browser: it lays
    // the text out once per step and scrolls itself (a word-wrapped QLabel in a scroll area was
    // laid out three times a step, for its size hints: half of a step on the ~1,000-node net).
    QTextBrowser* body_;
    QString plain_;
    bool hideResult_ = false;
    bool large_ = false;
    int largeBodyPixels_ = 30;
    int drillRow_ = -1;
    int drillCol_ = -1;
    int drillPosition_ = -1;
};

}  // namespace bp
