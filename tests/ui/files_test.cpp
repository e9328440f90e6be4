// SPDX-License-Identifier: GPL-3.0-or-later
// Files in the window, as a lecturer uses them: a graph edited, moved about, zoomed and stepped is
// saved and opened again exactly as it was; the title marks unsaved work; closing asks; a broken
// or newer document is refused with its message and the open graph stays; a save that fails
// leaves the file on disk as it was and says why; a file changed on disk by someone else is
// noticed; recent files are remembered; the command line converts to and reads the document.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

#include "core/io/document_json.h"
#include "core/language/parser.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/canvas/node_item.h"
#include "ui/document/examples.h"
#include "ui/document/graph_document.h"
#include "ui/files/canvas_state.h"
#include "ui/files/document_files.h"
#include "ui/files/recent_files.h"
#include "ui/window/main_window.h"
#include "message_box_answer.h"

namespace bp {
namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

const QString kTitleSuffix = QStringLiteral("[*] — Backprop Studio");

class Files : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        // Test-mode settings, never the user's; and this process's own, as ctest runs tests side
        // by side and the recent files would mix.
        organization = QCoreApplication::organizationName();
        QCoreApplication::setOrganizationName(organization + QStringLiteral(" %1").arg(QCoreApplication::applicationPid()));
        QSettings().clear();
        window = std::make_unique<MainWindow>();
        window->openExample(QStringLiteral("mlp-1-2-2"));
        window->show();
        QApplication::processEvents();
    }
    void TearDown() override {
        window.reset();
        QSettings().clear();
        QCoreApplication::setOrganizationName(organization);
    }
    GraphDocument* doc() { return window->document(); }
    DocumentFiles* files() { return window->files(); }
    NodeId id(const char* name) { return doc()->graph().find(name); }
    QString path(const QString& name) { return dir.filePath(name); }
    const Matrix& value(const char* name) { return doc()->graph().node(id(name)).leafValue(); }

    QTemporaryDir dir;
    QString organization;
    std::unique_ptr<MainWindow> window;
};

// ---- save and open ---------------------------------------------------------------------------

TEST_F(Files, JsonDocumentKeepsGraphValuesPositionsViewAndStep) {
    const Matrix w2 = (Matrix(2, 2) << 3.5, -4.25, 5, 6e-7).finished();
    ASSERT_TRUE(doc()->editLeafValue(id("w2"), w2));
    window->scene()->nodeItem(id("y1"))->setPos(123.5, -40.25);
    window->view()->zoomIn();
    window->view()->zoomIn();
    window->view()->centerOn(window->scene()->nodeItem(id("z2"))->pos());
    doc()->setCursorPosition(7);
    EXPECT_TRUE(window->isWindowModified());
    EXPECT_EQ(window->windowTitle(), "mlp-1-2-2" + kTitleSuffix);
    const DocumentFile before = captureDocument(*doc(), *window->scene(), *window->view());

    ASSERT_EQ(files()->saveTo(path("lecture.json")), "");
    EXPECT_FALSE(doc()->isModified());
    EXPECT_FALSE(window->isWindowModified());
    EXPECT_EQ(window->windowTitle(), "lecture.json" + kTitleSuffix);
    EXPECT_EQ(doc()->filePath(), path("lecture.json"));

    MainWindow second;
    second.show();
    ASSERT_EQ(second.openFile(path("lecture.json")), "");
    QApplication::processEvents();
    const DocumentFile after = captureDocument(*second.document(), *second.scene(), *second.view());

    const Graph& g = second.document()->graph();
    ASSERT_EQ(g.size(), doc()->graph().size());
    EXPECT_EQ(g.node(g.find("w2")).leafValue(), w2);
    EXPECT_EQ(second.document()->evaluation().values, doc()->evaluation().values);
    EXPECT_EQ(second.document()->evaluation().grads, doc()->evaluation().grads);
    EXPECT_EQ(second.document()->sourceText(), doc()->sourceText());
    EXPECT_EQ(after.positions, before.positions);
    EXPECT_EQ(second.scene()->nodeItem(g.find("y1"))->pos(), QPointF(123.5, -40.25));
    EXPECT_DOUBLE_EQ(after.zoom, before.zoom);
    // The view scrolls in whole pixels: the centre comes back to within a pixel or two of the view.
    EXPECT_NEAR(after.center.first, before.center.first, 2.5 / before.zoom);
    EXPECT_NEAR(after.center.second, before.center.second, 2.5 / before.zoom);
    EXPECT_EQ(second.document()->cursor().position(), 7);
    EXPECT_FALSE(second.document()->isModified());
    EXPECT_EQ(second.windowTitle(), "lecture.json" + kTitleSuffix);
}

