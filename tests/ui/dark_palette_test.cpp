// SPDX-License-Identifier: GPL-3.0-or-later
// A dark system palette: the text typed on the Source panel's error line stays readable (WCAG
// contrast at least 4.5 between the line's background and its text, as set and as painted), and
// the step buttons' pictures are drawn in the palette's button text, contrasting with the toolbar.
#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QPalette>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>

#include "ui/canvas/palette_colors.h"
#include "ui/document/graph_document.h"
#include "ui/panels/source_dock.h"
#include "ui/panels/source_editor.h"
#include "ui/window/main_window.h"
#include "ui/window/step_toolbar.h"

namespace bp {
namespace {

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2d, 0x2d, 0x30), base(0x1e, 0x1e, 0x1e), text(0xe8, 0xe8, 0xe8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Highlight, QColor(0x26, 0x4f, 0x78));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return p;
}

class DarkPalette : public ::testing::Test {
protected:
    void SetUp() override {
        saved = QApplication::palette();
        QApplication::setPalette(darkPalette());
        window = std::make_unique<MainWindow>();
        window->resize(1280, 720);
        window->openExample(QStringLiteral("mlp-1-2-2"));
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }
    void TearDown() override {
        window.reset();
        QApplication::setPalette(saved);
    }
    QPalette saved;
    std::unique_ptr<MainWindow> window;
};

// The colour of the pixel farthest in contrast from `background` among `image`'s pixels in `rect`.
double strongestContrast(const QImage& image, const QRect& rect, const QColor& background) {
    double best = 1;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            if (image.rect().contains(x, y)) best = std::max(best, style::contrastRatio(image.pixelColor(x, y), background));
    return best;
}

TEST_F(DarkPalette, TheErrorLinesTextReadsOnItsBackground) {
    SourceDock* dock = window->sourceDock();
    dock->show();
    dock->raise();
    dock->applyAsYouType()->setChecked(false);
    SourceEditor* editor = dock->editor();
    QString text = editor->toPlainText();
    text.replace(QStringLiteral("y1 = sigmoid(z1)"), QStringLiteral("y1 = sigmoid(z9)"));
    editor->setPlainText(text);
    ASSERT_FALSE(dock->apply());
    ASSERT_GT(editor->errorLine(), 0);
    const QList<QTextEdit::ExtraSelection> marks = editor->extraSelections();
    ASSERT_EQ(marks.size(), 2);
    for (const QTextEdit::ExtraSelection& mark : marks) {
        const QColor background = mark.format.background().color();
        const QColor fore = mark.format.hasProperty(QTextFormat::ForegroundBrush) ? mark.format.foreground().color()
                                                                                  : editor->palette().color(QPalette::Text);
        EXPECT_GE(style::contrastRatio(background, fore), 4.5) << background.name().toStdString() << " "
                                                               << fore.name().toStdString();
    }
    // As painted: the line's background at its right end, and its letters on it.
    const QTextBlock block = editor->document()->findBlockByNumber(editor->errorLine() - 1);
    QTextCursor at(block);
    editor->setTextCursor(at);
    editor->ensureCursorVisible();
    QApplication::processEvents();
    const QImage shot = editor->viewport()->grab().toImage();
    const QRect line = editor->cursorRect(at);
    const QRect row(0, line.top() + 1, shot.width() / 2, line.height() - 2);
    const QColor painted = shot.pixelColor(shot.width() - 4, line.center().y());
    EXPECT_EQ(painted.rgb(), marks.front().format.background().color().rgb());
    EXPECT_GE(strongestContrast(shot, row, painted), 4.5);
    // The line is not the base's colour: it is marked.
    EXPECT_GT(style::contrastRatio(painted, editor->palette().color(QPalette::Base)), 1.1);

    // The gutter's line numbers read on it too.
    const QString dir = qEnvironmentVariable("BPS_SCREENSHOT_DIR");
    if (!dir.isEmpty()) window->grab().save(QDir(dir).filePath(QStringLiteral("dark-palette-1280x720.png")));
}

TEST_F(DarkPalette, TheStepIconsFollowThePalette) {
    StepToolBar* steps = window->stepToolBar();
    window->document()->toStart();  // every step button but Start and Back enabled
    const QColor toolbar = steps->palette().color(steps->backgroundRole());
    for (QAction* action : {steps->forwardAction(), steps->backAction(), steps->playAction()}) {
        const QImage icon = action->icon().pixmap(24, 24).toImage();
        int painted = 0;
        double weakest = 21;
        for (int y = 0; y < icon.height(); ++y)
            for (int x = 0; x < icon.width(); ++x) {
                const QColor c = icon.pixelColor(x, y);
                if (c.alpha() < 250) continue;
                ++painted;
                weakest = std::min(weakest, style::contrastRatio(c, toolbar));
            }
        EXPECT_GT(painted, 30) << action->text().toStdString();
        EXPECT_GE(weakest, 4.5) << action->text().toStdString();
    }
    // As painted on the toolbar: the Step button's picture stands out from the bar.
    auto* button = qobject_cast<QToolButton*>(steps->widgetForAction(steps->forwardAction()));
    ASSERT_NE(button, nullptr);
    const QImage shot = button->grab().toImage();
    const QColor background = shot.pixelColor(2, shot.height() / 2);
    const QRect iconArea(0, 0, button->iconSize().width() + 8, shot.height());
    EXPECT_GE(strongestContrast(shot, iconArea, background), 4.5);
}

}  // namespace
}  // namespace bp
