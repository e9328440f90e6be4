// SPDX-License-Identifier: GPL-3.0-or-later
// Training in the window: N steps in the dock give the weights and losses of core's train() and
// of PyTorch (tests/data/training/make_training_reference.py); a run is one undo step; a single
// optimizer step uses the gradients as they stand, so backward twice without zero_grad steps with
// twice the gradient; momentum buffers live across steps; bad graphs and bad losses never crash.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSpinBox>
#include <QComboBox>
#include <QTest>
#include <cmath>

#include "../core/test_support.h"
#include "core/language/parser.h"
#include "core/train/sgd.h"
#include "ui/charts/decision_regions_view.h"
#include "ui/charts/loss_curve_chart.h"
#include "ui/document/graph_document.h"
#include "ui/panels/training_dock.h"
#include "ui/panels/training_session.h"

namespace bp {
namespace {

using test::matrixNear;

std::string exampleSource(const std::string& name) { return test::readFile(test::examplePath(name)); }

void load(GraphDocument& doc, const std::string& source) {
    doc.setProgram(parseProgram(source, "test.bpg"), QString::fromStdString(source));
}

const nlohmann::json& referenceRun(const std::string& example, int steps, double momentum) {
    static const nlohmann::json ref = test::readJson(test::dataPath("training/training-reference.json"));
    for (const auto& run : ref["runs"])
        if (run["example"] == example && run["steps"] == steps && run["momentum"] == momentum) return run;
    static const nlohmann::json none;
    ADD_FAILURE() << "no reference run " << example << " " << steps;
    return none;
}

Matrix param(const GraphDocument& doc, const std::string& name) {
    return doc.graph().node(doc.graph().find(name)).leafValue();
}

// Sets the knobs and Steps, presses "Train", then waits for the animation to end.
void trainInDock(TrainingDock& dock, int steps, double lr, double momentum) {
    dock.learningRateBox()->setValue(lr);
    dock.momentumBox()->setValue(momentum);
    dock.stepsBox()->setValue(steps);
    dock.session()->setFrameInterval(0);
    dock.trainButton()->click();
    ASSERT_TRUE(dock.session()->isRunning());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dock.session()->isRunning(); }, 20000));
}

void expectSameAsTrainAndPyTorch(const GraphDocument& doc, const TrainingDock& dock, const std::string& example,
                                 int steps, double lr, double momentum) {
    Program core = parseProgram(exampleSource(example), example + ".bpg");
    const TrainResult result = train(core, steps, lr, momentum);
    const auto& ref = referenceRun(example, steps, momentum);
    ASSERT_EQ(ref["lr"].get<double>(), lr);
    const auto& losses = dock.session()->losses();
    ASSERT_EQ(losses.size(), std::size_t(steps + 1));
    ASSERT_EQ(result.losses.size(), losses.size());
    for (int i = 0; i <= steps; ++i) {
        EXPECT_NEAR(losses[i], result.losses[i], 1e-14 * std::abs(result.losses[i])) << "L" << i;
        EXPECT_NEAR(losses[i], ref["loss"][i].get<double>(), 1e-10 * std::abs(result.losses[i])) << "L" << i;
    }
    for (const auto& [name, value] : ref["params"].items()) {
        const Matrix window = param(doc, name);
        EXPECT_TRUE(matrixNear(window, core.graph.node(core.graph.find(name)).leafValue(), 1e-13)) << name << " vs train()";
        EXPECT_TRUE(matrixNear(window, matrixFromJson(value), 1e-9)) << name << " vs PyTorch";
    }
    // The chart draws exactly the recorded losses.
    const auto& points = dock.lossChart()->points();
    ASSERT_EQ(points.size(), losses.size());
    for (std::size_t i = 0; i < points.size(); ++i) EXPECT_EQ(points[i].loss, losses[i]);
}

