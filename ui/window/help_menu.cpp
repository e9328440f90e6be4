// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/help_menu.h"

#include <Eigen/Core>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

#include "ui/window/language_reference.h"

namespace bp {
namespace {

// The context of this file's texts in the translations.
struct HelpMenu {
    Q_DECLARE_TR_FUNCTIONS(HelpMenu)
};

QString plainText(QString text) { return text.remove(QLatin1Char('&')).remove(QStringLiteral("…")).trimmed(); }

struct Row {
    QString keys;
    QString what;
    QString where;
};

void collectMenu(const QMenu* menu, const QString& path, std::vector<Row>& rows) {
    for (QAction* action : menu->actions()) {
        if (action->isSeparator()) continue;
        if (QMenu* sub = action->menu()) {
            collectMenu(sub, path + QStringLiteral(" > ") + plainText(sub->title()), rows);
            continue;
        }
        if (action->shortcuts().isEmpty()) continue;
        QStringList keys;
        for (const QKeySequence& k : action->shortcuts()) keys << k.toString(QKeySequence::NativeText);
        rows.push_back({keys.join(QStringLiteral(", ")), plainText(action->text()), path});
    }
}

// A dialog with an HTML page, kept open beside the window (not modal).
void showPage(QMainWindow* window, const QString& objectName, const QString& title, const QString& html) {
    if (auto* open = window->findChild<QDialog*>(objectName)) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto* dialog = new QDialog(window);
    dialog->setObjectName(objectName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto* layout = new QVBoxLayout(dialog);
    auto* page = new QTextBrowser(dialog);
    page->setOpenExternalLinks(true);
    page->setHtml(html);
    layout->addWidget(page);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    const QSize screen = window->screen() ? window->screen()->availableSize() : QSize(1280, 720);
    dialog->resize(std::min(900, screen.width() * 9 / 10), std::min(700, screen.height() * 8 / 10));
    dialog->show();
}

}  // namespace

QString keyboardShortcutsHtml(const QMainWindow& window) {
    std::vector<Row> rows;
    for (QAction* top : window.menuBar()->actions())
        if (QMenu* menu = top->menu()) collectMenu(menu, plainText(menu->title()), rows);
    // Actions that live outside the menus: the step toolbar's, the window's own (Esc, ...).
    QList<QAction*> others;
    for (QToolBar* bar : window.findChildren<QToolBar*>()) others += bar->actions();
    others += window.actions();
    for (QAction* action : others) {
        if (action->shortcuts().isEmpty() || action->menu()) continue;
        QStringList keys;
        for (const QKeySequence& k : action->shortcuts()) keys << k.toString(QKeySequence::NativeText);
        const QString joined = keys.join(QStringLiteral(", "));
        const bool listed = std::any_of(rows.begin(), rows.end(), [&](const Row& r) { return r.keys == joined; });
        if (!listed) rows.push_back({joined, plainText(action->text()), HelpMenu::tr("Window")});
    }
    QString html = QStringLiteral("<h2>%1</h2><table border='1' cellspacing='0' cellpadding='4'>").arg(HelpMenu::tr("Keyboard shortcuts"));
    html += QStringLiteral("<tr><th>%1</th><th>%2</th><th>%3</th></tr>").arg(HelpMenu::tr("Keys"), HelpMenu::tr("Does"), HelpMenu::tr("Menu"));
    for (const Row& r : rows)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td></tr>")
                    .arg(r.keys.toHtmlEscaped(), r.what.toHtmlEscaped(), r.where.toHtmlEscaped());
    html += QStringLiteral("</table><h3>%1</h3><ul>").arg(HelpMenu::tr("On the canvas"));
    for (const char* line : {QT_TRANSLATE_NOOP("HelpMenu", "Wheel: zoom; drag the background: pan"),
                             QT_TRANSLATE_NOOP("HelpMenu", "Click a node: select it (the inspector shows it)"),
                             QT_TRANSLATE_NOOP("HelpMenu", "Alt+Left / Alt+Right: select an input / a node that uses the selected one; "
                                                           "Up / Down: the node above / below"),
                             QT_TRANSLATE_NOOP("HelpMenu", "Enter: type a new value of the selected leaf"),
                             QT_TRANSLATE_NOOP("HelpMenu", "Tab: the next panel (also from the source panel)"),
                             QT_TRANSLATE_NOOP("HelpMenu", "Double-click a number of a leaf: type a new value (Enter applies, Esc cancels)"),
                             QT_TRANSLATE_NOOP("HelpMenu", "Shift+drag a number sideways: change it like a slider"),
                             QT_TRANSLATE_NOOP("HelpMenu", "Drop a .bpg, .bps, .json or .onnx file on the window: open it"),
                             QT_TRANSLATE_NOOP("HelpMenu", "Source panel: Ctrl+Return applies the text")})
        html += QStringLiteral("<li>%1</li>").arg(HelpMenu::tr(line).toHtmlEscaped());
    html += QStringLiteral("</ul>");
    return html;
}

QString aboutHtml() {
    const QString eigen = QStringLiteral("%1.%2.%3").arg(EIGEN_WORLD_VERSION).arg(EIGEN_MAJOR_VERSION).arg(EIGEN_MINOR_VERSION);
    const QString json = QStringLiteral("%1.%2.%3")
                             .arg(NLOHMANN_JSON_VERSION_MAJOR)
                             .arg(NLOHMANN_JSON_VERSION_MINOR)
                             .arg(NLOHMANN_JSON_VERSION_PATCH);
    return QStringLiteral("<h2>Backprop Studio %1</h2><p>%2</p><p>%3</p><p>%4</p>")
        .arg(QStringLiteral(BPS_VERSION), HelpMenu::tr("Computation graphs, forward values and the backward pass, edge by edge."),
             HelpMenu::tr("Qt %1 (built with %2), Eigen %3, ONNX %4, nlohmann_json %5")
                 .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR), eigen,
                      QStringLiteral(BPS_ONNX_VERSION), json),
             HelpMenu::tr("Backprop Studio is free software: you can redistribute it and/or modify it under the terms of the "
                "GNU General Public License as published by the Free Software Foundation, either version 3 of the "
                "License, or (at your option) any later version. It is distributed WITHOUT ANY WARRANTY. See "
                "<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GPL-3.0-or-later</a>."));
}

