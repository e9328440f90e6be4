// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing unsaved is lost: the real program, killed (SIGKILL) with an unsaved edit, leaves an
// autosave that the next start offers back intact; a window still running keeps its autosave to
// itself; a clean save or close leaves nothing behind.
//
// The real program runs offscreen with its settings and data in a temporary folder (XDG_*), an
// autosave every 200 ms (BPS_AUTOSAVE_INTERVAL_MS) and one edit made after it starts, as a user's
// undoable edit (`--set w1=[7, -8.5]`, as a user can start it). The "next start" is a window in this
// process running the same start-up code (DocumentFiles::startSession) on that folder.
#include <gtest/gtest.h>

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/io/document_json.h"
#include "core/language/parser.h"
#include "ui/document/examples.h"
#include "ui/document/graph_document.h"
#include "ui/files/autosave.h"
#include "ui/files/document_files.h"
#include "ui/window/main_window.h"
#include "message_box_answer.h"

namespace bp {
namespace {

const Matrix kEditedW1 = (Matrix(2, 1) << 7, -8.5).finished();

// The autosaves under `root`, wherever the program's data folder is.
QStringList autosavesUnder(const QString& root) {
    QStringList found;
    QDirIterator it(root, {QStringLiteral("session-*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) found << it.next();
    return found;
}

// w1 as written in an autosave, or an empty matrix while there is none (or it is half there).
Matrix autosavedW1(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    try {
        const DocumentFile d = documentFromText(f.readAll().toStdString(), path.toStdString());
        return d.program.graph.node(d.program.graph.find("w1")).leafValue();
    } catch (const std::exception&) {
        return {};
    }
}

class CrashRecovery : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(home.isValid()); }

    // Starts backprop-studio on mlp-1-2-2 with an unsaved edit of w1, and waits for its autosave.
    void startEditedProgram() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("XDG_DATA_HOME", home.filePath("data"));
        env.insert("XDG_CONFIG_HOME", home.filePath("config"));
        env.insert("BPS_AUTOSAVE_INTERVAL_MS", "200");
        program.setProcessEnvironment(env);
        program.start(QStringLiteral(BPS_CLI), {QStringLiteral("--set"), QStringLiteral("w1=[7, -8.5]")});
        ASSERT_TRUE(program.waitForStarted(10000));
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                const QStringList saves = autosavesUnder(home.filePath("data"));
                return saves.size() == 1 && autosavedW1(saves[0]) == kEditedW1;
            },
            20000))
            << "no autosave with the edit; stderr: " << program.readAllStandardError().toStdString();
        autosave = autosavesUnder(home.filePath("data")).first();
    }

    void kill() {
        program.kill();  // SIGKILL: no handler, no clean-up, as a crash
        ASSERT_TRUE(program.waitForFinished(10000));
        EXPECT_EQ(program.exitStatus(), QProcess::CrashExit);
    }

    QTemporaryDir home;
    QProcess program;
    QString autosave;  // the killed program's autosave
};

