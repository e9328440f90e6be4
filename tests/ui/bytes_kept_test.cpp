// SPDX-License-Identifier: GPL-3.0-or-later
// Saving keeps the bytes it did not change: a Latin-1 comment stays Latin-1 (it became U+FFFD
// after one edit and a save), a UTF-8 byte-order mark stays; text that Latin-1 cannot hold is
// written as UTF-8 only after the user agrees.
#include <gtest/gtest.h>

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include "ui/document/graph_document.h"
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

void write(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

const QByteArray kLatin1 = QByteArray("# caf\xe9 au lait: na\xefve weights, 90\xb0\ninput a = 2\nparam w = 3\ny = a * w\n");

class BytesKept : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(dir.isValid()); }
    QString open(const QByteArray& bytes) {
        const QString path = dir.filePath(QStringLiteral("lesson.bpg"));
        write(path, bytes);
        EXPECT_EQ(window.files()->open(path), QString());
        return path;
    }
    void editW() { ASSERT_TRUE(window.document()->editLeafValue(window.document()->graph().find("w"), Matrix::Constant(1, 1, 4))); }
    QTemporaryDir dir;
    MainWindow window;
};

TEST_F(BytesKept, ALatin1CommentIsShownAndSavedBackByteForByte) {
    const QString path = open(kLatin1);
    EXPECT_TRUE(window.sourceDock()->editor()->toPlainText().contains(QStringLiteral("café au lait: naïve weights, 90°")));
    editW();
    ASSERT_EQ(window.files()->saveTo(path), QString());
    QByteArray expected = kLatin1;
    expected.replace("param w = 3", "param w = 4");
    EXPECT_EQ(readAll(path), expected);
}

TEST_F(BytesKept, TheByteOrderMarkIsKept) {
    const QByteArray bytes = QByteArray("\xEF\xBB\xBF# caf\xC3\xA9\ninput a = 2\nparam w = 3\ny = a * w\n");
    const QString path = open(bytes);
    editW();
    ASSERT_EQ(window.files()->saveTo(path), QString());
    QByteArray expected = bytes;
    expected.replace("param w = 3", "param w = 4");
    EXPECT_EQ(readAll(path), expected);
}

TEST_F(BytesKept, TextLatin1CannotHoldIsSavedAsUtf8OnlyWhenTheUserAgrees) {
    const QString path = open(kLatin1);
    window.sourceDock()->editor()->setPlainText(QString::fromUtf8(QByteArray("# ∂y/∂w: caf\xC3\xA9\ninput a = 2\nparam w = 3\ny = a * w\n")));
    window.sourceDock()->apply();
    EXPECT_NE(window.files()->saveTo(path), QString()) << "the plain call asks nothing and writes nothing";
    EXPECT_EQ(readAll(path), kLatin1);
    {
        test::MessageBoxAnswer cancel(QStringLiteral("Cancel"));
        EXPECT_FALSE(window.files()->save());
        ASSERT_EQ(cancel.answered(), 1);
        EXPECT_TRUE(cancel.lastText().contains(QStringLiteral("Latin-1"))) << cancel.lastText().toStdString();
        EXPECT_EQ(readAll(path), kLatin1);
    }
    test::MessageBoxAnswer save(QStringLiteral("Save"));
    EXPECT_TRUE(window.files()->save());
    ASSERT_EQ(save.answered(), 1);
    EXPECT_EQ(readAll(path), QByteArray("# ∂y/∂w: caf\xC3\xA9\ninput a = 2\nparam w = 3\ny = a * w\n"));
}

}  // namespace
}  // namespace bp
