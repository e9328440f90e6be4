// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/step_toolbar.h"

#include <QAction>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QTimer>

#include "ui/document/graph_document.h"

namespace bp {

QIcon StepToolBar::icon(QStyle::StandardPixmap which) const { return style()->standardIcon(which); }

StepToolBar::StepToolBar(GraphDocument* document, QWidget* parent)
    : QToolBar(tr("Steps"), parent), doc_(document), timer_(new QTimer(this)) {
    setObjectName(QStringLiteral("StepToolBar"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    start_ = addAction(icon(QStyle::SP_MediaSkipBackward), tr("Start"), doc_, &GraphDocument::toStart);
    start_->setShortcut(Qt::Key_Home);
    back_ = addAction(icon(QStyle::SP_MediaSeekBackward), tr("Back"), doc_, &GraphDocument::stepBack);
    back_->setShortcuts({QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_Backspace), QKeySequence(Qt::Key_PageUp)});
    forward_ = addAction(icon(QStyle::SP_MediaSeekForward), tr("Step"), doc_, &GraphDocument::stepForward);
    forward_->setShortcuts({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_PageDown)});
    end_ = addAction(icon(QStyle::SP_MediaSkipForward), tr("End"), doc_, &GraphDocument::toEnd);
    end_->setShortcut(Qt::Key_End);
    addSeparator();
    play_ = addAction(icon(QStyle::SP_MediaPlay), tr("Play"));
    play_->setCheckable(true);
    play_->setShortcut(Qt::Key_P);
    connect(play_, &QAction::toggled, this, &StepToolBar::togglePlay);
    speed_ = new QSlider(Qt::Horizontal);
    speed_->setRange(1, 20);  // steps per two seconds... up to ten a second
    speed_->setValue(4);
    speed_->setMaximumWidth(140);
    speed_->setToolTip(tr("Play speed"));
    addWidget(new QLabel(tr(" speed ")));
    addWidget(speed_);
    addSeparator();
    counter_ = new QLabel;
    counter_->setMinimumWidth(200);
    addWidget(counter_);
    connect(timer_, &QTimer::timeout, this, [this] {
        if (doc_->cursor().position() >= doc_->cursor().last()) {
            play_->setChecked(false);
            return;
        }
        doc_->stepForward();
    });
    connect(speed_, &QSlider::valueChanged, this, [this] { timer_->setInterval(2000 / speed_->value()); });
    timer_->setInterval(2000 / speed_->value());
    connect(doc_, &GraphDocument::cursorChanged, this, &StepToolBar::refresh);
    connect(doc_, &GraphDocument::programReplaced, this, &StepToolBar::refresh);
    setLargeType(false);
    refresh();
}

void StepToolBar::togglePlay(bool playing) {
    play_->setText(playing ? tr("Pause") : tr("Play"));
    play_->setIcon(icon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    if (!playing) {
        timer_->stop();
        return;
    }
    if (doc_->cursor().position() >= doc_->cursor().last()) doc_->toStart();
    timer_->start();
}

void StepToolBar::setLargeType(bool large) {
    QFont f = font();
    f.setPixelSize(large ? 24 : 15);
    setFont(f);
    counter_->setFont(f);
}

QString StepToolBar::counterText() const { return counter_->text(); }

void StepToolBar::refresh() {
    const StepCursor& c = doc_->cursor();
    switch (c.phase()) {
    case Phase::Start: counter_->setText(tr("Start (%1 forward, %2 backward steps)").arg(c.forwardCount()).arg(c.backwardCount())); break;
    case Phase::Forward: counter_->setText(tr("Forward %1 / %2").arg(c.indexInPhase()).arg(c.forwardCount())); break;
    case Phase::Backward: counter_->setText(tr("Backward %1 / %2").arg(c.indexInPhase()).arg(c.backwardCount())); break;
    }
    start_->setEnabled(c.position() > 0);
    back_->setEnabled(c.position() > 0);
    forward_->setEnabled(c.position() < c.last() || revealPending_);
    end_->setEnabled(c.position() < c.last());
}

void StepToolBar::setRevealPending(bool pending) {
    revealPending_ = pending;
    refresh();
}

}  // namespace bp
