// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The canvas view: wheel and Ctrl +/- zoom, drag to pan, fit to window, and the legend. While a
// huge graph is laid out on a worker thread it says so, with the progress; then it fits the graph.
// "Fit" never draws the numbers smaller than a readable size (minNumberPixels): a graph too wide
// for that is shown at the readable zoom around the current step, and the view follows the step
// (as it does on an overview). The view fits again on a resize until the user zooms or pans.
// The legend is a strip in a margin under the viewport: it never covers a node.
#include <QGraphicsView>

namespace bp {

class GraphScene;
class LegendOverlay;

class GraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphView(GraphScene* scene, QWidget* parent = nullptr);
    void zoomIn() { zoomBy(1.25); }
    void zoomOut() { zoomBy(0.8); }
    void fitGraph();
    void setLegendVisible(bool visible);
    bool legendVisible() const { return legendVisible_; }
    // The legend's rectangle in the view's coordinates (empty when hidden).
    QRect legendRect() const;
    // The least on-screen pixel size of a node's numbers that "fit" keeps (11 in the window; the
    // presentation sets 14).
    void setMinNumberPixels(double pixels);
    double minNumberPixels() const { return minNumberPixels_; }
    // The zoom at which the numbers are minNumberPixels high.
    double readableZoom() const;
    // The numbers' on-screen size at the current zoom.
    double numberPixels() const;
    // Whether the graph was too large to fit readably, so the view follows the current step.
    bool followsStep() const { return followsStep_; }
    // How far "fit" may blow a small graph up (1.6; presentation mode allows more).
    void setMaxFitZoom(double zoom);
    double zoom() const { return transform().m11(); }

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void zoomBy(double factor);
    void drawLayoutProgress(QPainter& painter);
    void followStep();
    // Alt+Left/Right along the edges, Up/Down in the column, Enter edits the selected leaf.
    bool selectByKey(const QKeyEvent& event);
    void placeLegend();
    // The node the current step is about (its box in scene coordinates), or an empty box.
    QRectF stepBox() const;
    QRectF stepLabelBox() const;
    void showAtReadableZoom(const QRectF& graph);
    LegendOverlay* legend_;
    GraphScene* scene_;
    bool legendVisible_ = true;
    double maxFitZoom_ = 1.6;
    double legendBand() const;  // the height of the margin under the viewport the strip takes, or 0
    bool userZoomed_ = false;
    bool followsStep_ = false;
    double minNumberPixels_ = 11;
    QPoint pressScroll_;  // the scroll bars' values when a drag began
    QSize fittedViewSize_;  // the view's size at the last fit on a resize
};

}  // namespace bp