TEST(Training, XorTwentyStepsWithMomentumMatchesTrainAndPyTorch) {
    GraphDocument doc;
    load(doc, exampleSource("xor"));
    TrainingDock dock(&doc);
    const Matrix w1Before = param(doc, "W1");
    const int undoBefore = doc.undoStack()->count();
    trainInDock(dock, 20, 0.5, 0.9);
    expectSameAsTrainAndPyTorch(doc, dock, "xor", 20, 0.5, 0.9);
    EXPECT_LT(dock.session()->losses().back(), dock.session()->losses().front());

    // The whole run is one undo step, and redo brings it back.
    EXPECT_EQ(doc.undoStack()->count(), undoBefore + 1);
    const Matrix w1After = param(doc, "W1");
    doc.undoStack()->undo();
    EXPECT_EQ(param(doc, "W1"), w1Before);
    doc.undoStack()->redo();
    EXPECT_EQ(param(doc, "W1"), w1After);
}

// The dock's learning-rate schedules are the command line's: the losses of a run with step or
// exponential decay are train()'s with the same schedule, and the dock says the rate it reached.
TEST(Training, ScheduleInTheDockIsTrainsSchedule) {
    for (const auto kind : {LrSchedule::Kind::Step, LrSchedule::Kind::Exponential}) {
        GraphDocument doc;
        load(doc, exampleSource("xor"));
        TrainingDock dock(&doc);
        dock.scheduleBox()->setCurrentIndex(dock.scheduleBox()->findData(int(kind)));
        dock.decayEveryBox()->setValue(5);
        dock.gammaBox()->setValue(0.8);
        EXPECT_EQ(dock.decayEveryBox()->isVisibleTo(&dock), kind == LrSchedule::Kind::Step);
        EXPECT_TRUE(dock.gammaBox()->isVisibleTo(&dock));
        trainInDock(dock, 12, 0.5, 0.0);
        LrSchedule schedule;
        schedule.kind = kind;
        schedule.gamma = 0.8;
        if (kind == LrSchedule::Kind::Step) schedule.stepSize = 5;
        Program core = parseProgram(exampleSource("xor"), "xor.bpg");
        const TrainResult result = train(core, 12, 0.5, 0.0, nullptr, schedule);
        const auto& losses = dock.session()->losses();
        ASSERT_EQ(losses.size(), result.losses.size());
        for (std::size_t i = 0; i < losses.size(); ++i)
            EXPECT_NEAR(losses[i], result.losses[i], 1e-14 * std::abs(result.losses[i])) << i;
        EXPECT_DOUBLE_EQ(dock.session()->currentRate(), schedule.rate(0.5, 12));
        EXPECT_TRUE(dock.statusText().contains(QStringLiteral("Learning rate now"))) << dock.statusText().toStdString();
    }
}

// The classification example in the window: the dock's 500 steps are train()'s, and the accuracy
// stands beside the loss, from 35.8% before to 100% after.
TEST(Training, SpiralsReachFullAccuracyInTheDock) {
    GraphDocument doc;
    load(doc, exampleSource("spirals"));
    TrainingDock dock(&doc);
    EXPECT_TRUE(dock.statusText().contains(QStringLiteral("Accuracy 35.8%"))) << dock.statusText().toStdString();
    trainInDock(dock, 500, 0.5, 0.9);
    Program core = parseProgram(exampleSource("spirals"), "spirals.bpg");
    const TrainResult result = train(core, 500, 0.5, 0.9);
    const auto& losses = dock.session()->losses();
    ASSERT_EQ(losses.size(), result.losses.size());
    EXPECT_NEAR(losses.back(), result.losses.back(), 1e-12);
    EXPECT_EQ(result.accuracies.back(), 1.0);
    EXPECT_TRUE(dock.statusText().contains(QStringLiteral("Accuracy 100.0%"))) << dock.statusText().toStdString();
    // The decision regions follow the trained weights: every data point lies in its own class's region.
    const auto& regions = dock.regionsView()->regions();
    ASSERT_TRUE(regions.has_value());
    EXPECT_EQ(regions->classCount, 3);
    int inOwnRegion = 0;
    for (Eigen::Index i = 0; i < regions->points.rows(); ++i) {
        const int col = int((regions->points(i, 0) - regions->xMin) / (regions->xMax - regions->xMin) * regions->size);
        const int row = int((regions->yMax - regions->points(i, 1)) / (regions->yMax - regions->yMin) * regions->size);
        inOwnRegion += regions->classes[std::size_t(row * regions->size + col)] == regions->labels[std::size_t(i)];
    }
    EXPECT_GE(inOwnRegion, 110) << "of 120";  // the grid is coarser than the points near a boundary
}

