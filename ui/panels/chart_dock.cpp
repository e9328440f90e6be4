// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/chart_dock.h"

#include <QLabel>
#include <algorithm>
#include <QVBoxLayout>

#include "ui/charts/chart_frame.h"
#include "ui/document/graph_document.h"
#include "ui/panels/dock_refresh.h"

namespace bp {

ChartDock::ChartDock(const QString& title, const QString& objectName, charts::ChartFrame* chart, GraphDocument* document,
                     QWidget* parent)
    : QDockWidget(title, parent), doc_(document), frame_(chart) {
    setObjectName(objectName);
    auto* content = new QWidget;
    layout_ = new QVBoxLayout(content);
    chart->setMinimumSize(260, 240);
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    body_ = new QBoxLayout(QBoxLayout::TopToBottom);
    body_->addWidget(chart, 1);
    body_->addWidget(summary_);
    layout_->addLayout(body_, 1);
    setWidget(content);
}

void ChartDock::refreshOn(std::initializer_list<void (GraphDocument::*)()> changes) {
    refresher_ = new DockRefresh(this, [this] { refresh(); });
    for (auto signal : changes) {
        connect(doc_, signal, refresher_, &DockRefresh::request);
        connect(doc_, signal, this, [this] {
            if (lent_) flush();
        });
    }
    setLargeType(false);
    refresh();
}

QString ChartDock::summaryText() const {
    flush();
    return summary_->text();
}

void ChartDock::flush() const {
    if (refresher_) refresher_->flush();
}

void ChartDock::setLent(bool lent) {
    lent_ = lent;
    flush();
}

void ChartDock::setLargeType(bool large, int screenHeight) {
    frame_->setLargeType(large, screenHeight);
    // The controls and the summary; the summary a little larger than the axes.
    const int px = frame_->axisPixelSize();
    QFont font = widget()->font();
    font.setPixelSize(px);
    widget()->setFont(font);
    QFont summary = summary_->font();
    summary.setPixelSize(px + 1);
    summary_->setFont(summary);
    // On a wide screen the summary is a column beside the chart: the chart keeps the height.
    body_->setDirection(large ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    summary_->setMaximumWidth(large ? std::max(320, window()->width() * 3 / 10) : QWIDGETSIZE_MAX);
    summary_->setAlignment(large ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignLeft);
}

}  // namespace bp
