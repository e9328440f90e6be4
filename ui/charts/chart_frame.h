// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every chart of the program shares: a styled QChart filling the widget through an
// antialiased view, point labels laid out again when the plot area moves, the series and axes
// all charts draw the same way, and numbers at the charts' precision. Each chart adds its own
// series and axes in its constructor.
#include <QColor>
#include <QString>
#include <QWidget>
#include <memory>
#include <QtCharts/QScatterSeries>

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QChart;
class QChartView;
class QLogValueAxis;
QT_END_NAMESPACE

namespace bp::charts {

class PointLabels;

class ChartFrame : public QWidget {
    Q_OBJECT
public:
    QChart* chart() const { return chart_; }

protected:
    explicit ChartFrame(QWidget* parent);
    ~ChartFrame() override;

    // Adds the series, attaches each to the chart's axes, and hides the legend entries of `unlisted`.
    void addSeries(std::initializer_list<QAbstractSeries*> series, std::initializer_list<QAbstractSeries*> unlisted = {});

    QChart* const chart_;
    QChartView* const view_;
    std::unique_ptr<PointLabels> labels_;
};

// A scatter series of `size`-pixel markers of `shape` in `color`, named for the legend.
QScatterSeries* scatterSeries(const QString& name, const QColor& color, QScatterSeries::MarkerShape shape, double size);
// The brown triangles that mark a value the axis cannot show (nan, inf, off the range).
QScatterSeries* offScaleSeries(const QString& name = QString());
// A base-10 logarithmic axis labelled in powers of ten.
QLogValueAxis* decadeAxis();
// A number as the charts print it.
QString chartNumber(double x, int significant);

}  // namespace bp::charts