TEST(Training, NoDecisionRegionsForALossThatIsNotAClassifiersOfThePlane) {
    GraphDocument doc;
    load(doc, exampleSource("xor"));
    TrainingDock dock(&doc);
    EXPECT_FALSE(dock.regionsView()->regions().has_value());
}

TEST(Training, XorTwoHundredStepsWithoutMomentumMatchesPyTorch) {
    GraphDocument doc;
    load(doc, exampleSource("xor"));
    TrainingDock dock(&doc);
    trainInDock(dock, 200, 0.5, 0.0);
    expectSameAsTrainAndPyTorch(doc, dock, "xor", 200, 0.5, 0.0);
    dock.logScaleBox()->setChecked(true);
    EXPECT_TRUE(dock.lossChart()->logScale());
    for (const auto& p : dock.lossChart()->points()) EXPECT_FALSE(p.offScale);
}

TEST(Training, SingleStepsKeepMomentumBuffersLikePyTorch) {
    GraphDocument doc;
    load(doc, exampleSource("mlp-1-2-2"));
    TrainingDock dock(&doc);
    dock.learningRateBox()->setValue(1.0);
    dock.momentumBox()->setValue(0.5);
    for (int i = 0; i < 5; ++i) dock.stepButton()->click();
    EXPECT_EQ(doc.undoStack()->count(), 5);  // each step is its own undo step
    expectSameAsTrainAndPyTorch(doc, dock, "mlp-1-2-2", 5, 1.0, 0.5);
}

TEST(Training, OneStepOnMlp122GivesTheSpecNumbersAndUndoes) {
    GraphDocument doc;
    load(doc, exampleSource("mlp-1-2-2"));
    TrainingDock dock(&doc);
    dock.learningRateBox()->setValue(1.0);
    const Matrix w1 = param(doc, "w1");
    dock.stepButton()->click();
    Matrix expected(2, 1);
    expected << 0.9998775673, 1.9999219936;
    EXPECT_TRUE(matrixNear(param(doc, "w1"), expected, 1e-10));
    Matrix w2(2, 2);
    w2 << 3.0000078433, 4.0000094498, 4.9999042462, 5.9998846335;
    EXPECT_TRUE(matrixNear(param(doc, "w2"), w2, 1e-10));
    // The status shows the change: "0.499874 → 0.499874" would say nothing happened.
    const QStringList parts = dock.session()->notice().split(QStringLiteral(" → "));
    ASSERT_EQ(parts.size(), 2) << dock.session()->notice().toStdString();
    EXPECT_NE(parts[0].section(QLatin1Char(' '), -1), parts[1].section(QLatin1Char(' '), 0, 0))
        << dock.session()->notice().toStdString();
    EXPECT_TRUE(dock.session()->notice().contains(QStringLiteral("(Δ -"))) << dock.session()->notice().toStdString();
    ASSERT_EQ(doc.undoStack()->count(), 1);
    EXPECT_EQ(doc.undoStack()->text(0), QStringLiteral("Optimizer step"));
    doc.undoStack()->undo();
    EXPECT_EQ(param(doc, "w1"), w1);
}