// Dragging a node by hand puts the `*` in the title, as quitting then asks to save; saving takes
// it away again.
TEST_F(Files, DraggingANodeMarksTheWindowModified) {
    ASSERT_EQ(files()->saveTo(path("a.json")), "");
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    EXPECT_FALSE(window->isWindowModified());
    NodeItem* item = window->scene()->nodeItem(id("y1"));
    window->view()->ensureVisible(item);
    QWidget* viewport = window->view()->viewport();
    const QPointF before = item->pos();
    const QPoint from = window->view()->mapFromScene(item->sceneBoundingRect().topLeft() + QPointF(12, 6));
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + QPoint(20, 15));
    QTest::mouseMove(viewport, from + QPoint(40, 30));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, from + QPoint(40, 30));
    ASSERT_NE(item->pos(), before) << "the drag did not move the node";
    EXPECT_TRUE(doc()->isModified());  // where it is drawn is part of the document
    EXPECT_TRUE(window->isWindowModified());
    ASSERT_EQ(files()->saveTo(path("a.json")), "");
    EXPECT_FALSE(window->isWindowModified());
    // The layout placing the nodes again (a new graph) is not the user's doing.
    ASSERT_EQ(files()->open(path("a.json")), "");
    EXPECT_FALSE(window->isWindowModified());
}

TEST_F(Files, UndoingBackToTheSavedStateIsUnmodified) {
    ASSERT_EQ(files()->saveTo(path("a.json")), "");
    doc()->editLeafValue(id("x"), Matrix::Constant(1, 1, 2));
    EXPECT_TRUE(window->isWindowModified());
    doc()->undoStack()->undo();
    EXPECT_FALSE(window->isWindowModified());
    doc()->undoStack()->redo();
    EXPECT_TRUE(window->isWindowModified());
}

TEST_F(Files, BpgKeepsTheTextAsWrittenAndFollowsEdits) {
    ASSERT_EQ(files()->saveTo(path("mlp.bpg")), "");
    EXPECT_EQ(readAll(path("mlp.bpg")).toStdString(), findExample("mlp-1-2-2")->source) << "comments and all";

    ASSERT_TRUE(doc()->editLeafValue(id("w1"), (Matrix(2, 1) << 0.25, -3).finished()));
    ASSERT_EQ(files()->saveTo(path("mlp.bpg")), "");
    const Program back = parseProgram(readAll(path("mlp.bpg")).toStdString(), "mlp.bpg");
    EXPECT_EQ(back.graph.node(back.graph.find("w1")).leafValue(), value("w1"));
    EXPECT_EQ(back.graph.size(), doc()->graph().size());
}

TEST_F(Files, NonFiniteValueIsRefusedAsBpgAndKeptAsJson) {
    ASSERT_TRUE(doc()->editLeafValue(id("x"), Matrix::Constant(1, 1, std::nan(""))));
    const QString error = files()->saveTo(path("nan.bpg"));
    EXPECT_TRUE(error.contains("Could not save “nan.bpg” as .bpg text")) << error.toStdString();
    EXPECT_TRUE(error.contains("Save it as a .bps document")) << error.toStdString();
    EXPECT_FALSE(QFile::exists(path("nan.bpg")));
    EXPECT_TRUE(doc()->isModified());

    ASSERT_EQ(files()->saveTo(path("nan.json")), "");
    MainWindow second;
    ASSERT_EQ(second.openFile(path("nan.json")), "");
    EXPECT_TRUE(std::isnan(second.document()->graph().node(second.document()->graph().find("x")).leafValue()(0, 0)));
}

TEST_F(Files, OtherExtensionsAreNotSaved) {
    const QString error = files()->saveTo(path("graph.txt"));
    EXPECT_EQ(error.toStdString(),
              "Backprop Studio saves a graph as a .bps document (with positions, view and step) or as .bpg text; "
              "“graph.txt” is neither.");
    EXPECT_FALSE(QFile::exists(path("graph.txt")));
}

// ---- refusing a document ---------------------------------------------------------------------

