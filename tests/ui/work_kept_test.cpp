// SPDX-License-Identifier: GPL-3.0-or-later
// Work is kept. Text typed in the Source panel and not applied is work: the title marks it, closing asks, the
// autosave keeps it and recovery puts it back, and Save saves what the user sees: the typed text
// applied, or, when it does not parse, a clear refusal that offers to save it as text. Before,
// all of these used the graph's text and Save said "Saved" over the old text. A broken .bpg
// opens as text to be fixed. Recovered work whose file changed on disk since is kept apart from it.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "ui/document/graph_document.h"
#include "ui/files/autosave.h"
#include "ui/files/document_files.h"
#include "ui/panels/source_dock.h"
#include "ui/panels/source_editor.h"
#include "ui/window/main_window.h"
#include "message_box_answer.h"

namespace bp {
namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QString kBroken = QStringLiteral("input e = 2\nf = (e * \n");
const QString kValid = QStringLiteral("input e = 2\nf = e * e\n");

class WorkKept : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        organization = QCoreApplication::organizationName();
        QCoreApplication::setOrganizationName(organization + QStringLiteral(" %1").arg(QCoreApplication::applicationPid()));
        QSettings().clear();
        window = std::make_unique<MainWindow>();
        window->openExample(QStringLiteral("chain-rule"));
        window->files()->autosave()->setDirectory(dir.filePath("autosave"));
        window->files()->startSession();
        window->show();
        ASSERT_EQ(window->files()->saveTo(path("work.bpg")), "");
        saved = readAll(path("work.bpg"));
        window->sourceDock()->applyAsYouType()->setChecked(false);
    }
    void TearDown() override {
        window->files()->endSession();
        window.reset();
        QSettings().clear();
        QCoreApplication::setOrganizationName(organization);
    }
    void type(const QString& text) { window->sourceDock()->editor()->setPlainText(text); }
    QString path(const QString& name) { return dir.filePath(name); }
    GraphDocument* doc() { return window->document(); }

    QTemporaryDir dir;
    QString organization;
    std::unique_ptr<MainWindow> window;
    QByteArray saved;
};

TEST_F(WorkKept, TypedTextMarksTheWindowModifiedAndRevertingUnmarksIt) {
    EXPECT_FALSE(window->isWindowModified());
    type(kBroken);
    EXPECT_TRUE(doc()->isModified());
    EXPECT_TRUE(window->isWindowModified());
    window->sourceDock()->revert();
    EXPECT_FALSE(doc()->isModified());
    EXPECT_FALSE(window->isWindowModified());
}

TEST_F(WorkKept, ClosingAsksAboutTypedText) {
    type(kBroken);
    test::MessageBoxAnswer cancel(QStringLiteral("Cancel"));
    EXPECT_FALSE(window->close());
    EXPECT_EQ(cancel.answered(), 1);
    EXPECT_TRUE(window->isVisible());
}

TEST_F(WorkKept, SaveAppliesTheTypedTextAndSavesIt) {
    type(kValid);
    EXPECT_TRUE(window->files()->save());
    EXPECT_EQ(readAll(path("work.bpg")), kValid.toUtf8());
    EXPECT_GE(doc()->graph().find("f"), 0) << "the graph is the text's";
    EXPECT_FALSE(doc()->isModified());
}

TEST_F(WorkKept, SaveOfTextThatDoesNotParseSaysSoAndSavesNothingSilently) {
    type(kBroken);
    test::MessageBoxAnswer cancel(QStringLiteral("Cancel"));
    EXPECT_FALSE(window->files()->save());
    ASSERT_EQ(cancel.answered(), 1);
    EXPECT_TRUE(cancel.lastText().startsWith("The text in the Source panel does not make a graph")) << cancel.lastText().toStdString();
    QStringList buttons = cancel.buttonsSeen();
    buttons.sort();
    EXPECT_EQ(buttons, (QStringList{"Cancel", "Save the Text As…"}));
    EXPECT_EQ(readAll(path("work.bpg")), saved) << "the old text is not written as if it were the work";
    EXPECT_TRUE(doc()->isModified());
}

TEST_F(WorkKept, TheAutosaveKeepsTypedTextAndRecoveryPutsItBack) {
    type(kBroken);
    const QString session = window->files()->autosave()->sessionFile();
    ASSERT_EQ(window->files()->autosave()->writeNow(), "");
    ASSERT_TRUE(QFile::exists(session));
    // As if its window had been killed: the copy has no live lock.
    const QString leftover = dir.filePath("autosave/session-999999999.json");
    ASSERT_TRUE(QFile::copy(session, leftover));

    MainWindow next;
    next.files()->autosave()->setDirectory(dir.filePath("autosave"));
    test::MessageBoxAnswer recover(QStringLiteral("Recover"));
    next.files()->startSession();
    ASSERT_EQ(recover.answered(), 1);
    EXPECT_EQ(next.sourceDock()->editor()->toPlainText(), kBroken);
    EXPECT_TRUE(next.document()->hasUnappliedSource());
    EXPECT_TRUE(next.document()->isModified());
    next.files()->endSession();
}