TEST_F(CrashRecovery, KilledProgramsUnsavedWorkIsOfferedBackIntact) {
    startEditedProgram();
    const QString folder = QFileInfo(autosave).path();

    // While it runs, its autosave is its own: a second window does not offer it.
    {
        GraphDocument scratch;
        Autosave probe(&scratch, [] { return Autosave::Snapshot{}; });
        probe.setDirectory(folder);
        EXPECT_TRUE(probe.findLeftovers().empty());
    }

    kill();
    ASSERT_TRUE(QFile::exists(autosave)) << "the kill leaves the autosave";

    MainWindow next;
    next.openExample(QStringLiteral("mlp-1-2-2"));
    next.files()->autosave()->setDirectory(folder);
    test::MessageBoxAnswer answer(QStringLiteral("Recover"));
    next.files()->startSession();

    ASSERT_EQ(answer.answered(), 1);
    const QString asked = answer.lastText();
    EXPECT_TRUE(asked.startsWith("Recover unsaved work from today, ")) << asked.toStdString();
    EXPECT_TRUE(asked.contains("Backprop Studio did not close normally. Changes to “mlp-1-2-2” that were not "
                               "saved were kept."))
        << asked.toStdString();
    QStringList buttons = answer.buttonsSeen();
    buttons.sort();
    EXPECT_EQ(buttons, (QStringList{"Decide later", "Discard", "Recover"}));

    // The work is back: the edited w1 and every number that follows from it.
    const GraphDocument& doc = *next.document();
    EXPECT_EQ(doc.graph().node(doc.graph().find("w1")).leafValue(), kEditedW1);
    Program expected = parseProgram(findExample("mlp-1-2-2")->source, "mlp-1-2-2.bpg");
    expected.graph.setLeafValue(expected.graph.find("w1"), kEditedW1);
    EXPECT_EQ(doc.evaluation().values, evaluate(expected).values);
    EXPECT_EQ(doc.evaluation().grads, evaluate(expected).grads);
    // ... as unsaved work of this window, autosaved by it, the leftover gone.
    EXPECT_TRUE(doc.isModified());
    EXPECT_TRUE(next.isWindowModified());
    EXPECT_EQ(next.windowTitle(), "mlp-1-2-2[*] — Backprop Studio");
    EXPECT_FALSE(QFile::exists(autosave));
    EXPECT_EQ(autosavedW1(next.files()->autosave()->sessionFile()), kEditedW1);

    // A clean close (discarding) leaves nothing to offer.
    test::MessageBoxAnswer discard(QStringLiteral("Discard"));
    EXPECT_TRUE(next.close());
    EXPECT_EQ(autosavesUnder(home.path()), QStringList());
    EXPECT_EQ(QDir(folder).entryList(QDir::Files), QStringList()) << "locks go too";
}

TEST_F(CrashRecovery, DecideLaterKeepsTheWorkAndDiscardRemovesIt) {
    startEditedProgram();
    kill();
    const QString folder = QFileInfo(autosave).path();
    {
        MainWindow next;
        next.files()->autosave()->setDirectory(folder);
        test::MessageBoxAnswer later(QStringLiteral("Decide later"));
        next.files()->startSession();
        EXPECT_EQ(later.answered(), 1);
        EXPECT_TRUE(QFile::exists(autosave));
        EXPECT_TRUE(next.document()->isEmpty()) << "nothing was opened";
        next.files()->endSession();
    }
    MainWindow again;
    again.files()->autosave()->setDirectory(folder);
    test::MessageBoxAnswer discard(QStringLiteral("Discard"));
    again.files()->startSession();
    EXPECT_EQ(discard.answered(), 1);
    EXPECT_FALSE(QFile::exists(autosave));
    again.files()->endSession();
}

TEST_F(CrashRecovery, SavingRemovesTheAutosave) {
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    window.files()->autosave()->setDirectory(home.filePath("autosave"));
    window.files()->startSession();
    const QString session = window.files()->autosave()->sessionFile();
    EXPECT_FALSE(QFile::exists(session)) << "nothing unsaved, nothing written";

    window.document()->editLeafValue(window.document()->graph().find("a"), Matrix::Constant(1, 1, 5));
    ASSERT_EQ(window.files()->autosave()->writeNow(), "");
    const DocumentFile kept = documentFromText(
        [&] {
            QFile f(session);
            return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
        }(),
        "autosave");
    EXPECT_EQ(kept.program.graph.node(kept.program.graph.find("a")).leafValue()(0, 0), 5);

    ASSERT_EQ(window.files()->saveTo(home.filePath("chain.json")), "");
    EXPECT_FALSE(QFile::exists(session)) << "the saved file holds the work now";
    window.files()->endSession();
    EXPECT_EQ(QDir(home.filePath("autosave")).entryList(QDir::Files), QStringList());
}

}  // namespace
}  // namespace bp
