// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/training_dock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/text/number_format.h"
#include "core/train/accuracy.h"
#include "ui/canvas/canvas_style.h"
#include "ui/charts/decision_regions_view.h"
#include "ui/charts/loss_curve_chart.h"
#include "ui/document/graph_document.h"
#include "ui/panels/training_session.h"
#include "ui/document/shown_number.h"

namespace bp {

// The decision regions are drawn from a grid of this many points a side (4,096 rows through the
// network: a forward pass of a few milliseconds, redone at every frame of a run).
constexpr int kRegionGrid = 64;

TrainingDock::TrainingDock(GraphDocument* document, QWidget* parent)
    : QDockWidget(tr("Training"), parent), doc_(document), session_(new TrainingSession(document, this)) {
    setObjectName(QStringLiteral("TrainingDock"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);

    auto* knobs = new QGridLayout;
    lr_ = new QDoubleSpinBox;
    lr_->setDecimals(4);
    lr_->setRange(0.0, 1000.0);
    lr_->setSingleStep(0.05);
    lr_->setValue(session_->learningRate());
    momentum_ = new QDoubleSpinBox;
    momentum_->setDecimals(3);
    momentum_->setRange(0.0, 0.999);
    momentum_->setSingleStep(0.1);
    momentum_->setValue(session_->momentum());
    steps_ = new QSpinBox;
    steps_->setRange(1, 100000);
    steps_->setValue(100);
    knobs->addWidget(new QLabel(tr("Learning rate")), 0, 0);
    knobs->addWidget(lr_, 0, 1);
    knobs->addWidget(new QLabel(tr("Momentum")), 0, 2);
    knobs->addWidget(momentum_, 0, 3);

    // The learning-rate schedule, as torch.optim.lr_scheduler stepped after every optimizer step.
    schedule_ = new QComboBox;
    schedule_->addItem(tr("Constant rate"), int(LrSchedule::Kind::Constant));
    schedule_->addItem(tr("Step decay (StepLR)"), int(LrSchedule::Kind::Step));
    schedule_->addItem(tr("Exponential decay (ExponentialLR)"), int(LrSchedule::Kind::Exponential));
    schedule_->setToolTip(tr("How the learning rate changes with the steps: step decay multiplies it by γ every "
                             "N steps, exponential decay by γ after every step"));
    decayEvery_ = new QSpinBox;
    decayEvery_->setRange(1, 100000);
    decayEvery_->setValue(100);
    decayEvery_->setPrefix(tr("every "));
    decayEvery_->setSuffix(tr(" steps"));
    gamma_ = new QDoubleSpinBox;
    gamma_->setDecimals(4);
    gamma_->setRange(0.0001, 1.0);
    gamma_->setSingleStep(0.01);
    gamma_->setValue(0.5);
    gamma_->setPrefix(QStringLiteral("γ = "));
    auto* scheduleRow = new QHBoxLayout;
    scheduleRow->addWidget(schedule_, 1);
    scheduleRow->addWidget(decayEvery_);
    scheduleRow->addWidget(gamma_);
    knobs->addLayout(scheduleRow, 3, 0, 1, 4);

    zeroGrad_ = new QPushButton(tr("Zero grad"));
    zeroGrad_->setToolTip(tr("optimizer.zero_grad(): every gradient becomes zero, nothing else runs"));
    backwardAgain_ = new QPushButton(tr("Backward again"));
    backwardAgain_->setToolTip(
        tr("Forward, then loss.backward(): the leaves' gradients add to what they hold (after Zero grad: fresh ones)"));
    step_ = new QPushButton(tr("Optimizer step"));
    step_->setToolTip(tr("optimizer.step(): every param moves by −lr × its gradient (with momentum, its buffer)"));
    knobs->addWidget(zeroGrad_, 1, 0);
    knobs->addWidget(backwardAgain_, 1, 1);
    knobs->addWidget(step_, 1, 2, 1, 2);

    train_ = new QPushButton;
    train_->setToolTip(tr("As many times as Steps says: zero_grad, forward, backward, step. One undo step."));
    knobs->addWidget(new QLabel(tr("Steps")), 2, 0);
    knobs->addWidget(steps_, 2, 1);
    knobs->addWidget(train_, 2, 2, 1, 2);
    layout->addLayout(knobs);

    note_ = new QLabel;
    note_->setWordWrap(true);
    layout->addWidget(note_);

    chart_ = new charts::LossCurveChart;
    chart_->setMinimumSize(260, 200);
    layout->addWidget(chart_, 1);
    auto* curveRow = new QHBoxLayout;
    logScale_ = new QCheckBox(tr("Log scale"));
    clear_ = new QPushButton(tr("Clear curve"));
    curveRow->addWidget(logScale_);
    curveRow->addStretch(1);
    curveRow->addWidget(clear_);
    layout->addLayout(curveRow);
    status_ = new QLabel;
    status_->setWordWrap(true);
    layout->addWidget(status_);
    regions_ = new charts::DecisionRegionsView;
    layout->addWidget(regions_, 1);
    setWidget(content);

    connect(lr_, &QDoubleSpinBox::valueChanged, session_, &TrainingSession::setLearningRate);
    connect(momentum_, &QDoubleSpinBox::valueChanged, session_, &TrainingSession::setMomentum);
    connect(schedule_, &QComboBox::currentIndexChanged, this, &TrainingDock::scheduleChanged);
    connect(decayEvery_, &QSpinBox::valueChanged, this, &TrainingDock::scheduleChanged);
    connect(gamma_, &QDoubleSpinBox::valueChanged, this, &TrainingDock::scheduleChanged);
    connect(zeroGrad_, &QPushButton::clicked, doc_, &GraphDocument::zeroGradients);
    connect(backwardAgain_, &QPushButton::clicked, doc_, &GraphDocument::backwardAgain);
    connect(step_, &QPushButton::clicked, session_, &TrainingSession::step);
    connect(train_, &QPushButton::clicked, this, &TrainingDock::trainClicked);
    connect(clear_, &QPushButton::clicked, session_, &TrainingSession::clearLosses);
    connect(logScale_, &QCheckBox::toggled, chart_, &charts::LossCurveChart::setLogScale);
    connect(session_, &TrainingSession::lossesChanged, this, &TrainingDock::refreshCurve);
    connect(session_, &TrainingSession::runningChanged, this, &TrainingDock::refresh);
    connect(session_, &TrainingSession::noticeChanged, this, &TrainingDock::refresh);
    connect(steps_, &QSpinBox::valueChanged, this, &TrainingDock::refresh);
    for (auto signal : {&GraphDocument::programReplaced, &GraphDocument::valuesChanged})
        connect(doc_, signal, this, &TrainingDock::refresh);
    setLargeType(false);
    refresh();
    refreshCurve();
}

QString TrainingDock::accumulationNote() const { return note_->isVisibleTo(this) ? note_->text() : QString(); }
QString TrainingDock::statusText() const { return status_->text(); }

void TrainingDock::setLargeType(bool large) {
    chart_->setLargeType(large);
    QFont font = this->font();
    font.setPixelSize(large ? 22 : 14);
    widget()->setFont(font);
    // A style sheet sets its own font, so the note's size is given here too.
    note_->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: %1; border: 1px solid %1; "
                                        "border-radius: 4px; padding: 6px; font-size: %2px; }")
                             .arg(style::kGradient.name())
                             .arg(large ? 22 : 15));
}