TEST_F(Files, NewerOrBrokenDocumentIsRefusedAndTheGraphStays) {
    ASSERT_TRUE(doc()->editLeafValue(id("w1"), (Matrix(2, 1) << 9, 9).finished()));
    const NodeMatrices values = doc()->evaluation().values;
    const QString title = window->windowTitle();
    const int position = doc()->cursor().position();

    nlohmann::json newer = documentToJson(documentOf(parseProgram(findExample("chain-rule")->source)));
    newer["version"] = 3;
    writeAll(path("newer.json"), QByteArray::fromStdString(newer.dump()));
    writeAll(path("broken.json"), "{\"format\": \"backprop-studio\", \"version\": 1, \"nodes\": [");
    nlohmann::json unknownOp = documentToJson(documentOf(parseProgram(findExample("chain-rule")->source)));
    unknownOp["nodes"][2]["op"] = "plus";
    writeAll(path("unknown-op.json"), QByteArray::fromStdString(unknownOp.dump()));

    const struct {
        const char* file;
        std::string message;
    } cases[] = {
        {"newer.json", ": error: written by a newer Backprop Studio (format version 3); this one reads up to version 1"},
        {"broken.json", ": error: not valid JSON: parse error at line 1, column 55: syntax error while parsing value - "
                        "unexpected end of input; expected '[', '{', or a literal"},
        {"unknown-op.json", ": error: node 3 ('c'): unknown op 'plus'"},
    };
    for (const auto& c : cases) {
        const QString error = window->openFile(path(c.file));
        EXPECT_EQ(error.toStdString().rfind(path(c.file).toStdString() + c.message, 0), 0u) << error.toStdString();
        EXPECT_EQ(doc()->evaluation().values, values) << c.file;
        EXPECT_EQ(value("w1"), (Matrix(2, 1) << 9, 9).finished());
        EXPECT_EQ(window->windowTitle(), title);
        EXPECT_TRUE(doc()->isModified());
        EXPECT_EQ(doc()->cursor().position(), position);
        EXPECT_TRUE(doc()->filePath().isEmpty());
    }
}

TEST_F(Files, OpeningInteractivelyShowsTheRefusal) {
    nlohmann::json newer = documentToJson(documentOf(parseProgram(findExample("chain-rule")->source)));
    newer["version"] = 2;
    writeAll(path("newer.json"), QByteArray::fromStdString(newer.dump()));
    test::MessageBoxAnswer ok(QStringLiteral("OK"));
    EXPECT_FALSE(files()->openInteractively(path("newer.json")));
    ASSERT_EQ(ok.answered(), 1);
    EXPECT_TRUE(ok.lastText().contains("written by a newer Backprop Studio (format version 2)")) << ok.lastText().toStdString();
    EXPECT_EQ(doc()->graph().size(), int(parseProgram(findExample("mlp-1-2-2")->source).graph.size()));
}

// ---- a save that fails -----------------------------------------------------------------------

// RLIMIT_FSIZE makes every write past `bytes` fail (EFBIG): a disk that fills up in the middle of
// the save. Unlike permissions, it stops root too.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        std::signal(SIGXFSZ, SIG_IGN);  // the write fails with EFBIG instead of killing the process
        getrlimit(RLIMIT_FSIZE, &old_);
        rlimit limit = old_;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() { setrlimit(RLIMIT_FSIZE, &old_); }

private:
    rlimit old_{};
};

TEST_F(Files, SaveFailureLeavesTheOriginalUntouchedAndSaysWhy) {
    ASSERT_EQ(files()->saveTo(path("kept.json")), "");
    const QByteArray original = readAll(path("kept.json"));
    ASSERT_GT(original.size(), 1000);
    ASSERT_TRUE(doc()->editLeafValue(id("w1"), (Matrix(2, 1) << 5, 5).finished()));

    // Write permission removed from the folder: the temporary file cannot be made. Root ignores
    // permissions, so there (the CI container) the write fails instead, half-way, through a
    // file size limit smaller than the document.
    ASSERT_TRUE(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const bool permissionsStopWrites = !QFile(path("probe")).open(QIODevice::WriteOnly);
    QFile::remove(path("probe"));
    QString error;
    if (permissionsStopWrites) {
        error = files()->saveTo(path("kept.json"));
        EXPECT_TRUE(error.contains("Permission denied")) << error.toStdString();
    } else {
        FileSizeLimit limit(200);
        error = files()->saveTo(path("kept.json"));
        EXPECT_TRUE(error.contains("File too large")) << error.toStdString();
    }
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    EXPECT_TRUE(error.startsWith("Could not save “" + path("kept.json") + "”: ")) << error.toStdString();
    EXPECT_TRUE(error.endsWith("The file on disk was not changed.")) << error.toStdString();
    EXPECT_EQ(readAll(path("kept.json")), original);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{"kept.json"}) << "no temporary file left behind";
    EXPECT_TRUE(doc()->isModified());
    EXPECT_TRUE(window->isWindowModified());

    // Once the disk takes it again, the save goes through.
    ASSERT_EQ(files()->saveTo(path("kept.json")), "");
    EXPECT_NE(readAll(path("kept.json")), original);
    EXPECT_FALSE(doc()->isModified());
}

