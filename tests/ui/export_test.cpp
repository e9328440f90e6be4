// SPDX-License-Identifier: GPL-3.0-or-later
// Export for slides: a PNG of the expected size that shows the values in blue and the gradients in
// red, an SVG with the node names, and one numbered picture per step of the current phase.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include "core/language/parser.h"
#include "ui/canvas/canvas_style.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/scene_export.h"
#include "ui/document/examples.h"
#include "ui/document/graph_document.h"
#include "ui/window/step_export.h"

namespace bp {
namespace {

Program example(const std::string& name) { return parseProgram(findExample(name)->source, name + ".bpg"); }

bool near(QRgb pixel, const QColor& color, int tolerance = 30) {
    return std::abs(qRed(pixel) - color.red()) <= tolerance && std::abs(qGreen(pixel) - color.green()) <= tolerance &&
           std::abs(qBlue(pixel) - color.blue()) <= tolerance;
}

// Pixels of `color` below the legend (which shows both colours whatever the step).
int countBelow(const QImage& image, const QColor& color, int top) {
    int count = 0;
    for (int y = top; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) count += near(image.pixel(x, y), color);
    return count;
}

struct Fixture {
    Fixture() {
        doc.setProgram(example("mlp-1-2-2"), {});
        scene = std::make_unique<GraphScene>(&doc);
    }
    // The legend's bottom in the picture at `scale` (it is drawn at the top, 10 px down).
    int legendBottom(double scale) const { return int((10 + style::legendSize().height()) * scale) + 2; }
    GraphDocument doc;
    std::unique_ptr<GraphScene> scene;
    QTemporaryDir dir;
};

TEST(ExportPicture, PngHasTheSizeOfTheScaleAndShowsBlueValuesAndRedGradients) {
    Fixture f;
    ASSERT_TRUE(f.dir.isValid());
    const QString path = f.dir.filePath(QStringLiteral("end.png"));
    f.doc.toEnd();
    QString error;
    ASSERT_TRUE(exportScene(*f.scene, path, 2.0, &error)) << error.toStdString();
    const QImage end(path);
    ASSERT_FALSE(end.isNull());
    const QSizeF source = f.scene->exportRect().size();
    EXPECT_EQ(end.size(), exportPixelSize(*f.scene, 2.0));
    EXPECT_NEAR(end.width(), source.width() * 2, 1.0);
    EXPECT_NEAR(end.height(), source.height() * 2, 1.0);

    // At the start no gradient is known: the graph (below the legend) has next to no red; at the
    // end every node shows one.
    f.doc.toStart();
    const QString startPath = f.dir.filePath(QStringLiteral("start.png"));
    ASSERT_TRUE(exportScene(*f.scene, startPath, 2.0, &error)) << error.toStdString();
    const QImage start(startPath);
    const int top = f.legendBottom(2.0);
    const int redAtEnd = countBelow(end, style::kGradient, top);
    const int redAtStart = countBelow(start, style::kGradient, top);
    const int blueAtEnd = countBelow(end, style::kValue, top);
    EXPECT_GT(blueAtEnd, 500);
    EXPECT_GT(redAtEnd, 500);
    EXPECT_LT(redAtStart * 10, redAtEnd) << redAtStart << " red pixels before any gradient";
}

// A picture of a step carries the step written out, in a strip under the graph.
TEST(ExportPicture, AStepCarriesItsArithmeticInAStripUnderTheGraph) {
    Fixture f;
    f.doc.toStart();
    const int atStart = exportPixelSize(*f.scene, 1.0).height();
    const auto& into = f.doc.cursor().eventsInto(f.doc.graph().find("w2"));
    ASSERT_EQ(into.size(), 1u);
    f.doc.setCursorPosition(f.doc.cursor().forwardCount() + into[0] + 1);
    EXPECT_GT(exportPixelSize(*f.scene, 1.0).height(), atStart + 60);
    const QString path = f.dir.filePath(QStringLiteral("step.svg"));
    ASSERT_TRUE(exportScene(*f.scene, path, 1.0));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(svg.contains(QStringLiteral("Backward 4 / 8: z2 → w2"))) << "the step's title";
    EXPECT_TRUE(svg.contains(QStringLiteral("-1.073e-05 × 0.7311"))) << "the step's products";
}

TEST(ExportPicture, ScaleSetsThePixelSize) {
    Fixture f;
    const QString one = f.dir.filePath(QStringLiteral("one.png"));
    const QString three = f.dir.filePath(QStringLiteral("three.png"));
    ASSERT_TRUE(exportScene(*f.scene, one, 1.0));
    ASSERT_TRUE(exportScene(*f.scene, three, 3.0));
    const QImage a(one), b(three);
    EXPECT_NEAR(double(b.width()) / a.width(), 3.0, 0.01);
    EXPECT_NEAR(double(b.height()) / a.height(), 3.0, 0.01);
}

TEST(ExportPicture, SvgContainsTheNodeNames) {
    Fixture f;
    const QString path = f.dir.filePath(QStringLiteral("graph.svg"));
    QString error;
    ASSERT_TRUE(exportScene(*f.scene, path, 1.0, &error)) << error.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(svg.contains(QStringLiteral("<svg")));
    for (const char* name : {"w1", "w2", "z1", "y1", "z2", "y2", "loss", "target"})
        EXPECT_TRUE(svg.contains(QStringLiteral(">%1<").arg(QLatin1String(name)))) << name;
}

// The small copies of a shared leaf (deep-sigmoid's b beside each layer) are vector shapes and
// text in an SVG like the nodes, not pictures of their on-screen pixel caches.
TEST(ExportPicture, SvgDrawsTheCopiesOfASharedLeafAsShapesAndText) {
    GraphDocument doc;
    doc.setProgram(example("deep-sigmoid"), {});
    GraphScene scene(&doc);
    ASSERT_FALSE(scene.copyItems().empty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deep.svg"));
    QString error;
    ASSERT_TRUE(exportScene(scene, path, 1.0, &error)) << error.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    EXPECT_FALSE(svg.contains(QStringLiteral("<image"))) << "a raster picture in the SVG";
    EXPECT_GE(svg.count(QStringLiteral(">b<")), int(scene.copyItems().size()) + 1);  // b and each copy
}

// Chinese names: in the SVG as text whose font-family lists the CJK font, and drawn with the
// CJK font where the canvas's DejaVu has no glyph (the same pixels as Noto Sans CJK SC's).
TEST(ExportPicture, ChineseNamesFallBackToTheCjkFont) {
    GraphDocument doc;
    doc.setProgram(parseProgram("input 输入 = 2\nparam 权重 = 0.5\n损失 = mse(权重 * 输入, 1)\n", "zh.bpg"), {});
    GraphScene scene(&doc);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("zh.svg"));
    QString error;
    ASSERT_TRUE(exportScene(scene, path, 1.0, &error)) << error.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    for (const char* name : {"输入", "权重", "损失"}) EXPECT_TRUE(svg.contains(QStringLiteral(">%1<").arg(QString::fromUtf8(name)))) << name;
    const qsizetype families = svg.count(QStringLiteral("font-family="));
    EXPECT_GT(families, 0);
    EXPECT_EQ(svg.count(QStringLiteral("'Noto Sans CJK SC', sans-serif\"")) + svg.count(QStringLiteral("'Noto Sans Mono CJK SC', monospace\"")),
              families);
    EXPECT_TRUE(svg.contains(QStringLiteral("font-family=\"'DejaVu Sans', 'Noto Sans CJK SC', sans-serif\"")));

    auto draw = [](const QFont& font) {
        QImage image(120, 40, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        p.setFont(font);
        p.drawText(QRect(0, 0, 120, 40), Qt::AlignCenter, QStringLiteral("损失"));
        return image;
    };
    QFont dejavu = style::nameFont();
    QFont noto = dejavu;
    noto.setFamily(QStringLiteral("Noto Sans CJK SC"));
    const QImage withFallback = draw(dejavu);
    EXPECT_EQ(withFallback, draw(noto)) << "Chinese in the canvas's font is not drawn with Noto Sans CJK SC";
    QImage blank(120, 40, QImage::Format_RGB32);
    blank.fill(Qt::white);
    EXPECT_NE(withFallback, blank);
}

TEST(ExportPicture, ShowsTheNumbersTheClassIsAskedToPredict) {
    Fixture f;
    f.doc.toEnd();
    f.scene->setHideNumbers(true);
    const QString path = f.dir.filePath(QStringLiteral("graph.svg"));
    ASSERT_TRUE(exportScene(*f.scene, path, 1.0));
    EXPECT_TRUE(f.scene->hideNumbers());  // the canvas still hides them
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_FALSE(QString::fromUtf8(file.readAll()).contains(QStringLiteral(">?<")));
}

TEST(ExportPicture, BadPathsAreExplainedNotCrashed) {
    Fixture f;
    QString error;
    EXPECT_FALSE(exportScene(*f.scene, f.dir.filePath(QStringLiteral("graph.jpg")), 2.0, &error));
    EXPECT_TRUE(error.contains(QStringLiteral(".png"))) << error.toStdString();
    error.clear();
    EXPECT_FALSE(exportScene(*f.scene, QStringLiteral("/nonexistent-folder/x/graph.png"), 2.0, &error));
    EXPECT_FALSE(error.isEmpty());
    error.clear();
    EXPECT_FALSE(exportScene(*f.scene, f.dir.filePath(QStringLiteral("graph.png")), 0.0, &error));
    EXPECT_FALSE(error.isEmpty());
    error.clear();
    EXPECT_FALSE(exportScene(*f.scene, f.dir.filePath(QStringLiteral("huge.png")), 1e6, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("too large"))) << error.toStdString();
}

TEST(ExportSteps, BackwardPhaseWritesOneNumberedPicturePerEdgeAndRestoresTheCursor) {
    Fixture f;
    const StepCursor& c = f.doc.cursor();
    const int backward = c.backwardCount();
    ASSERT_GT(backward, 3);
    f.doc.setCursorPosition(c.forwardCount() + 3);
    const QString folder = f.dir.filePath(QStringLiteral("deck"));  // created by the export
    std::vector<std::pair<int, int>> calls;
    const StepExportResult result =
        exportSteps(f.doc, *f.scene, folder, QStringLiteral("png"), 1.0, [&calls](int done, int total) {
            calls.emplace_back(done, total);
            return true;
        });
    EXPECT_TRUE(result.error.isEmpty()) << result.error.toStdString();
    EXPECT_FALSE(result.cancelled);
    EXPECT_EQ(result.files.size(), backward);
    const QStringList written = QDir(folder).entryList(QDir::Files, QDir::Name);
    ASSERT_EQ(written.size(), backward);
    EXPECT_EQ(written.front(), QStringLiteral("step-001.png"));
    EXPECT_EQ(written.back(), stepFileName(backward, backward, QStringLiteral("png")));
    for (const QString& name : written) EXPECT_FALSE(QImage(QDir(folder).filePath(name)).isNull()) << name.toStdString();
    EXPECT_EQ(c.position(), c.forwardCount() + 3);
    ASSERT_EQ(int(calls.size()), backward + 1);
    EXPECT_EQ(calls.back(), std::make_pair(backward, backward));
    // Consecutive steps are different pictures: the highlighted edge moves.
    EXPECT_NE(QImage(QDir(folder).filePath(written[0])), QImage(QDir(folder).filePath(written[1])));
}

TEST(ExportSteps, AtTheStartTheForwardPhaseIsExported) {
    Fixture f;
    f.doc.toStart();
    const StepExportResult result = exportSteps(f.doc, *f.scene, f.dir.path(), QStringLiteral("svg"), 1.0);
    EXPECT_EQ(result.files.size(), f.doc.cursor().forwardCount());
    EXPECT_EQ(QDir(f.dir.path()).entryList({QStringLiteral("step-*.svg")}, QDir::Files).size(), f.doc.cursor().forwardCount());
    EXPECT_EQ(f.doc.cursor().position(), 0);
}

TEST(ExportSteps, CancelStopsAndStillRestoresTheCursor) {
    Fixture f;
    f.doc.toEnd();
    const int end = f.doc.cursor().position();
    const StepExportResult result = exportSteps(f.doc, *f.scene, f.dir.path(), QStringLiteral("png"), 1.0,
                                                [](int done, int) { return done < 2; });
    EXPECT_TRUE(result.cancelled);
    EXPECT_EQ(result.files.size(), 2);
    EXPECT_EQ(QDir(f.dir.path()).entryList(QDir::Files).size(), 2);
    EXPECT_EQ(f.doc.cursor().position(), end);
}

TEST(ExportSteps, FileNamesAndExistingPictures) {
    EXPECT_EQ(stepFileName(7, 12, QStringLiteral("png")), QStringLiteral("step-007.png"));
    EXPECT_EQ(stepFileName(12, 1500, QStringLiteral("svg")), QStringLiteral("step-0012.svg"));
    QTemporaryDir dir;
    for (const char* name : {"step-001.png", "step-0002.svg", "notes.txt", "step-x.png", "my-step-003.png"}) {
        QFile file(dir.filePath(QLatin1String(name)));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    }
    const QStringList found = existingStepFiles(dir.path());
    ASSERT_EQ(found.size(), 2);
    EXPECT_TRUE(found[0].endsWith(QStringLiteral("step-0002.svg")) || found[1].endsWith(QStringLiteral("step-0002.svg")));
}

TEST(ExportSteps, AnUnwritableFolderIsReported) {
    Fixture f;
    QFile blocker(f.dir.filePath(QStringLiteral("file")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const StepExportResult result =
        exportSteps(f.doc, *f.scene, f.dir.filePath(QStringLiteral("file/deck")), QStringLiteral("png"), 1.0);
    EXPECT_FALSE(result.error.isEmpty());
    EXPECT_TRUE(result.files.isEmpty());
}

}  // namespace
}  // namespace bp
