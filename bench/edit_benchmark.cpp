// SPDX-License-Identifier: GPL-3.0-or-later
// One live edit, as a drag makes it many times a second: set a weight of mlp-1-2-2 through the
// document (undo command merged into the drag, forward, backward, trace, the source's literal
// rewritten) and draw the canvas again. It has to fit in a frame (16 ms at 60 Hz).
#include <benchmark/benchmark.h>

#include <QImage>
#include <QPainter>

#include "core/language/parser.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/document/examples.h"
#include "ui/document/graph_document.h"
#include "ui/window/main_window.h"

namespace bp {
namespace {

// The drag of w2[1][1] from 6 up and down in steps of 0.01, in the middle of the backward pass.
class WeightDrag {
public:
    explicit WeightDrag(GraphDocument& doc) : doc_(doc), w2_(doc.graph().find("w2")), key_(doc.newMergeKey()) {
        const StepCursor& c = doc.cursor();
        doc.setCursorPosition(c.forwardCount() + c.backwardCount() / 2);
    }
    void next() {
        Matrix value = doc_.graph().node(w2_).leafValue;
        value(1, 1) = 6 + 0.01 * (tick_++ % 200 - 100);
        doc_.editLeafValue(w2_, value, key_);
    }

private:
    GraphDocument& doc_;
    NodeId w2_;
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

}  // namespace
}  // namespace bp
