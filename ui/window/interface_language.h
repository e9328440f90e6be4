// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The language of the window: English (the source strings) or Simplified Chinese. Chosen, first
// match wins, by the environment variable BACKPROP_STUDIO_LANGUAGE ("en" or "zh_CN"; for tests
// and for trying the other language once), the choice in View > Language (kept in QSettings
// "interface/language"), or the system locale (LANG=zh_CN.UTF-8). A new choice applies when the
// program starts again: the window's texts are made once, when it is built.
#include <QLocale>
#include <QString>
#include <string>

class QApplication;
class QMenu;
class QWidget;

namespace bp {

// "en", "zh_CN", or "" for the system's language.
QString languageSetting();
void setLanguageSetting(const QString& code);

// The language the window speaks this run: English, or Chinese (China).
QLocale interfaceLocale();
bool interfaceIsChinese();
// The language of the shipped examples' comments to show: "zh_CN", or "" for English.
std::string exampleLanguage();

// Loads the program's translation and Qt's own (its dialogs' buttons) for interfaceLocale().
// Returns whether the program's translation was installed (false for English).
bool installTranslators(QApplication& app);
// Removes what installTranslators() installed (tests switch languages in one process).
void removeTranslators(QApplication& app);

// View > Language: the system's language, English, 简体中文; each applies on restart.
QMenu* languageMenu(QWidget* parent);

}  // namespace bp