// An editor opens a file with errors, shows them and lets you fix them.
TEST_F(WorkKept, ABrokenBpgOpensAsTextWithItsErrorMarked) {
    {
        QFile f(path("broken.bpg"));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(kBroken.toUtf8());
    }
    EXPECT_EQ(window->files()->open(path("broken.bpg")), "");
    EXPECT_EQ(window->sourceDock()->editor()->toPlainText(), kBroken);
    EXPECT_TRUE(window->sourceDock()->hasError());
    EXPECT_TRUE(window->sourceDock()->messageText().startsWith("Line ")) << window->sourceDock()->messageText().toStdString();
    EXPECT_TRUE(doc()->isEmpty());
    EXPECT_EQ(doc()->filePath(), path("broken.bpg"));
    EXPECT_FALSE(doc()->isModified()) << "the file holds exactly this text";
    EXPECT_EQ(window->windowTitle(), "broken.bpg[*] — Backprop Studio");

    type(kValid);
    EXPECT_TRUE(doc()->isModified());
    EXPECT_TRUE(window->files()->save());
    EXPECT_EQ(readAll(path("broken.bpg")), kValid.toUtf8());
    EXPECT_GE(doc()->graph().find("f"), 0);
}

// Another program saved the file after the autosave: recovery says so and the recovered work
// is no longer the file's (Save asks for a name), so Ctrl+S cannot overwrite the other change.
TEST_F(WorkKept, RecoveryComparesWithTheFileOnDisk) {
    ASSERT_TRUE(doc()->editLeafValue(doc()->graph().find("a"), Matrix::Constant(1, 1, 5)));
    ASSERT_EQ(window->files()->autosave()->writeNow(), "");
    const QString leftover = dir.filePath("autosave/session-999999998.json");
    ASSERT_TRUE(QFile::copy(window->files()->autosave()->sessionFile(), leftover));
    {
        QFile f(path("work.bpg"));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Append));
        f.write("# the other program's change\n");
    }
    const QByteArray theirs = readAll(path("work.bpg"));

    MainWindow next;
    next.files()->autosave()->setDirectory(dir.filePath("autosave"));
    test::MessageBoxAnswer recover(QStringLiteral("Recover"));
    next.files()->startSession();
    ASSERT_EQ(recover.answered(), 1);
    EXPECT_TRUE(recover.lastText().contains("The file has changed on disk since this work was autosaved."))
        << recover.lastText().toStdString();
    EXPECT_EQ(next.document()->graph().node(next.document()->graph().find("a")).leafValue()(0, 0), 5);
    EXPECT_EQ(next.document()->filePath(), "") << "the recovered work is not the changed file's";
    EXPECT_EQ(next.windowTitle(), "work.bpg (recovered)[*] — Backprop Studio");
    EXPECT_EQ(readAll(path("work.bpg")), theirs);
    next.files()->endSession();
}

TEST_F(WorkKept, RecoveryOfAnUnchangedFileKeepsItsFile) {
    ASSERT_TRUE(doc()->editLeafValue(doc()->graph().find("a"), Matrix::Constant(1, 1, 5)));
    ASSERT_EQ(window->files()->autosave()->writeNow(), "");
    ASSERT_TRUE(QFile::copy(window->files()->autosave()->sessionFile(), dir.filePath("autosave/session-999999997.json")));
    MainWindow next;
    next.files()->autosave()->setDirectory(dir.filePath("autosave"));
    test::MessageBoxAnswer recover(QStringLiteral("Recover"));
    next.files()->startSession();
    ASSERT_EQ(recover.answered(), 1);
    EXPECT_FALSE(recover.lastText().contains("changed on disk")) << recover.lastText().toStdString();
    EXPECT_EQ(next.document()->filePath(), path("work.bpg"));
    next.files()->endSession();
}

// A document whose "source" describes another graph than its nodes opens with the nodes' graph
// and their text, and the Source panel says why (it showed the other text before).
TEST_F(WorkKept, ADocumentWhoseSourceDisagreesShowsTheNodesText) {
    ASSERT_EQ(window->files()->saveTo(path("work.bps")), "");
    QByteArray bytes = readAll(path("work.bps"));
    const QByteArray shown = QByteArray("input b = 1");
    ASSERT_TRUE(bytes.contains(shown)) << bytes.toStdString();
    bytes.replace(shown, "input b = 7");
    QFile file(path("edited.bps"));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    ASSERT_EQ(window->files()->open(path("edited.bps")), "");
    const QString text = window->sourceDock()->editor()->toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("input b = 1"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("input b = 7")));
    EXPECT_TRUE(window->sourceDock()->messageText().contains(QStringLiteral("describes another graph")))
        << window->sourceDock()->messageText().toStdString();
}

// An autosave folder that cannot be made leaves a lasting mark in the status bar (a status
// message alone was gone in ten seconds), with the reason in its tooltip.
TEST(WorkKeptAutosave, AnAutosaveFolderThatCannotBeMadeLeavesALastingMark) {
    MainWindow window;
    window.show();
    auto* badge = window.findChild<QLabel*>(QStringLiteral("AutosaveBadge"));
    ASSERT_NE(badge, nullptr);
    EXPECT_FALSE(badge->isVisible());
    window.files()->autosave()->setDirectory(QStringLiteral("/proc/backprop-studio-test/autosave"));
    window.files()->startSession();
    EXPECT_TRUE(badge->isVisible());
    EXPECT_TRUE(badge->text().contains(QStringLiteral("Autosave is off"))) << badge->text().toStdString();
    EXPECT_TRUE(badge->toolTip().contains(QStringLiteral("/proc/backprop-studio-test"))) << badge->toolTip().toStdString();
    window.files()->endSession();
}

}  // namespace
}  // namespace bp
