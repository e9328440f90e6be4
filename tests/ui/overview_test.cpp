// SPDX-License-Identifier: GPL-3.0-or-later
// A graph too large to draw node by node (issue 7): it opens at once as an overview laid out on a
// worker thread while the event loop keeps running, every node gets a place, clicks find nodes,
// a leaf can be edited, every level of detail paints, and a new graph drops a layout in progress.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QSignalSpy>
#include <QTimer>

#include "core/language/parser.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/canvas/overview_item.h"
#include "ui/canvas/scene_export.h"
#include "ui/canvas/value_editor.h"
#include "ui/document/graph_document.h"

namespace bp {
namespace {

// v = v + k * tanh(v), `steps` times: 3 ops a step, plus v0, k and the root.
Program chain(int steps) {
    std::string text = "param v0 = 0.5\nconst k = 0.001\n";
    for (int i = 1; i <= steps; ++i) {
        const std::string before = std::to_string(i - 1);
        text.append("v").append(std::to_string(i)).append(" = v").append(before);
        text.append(" + k * tanh(v").append(before).append(")\n");
    }
    text.append("loss = v").append(std::to_string(steps)).append("\n");
    return parseProgram(text, "chain.bpg");
}

// Pixels that differ from the canvas background.
int drawnPixels(const QImage& image) {
    const QRgb background = image.pixel(0, 0);
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) count += image.pixel(x, y) != background;
    return count;
}

QImage shot(GraphView& view) {
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    view.render(&painter);
    return image;
}

TEST(Overview, SmallGraphsKeepOneItemPerNode) {
    GraphDocument doc;
    doc.setProgram(chain(10), {});
    GraphScene scene(&doc);
    EXPECT_FALSE(scene.isOverview());
    EXPECT_EQ(scene.nodeItemCount(), doc.graph().size());
}

TEST(Overview, AHugeGraphOpensWhileItIsLaidOutOnAWorkerThread) {
    GraphDocument doc;
    GraphScene scene(&doc);
    QSignalSpy laidOut(&scene, &GraphScene::laidOut);
    int ticks = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&] { ++ticks; });
    timer.start(5);
    doc.setProgram(chain(33334), {});  // 100,005 nodes
    ASSERT_TRUE(scene.isOverview());
    EXPECT_EQ(scene.nodeItemCount(), 0);
    EXPECT_EQ(scene.items().size(), 1);
    // setProgram returned before the layout was done: the window is free to paint and answer.
    EXPECT_TRUE(scene.layoutPending());
    ASSERT_TRUE(laidOut.wait(120000));
    EXPECT_FALSE(scene.layoutPending());
    EXPECT_GT(ticks, 0) << "the event loop ran while the layout was computed";
    const Graph& g = doc.graph();
    ASSERT_EQ(int(scene.nodePositions().size()), g.size());
    // Every node has a frame; a chain's consecutive values stand left to right.
    for (NodeId id = 0; id < g.size(); ++id) ASSERT_FALSE(scene.nodeBox(id).isEmpty()) << id;
    for (int i = 1; i <= 33334; i += 1111) {
        const NodeId before = g.find(std::string("v").append(std::to_string(i - 1)));
        const NodeId after = g.find(std::string("v").append(std::to_string(i)));
        EXPECT_LT(scene.nodeBox(before).right(), scene.nodeBox(after).left());
    }
    // The 33,334 edges from k share one trunk: the lines to draw stay linear in the graph (folded
    // into bands, each edge of k ran in a lane of its own through every band: millions to sort).
    EXPECT_LE(scene.overviewItem()->segmentsGiven(), std::size_t(3 * g.edgeCount()));
}