void TrainingDock::scheduleChanged() {
    LrSchedule schedule;
    schedule.kind = LrSchedule::Kind(schedule_->currentData().toInt());
    if (schedule.kind != LrSchedule::Kind::Constant) schedule.gamma = gamma_->value();
    if (schedule.kind == LrSchedule::Kind::Step) schedule.stepSize = decayEvery_->value();
    session_->setSchedule(schedule);
    refresh();
}

void TrainingDock::trainClicked() {
    if (session_->isRunning()) session_->stopRun();
    else session_->startRun(steps_->value());
}

void TrainingDock::refreshCurve() {
    chart_->setLosses(session_->losses());
    refresh();
    refreshRegions();
}

// A classifier of the plane: its decision regions, as the weights stand now.
void TrainingDock::refreshRegions() {
    const bool classifier = session_->cannotTrain().isEmpty();
    regions_->setRegions(classifier ? decisionRegions(doc_->program(), kRegionGrid) : std::nullopt);
}

void TrainingDock::refresh() {
    const bool running = session_->isRunning();
    const QString why = session_->cannotTrain();
    const bool trainable = why.isEmpty();
    train_->setText(running ? tr("Stop") : tr("Train"));
    train_->setEnabled(trainable || running);
    for (QWidget* w : std::initializer_list<QWidget*>{step_, zeroGrad_, backwardAgain_, lr_, momentum_, steps_, schedule_})
        w->setEnabled(trainable && !running);
    const auto kind = LrSchedule::Kind(schedule_->currentData().toInt());
    decayEvery_->setVisible(kind == LrSchedule::Kind::Step);
    gamma_->setVisible(kind != LrSchedule::Kind::Constant);
    decayEvery_->setEnabled(trainable && !running);
    gamma_->setEnabled(trainable && !running);
    // Why the gradients are doubled: PyTorch's .grad adds up until zero_grad.
    const int passes = doc_->backwardPasses();
    note_->setVisible(trainable && passes > 1);
    if (passes > 1)
        note_->setText(tr("<b>The gradients now hold the sum of %1 backward passes</b> (%1× one pass). "
                          "Like PyTorch, backward() <i>adds</i> into each leaf's .grad; only zero_grad() clears it. "
                          "That is why a training loop calls optimizer.zero_grad() before every backward(). "
                          "An optimizer step now moves the weights %1× as far.")
                           .arg(passes));
    QStringList lines;
    if (!trainable) lines << why;
    const auto& losses = session_->losses();
    if (running)
        lines << tr("Step %1 of %2, loss %3").arg(session_->runStepsDone()).arg(session_->runSteps())
                     .arg(shownNumber(losses.empty() ? 0.0 : losses.back(), Shown::Status));
    else if (!session_->notice().isEmpty())
        lines << session_->notice();
    else if (trainable)
        lines << tr("Loss %1. Each step: w ← w − lr·∂L/∂w.")
                     .arg(shownNumber(doc_->evaluation().values[doc_->root()](0, 0), Shown::Status));
    if (trainable && kind != LrSchedule::Kind::Constant)
        lines << tr("Learning rate now %1 (after %2 steps of the schedule)")
                     .arg(shownNumber(session_->currentRate(), Shown::Step))
                     .arg(session_->scheduledSteps());
    // During a run the regions follow the frames (refreshCurve), not every step.
    if (!running) refreshRegions();
    // A classifier's loss: how many rows it gets right, beside the loss.
    if (trainable) {
        if (const auto accuracy = classifierAccuracy(doc_->graph(), doc_->root(), doc_->evaluation()))
            lines << tr("Accuracy %1%").arg(100.0 * *accuracy, 0, 'f', 1);
    }
    status_->setText(lines.join(QLatin1Char('\n')));
}

}  // namespace bp
