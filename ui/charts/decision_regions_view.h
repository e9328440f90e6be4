// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The decision regions of a classifier of the plane: each grid point coloured by the class the
// network gives it (pale), the data points on top in their own class's colour (strong). Drawn
// from core's decisionRegions(); redrawn as the weights change.
#include <QWidget>
#include <optional>

#include "core/train/decision_regions.h"

namespace bp::charts {

class DecisionRegionsView : public QWidget {
    Q_OBJECT
public:
    explicit DecisionRegionsView(QWidget* parent = nullptr);
    // Nothing: the program is not a classifier of the plane (the view hides itself).
    void setRegions(std::optional<DecisionRegions> regions);
    const std::optional<DecisionRegions>& regions() const { return regions_; }
    QSize sizeHint() const override { return {260, 260}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::optional<DecisionRegions> regions_;
};

}  // namespace bp::charts
