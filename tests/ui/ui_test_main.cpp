// SPDX-License-Identifier: GPL-3.0-or-later
// The widget tests run offscreen, with test-mode settings so they never touch the user's.
#include <gtest/gtest.h>

#include <QApplication>
#include <QStandardPaths>

#include "ui/canvas/font_fallbacks.h"

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    bp::installFontFallbacks();  // as the window and `render` draw
    QApplication::setOrganizationName(QStringLiteral("Backprop Studio Tests"));
    // Settings of its own per test process: ctest runs tests in parallel processes, and one
    // test's clean-up must not wipe what another is checking.
    QApplication::setApplicationName(QStringLiteral("Backprop Studio Tests %1").arg(QCoreApplication::applicationPid()));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