QMenu* addHelpMenu(QMainWindow* window, QMenu* examples) {
    QMenu* help = window->menuBar()->addMenu(HelpMenu::tr("&Help"));
    QAction* reference = help->addAction(HelpMenu::tr("&Language reference"), window, [window] {
        showPage(window, QStringLiteral("LanguageReference"), HelpMenu::tr("The .bpg language — Backprop Studio"),
                 languageReferenceHtml());
    });
    reference->setShortcut(QKeySequence(Qt::Key_F1));
    reference->setToolTip(HelpMenu::tr("The graph language: every operator and function, with an example each"));
    QAction* keys = help->addAction(HelpMenu::tr("&Keyboard shortcuts"), window, [window] {
        showPage(window, QStringLiteral("KeyboardShortcuts"), HelpMenu::tr("Keyboard shortcuts — Backprop Studio"),
                 keyboardShortcutsHtml(*window));
    });
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    keys->setToolTip(HelpMenu::tr("Every key the window knows"));
    help->addMenu(examples);
    help->addSeparator();
    QAction* about = help->addAction(HelpMenu::tr("&About Backprop Studio"), window,
                                     [window] { QMessageBox::about(window, HelpMenu::tr("About Backprop Studio"), aboutHtml()); });
    about->setToolTip(HelpMenu::tr("The version, the libraries and the licence"));
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(HelpMenu::tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setToolTip(HelpMenu::tr("The version and licence of Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    return help;
}

}  // namespace bp
