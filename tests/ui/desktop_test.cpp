// SPDX-License-Identifier: GPL-3.0-or-later
// The window as a desktop program: a file dropped on it (or on the source panel) opens, asking
// about unsaved work; Ctrl+F finds a node by name, selects it and centres the view on it; every
// menu entry shows a tooltip or has a shortcut listed in Help > Keyboard shortcuts; the language
// reference lists every op of the table; File > New, F11, the window icon.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDropEvent>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <set>

#include "core/ops/op_table.h"
#include "core/language/parser.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/canvas/value_editor.h"
#include "ui/document/graph_document.h"
#include "ui/files/document_files.h"
#include "ui/panels/source_dock.h"
#include "ui/panels/source_editor.h"
#include "ui/window/application_identity.h"
#include "ui/window/find_bar.h"
#include "ui/window/help_menu.h"
#include "ui/window/language_reference.h"
#include "ui/window/main_window.h"
#include "message_box_answer.h"

namespace bp {
namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

// Drops `paths` on `target` as a file manager does (a drag enter, a move, the drop).
bool dropFiles(QWidget* target, const QStringList& paths) {
    QMimeData data;
    QList<QUrl> urls;
    for (const QString& p : paths) urls << QUrl::fromLocalFile(p);
    data.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted()) return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
    return drop.isAccepted();
}

class Desktop : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        window = std::make_unique<MainWindow>();
        window->openExample(QStringLiteral("mlp-1-2-2"));
        window->resize(1280, 800);
        window->show();
        QApplication::processEvents();
    }
    void TearDown() override { window.reset(); }
    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;
};

TEST_F(Desktop, AFileDroppedOnTheWindowOpens) {
    const QString path = writeFile(dir, QStringLiteral("dropped.bpg"), "input a = 2\nparam q = 3\nr = a * q\n");
    ASSERT_TRUE(dropFiles(window.get(), {path}));
    EXPECT_EQ(window->document()->filePath(), path);
    EXPECT_GE(window->document()->graph().find("q"), 0);
    // Text and other files are not taken.
    const QString other = writeFile(dir, QStringLiteral("notes.txt"), "hello");
    EXPECT_FALSE(dropFiles(window.get(), {other}));
    EXPECT_EQ(window->document()->filePath(), path);
}

TEST_F(Desktop, ADropAsksAboutUnsavedWorkFirst) {
    window->document()->markModified();
    const QString path = writeFile(dir, QStringLiteral("second.bpg"), "input z = 1\nw = z + 1\n");
    test::MessageBoxAnswer cancel(QStringLiteral("Cancel"));
    dropFiles(window.get(), {path});
    QTRY_COMPARE(cancel.answered(), 1);
    EXPECT_NE(window->document()->filePath(), path);  // cancelled: the work stays
    EXPECT_LT(window->document()->graph().find("z"), 0);
}

TEST_F(Desktop, AFileDroppedOnTheSourcePanelOpensInsteadOfInsertingItsAddress) {
    SourceEditor* editor = window->sourceDock()->editor();
    const QString before = editor->toPlainText();
    const QString path = writeFile(dir, QStringLiteral("panel.bpg"), "input k = 4\nm = k * k\n");
    ASSERT_TRUE(dropFiles(editor->viewport(), {path}));
    EXPECT_EQ(window->document()->filePath(), path);
    EXPECT_FALSE(editor->toPlainText().contains(QStringLiteral("file://")));
    EXPECT_TRUE(editor->toPlainText().contains(QStringLiteral("m = k * k")));
}

