// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The canvas view: wheel and Ctrl +/- zoom, drag to pan, fit to window, and the legend. While a
// huge graph is laid out on a worker thread it says so, with the progress; then it fits the graph.
// On such a graph (an overview) it keeps the node of the current step in view as the steps go.
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
    // How far "fit" may blow a small graph up (1.6; presentation mode allows more).
    void setMaxFitZoom(double zoom);
    // The legend as a strip along the bottom, kept clear of the graph by "fit" (presentation),
    // instead of a box in the top-right corner.
    void setLegendStrip(bool strip);
    double zoom() const { return transform().m11(); }

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void zoomBy(double factor);
    void drawLayoutProgress(QPainter& painter);
    void followStep();
    // Alt+Left/Right along the edges, Up/Down in the column, Enter edits the selected leaf.
    bool selectByKey(const QKeyEvent& event);
    void placeLegend();
    LegendOverlay* legend_;
    GraphScene* scene_;
    bool legendVisible_ = true;
    double maxFitZoom_ = 1.6;
    bool legendStrip_ = false;
    double legendBand() const;  // the viewport height the strip takes, or 0
    bool userZoomed_ = false;
    QSize fittedViewSize_;  // the view's size at the last fit on a resize
};

}  // namespace bp
