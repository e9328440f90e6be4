// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/step_toolbar.h"

#include <QAction>
#include <QEvent>
#include <QFontMetrics>
#include <QLabel>
#include <QPainter>
#include <QSlider>
#include <QTimer>
#include <algorithm>

#include "ui/document/graph_document.h"

namespace bp {

namespace {

// A triangle pointing right (or left) in the box x0..x1 of a picture `h` high.
QPolygonF triangle(double x0, double x1, double h, bool right) {
    const double top = h * 0.2, bottom = h * 0.8;
    if (right) return QPolygonF({QPointF(x0, top), QPointF(x1, h / 2), QPointF(x0, bottom)});
    return QPolygonF({QPointF(x1, top), QPointF(x0, h / 2), QPointF(x1, bottom)});
}

QPixmap glyphPixmap(StepToolBar::Glyph glyph, int size, const QColor& color) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    const double s = size, bar = s * 0.14;
    using G = StepToolBar::Glyph;
    switch (glyph) {
    case G::Start:
        p.drawRect(QRectF(s * 0.18, s * 0.2, bar, s * 0.6));
        p.drawPolygon(triangle(s * 0.34, s * 0.82, s, false));
        break;
    case G::Back:
        p.drawPolygon(triangle(s * 0.1, s * 0.5, s, false));
        p.drawPolygon(triangle(s * 0.5, s * 0.9, s, false));
        break;
    case G::Step:
        p.drawPolygon(triangle(s * 0.1, s * 0.5, s, true));
        p.drawPolygon(triangle(s * 0.5, s * 0.9, s, true));
        break;
    case G::End:
        p.drawPolygon(triangle(s * 0.18, s * 0.66, s, true));
        p.drawRect(QRectF(s * 0.82 - bar, s * 0.2, bar, s * 0.6));
        break;
    case G::Play: p.drawPolygon(triangle(s * 0.25, s * 0.8, s, true)); break;
    case G::Pause:
        p.drawRect(QRectF(s * 0.25, s * 0.2, s * 0.17, s * 0.6));
        p.drawRect(QRectF(s * 0.58, s * 0.2, s * 0.17, s * 0.6));
        break;
    }
    return pixmap;
}

}  // namespace

QIcon StepToolBar::icon(Glyph which) const {
    QIcon icon;
    const QColor normal = palette().color(QPalette::Active, QPalette::ButtonText);
    const QColor disabled = palette().color(QPalette::Disabled, QPalette::ButtonText);
    for (int size : {16, 24, 32, 48, 64}) {
        icon.addPixmap(glyphPixmap(which, size, normal), QIcon::Normal);
        icon.addPixmap(glyphPixmap(which, size, disabled), QIcon::Disabled);
    }
    return icon;
}

void StepToolBar::setIcons() {
    if (!play_) return;  // still being built
    start_->setIcon(icon(Glyph::Start));
    back_->setIcon(icon(Glyph::Back));
    forward_->setIcon(icon(Glyph::Step));
    end_->setIcon(icon(Glyph::End));
    play_->setIcon(icon(play_->isChecked() ? Glyph::Pause : Glyph::Play));
}

void StepToolBar::changeEvent(QEvent* event) {
    QToolBar::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) setIcons();
}

StepToolBar::StepToolBar(GraphDocument* document, QWidget* parent)
    : QToolBar(tr("Steps"), parent), doc_(document), timer_(new QTimer(this)) {
    setObjectName(QStringLiteral("StepToolBar"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    start_ = addAction(icon(Glyph::Start), tr("Start"), doc_, &GraphDocument::toStart);
    start_->setShortcut(Qt::Key_Home);
    back_ = addAction(icon(Glyph::Back), tr("Back"), doc_, &GraphDocument::stepBack);
    back_->setShortcuts({QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_Backspace), QKeySequence(Qt::Key_PageUp)});
    forward_ = addAction(icon(Glyph::Step), tr("Step"), doc_, &GraphDocument::stepForward);
    forward_->setShortcuts({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_PageDown)});
    end_ = addAction(icon(Glyph::End), tr("End"), doc_, &GraphDocument::toEnd);
    end_->setShortcut(Qt::Key_End);
    addSeparator();
    play_ = addAction(icon(Glyph::Play), tr("Play"));
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
    play_->setIcon(icon(playing ? Glyph::Pause : Glyph::Play));
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
    // A size of its own for the longest text it can show: a new count each step then lays out
    // nothing around it (the toolbar and the window).
    const QFontMetrics fm(f);
    int width = 200;
    for (Phase phase : {Phase::Start, Phase::Forward, Phase::Backward})
        width = std::max(width, fm.horizontalAdvance(counterText(phase, 99999, 99999)) + 12);
    counter_->setFixedSize(width, fm.height() + 6);
}

QString StepToolBar::counterText(Phase phase, int a, int b) const {
    switch (phase) {
    case Phase::Start: return tr("Start (%1 forward, %2 backward steps)").arg(a).arg(b);
    case Phase::Forward: return tr("Forward %1 / %2").arg(a).arg(b);
    case Phase::Backward: return tr("Backward %1 / %2").arg(a).arg(b);
    }
    return {};
}

QString StepToolBar::counterText() const { return counter_->text(); }

void StepToolBar::refresh() {
    const StepCursor& c = doc_->cursor();
    switch (c.phase()) {
    case Phase::Start: counter_->setText(counterText(Phase::Start, c.forwardCount(), c.backwardCount())); break;
    case Phase::Forward: counter_->setText(counterText(Phase::Forward, c.indexInPhase(), c.forwardCount())); break;
    case Phase::Backward: counter_->setText(counterText(Phase::Backward, c.indexInPhase(), c.backwardCount())); break;
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
