// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The stepping controls: to start, back, forward, to end, play/pause with a speed, and the counter
// ("Backward 5 / 12"). Keys: Right/Space step, Left/Backspace back, Home, End.
#include <QToolBar>

#include "core/trace/step_cursor.h"

class QLabel;
class QSlider;
class QTimer;

namespace bp {

class GraphDocument;

class StepToolBar : public QToolBar {
    Q_OBJECT
public:
    explicit StepToolBar(GraphDocument* document, QWidget* parent = nullptr);
    QString counterText() const;
    QAction* forwardAction() const { return forward_; }
    QAction* backAction() const { return back_; }
    QAction* playAction() const { return play_; }
    void setLargeType(bool large);
    // While the class is asked to predict, Step reveals: it stays enabled at the last step too,
    // so a clicker's Page Down can reveal the last answer.
    void setRevealPending(bool pending);

    // The buttons' pictures, drawn in the palette's button text colour (readable in a dark theme).
    enum class Glyph { Start, Back, Step, End, Play, Pause };

protected:
    void changeEvent(QEvent* event) override;

private:
    QIcon icon(Glyph which) const;
    // The counter in a phase: "Start (a forward, b backward steps)", "Forward a / b", ...
    QString counterText(Phase phase, int a, int b) const;
    void refresh();
    void setIcons();
    void togglePlay(bool playing);
    GraphDocument* doc_;
    QAction* start_ = nullptr;
    QAction* back_ = nullptr;
    QAction* forward_ = nullptr;
    QAction* end_ = nullptr;
    QAction* play_ = nullptr;
    QSlider* speed_;
    QLabel* counter_;
    QTimer* timer_;
    bool revealPending_ = false;
};

}  // namespace bp
