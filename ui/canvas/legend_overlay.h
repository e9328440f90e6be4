// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The legend over the canvas (blue = forward value, red = gradient, the node kinds): a widget of
// its own on top of the view's viewport, so a step repaints only the items it changed and a
// scroll moves the graph under the legend, not the legend with it.
#include <QWidget>

namespace bp {

class LegendOverlay : public QWidget {
    Q_OBJECT
public:
    explicit LegendOverlay(QWidget* parent);
    // A box in the top-right corner of `area`, or a strip centred in it.
    void place(const QRect& area, bool strip);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    bool strip_ = false;
};

}  // namespace bp