TEST_F(Desktop, FindSelectsAndCentresEachMatchInTurn) {
    // A chain wider than the view, the names to find in its middle (so centring can move there).
    QString text = QStringLiteral("input v = 0.5\n");
    QString previous = QStringLiteral("v");
    for (int i = 0; i < 60; ++i) {
        const QString name = QStringLiteral("%1%2").arg(i < 20 ? "a" : i < 40 ? "mid" : "z").arg(i);
        text += QStringLiteral("%1 = tanh(%2)\n").arg(name, previous);
        previous = name;
    }
    window->document()->setProgram(parseProgram(text.toStdString(), "wide.bpg"), text);
    QApplication::processEvents();
    FindBar* find = window->findBar();
    find->findAction()->trigger();
    EXPECT_TRUE(find->isVisible());
    QTest::keyClicks(find->field(), QStringLiteral("MID3"));  // any case: mid30 .. mid39
    ASSERT_EQ(find->matches().size(), 10u);
    const Graph& g = window->document()->graph();
    auto selected = [&] { return g.node(window->document()->selectedNode()).name(); };
    auto centred = [&] {
        const QPointF centre = window->view()->mapToScene(window->view()->viewport()->rect().center());
        const QPointF node = window->scene()->nodeBox(window->document()->selectedNode()).center();
        return (centre - node).manhattanLength() < 20 ? ::testing::AssertionSuccess()
                                                      : ::testing::AssertionFailure()
                                                            << "centre " << centre.x() << "," << centre.y() << " node "
                                                            << node.x() << "," << node.y() << " zoom "
                                                            << window->view()->transform().m11();
    };
    EXPECT_EQ(selected(), "mid30");
    EXPECT_TRUE(centred());
    QTest::keyClick(find->field(), Qt::Key_Return);
    EXPECT_EQ(selected(), "mid31");
    EXPECT_TRUE(centred());
    QTest::keyClick(find->field(), Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClick(find->field(), Qt::Key_Return, Qt::ShiftModifier);  // cycles round to the last
    EXPECT_EQ(selected(), "mid39");
    EXPECT_TRUE(centred());
    find->nextAction()->trigger();  // F3
    EXPECT_EQ(selected(), "mid30");
    // The exact name comes first: "a1" finds a1, then a10 .. a19.
    find->search(QStringLiteral("a1"));
    ASSERT_EQ(find->matches().size(), 11u);
    EXPECT_EQ(selected(), "a1");
    QTest::keyClicks(find->field(), QStringLiteral("x"));
    EXPECT_TRUE(find->matches().empty());
    EXPECT_EQ(selected(), "a1");  // nothing found: the selection stays
    QTest::keyClick(find->field(), Qt::Key_Escape);
    EXPECT_FALSE(find->isVisible());
}

void collectMenuActions(const QMenu* menu, std::vector<std::pair<const QMenu*, QAction*>>& out) {
    for (QAction* a : menu->actions()) {
        if (a->isSeparator()) continue;
        if (a->menu()) {
            collectMenuActions(a->menu(), out);
            continue;
        }
        out.emplace_back(menu, a);
    }
}

TEST_F(Desktop, EveryMenuEntryShowsATooltipOrHasAShortcutListedInHelp) {
    const QString shortcuts = keyboardShortcutsHtml(*window);
    std::vector<std::pair<const QMenu*, QAction*>> actions;
    for (QAction* top : window->menuBar()->actions()) {
        ASSERT_TRUE(top->menu());
        emit top->menu()->aboutToShow();  // Open Recent fills itself as it opens
        collectMenuActions(top->menu(), actions);
    }
    ASSERT_GT(actions.size(), 30u);
    for (const auto& [menu, action] : actions) {
        QString text = action->text().remove(QLatin1Char('&'));
        const QKeySequence key = action->shortcut();
        const bool listed = !key.isEmpty() && shortcuts.contains(key.toString(QKeySequence::NativeText).toHtmlEscaped());
        const bool tooltip = menu->toolTipsVisible() && !action->toolTip().isEmpty() &&
                             action->toolTip() != text && action->toolTip() != text.remove(QStringLiteral("…"));
        EXPECT_TRUE(listed || tooltip) << menu->title().toStdString() << " > " << text.toStdString();
    }
}

TEST_F(Desktop, HelpHasTheLanguageReferenceFromTheOpTableAndAbout) {
    const QString reference = languageReferenceHtml();
    for (const OpDef& op : allOps()) {
        EXPECT_TRUE(reference.contains(QString::fromUtf8(op.name.data(), qsizetype(op.name.size())))) << op.name;
        EXPECT_TRUE(reference.contains(opExample(op).toHtmlEscaped())) << op.name;
    }
    // Every example in the reference parses (with its operands declared).
    for (const OpDef& op : allOps()) {
        const QString example = opExample(op).section(QLatin1Char('#'), 0, 0);
        const std::string line = example.toStdString() + "\nroot = sum(" + example.section(QLatin1Char('='), 0, 0).trimmed().toStdString() + ")";
        const std::string program = "input a = [[1, 2, 3], [4, 5, 6]]\ninput b = [[1, 2, 3], [4, 5, 6]]\n"
                                    "input y = 1\ninput target = 2\ninput z = 1\n";
        std::string operands = program;
        if (op.name == "matmul") operands = "input a = [[1, 2], [3, 4]]\ninput b = [[1], [2]]\n";
        EXPECT_NO_THROW(parseProgram(operands + line + "\n", "reference.bpg")) << line;
    }
    const QString about = aboutHtml();
    EXPECT_TRUE(about.contains(QStringLiteral(BPS_VERSION)));
    EXPECT_TRUE(about.contains(QString::fromLatin1(qVersion())));
    EXPECT_TRUE(about.contains(QStringLiteral("Eigen")));
    EXPECT_TRUE(about.contains(QStringLiteral("ONNX")));
    EXPECT_TRUE(about.contains(QStringLiteral("GPL-3.0-or-later")));
    // F1 opens the reference.
    bool f1 = false;
    for (QAction* a : window->findChildren<QAction*>()) f1 = f1 || a->shortcut() == QKeySequence(Qt::Key_F1);
    EXPECT_TRUE(f1);
}

TEST_F(Desktop, NewStartsFromATemplateAndCloseAndFullScreenAreThere) {
    window->newGraph();
    EXPECT_GE(window->document()->graph().find("loss"), 0);
    EXPECT_TRUE(window->document()->filePath().isEmpty());
    EXPECT_TRUE(window->windowTitle().startsWith(QStringLiteral("Untitled")));
    std::set<QKeySequence> keys;
    for (QAction* a : window->findChildren<QAction*>())
        for (const QKeySequence& k : a->shortcuts()) keys.insert(k);
    for (const QKeySequence& k : {QKeySequence(Qt::CTRL | Qt::Key_N), QKeySequence(Qt::CTRL | Qt::Key_W),
                                 QKeySequence(Qt::Key_F11), QKeySequence(Qt::CTRL | Qt::Key_F), QKeySequence(Qt::Key_F1)})
        EXPECT_TRUE(keys.count(k)) << k.toString().toStdString();
}

TEST_F(Desktop, TheDocumentHasItsOwnExtensionAndJsonStillOpens) {
    window->scene()->relayout();
    const QString bps = dir.filePath(QStringLiteral("lecture.bps"));
    ASSERT_EQ(window->files()->saveTo(bps), QString());
    QFile saved(bps);
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    EXPECT_TRUE(saved.readAll().left(64).contains("\"format\": \"backprop-studio\""));  // what the MIME magic matches
    MainWindow second;
    ASSERT_EQ(second.openFile(bps), QString());
    EXPECT_EQ(second.document()->graph().size(), window->document()->graph().size());
    EXPECT_FALSE(second.document()->isModified());
    const QString json = dir.filePath(QStringLiteral("lecture.json"));
    ASSERT_TRUE(QFile::copy(bps, json));
    MainWindow third;
    EXPECT_EQ(third.openFile(json), QString());
}

}  // namespace
}  // namespace bp

