// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/predict_reveal.h"

#include <QAction>
#include <QMouseEvent>
#include <QToolButton>

#include "ui/canvas/graph_scene.h"
#include "ui/document/graph_document.h"
#include "ui/panels/chain_rule_dock.h"

namespace bp {

PredictReveal::PredictReveal(GraphDocument* doc, GraphScene* scene, ChainRuleDock* chainRule, QAction* stepAction,
                             QToolButton* stepButton, QObject* parent)
    : QObject(parent), doc_(doc), scene_(scene), chainRule_(chainRule), step_(stepAction), stepButton_(stepButton) {
    toggle_ = new QAction(tr("Let the class &predict"), this);
    toggle_->setCheckable(true);
    toggle_->setShortcut(Qt::Key_H);
    toggle_->setToolTip(tr("Each step first shows “?” for its result; Step or R reveals it (H)"));
    reveal_ = new QAction(tr("&Reveal"), this);
    reveal_->setShortcut(Qt::Key_R);
    reveal_->setToolTip(tr("Show the number the class was asked to predict (R, or Step)"));
    reveal_->setEnabled(false);
    connect(toggle_, &QAction::toggled, this, &PredictReveal::setOn);
    connect(reveal_, &QAction::triggered, this, &PredictReveal::reveal);
    connect(doc_, &GraphDocument::cursorChanged, this, &PredictReveal::cursorMoved);
    connect(doc_, &GraphDocument::programReplaced, this, [this] {
        lastPosition_ = doc_->cursor().position();
        setHiding(false);
    });
    lastPosition_ = doc_->cursor().position();
    if (step_) step_->installEventFilter(this);
    if (stepButton_) stepButton_->installEventFilter(this);
}

void PredictReveal::setOn(bool on) {
    on_ = on;
    if (toggle_->isChecked() != on) toggle_->setChecked(on);
    // Turned on at a step, that step's number is hidden at once: the lecturer can ask right away.
    setHiding(on && doc_->cursor().position() > 0);
}

void PredictReveal::reveal() { setHiding(false); }

void PredictReveal::cursorMoved() {
    const int position = doc_->cursor().position();
    const bool oneStepOn = position == lastPosition_ + 1;
    lastPosition_ = position;
    setHiding(on_ && oneStepOn && position > 0);
}

void PredictReveal::setHiding(bool hiding) {
    scene_->setHideNumbers(hiding);
    chainRule_->setHideResult(hiding);
    reveal_->setEnabled(hiding);
    if (hiding == hiding_) return;
    hiding_ = hiding;
    emit hidingChanged(hiding);
}

bool PredictReveal::eventFilter(QObject* watched, QEvent* event) {
    if (!hiding_) return QObject::eventFilter(watched, event);
    // A key or a clicker's Page Down: the step action's shortcut.
    if (watched == step_ && event->type() == QEvent::Shortcut) {
        reveal();
        return true;
    }
    // A click on the Step button: the release would trigger the step.
    if (watched != stepButton_ || event->type() != QEvent::MouseButtonRelease) return QObject::eventFilter(watched, event);
    const auto* mouse = static_cast<QMouseEvent*>(event);  // a MouseButtonRelease is a QMouseEvent
    if (mouse->button() == Qt::LeftButton && stepButton_->rect().contains(mouse->position().toPoint())) {
        stepButton_->setDown(false);
        reveal();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace bp