TEST_F(Files, SaveShowsTheFailureInADialog) {
    ASSERT_EQ(files()->saveTo(path("kept.json")), "");
    const QByteArray original = readAll(path("kept.json"));
    ASSERT_TRUE(doc()->editLeafValue(id("x"), Matrix::Constant(1, 1, 4)));
    test::MessageBoxAnswer ok(QStringLiteral("OK"));
    bool saved = true;
    {
        FileSizeLimit limit(100);
        saved = files()->save();
    }
    EXPECT_FALSE(saved);
    ASSERT_EQ(ok.answered(), 1);
    EXPECT_TRUE(ok.lastText().contains("The file on disk was not changed.")) << ok.lastText().toStdString();
    EXPECT_EQ(readAll(path("kept.json")), original);
}

TEST_F(Files, PathsThatCannotBeFilesAreRefused) {
    ASSERT_TRUE(QDir(dir.path()).mkdir("folder.json"));
    QString error = files()->saveTo(path("folder.json"));
    EXPECT_EQ(error, "Could not save “" + path("folder.json") + "”: it is a folder.\nThe file on disk was not changed.");
    EXPECT_TRUE(QFileInfo(path("folder.json")).isDir());
    // Nobody, root included, creates files in /proc.
    error = files()->saveTo(QStringLiteral("/proc/backprop-studio-test.json"));
    EXPECT_TRUE(error.startsWith("Could not save “/proc/backprop-studio-test.json”: ")) << error.toStdString();
    EXPECT_TRUE(doc()->isModified() == false) << "nothing was edited";
}

// ---- closing ---------------------------------------------------------------------------------

TEST_F(Files, ClosingWithUnsavedWorkAsksAndCancelKeepsTheWindow) {
    ASSERT_TRUE(doc()->editLeafValue(id("x"), Matrix::Constant(1, 1, 3)));
    test::MessageBoxAnswer cancel(QStringLiteral("Cancel"));
    EXPECT_FALSE(window->close());
    ASSERT_EQ(cancel.answered(), 1);
    EXPECT_EQ(cancel.lastText(), "Save the changes to “mlp-1-2-2”?\n\nThey are lost if you don't save them.");
    QStringList buttons = cancel.buttonsSeen();
    buttons.sort();
    EXPECT_EQ(buttons, (QStringList{"Cancel", "Discard", "Save"}));
    EXPECT_TRUE(window->isVisible());
    EXPECT_TRUE(doc()->isModified());
}

TEST_F(Files, ClosingWithDiscardCloses) {
    ASSERT_TRUE(doc()->editLeafValue(id("x"), Matrix::Constant(1, 1, 3)));
    test::MessageBoxAnswer discard(QStringLiteral("Discard"));
    EXPECT_TRUE(window->close());
    EXPECT_EQ(discard.answered(), 1);
}

TEST_F(Files, ClosingWithSaveWritesTheFile) {
    ASSERT_EQ(files()->saveTo(path("closing.json")), "");
    ASSERT_TRUE(doc()->editLeafValue(id("x"), Matrix::Constant(1, 1, 3)));
    test::MessageBoxAnswer save(QStringLiteral("Save"));
    EXPECT_TRUE(window->close());
    EXPECT_EQ(save.answered(), 1);
    const DocumentFile saved = loadDocumentFile(path("closing.json").toStdString());
    EXPECT_EQ(saved.program.graph.node(saved.program.graph.find("x")).leafValue()(0, 0), 3);
}

TEST_F(Files, MovedNodesOfAJsonDocumentAreWorthAsking) {
    ASSERT_EQ(files()->saveTo(path("arranged.json")), "");
    window->scene()->nodeItem(id("z1"))->setPos(10, 400);
    EXPECT_TRUE(files()->nodesMovedSinceSave());
    test::MessageBoxAnswer cancel(QStringLiteral("Cancel"));
    EXPECT_FALSE(window->close());
    EXPECT_EQ(cancel.answered(), 1);
    // .bpg text keeps no positions: nothing to ask about.
    ASSERT_EQ(files()->saveTo(path("arranged.bpg")), "");
    window->scene()->nodeItem(id("z1"))->setPos(10, 800);
    EXPECT_FALSE(files()->nodesMovedSinceSave());
}

