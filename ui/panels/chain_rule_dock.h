// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The chain-rule panel: the current step written as arithmetic with the numbers filled in.
#include <QDockWidget>

class QLabel;

namespace bp {

class GraphDocument;
class WrappedText;

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

private:
    void refresh();
    void setTitle(const QString& text);
    GraphDocument* doc_;
    QLabel* title_;
    WrappedText* body_;
    bool hideResult_ = false;
};

}  // namespace bp
