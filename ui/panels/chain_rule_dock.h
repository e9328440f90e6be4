// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The chain-rule panel: the current step written as arithmetic with the numbers filled in.
#include <QDockWidget>

class QLabel;

namespace bp {

class GraphDocument;

class ChainRuleDock : public QDockWidget {
    Q_OBJECT
public:
    explicit ChainRuleDock(GraphDocument* document, QWidget* parent = nullptr);
    QString titleText() const;
    QString bodyText() const;
    void setLargeType(bool large);
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

private:
    void refresh();
    void entryClicked(const QString& link);
    void setTitle(const QString& text);
    GraphDocument* doc_;
    QLabel* title_;
    // Rich text (each entry of the result a link to drill into), so a QLabel.
    QLabel* body_;
    QString plain_;
    bool hideResult_ = false;
    int drillRow_ = -1;
    int drillCol_ = -1;
    int drillPosition_ = -1;
};

}  // namespace bp
