// SPDX-License-Identifier: GPL-3.0-or-later
// One live edit, as a drag makes it many times a second: set a weight of mlp-1-2-2 through the
// document (undo command merged into the drag, forward, backward, trace, the source's literal
// rewritten) and draw the canvas again. It has to fit in a frame (16 ms at 60 Hz). The same on
// a 12-12-12-1 net expanded to scalars (about 1,000 nodes, issue 8), and one step of the
// backward pass there (a cursor move and the canvas drawn again: at most 2 ms).
#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QImage>
#include <QPainter>

#include "bench/workloads.h"
#include "core/language/parser.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/document/examples.h"
#include "ui/document/graph_document.h"
#include "ui/window/main_window.h"

namespace bp {
namespace {

// The drag of one entry of a weight (w2[1][1] of mlp-1-2-2 by default) up and down in steps of
// 0.01 around its value, in the middle of the backward pass.
class WeightDrag {
public:
    explicit WeightDrag(GraphDocument& doc, const char* name = "w2", int row = 1, int col = 1)
        : doc_(doc), w_(doc.graph().find(name)), row_(row), col_(col),
          start_(doc.graph().node(w_).leafValue()(row, col)), key_(doc.newMergeKey()) {
        const StepCursor& c = doc.cursor();
        doc.setCursorPosition(c.forwardCount() + c.backwardCount() / 2);
    }
    void next() {
        Matrix value = doc_.graph().node(w_).leafValue();
        value(row_, col_) = start_ + 0.01 * (tick_++ % 200 - 100);
        doc_.editLeafValue(w_, value, key_);
    }

private:
    GraphDocument& doc_;
    NodeId w_;
    int row_, col_;
    double start_;
    int key_;
    long tick_ = 0;
};

void openMlp(GraphDocument& doc) {
    const Example* e = findExample("mlp-1-2-2");
    doc.setProgram(parseProgram(e->source, "mlp-1-2-2.bpg"), QString::fromStdString(e->source));
}

void BM_EditWeight(benchmark::State& state) {
    GraphDocument doc;
    openMlp(doc);
    GraphScene scene(&doc);
    WeightDrag drag(doc);
    for (auto _ : state) drag.next();
    state.counters["undo_steps"] = doc.undoStack()->count();
}
BENCHMARK(BM_EditWeight)->Unit(benchmark::kMicrosecond);

// The edit and the canvas drawn again: the view (1200x800, fitted) rendered into an image.
void BM_EditWeightAndRepaintCanvas(benchmark::State& state) {
    GraphDocument doc;
    openMlp(doc);
    GraphScene scene(&doc);
    GraphView view(&scene);
    view.resize(1200, 800);
    view.show();
    view.fitGraph();
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    WeightDrag drag(doc);
    for (auto _ : state) {
        drag.next();
        QPainter painter(&image);
        view.render(&painter);
    }
    state.counters["undo_steps"] = doc.undoStack()->count();
}
BENCHMARK(BM_EditWeightAndRepaintCanvas)->Unit(benchmark::kMillisecond);

// The whole window drawn again after the edit: canvas, chain rule, inspector, source, charts.
void BM_EditWeightAndRepaintWindow(benchmark::State& state) {
    MainWindow window;
    window.openExample(QStringLiteral("mlp-1-2-2"));
    window.show();
    QImage image(window.size(), QImage::Format_ARGB32_Premultiplied);
    WeightDrag drag(*window.document());
    for (auto _ : state) {
        drag.next();
        QPainter painter(&image);
        window.render(&painter);
    }
}
BENCHMARK(BM_EditWeightAndRepaintWindow)->Unit(benchmark::kMillisecond);

// ---- a graph of about 1,000 nodes -------------------------------------------------------------

void openScalarNet(GraphDocument& doc) {
    static const std::string text = bench::scalarNetSource({12, 12, 12, 1});
    doc.setProgram(parseProgram(text, "net.bpg"), QString::fromStdString(text));
}

// The canvas as the window shows it: 1200x800, the whole graph fitted.
struct FittedCanvas {
    explicit FittedCanvas(GraphDocument& doc) : scene(&doc), view(&scene) {
        view.resize(1200, 800);
        view.show();
        view.fitGraph();
        image = QImage(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    }
    void repaint() {
        QPainter painter(&image);
        view.render(&painter);
    }
    GraphScene scene;
    GraphView view;
    QImage image;
};

void BM_EditWeight1000Nodes(benchmark::State& state) {
    GraphDocument doc;
    openScalarNet(doc);
    GraphScene scene(&doc);
    WeightDrag drag(doc, "w2_5_7", 0, 0);
    for (auto _ : state) drag.next();
    state.counters["nodes"] = doc.graph().size();
}
BENCHMARK(BM_EditWeight1000Nodes)->Unit(benchmark::kMillisecond);

// The goal of issue 8: from the value change to the repainted canvas within one frame.
void BM_EditWeightAndRepaintCanvas1000Nodes(benchmark::State& state) {
    GraphDocument doc;
    openScalarNet(doc);
    FittedCanvas canvas(doc);
    WeightDrag drag(doc, "w2_5_7", 0, 0);
    for (auto _ : state) {
        drag.next();
        canvas.repaint();
    }
    state.counters["nodes"] = doc.graph().size();
}
BENCHMARK(BM_EditWeightAndRepaintCanvas1000Nodes)->Unit(benchmark::kMillisecond);

// One step of the backward pass, forth and back in the middle of it, and the canvas drawn again.
void stepOneEdge(benchmark::State& state, bool repaint) {
    GraphDocument doc;
    openScalarNet(doc);
    FittedCanvas canvas(doc);
    const int middle = doc.cursor().forwardCount() + doc.cursor().backwardCount() / 2;
    doc.setCursorPosition(middle);
    if (repaint) canvas.repaint();
    long k = 0;
    for (auto _ : state) {
        doc.setCursorPosition(middle + (k++ & 1));
        if (repaint) canvas.repaint();
    }
}
// The same step as the window paints it: the view's own update (only what it marked dirty, through
// Qt's backing store) instead of a full render into an image.
void BM_StepOneEdgeAndUpdateView1000Nodes(benchmark::State& state) {
    GraphDocument doc;
    openScalarNet(doc);
    FittedCanvas canvas(doc);
    const int middle = doc.cursor().forwardCount() + doc.cursor().backwardCount() / 2;
    doc.setCursorPosition(middle);
    QCoreApplication::processEvents();
    long k = 0;
    for (auto _ : state) {
        doc.setCursorPosition(middle + (k++ & 1));
        QCoreApplication::processEvents();  // the view paints what it marked dirty, as the next frame would
    }
}
BENCHMARK(BM_StepOneEdgeAndUpdateView1000Nodes)->Unit(benchmark::kMillisecond);

void BM_StepOneEdge1000Nodes(benchmark::State& state) { stepOneEdge(state, false); }
BENCHMARK(BM_StepOneEdge1000Nodes)->Unit(benchmark::kMicrosecond);
void BM_StepOneEdgeAndRepaintCanvas1000Nodes(benchmark::State& state) { stepOneEdge(state, true); }
BENCHMARK(BM_StepOneEdgeAndRepaintCanvas1000Nodes)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace bp
