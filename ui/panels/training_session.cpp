// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/training_session.h"

#include <QCoreApplication>
#include <cmath>

#include "core/text/number_format.h"
#include "ui/document/edit_commands.h"
#include "ui/document/graph_document.h"
#include "ui/document/shown_number.h"

namespace bp {

namespace {

// Two losses are the same point of the curve when bit-equal (nan equals nan here).
bool sameLoss(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

// "0.4998738 → 0.4998736 (Δ −2.1e-07)": as many digits as it takes to see the change, and the change.
QString lossChange(double before, double after) {
    const int digits = digitsToTellApart(before, after);
    return QCoreApplication::translate("bp::TrainingSession", "%1 → %2 (Δ %3)")
        .arg(QString::fromStdString(formatNumber(before, digits)), QString::fromStdString(formatNumber(after, digits)),
             shownNumber(after - before, Shown::Glance));
}

}  // namespace

TrainingSession::TrainingSession(GraphDocument* document, QObject* parent) : QObject(parent), doc_(document) {
    timer_.setInterval(30);
    connect(&timer_, &QTimer::timeout, this, &TrainingSession::frame);
    connect(doc_, &GraphDocument::valuesChanged, this, &TrainingSession::documentValuesChanged);
    connect(doc_, &GraphDocument::programReplaced, this, &TrainingSession::documentReplaced);
}

void TrainingSession::setNotice(const QString& notice) {
    notice_ = notice;
    emit noticeChanged(notice_);
}

void TrainingSession::setLearningRate(double lr) {
    if (lr == lr_) return;
    lr_ = lr;
    scheduledSteps_ = 0;
    if (optimizer_ && momentum_ != 0) setNotice(tr("The learning rate changed: the momentum buffers start again."));
    optimizer_.reset();
}

void TrainingSession::setSchedule(const LrSchedule& schedule) {
    if (schedule.kind == schedule_.kind && schedule.stepSize == schedule_.stepSize && schedule.gamma == schedule_.gamma)
        return;
    schedule_ = schedule;
    scheduledSteps_ = 0;
    emit lossesChanged();  // the rate shown beside the curve
}

void TrainingSession::setMomentum(double momentum) {
    if (momentum == momentum_) return;
    momentum_ = momentum;
    if (optimizer_) setNotice(tr("The momentum changed: its buffers start again."));
    optimizer_.reset();
}

QString TrainingSession::cannotTrain() const {
    const Graph& g = doc_->graph();
    if (g.size() == 0 || doc_->root() < 0) return tr("There is no graph to train.");
    const Node& root = g.node(doc_->root());
    if (root.shape != Shape{1, 1})
        return tr("Training needs a 1x1 loss as the root; '%1' is %2.")
            .arg(QString::fromStdString(root.label()), QString::fromStdString(shapeText(root.shape)));
    for (const Node& n : g.nodes())
        if (n.kind == NodeKind::Param) return {};
    return tr("The graph has no param to train: the optimizer updates the leaves declared with 'param'.");
}

LeafValues TrainingSession::paramValues() const {
    LeafValues values;
    const Graph& g = doc_->graph();
    for (NodeId id = 0; id < g.size(); ++id)
        if (g.node(id).kind == NodeKind::Param) values.emplace_back(id, g.node(id).leafValue());
    return values;
}

// core's SgdOptimizer's update from the document's params and gradients, at the scheduled rate.
LeafValues TrainingSession::sgdUpdate() {
    if (!optimizer_) optimizer_.emplace(lr_, momentum_);
    optimizer_->setLearningRate(currentRate());
    ++scheduledSteps_;
    return optimizer_->step(doc_->graph(), doc_->evaluation());
}

double TrainingSession::currentLoss() const { return doc_->evaluation().values[doc_->root()](0, 0); }

// The curve goes on from its last point, or starts again when the weights have changed since.
void TrainingSession::startCurve() {
    const double loss = currentLoss();
    if (!losses_.empty() && sameLoss(losses_.back(), loss)) return;
    if (!losses_.empty()) setNotice(tr("The weights changed since the last step: the curve starts again."));
    losses_ = {loss};
}

bool TrainingSession::step() {
    if (isRunning()) return false;
    if (const QString why = cannotTrain(); !why.isEmpty()) {
        setNotice(why);
        return false;
    }
    startCurve();
    const int passes = doc_->backwardPasses();
    const LeafValues values = sgdUpdate();
    applying_ = true;
    doc_->editParams(values, passes > 1 ? tr("Optimizer step (gradients of %1 backward passes)").arg(passes)
                                        : tr("Optimizer step"));
    applying_ = false;
    losses_.push_back(currentLoss());
    setNotice(passes > 1 ? tr("The step used the sum of %1 backward passes: %1× the gradient.").arg(passes)
                         : tr("One step: loss %1.").arg(lossChange(losses_[losses_.size() - 2], losses_.back())));
    emit lossesChanged();
    return true;
}

bool TrainingSession::startRun(int steps) {
    if (isRunning() || steps < 1) return false;
    if (const QString why = cannotTrain(); !why.isEmpty()) {
        setNotice(why);
        return false;
    }
    applying_ = true;
    // Every step of the loop begins with zero_grad: gradients summed by "backward again" go.
    if (doc_->gradientsAccumulated()) doc_->recompute();
    startCurve();
    run_ = new TrainingRunCommand(doc_, paramValues(), tr("Training run, steps: %1").arg(steps));
    doc_->undoStack()->push(run_);
    applying_ = false;
    runTarget_ = steps;
    runDone_ = 0;
    setNotice(tr("Training: %1 steps of zero_grad, forward, backward, step.").arg(steps));
    emit lossesChanged();
    emit runningChanged(true);
    timer_.start();
    return true;
}

void TrainingSession::frame() {
    const int perFrame = std::max(1, (runTarget_ + 99) / 100);
    for (int i = 0; i < perFrame && isRunning() && runDone_ < runTarget_; ++i)
        if (!advance()) return;
    emit lossesChanged();
    if (isRunning() && runDone_ >= runTarget_)
        finishRun(tr("Training done at step %1: loss %2.")
                      .arg(runDone_)
                      .arg(lossChange(losses_[losses_.size() - 1 - runDone_], losses_.back())));
}

// One iteration of train(): the document's gradients are fresh (it zeroes them on every change
// of the weights), so this is step, then zero_grad, forward and backward in the document.
bool TrainingSession::advance() {
    const LeafValues values = sgdUpdate();
    applying_ = true;
    doc_->applyLeafValues(values);
    applying_ = false;
    run_->setAfter(values);
    ++runDone_;
    losses_.push_back(currentLoss());
    if (!std::isfinite(losses_.back())) {
        emit lossesChanged();
        finishRun(tr("Stopped at step %1: the loss is %2. Try a smaller learning rate.")
                      .arg(runDone_)
                      .arg(shownNumber(losses_.back(), Shown::Status)));
        return false;
    }
    return true;
}

void TrainingSession::stopRun() {
    if (isRunning()) finishRun(tr("Stopped at step %1.").arg(runDone_));
}

void TrainingSession::finishRun(const QString& notice) {
    timer_.stop();
    run_->setText(tr("Training run, steps: %1").arg(runDone_));
    if (runDone_ == 0) run_->setObsolete(true);  // nothing happened: undoing it just drops it
    run_ = nullptr;
    setNotice(notice);
    emit runningChanged(false);
}

void TrainingSession::documentValuesChanged() {
    if (applying_ || !isRunning()) return;
    // An edit, an undo or a redo during the run: the run stops where it is, one undo step.
    finishRun(tr("Stopped at step %1: the weights were changed.").arg(runDone_));
}

void TrainingSession::documentReplaced() {
    if (isRunning()) {
        timer_.stop();
        run_ = nullptr;  // the document cleared its undo stack, and the command with it
        emit runningChanged(false);
    }
    optimizer_.reset();
    scheduledSteps_ = 0;
    losses_.clear();
    setNotice(QString());
    emit lossesChanged();
}

void TrainingSession::clearLosses() {
    losses_.clear();
    emit lossesChanged();
}

}  // namespace bp