TEST_F(Files, ClosingWithoutChangesAsksNothing) {
    test::MessageBoxAnswer any(QStringLiteral("Cancel"));
    EXPECT_TRUE(window->close());
    QTest::qWait(50);
    EXPECT_EQ(any.answered(), 0);
}

// ---- recent files ----------------------------------------------------------------------------

TEST_F(Files, RecentFilesRememberOpenedAndSavedNewestFirst) {
    ASSERT_EQ(files()->saveTo(path("one.json")), "");
    ASSERT_EQ(files()->saveTo(path("two.bpg")), "");
    ASSERT_EQ(window->openFile(path("one.json")), "");
    EXPECT_EQ(files()->recentFiles()->files(), (QStringList{path("one.json"), path("two.bpg")}));
    // Kept in the settings: a new window knows them.
    EXPECT_EQ(RecentFiles().files(), (QStringList{path("one.json"), path("two.bpg")}));
    for (int i = 0; i < 12; ++i) files()->recentFiles()->add(path(QStringLiteral("f%1.json").arg(i)));
    EXPECT_EQ(files()->recentFiles()->files().size(), RecentFiles::kMaxFiles);
    EXPECT_EQ(files()->recentFiles()->files().first(), path("f11.json"));
}

// ---- the file changed on disk ----------------------------------------------------------------

TEST_F(Files, FileChangedOnDiskIsOfferedForReload) {
    std::string text = findExample("chain-rule")->source;
    writeAll(path("chain.bpg"), QByteArray::fromStdString(text));
    ASSERT_EQ(window->openFile(path("chain.bpg")), "");
    // Our own save is not news.
    test::MessageBoxAnswer reload(QStringLiteral("Reload"));
    ASSERT_EQ(files()->saveTo(path("chain.bpg")), "");
    QTest::qWait(600);
    EXPECT_EQ(reload.answered(), 0);

    // Someone else changes a = 2 into a = 7.
    const auto at = text.find("input a = 2");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 11, "input a = 7");
    writeAll(path("chain.bpg"), QByteArray::fromStdString(text));
    EXPECT_TRUE(QTest::qWaitFor([&] { return reload.answered() == 1; }, 5000));
    EXPECT_TRUE(reload.lastText().startsWith("“chain.bpg” was changed on disk by another program. Reload it?"));
    EXPECT_EQ(value("a")(0, 0), 7);
    EXPECT_FALSE(doc()->isModified());
}

TEST_F(Files, KeepingTheShownGraphMarksItUnsaved) {
    writeAll(path("chain.bpg"), QByteArray::fromStdString(findExample("chain-rule")->source));
    ASSERT_EQ(window->openFile(path("chain.bpg")), "");
    test::MessageBoxAnswer keep(QStringLiteral("Keep the graph shown"));
    writeAll(path("chain.bpg"), "input a = 1\ne = a * a\n");
    EXPECT_TRUE(QTest::qWaitFor([&] { return keep.answered() == 1; }, 5000));
    EXPECT_EQ(value("a")(0, 0), 2);
    EXPECT_TRUE(doc()->isModified());
}

// ---- the command line ------------------------------------------------------------------------

TEST(FilesCommandLine, ConvertsToTheDocumentAndEvaluatesIt) {
    QTemporaryDir dir;
    const QString bpg = QStringLiteral(BPS_EXAMPLES "/mlp-1-2-2.bpg");
    const QString json = dir.filePath("mlp.json");
    const auto run = [](const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr) {
        QProcess p;
        p.start(QStringLiteral(BPS_CLI), args);
        EXPECT_TRUE(p.waitForFinished(30000));
        if (out) *out = p.readAllStandardOutput();
        if (err) *err = p.readAllStandardError();
        return p.exitCode();
    };
    ASSERT_EQ(run({"convert", bpg, "-o", json}), 0);
    QByteArray fromBpg, fromJson;
    ASSERT_EQ(run({"eval", bpg, "--json"}, &fromBpg), 0);
    ASSERT_EQ(run({"eval", json, "--json"}, &fromJson), 0);
    EXPECT_EQ(fromJson, fromBpg);
    EXPECT_TRUE(fromJson.contains("0.49987437659875394")) << fromJson.toStdString();

    writeAll(dir.filePath("newer.json"), R"({"format": "backprop-studio", "version": 2})");
    QByteArray err;
    EXPECT_EQ(run({"eval", dir.filePath("newer.json")}, nullptr, &err), 2);
    EXPECT_EQ(err.toStdString(), dir.filePath("newer.json").toStdString() +
                                     ": error: written by a newer Backprop Studio (format version 2); this one reads "
                                     "up to version 1\n");
}

}  // namespace
}  // namespace bp
