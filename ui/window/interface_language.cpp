// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/interface_language.h"

#include <QActionGroup>
#include <QApplication>
#include <QLibraryInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

namespace bp {
namespace {

const QString kKey = QStringLiteral("interface/language");
const char* const kEnvironment = "BACKPROP_STUDIO_LANGUAGE";

// The context of this file's texts in the translations.
struct InterfaceLanguage {
    Q_DECLARE_TR_FUNCTIONS(InterfaceLanguage)
};

// The code a language is named by ("en", "zh_CN"), from a setting or the environment; "" for none.
QString known(const QString& code) {
    if (code.startsWith(QStringLiteral("zh"))) return QStringLiteral("zh_CN");
    if (code.startsWith(QStringLiteral("en")) || code == QStringLiteral("C")) return QStringLiteral("en");
    return {};
}

QTranslator* program = nullptr;
QTranslator* qt = nullptr;

}  // namespace

QString languageSetting() { return known(QSettings().value(kKey).toString()); }

void setLanguageSetting(const QString& code) {
    if (code.isEmpty()) QSettings().remove(kKey);
    else QSettings().setValue(kKey, code);
}

QLocale interfaceLocale() {
    QString code = known(qEnvironmentVariable(kEnvironment));
    if (code.isEmpty()) code = languageSetting();
    if (code.isEmpty()) {
        // The first of the user's languages the program speaks (LANGUAGE=zh_CN:en, LANG=zh_CN.UTF-8).
        for (const QString& language : QLocale::system().uiLanguages()) {
            code = known(language);
            if (!code.isEmpty()) break;
        }
    }
    return code == QStringLiteral("zh_CN") ? QLocale(QLocale::Chinese, QLocale::China)
                                           : QLocale(QLocale::English, QLocale::UnitedStates);
}

bool interfaceIsChinese() { return interfaceLocale().language() == QLocale::Chinese; }

std::string exampleLanguage() { return interfaceIsChinese() ? "zh_CN" : ""; }

bool installTranslators(QApplication& app) {
    removeTranslators(app);
    const QLocale locale = interfaceLocale();
    if (locale.language() != QLocale::Chinese) return false;
    program = new QTranslator(&app);
    if (!program->load(locale, QStringLiteral("backprop-studio"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete program;
        program = nullptr;
        return false;
    }
    QCoreApplication::installTranslator(program);
    // Qt's own texts (the buttons of message boxes, file dialogs), from qt6-translations-l10n.
    qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
        qt = nullptr;
    }
    return true;
}

void removeTranslators(QApplication&) {
    for (QTranslator** t : {&program, &qt}) {
        if (!*t) continue;
        QCoreApplication::removeTranslator(*t);
        delete *t;
        *t = nullptr;
    }
}

QMenu* languageMenu(QWidget* parent) {
    // The names of the languages are written in their own language, untranslated, so either can
    // be found whatever the window speaks.
    auto* menu = new QMenu(InterfaceLanguage::tr("&Language"), parent);
    menu->setObjectName(QStringLiteral("LanguageMenu"));
    menu->setToolTipsVisible(true);
    auto* group = new QActionGroup(menu);
    const QString current = languageSetting();
    const struct {
        QString code;
        QString name;
    } choices[] = {{QString(), InterfaceLanguage::tr("System language")},
                   {QStringLiteral("en"), QStringLiteral("English")},
                   {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto& choice : choices) {
        QAction* action = menu->addAction(choice.name);
        action->setCheckable(true);
        action->setChecked(choice.code == current);
        action->setToolTip(InterfaceLanguage::tr("Applies when Backprop Studio starts again"));
        group->addAction(action);
        const QString code = choice.code;
        QObject::connect(action, &QAction::triggered, menu, [parent, code] {
            if (code == languageSetting()) return;
            setLanguageSetting(code);
            QMessageBox::information(parent, InterfaceLanguage::tr("Language"),
                                     InterfaceLanguage::tr("The new language applies when Backprop Studio starts again."));
        });
    }
    menu->addSeparator();
    QAction* note = menu->addAction(InterfaceLanguage::tr("(applies on restart)"));
    note->setEnabled(false);
    note->setToolTip(InterfaceLanguage::tr("Applies when Backprop Studio starts again"));
    return menu;
}

}  // namespace bp