namespace bp {
namespace {

TEST_F(Desktop, TheKeyboardAloneMovesOverTheGraphAndEditsALeaf) {
    // Tab reaches the canvas from the source panel (which no longer swallows it).
    SourceEditor* editor = window->sourceDock()->editor();
    EXPECT_TRUE(editor->tabChangesFocus());
    GraphView* view = window->view();
    const Graph& g = window->document()->graph();
    auto selected = [&] { return g.node(window->document()->selectedNode()).name(); };
    view->setFocus();
    // From nothing selected, a key selects the root; Alt+Left goes to an input, Alt+Right back.
    QTest::keyClick(view, Qt::Key_Left, Qt::AltModifier);
    EXPECT_EQ(selected(), "loss");
    QTest::keyClick(view, Qt::Key_Left, Qt::AltModifier);
    EXPECT_EQ(selected(), "y2");
    QTest::keyClick(view, Qt::Key_Left, Qt::AltModifier);
    EXPECT_EQ(selected(), "z2");
    QTest::keyClick(view, Qt::Key_Left, Qt::AltModifier);
    EXPECT_EQ(selected(), "w2");
    QTest::keyClick(view, Qt::Key_Right, Qt::AltModifier);
    EXPECT_EQ(selected(), "z2");
    // Plain Left still steps back through the pass.
    const int before = window->document()->cursor().position();
    QTest::keyClick(view, Qt::Key_Left);
    EXPECT_EQ(selected(), "z2");
    EXPECT_LE(window->document()->cursor().position(), before);
    // Enter on a leaf opens its editor.
    QTest::keyClick(view, Qt::Key_Left, Qt::AltModifier);
    ASSERT_EQ(selected(), "w2");
    QTest::keyClick(view, Qt::Key_Return);
    EXPECT_TRUE(window->scene()->valueEditor()->isOpen());
    window->scene()->valueEditor()->cancel();
}

}  // namespace
}  // namespace bp

