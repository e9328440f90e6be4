// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The chart of σ(z) and σ′(z) = σ(z)(1 − σ(z)) over z in [−8, 8], the maximum σ′(0) = 1/4
// marked, and a marker on the σ′ curve at the z of every sigmoid entry of the graph. The caller
// gives every number (the curves and the markers come from the engine); this class only draws
// them, and is the one file that knows Qt Charts draws this chart.
#include <QPointF>
#include <QString>
#include <vector>

#include "ui/charts/chart_frame.h"
#include "ui/charts/chart_scale.h"

namespace bp::charts {

class SigmoidChart : public ChartFrame {
    Q_OBJECT
public:
    static constexpr double kZMin = -8;
    static constexpr double kZMax = 8;
    // The axis runs a little past [−8, 8]: an off-scale marker is pinned out there, clear of the curves.
    static constexpr double kPinMin = -8.7;
    static constexpr double kPinMax = 8.7;
    static constexpr double kAxisZMin = -9.2;
    static constexpr double kAxisZMax = 9.2;
    static constexpr double kYMin = 0;
    static constexpr double kYMax = 1.05;
    // The y axis starts a little below 0, so a marker where σ′ ≈ 0 shows whole above the x axis.
    static constexpr double kAxisYMin = -0.04;
    // Beyond this many markers only the highlighted ones and the first few get a label.
    static constexpr int kMaxLabels = 10;

    struct Marker {
        QString name;      // "z2[0]"
        double z = 0;      // the sigmoid's input
        double slope = 0;  // σ′(z), as the engine computed it
        bool highlighted = false;
    };
    // A marker as drawn: where it sits (pinned to an edge when off-scale) and its label.
    struct PlacedMarker {
        Marker marker;
        double x = 0;
        double y = 0;
        bool offScale = false;
        QString label;     // empty when not labelled (too many markers)
    };

    explicit SigmoidChart(QWidget* parent = nullptr);

    // The curves, sampled at the same z for both.
    void setCurves(const std::vector<double>& z, const std::vector<double>& sigma, const std::vector<double>& slope);
    // The maximum of σ′ (at z = 0, 1/4).
    void setMaximum(double z, double slope);
    void setMarkers(std::vector<Marker> markers);
    const std::vector<PlacedMarker>& markers() const { return placed_; }
    int curveSampleCount() const { return curveSamples_; }
    // relu(z) and relu′(z), dashed, over the same z: shown beside σ and σ′ on demand, to compare
    // a slope of at most 1/4 with a slope of 1.
    void setReluCurves(const std::vector<double>& z, const std::vector<double>& relu, const std::vector<double>& slope);
    void setReluShown(bool shown);
    bool reluShown() const { return reluShown_; }
    int reluSampleCount() const;

    // "z2[1]: z = 8.94 ▶  σ′ = 0.00013"
    static QString markerLabel(const Marker& marker, const AxisPlacement& x);

private:
    void updateMarkers();
    std::vector<Marker> markers_;
    std::vector<PlacedMarker> placed_;
    QPointF maximumAt_{0, 0.25};
    int curveSamples_ = 0;
    bool reluShown_ = false;
    QLineSeries* sigma_;
    QLineSeries* slope_;
    QLineSeries* relu_;
    QLineSeries* reluSlope_;
    QScatterSeries* maximum_;
    QScatterSeries* points_;
    QScatterSeries* highlighted_;
    QScatterSeries* offScale_;
};

}  // namespace bp::charts