TEST(Training, BackwardTwiceDoublesTheGradientsAndTheStep) {
    GraphDocument doc;
    load(doc, exampleSource("mlp-1-2-2"));
    TrainingDock dock(&doc);
    dock.learningRateBox()->setValue(1.0);
    const NodeId w1 = doc.graph().find("w1");
    const Matrix g = doc.evaluation().grads[w1];
    const Matrix before = param(doc, "w1");
    EXPECT_TRUE(dock.accumulationNote().isEmpty());

    dock.backwardAgainButton()->click();
    EXPECT_EQ(doc.backwardPasses(), 2);
    EXPECT_TRUE(matrixNear(doc.evaluation().grads[w1], 2 * g, 1e-15));
    EXPECT_TRUE(dock.accumulationNote().contains(QStringLiteral("2 backward passes"))) << dock.accumulationNote().toStdString();
    EXPECT_TRUE(dock.accumulationNote().contains(QStringLiteral("zero_grad")));

    dock.backwardAgainButton()->click();
    EXPECT_TRUE(matrixNear(doc.evaluation().grads[w1], 3 * g, 1e-15));
    // Zero grad zeroes the gradients and runs nothing (PyTorch's zero_grad); forward and backward
    // are their own action.
    dock.zeroGradButton()->click();
    EXPECT_TRUE(doc.evaluation().grads[w1].isZero(0.0));
    EXPECT_EQ(doc.backwardPasses(), 0);
    EXPECT_EQ(doc.cursor().backwardCount(), 0);
    EXPECT_TRUE(dock.accumulationNote().isEmpty());
    dock.backwardAgainButton()->click();
    EXPECT_TRUE(matrixNear(doc.evaluation().grads[w1], g, 1e-15));
    EXPECT_EQ(doc.backwardPasses(), 1);

    // The optimizer steps with what the gradients hold: twice the gradient, twice the move.
    dock.backwardAgainButton()->click();
    dock.stepButton()->click();
    EXPECT_TRUE(matrixNear(param(doc, "w1"), before - 2.0 * g, 1e-14));
    EXPECT_TRUE(doc.undoStack()->text(0).contains(QStringLiteral("2 backward passes")));
    // The step re-evaluates from zero gradients: one pass again.
    EXPECT_EQ(doc.backwardPasses(), 1);
    EXPECT_TRUE(dock.accumulationNote().isEmpty());
}

TEST(Training, ARunStartsWithZeroGradLikeTheLoop) {
    GraphDocument doc;
    load(doc, exampleSource("xor"));
    TrainingDock dock(&doc);
    dock.backwardAgainButton()->click();
    ASSERT_TRUE(doc.gradientsAccumulated());
    trainInDock(dock, 20, 0.5, 0.9);
    expectSameAsTrainAndPyTorch(doc, dock, "xor", 20, 0.5, 0.9);
}

TEST(Training, StoppingARunKeepsItAsOneUndoStep) {
    GraphDocument doc;
    load(doc, exampleSource("xor"));
    TrainingDock dock(&doc);
    const Matrix before = param(doc, "W2");
    dock.stepsBox()->setValue(100000);
    dock.session()->setFrameInterval(5);
    dock.trainButton()->click();
    EXPECT_EQ(dock.trainButton()->text(), QStringLiteral("Stop"));
    EXPECT_FALSE(dock.stepButton()->isEnabled());
    ASSERT_TRUE(QTest::qWaitFor([&] { return dock.session()->runStepsDone() > 0; }, 5000));
    dock.trainButton()->click();
    EXPECT_FALSE(dock.session()->isRunning());
    const int done = dock.session()->runStepsDone();
    EXPECT_GT(done, 0);
    EXPECT_LT(done, 100000);
    EXPECT_EQ(dock.session()->losses().size(), std::size_t(done + 1));
    EXPECT_EQ(doc.undoStack()->count(), 1);
    EXPECT_NE(param(doc, "W2"), before);
    // The same number of steps of train() lands on the same weights.
    Program core = parseProgram(exampleSource("xor"));
    train(core, done, 0.5, 0.0);
    EXPECT_TRUE(matrixNear(param(doc, "W2"), core.graph.node(core.graph.find("W2")).leafValue(), 1e-13));
    doc.undoStack()->undo();
    EXPECT_EQ(param(doc, "W2"), before);
}

TEST(Training, AnEditDuringARunStopsItAndUndoesInOrder) {
    GraphDocument doc;
    load(doc, exampleSource("xor"));
    TrainingDock dock(&doc);
    const Matrix before = param(doc, "b2");
    dock.stepsBox()->setValue(100000);
    dock.session()->setFrameInterval(5);
    dock.trainButton()->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return dock.session()->runStepsDone() > 0; }, 5000));
    const NodeId b2 = doc.graph().find("b2");
    doc.editLeafValue(b2, Matrix::Constant(1, 1, 7.0));
    EXPECT_FALSE(dock.session()->isRunning());
    EXPECT_TRUE(dock.statusText().contains(QStringLiteral("changed")));
    ASSERT_EQ(doc.undoStack()->count(), 2);
    doc.undoStack()->undo();  // the edit
    EXPECT_NE(param(doc, "b2"), before);
    doc.undoStack()->undo();  // the run
    EXPECT_EQ(param(doc, "b2"), before);
}

