// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Training in the window, behind the training dock: core's SgdOptimizer, whose momentum buffers
// live here across steps (and restart when the program is replaced or lr or momentum changes),
// and the recorded losses L0 ... LN as core's train() records them.
//
// One optimizer step uses the gradients the document holds right now, so after "backward again"
// it steps with the summed gradients, as PyTorch does; it is one undo step (editParams). A run of
// N steps is N times zero_grad, forward, backward, step, as train() does, animated by a timer so
// the canvas shows the weights move, and it is one undo step however many steps it takes.
#include <QObject>
#include <QString>
#include <QTimer>
#include <optional>
#include <vector>

#include "core/graph/graph.h"
#include "core/train/sgd.h"

namespace bp {

class GraphDocument;
class TrainingRunCommand;

class TrainingSession : public QObject {
    Q_OBJECT
public:
    explicit TrainingSession(GraphDocument* document, QObject* parent = nullptr);

    double learningRate() const { return lr_; }
    double momentum() const { return momentum_; }
    // A change restarts the momentum buffers (core's optimizer fixes both when it is made).
    void setLearningRate(double lr);
    void setMomentum(double momentum);
    // How the rate changes with the steps taken here (torch.optim.lr_scheduler's StepLR and
    // ExponentialLR); a change, like a new learning rate, starts counting the steps again.
    const LrSchedule& schedule() const { return schedule_; }
    void setSchedule(const LrSchedule& schedule);
    // The rate the next step uses.
    double currentRate() const { return schedule_.rate(lr_, scheduledSteps_); }
    int scheduledSteps() const { return scheduledSteps_; }

    // Why the document's graph cannot be trained ("needs a 1x1 loss as the root ..."), or empty.
    QString cannotTrain() const;

    // One SGD step with the document's current gradients. False (and a notice) when it cannot.
    bool step();
    // Starts an animated run of `steps` steps. False (and a notice) when it cannot.
    bool startRun(int steps);
    void stopRun();
    bool isRunning() const { return run_ != nullptr; }
    int runSteps() const { return runTarget_; }
    int runStepsDone() const { return runDone_; }
    // Milliseconds between animation frames; a frame does about 1/100 of the run (at least a step).
    void setFrameInterval(int ms) { timer_.setInterval(ms); }

    // L0, the loss before the first step, then the loss after every step taken here.
    const std::vector<double>& losses() const { return losses_; }
    void clearLosses();
    QString notice() const { return notice_; }

signals:
    void lossesChanged();
    void runningChanged(bool running);
    void noticeChanged(const QString& notice);

private:
    LeafValues paramValues() const;
    LeafValues sgdUpdate();
    double currentLoss() const;
    void startCurve();
    void frame();
    bool advance();
    void finishRun(const QString& notice);
    void documentValuesChanged();
    void documentReplaced();
    void setNotice(const QString& notice);

    GraphDocument* doc_;
    double lr_ = 0.5;
    double momentum_ = 0.0;
    std::optional<SgdOptimizer> optimizer_;
    LrSchedule schedule_;
    int scheduledSteps_ = 0;  // steps taken since the rate or its schedule was set
    std::vector<double> losses_;
    QString notice_;
    QTimer timer_;
    TrainingRunCommand* run_ = nullptr;  // on the document's undo stack while a run goes
    int runTarget_ = 0;
    int runDone_ = 0;
    bool applying_ = false;  // the values change because of us
};

}  // namespace bp