TEST(Overview, ClicksFindNodesAndALeafCanBeEdited) {
    GraphDocument doc;
    GraphScene scene(&doc);
    doc.setProgram(chain(2000), {});
    ASSERT_TRUE(scene.isOverview());
    scene.waitForLayout();
    const Graph& g = doc.graph();
    OverviewItem* overview = scene.overviewItem();
    for (NodeId id : {g.find("v0"), g.find("k"), g.find("v1000"), g.find("loss")})
        EXPECT_EQ(overview->nodeAt(scene.nodeBox(id).center()), id);
    EXPECT_EQ(overview->nodeAt(scene.graphRect().topLeft() - QPointF(50, 50)), -1);

    const NodeId v0 = g.find("v0");
    ASSERT_TRUE(scene.valueEditor()->open(v0, scene.nodeBox(v0).center()));
    scene.valueEditor()->lineEdit()->setText(QStringLiteral("0.25"));
    ASSERT_TRUE(scene.valueEditor()->apply());
    EXPECT_EQ(doc.graph().node(v0).leafValue()(0, 0), 0.25);
    // Computed nodes are not typed into, here as on the detailed canvas.
    EXPECT_FALSE(scene.valueEditor()->open(g.find("v5"), scene.nodeBox(g.find("v5")).center()));
}

TEST(Overview, EveryLevelOfDetailPaints) {
    GraphDocument doc;
    GraphScene scene(&doc);
    doc.setProgram(chain(2000), {});
    scene.waitForLayout();
    GraphView view(&scene);
    view.setLegendVisible(false);
    view.resize(1200, 800);
    view.fitGraph();  // all 6,003 nodes in view: pixel blocks
    EXPECT_GT(drawnPixels(shot(view)), 1000);
    const QRectF near = scene.nodeBox(doc.graph().find("v1000"));
    for (double zoom : {0.03, 0.1, 0.5, 1.0}) {  // boxes, then whole nodes
        view.setTransform(QTransform::fromScale(zoom, zoom));
        view.centerOn(near.center());
        EXPECT_GT(drawnPixels(shot(view)), 2000) << zoom;
    }
}

TEST(Overview, APictureOfAHugeGraphWaitsForItsLayout) {
    GraphDocument doc;
    GraphScene scene(&doc);
    doc.setProgram(chain(2000), {});
    const QString path = QDir::temp().filePath(QStringLiteral("bps-overview-%1.png").arg(QCoreApplication::applicationPid()));
    QString error;
    ASSERT_TRUE(exportScene(scene, path, 0.05, &error)) << error.toStdString();
    QImage picture(path);
    QFile::remove(path);
    ASSERT_FALSE(picture.isNull());
    EXPECT_GT(drawnPixels(picture), 1000);
}

TEST(Overview, ANewGraphDropsTheLayoutInProgress) {
    GraphDocument doc;
    GraphScene scene(&doc);
    QSignalSpy laidOut(&scene, &GraphScene::laidOut);
    doc.setProgram(chain(33334), {});
    ASSERT_TRUE(scene.layoutPending());
    doc.setProgram(chain(3), {});
    EXPECT_FALSE(scene.isOverview());
    EXPECT_EQ(scene.nodeItemCount(), doc.graph().size());
    doc.setProgram(chain(2000), {});
    ASSERT_TRUE(laidOut.wait(120000));
    // Only the last graph's layout arrives, for the last graph.
    EXPECT_EQ(laidOut.count(), 1);
    EXPECT_EQ(int(scene.nodePositions().size()), doc.graph().size());
    EXPECT_FALSE(laidOut.wait(200));
}

TEST(Overview, PositionsFromAFileNeedNoLayout) {
    GraphDocument doc;
    GraphScene scene(&doc);
    doc.setProgram(chain(2000), {});
    std::vector<QPointF> positions(doc.graph().size());
    for (NodeId id = 0; id < doc.graph().size(); ++id) positions[id] = QPointF(200.0 * id, 0);
    scene.setNodePositions(positions);
    EXPECT_FALSE(scene.layoutPending());
    EXPECT_EQ(scene.nodePositions(), positions);
    EXPECT_EQ(scene.nodeBox(5).center(), QPointF(1000, 0));
}

}  // namespace
}  // namespace bp