TEST(Training, ANewProgramStopsTheRunAndRestartsBuffersAndCurve) {
    GraphDocument doc;
    load(doc, exampleSource("mlp-1-2-2"));
    TrainingDock dock(&doc);
    dock.learningRateBox()->setValue(1.0);
    dock.momentumBox()->setValue(0.9);
    dock.stepButton()->click();
    dock.stepButton()->click();
    dock.stepsBox()->setValue(100000);
    dock.session()->setFrameInterval(5);
    dock.trainButton()->click();
    ASSERT_TRUE(dock.session()->isRunning());
    load(doc, exampleSource("mlp-1-2-2"));
    EXPECT_FALSE(dock.session()->isRunning());
    EXPECT_TRUE(dock.session()->losses().empty());
    EXPECT_TRUE(dock.lossChart()->points().empty());
    // A fresh optimizer: the first step of the new program is plain SGD again (buffer = gradient).
    dock.stepButton()->click();
    Program core = parseProgram(exampleSource("mlp-1-2-2"));
    train(core, 1, 1.0, 0.9);
    EXPECT_TRUE(matrixNear(param(doc, "w2"), core.graph.node(core.graph.find("w2")).leafValue(), 1e-14));
}

TEST(Training, GraphsThatCannotBeTrainedSaySoAndNothingCrashes) {
    GraphDocument doc;
    TrainingDock dock(&doc);
    EXPECT_FALSE(dock.stepButton()->isEnabled());
    EXPECT_FALSE(dock.session()->step());

    load(doc, exampleSource("vjp"));  // inputs only
    EXPECT_FALSE(dock.trainButton()->isEnabled());
    EXPECT_TRUE(dock.statusText().contains(QStringLiteral("no param"))) << dock.statusText().toStdString();
    EXPECT_FALSE(dock.session()->startRun(10));

    load(doc, "param x = [1, 2, 3]\nt = x * 2\nbackward t with [1, 1, 1]\n");
    EXPECT_TRUE(dock.statusText().contains(QStringLiteral("1x1 loss"))) << dock.statusText().toStdString();
    EXPECT_TRUE(dock.statusText().contains(QStringLiteral("3x1")));
    EXPECT_FALSE(dock.session()->step());
    EXPECT_EQ(doc.undoStack()->count(), 0);
}

TEST(Training, ADivergingRunStopsAtTheFirstNonFiniteLossAndTheChartShowsIt) {
    GraphDocument doc;
    load(doc, "param w = 1\nloss = mse(w, 0)\n");
    TrainingDock dock(&doc);
    trainInDock(dock, 500, 1000.0, 0.0);  // w ← w − 1000·2w: ×1999 a step, until the loss overflows
    const auto& losses = dock.session()->losses();
    ASSERT_GE(losses.size(), 2u);
    EXPECT_LT(losses.size(), 501u);
    EXPECT_FALSE(std::isfinite(losses.back()));
    for (std::size_t i = 0; i + 1 < losses.size(); ++i) EXPECT_TRUE(std::isfinite(losses[i]));
    EXPECT_TRUE(dock.statusText().contains(QStringLiteral("smaller learning rate"))) << dock.statusText().toStdString();
    const auto& points = dock.lossChart()->points();
    ASSERT_EQ(points.size(), losses.size());
    EXPECT_TRUE(points.back().offScale);
    EXPECT_TRUE(std::isfinite(points.back().y));
    EXPECT_TRUE(dock.lossChart()->labelTexts().join(QLatin1Char('|')).contains(QStringLiteral("= inf")));
}

TEST(Training, ALogOfZeroLossIsShownOffScale) {
    GraphDocument doc;
    load(doc, "input a = 0\nparam w = 1\nloss = log(a * w)\n");
    TrainingDock dock(&doc);
    dock.logScaleBox()->setChecked(true);
    dock.stepButton()->click();
    const auto& points = dock.lossChart()->points();
    ASSERT_EQ(points.size(), 2u);
    EXPECT_EQ(points[0].loss, -HUGE_VAL);
    EXPECT_TRUE(points[0].offScale);
    EXPECT_TRUE(points[1].offScale);
    EXPECT_TRUE(dock.lossChart()->labelTexts().join(QLatin1Char('|')).contains(QStringLiteral("L0 = -inf")));
}

}  // namespace
}  // namespace bp
