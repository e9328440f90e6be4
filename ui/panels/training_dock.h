// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Training in the window: learning rate and momentum, zero grad, backward again, one optimizer
// step, train N steps (animated, stoppable), and the loss curve on a linear or log scale. The
// work is done by a TrainingSession; the canvas shows the weights change through the document.
#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace bp {

class GraphDocument;
class TrainingSession;
namespace charts {
class LossCurveChart;
class DecisionRegionsView;
}

class TrainingDock : public QDockWidget {
    Q_OBJECT
public:
    explicit TrainingDock(GraphDocument* document, QWidget* parent = nullptr);

    TrainingSession* session() const { return session_; }
    charts::LossCurveChart* lossChart() const { return chart_; }
    QDoubleSpinBox* learningRateBox() const { return lr_; }
    QDoubleSpinBox* momentumBox() const { return momentum_; }
    QSpinBox* stepsBox() const { return steps_; }
    QComboBox* scheduleBox() const { return schedule_; }
    QSpinBox* decayEveryBox() const { return decayEvery_; }
    QDoubleSpinBox* gammaBox() const { return gamma_; }
    QPushButton* stepButton() const { return step_; }
    QPushButton* zeroGradButton() const { return zeroGrad_; }
    QPushButton* backwardAgainButton() const { return backwardAgain_; }
    QPushButton* trainButton() const { return train_; }
    QCheckBox* logScaleBox() const { return logScale_; }
    charts::DecisionRegionsView* regionsView() const { return regions_; }
    QString accumulationNote() const;
    QString statusText() const;
    void setLargeType(bool large);

private:
    void trainClicked();
    void refresh();
    void refreshCurve();
    void refreshRegions();
    void scheduleChanged();
    GraphDocument* doc_;
    TrainingSession* session_;
    QDoubleSpinBox* lr_;
    QDoubleSpinBox* momentum_;
    QSpinBox* steps_;
    QComboBox* schedule_;
    QSpinBox* decayEvery_;
    QDoubleSpinBox* gamma_;
    QPushButton* zeroGrad_;
    QPushButton* backwardAgain_;
    QPushButton* step_;
    QPushButton* train_;
    QPushButton* clear_;
    QCheckBox* logScale_;
    charts::LossCurveChart* chart_;
    QLabel* note_;
    QLabel* status_;
    charts::DecisionRegionsView* regions_;
};

}  // namespace bp
