// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Let the class predict": while on, each step first shows "?" for the number it computes (on
// the node, the active edge and in the chain-rule panel). The lecturer asks, the class works it
// out, and the next press of Step (Right, Space, Page Down on a clicker, the Step button) or R
// reveals the number; the press after that steps on. H turns it on and off.
//
//   step → "?" → class predicts → Right: reveal → Right: step → "?" → …
//
// Going back, jumping (Home, End) or a new graph shows the numbers: the class has seen them.
#include <QObject>

class QAction;
class QToolButton;

namespace bp {

class ChainRuleDock;
class GraphDocument;
class GraphScene;

class PredictReveal : public QObject {
    Q_OBJECT
public:
    // `stepAction` is the step toolbar's forward action, `stepButton` its button (may be null).
    PredictReveal(GraphDocument* doc, GraphScene* scene, ChainRuleDock* chainRule, QAction* stepAction,
                  QToolButton* stepButton, QObject* parent = nullptr);

    QAction* toggleAction() const { return toggle_; }  // H, checkable
    QAction* revealAction() const { return reveal_; }  // R

    bool isOn() const { return on_; }
    void setOn(bool on);
    // Whether the current step's number is hidden now.
    bool isHiding() const { return hiding_; }
    void reveal();

signals:
    void hidingChanged(bool hiding);

protected:
    // Catches the step while a number is hidden: that press reveals instead.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void cursorMoved();
    void setHiding(bool hiding);

    GraphDocument* doc_;
    GraphScene* scene_;
    ChainRuleDock* chainRule_;
    QAction* step_;
    QToolButton* stepButton_;
    QAction* toggle_;
    QAction* reveal_;
    bool on_ = false;
    bool hiding_ = false;
    int lastPosition_ = 0;
};

}  // namespace bp
