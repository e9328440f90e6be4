// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/presentation_charts.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <algorithm>

#include "ui/charts/loss_curve_chart.h"
#include "ui/panels/sigmoid_chart_dock.h"
#include "ui/panels/training_dock.h"
#include "ui/panels/vanishing_demo_dock.h"

namespace bp {

PresentationCharts::PresentationCharts(QMainWindow* window, SigmoidChartDock* sigmoid, VanishingDemoDock* vanishing,
                                       TrainingDock* training)
    : QWidget(window), window_(window), sigmoid_(sigmoid), vanishing_(vanishing), training_(training) {
    setObjectName(QStringLiteral("PresentationCharts"));
    setAutoFillBackground(true);
    layout_ = new QVBoxLayout(this);
    layout_->setContentsMargins(16, 8, 16, 8);
    heading_ = new QLabel;
    heading_->setWordWrap(true);
    QFont font = heading_->font();
    font.setPixelSize(20);
    heading_->setFont(font);
    layout_->addWidget(heading_);
    hide();
    window_->installEventFilter(this);
}

bool PresentationCharts::eventFilter(QObject* watched, QEvent* event) {
    if (watched == window_ && event->type() == QEvent::Resize) setGeometry(window_->rect());
    return QWidget::eventFilter(watched, event);
}

QString PresentationCharts::heading() const {
    QString what;
    switch (screen_) {
    case Screen::Graph: return QString();
    case Screen::Sigmoid: what = tr("σ′(z): how much each sigmoid lets the gradient through"); break;
    case Screen::Vanishing: what = tr("Vanishing gradients: the gradient's size at each layer"); break;
    case Screen::Loss:
        what = training_->lossChart()->points().empty()
                   ? tr("The loss, step by step of training (none yet: train in the Training panel first)")
                   : tr("The loss, step by step of training");
        break;
    }
    return tr("<b>%1</b> &nbsp; <span style=\"color:#555\">C: next chart · O: relu beside σ · Esc: back to the graph</span>")
        .arg(what.toHtmlEscaped());
}

void PresentationCharts::showScreen(Screen screen) {
    if (screen == screen_) return;
    giveBack();
    screen_ = screen;
    if (screen == Screen::Graph) {
        hide();
        return;
    }
    lend(screen);
    heading_->setText(heading());
    QFont font = heading_->font();
    font.setPixelSize(std::max(20, window_->height() / 36));
    heading_->setFont(font);
    setGeometry(window_->rect());
    show();
    raise();
}

void PresentationCharts::next() { showScreen(Screen((int(screen_) + 1) % 4)); }
void PresentationCharts::previous() { showScreen(Screen((int(screen_) + 3) % 4)); }

void PresentationCharts::toggleRelu() {
    if (screen_ != Screen::Sigmoid) showScreen(Screen::Sigmoid);
    sigmoid_->reluBox()->toggle();
}

void PresentationCharts::lend(Screen screen) {
    if (screen == Screen::Loss) {
        charts::LossCurveChart* chart = training_->lossChart();
        home_ = qobject_cast<QBoxLayout*>(chart->parentWidget()->layout());
        homeIndex_ = home_ ? home_->indexOf(chart) : -1;
        homeStretch_ = home_ && homeIndex_ >= 0 ? home_->stretch(homeIndex_) : 0;
        chart->setLargeType(true, window_->height());
        lent_ = chart;
    } else {
        lentDock_ = screen == Screen::Sigmoid ? static_cast<ChartDock*>(sigmoid_) : vanishing_;
        lentDock_->setLent(true);
        lentDock_->setLargeType(true, window_->height());
        lent_ = lentDock_->widget();
    }
    layout_->addWidget(lent_, 1);
    lent_->show();
}

void PresentationCharts::giveBack() {
    if (!lent_) return;
    layout_->removeWidget(lent_);
    if (lentDock_) {
        lentDock_->setWidget(lent_);
        lentDock_->setLargeType(false);
        lentDock_->setLent(false);
    } else {
        auto* chart = static_cast<charts::ChartFrame*>(lent_);
        chart->setLargeType(false);
        if (home_ && homeIndex_ >= 0) home_->insertWidget(homeIndex_, chart, homeStretch_);
        else chart->setParent(training_->widget());
    }
    lent_ = nullptr;
    lentDock_ = nullptr;
    home_ = nullptr;
    homeIndex_ = -1;
}

}  // namespace bp
