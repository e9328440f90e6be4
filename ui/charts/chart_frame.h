// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one scaffold of every chart of the program: a styled QChart filling the widget through an
// antialiased view, axes with their titles, the type at the dock's size or at presentation's
// (setLargeType), point labels laid out again when the plot area moves, the series and axes all
// charts draw the same way, and numbers at the charts' precision. Each chart adds its own series
// and axes in its constructor, through addAxis and addSeries, and hands its points to show().
#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>
#include <memory>
#include <utility>
#include <vector>
#include <QtCharts/QScatterSeries>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QAbstractSeries;
class QChart;
class QChartView;
class QLineSeries;
class QLogValueAxis;
class QValueAxis;
class QXYSeries;
QT_END_NAMESPACE

namespace bp::charts {

class PointLabels;
struct PointLabel;

class ChartFrame : public QWidget {
    Q_OBJECT
public:
    // The pixel size of axis labels in a dock, and in presentation mode on a 720-pixel screen (a
    // lecture hall's back row reads 14 px on a 1280x720 projector; the charts' labels are larger
    // still), growing with the screen up to 32 px.
    static constexpr int kDockPixels = 14;
    static constexpr int kPresentationPixels = 22;
    static int presentationPixels(int screenHeight);

    QChart* chart() const { return chart_; }
    // Axis labels and titles, the legend and the point labels at the dock's size or at
    // presentation's on a screen `screenHeight` pixels tall.
    void setLargeType(bool large, int screenHeight = 720);
    bool largeType() const { return large_; }
    int axisPixelSize() const { return large_ ? largePixels_ : kDockPixels; }

protected:
    explicit ChartFrame(QWidget* parent);
    ~ChartFrame() override;

    // Puts `axis` on the chart at `side` (or only styles it, for an axis swapped in later, when
    // `side` is 0), titled `title` at the chart's type size.
    void addAxis(QAbstractAxis* axis, Qt::Alignment side, const QString& title = QString());
    // Adds the series, attaches each to the chart's axes, and hides the legend entries of `unlisted`.
    void addSeries(std::initializer_list<QAbstractSeries*> series, std::initializer_list<QAbstractSeries*> unlisted = {});
    // The legend at the top of the chart, in the chart's type.
    void showLegendOnTop();
    // Gives each series its points and the chart its point labels (placed against `labelled`).
    void plot(std::initializer_list<std::pair<QXYSeries*, QList<QPointF>>> points, std::vector<PointLabel> labels,
              QAbstractSeries* labelled);

    QChart* const chart_;
    QChartView* const view_;
    std::unique_ptr<PointLabels> labels_;

private:
    std::vector<std::pair<QAbstractAxis*, QString>> axes_;  // every axis and its title
    bool large_ = false;
    int largePixels_ = kPresentationPixels;
};

// A scatter series of `size`-pixel markers of `shape` in `color`, named for the legend.
QScatterSeries* scatterSeries(const QString& name, const QColor& color, QScatterSeries::MarkerShape shape, double size);
// The brown triangles that mark a value the axis cannot show (nan, inf, off the range).
QScatterSeries* offScaleSeries(const QString& name = QString());
// A base-10 logarithmic axis labelled in powers of ten.
QLogValueAxis* decadeAxis();
// A line series drawn with a `width`-pixel pen in `color`, named for the legend.
QLineSeries* lineSeries(const QString& name, const QColor& color, double width = 3, Qt::PenStyle style = Qt::SolidLine);
// A number as the charts print it.
QString chartNumber(double x, int significant);

}  // namespace bp::charts