namespace bp {
namespace {

// Settings and autosaves of earlier versions ("Backprop Studio") move to the lower-case name.
TEST(ApplicationIdentity, OldSettingsAndAutosavesAreMovedToTheNewName) {
    const QString organization = QCoreApplication::organizationName();
    const QString application = QCoreApplication::applicationName();
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    const QString oldConf = config + "/Backprop Studio/Backprop Studio.conf";
    const QString newConf = config + "/backprop-studio/backprop-studio.conf";
    const QString oldAutosave = data + "/Backprop Studio/Backprop Studio/autosave";
    const QString newData = data + "/backprop-studio/backprop-studio";
    for (const QString& d : {config + "/Backprop Studio", config + "/backprop-studio", data + "/Backprop Studio",
                             data + "/backprop-studio"})
        QDir(d).removeRecursively();
    ASSERT_TRUE(QDir().mkpath(QFileInfo(oldConf).path()));
    ASSERT_TRUE(QDir().mkpath(oldAutosave));
    {
        QFile conf(oldConf);
        ASSERT_TRUE(conf.open(QIODevice::WriteOnly));
        conf.write("[presentation]\ntypeScale=1.75\n");
        QFile autosave(oldAutosave + "/session-1.json");
        ASSERT_TRUE(autosave.open(QIODevice::WriteOnly));
    }
    setApplicationIdentity(*qApp);
    EXPECT_EQ(QCoreApplication::applicationName(), "backprop-studio");
    EXPECT_EQ(QGuiApplication::applicationDisplayName(), "Backprop Studio");
    EXPECT_FALSE(QApplication::windowIcon().isNull());
    EXPECT_EQ(QSettings().fileName(), newConf);
    EXPECT_DOUBLE_EQ(QSettings().value("presentation/typeScale").toDouble(), 1.75);
    EXPECT_TRUE(QFileInfo::exists(newData + "/autosave/session-1.json"));
    // Done once: a second start leaves the new settings alone.
    QSettings().setValue("presentation/typeScale", 1.25);
    QSettings().sync();
    setApplicationIdentity(*qApp);
    EXPECT_DOUBLE_EQ(QSettings().value("presentation/typeScale").toDouble(), 1.25);
    for (const QString& d : {config + "/Backprop Studio", config + "/backprop-studio", data + "/Backprop Studio",
                             data + "/backprop-studio"})
        QDir(d).removeRecursively();
    QCoreApplication::setOrganizationName(organization);
    QCoreApplication::setApplicationName(application);
    QGuiApplication::setApplicationDisplayName(QString());
}

}  // namespace
}  // namespace bp
