// SPDX-License-Identifier: GPL-3.0-or-later
// The window in Simplified Chinese: started with the zh_CN translation, every dock shown, every
// menu, the dialogs that open without blocking, the charts (titles, axes, legends) and the
// canvas legend are read, and no visible text may still be English: a text with a word of
// English letters and not one Chinese character fails, unless it is a name, a symbol or a unit
// of the short allow-list below (op names, file types, PyTorch's calls...).
#include <gtest/gtest.h>

#include "resources/shipped_examples.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QAbstractSeries>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegendMarker>
#include <set>

#include "ui/canvas/canvas_style.h"
#include "ui/panels/chain_rule_dock.h"
#include "ui/panels/source_dock.h"
#include "ui/panels/source_editor.h"
#include "ui/document/graph_document.h"
#include "ui/panels/vanishing_demo_dock.h"
#include "ui/window/add_loss_dialog.h"
#include "ui/window/export_dialog.h"
#include "ui/window/interface_language.h"
#include "ui/window/main_window.h"
#include "ui/window/step_toolbar.h"
#include "ui/canvas/graph_scene.h"

namespace bp {
namespace {

// Words that stay as they are in Chinese text: the program's and libraries' names, the .bpg
// language's keywords and functions, PyTorch's calls, file types, units and symbols.
const std::set<QString> kAllowedWords = {
    QStringLiteral("Backprop"), QStringLiteral("Studio"), QStringLiteral("PyTorch"), QStringLiteral("Qt"),
    QStringLiteral("ONNX"), QStringLiteral("Eigen"), QStringLiteral("SGD"), QStringLiteral("MSE"),
    QStringLiteral("mse"), QStringLiteral("sigmoid"), QStringLiteral("tanh"), QStringLiteral("relu"),
    QStringLiteral("PNG"), QStringLiteral("SVG"), QStringLiteral("English"), QStringLiteral("Ctrl"),
    QStringLiteral("Shift"), QStringLiteral("Alt"), QStringLiteral("Esc"), QStringLiteral("Enter"),
    QStringLiteral("Return"), QStringLiteral("Tab"), QStringLiteral("Backspace"), QStringLiteral("Home"),
    QStringLiteral("End"), QStringLiteral("Space"), QStringLiteral("Del"), QStringLiteral("PgUp"),
    QStringLiteral("PgDown"), QStringLiteral("Left"), QStringLiteral("Right"), QStringLiteral("Up"),
    QStringLiteral("Down"), QStringLiteral("Ins"), QStringLiteral("max"), QStringLiteral("py"),
    QStringLiteral("bpg"), QStringLiteral("bps"), QStringLiteral("json"), QStringLiteral("onnx"),
    QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("graph"), QStringLiteral("seed"),
    QStringLiteral("grad"), QStringLiteral("lr"), QStringLiteral("act"), QStringLiteral("output"),
    QStringLiteral("target"), QStringLiteral("loss"), QStringLiteral("optimizer"), QStringLiteral("zero"),
    QStringLiteral("step"), QStringLiteral("backward"), QStringLiteral("nan"), QStringLiteral("inf"),
    QStringLiteral("input"), QStringLiteral("param"), QStringLiteral("const"), QStringLiteral("python3"),
    QStringLiteral("torch"), QStringLiteral("nlohmann"), QStringLiteral("MSELoss"),
};

// Whether a visible text is still English: a word of two or more Latin letters that is neither
// allowed nor a node's or an example's name, and not one Chinese character.
bool looksEnglish(const QString& text, const std::set<QString>& names) {
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    static const QRegularExpression tags(QStringLiteral("<[^>]*>|&[a-z]+;"));
    if (han.match(text).hasMatch()) return false;
    QString plain = text;
    plain.remove(tags);
    static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z_0-9]+"));
    for (auto it = word.globalMatch(plain); it.hasNext();) {
        const QString w = it.next().captured();
        if (!kAllowedWords.count(w) && !names.count(w)) return true;
    }
    return false;
}

struct Collected {
    QStringList texts;
    void add(const QString& where, const QString& text) {
        if (!text.trimmed().isEmpty()) texts << where + QStringLiteral(": ") + text;
    }
};

void collectActions(const QList<QAction*>& actions, const QString& where, Collected& out) {
    for (QAction* a : actions) {
        if (a->isSeparator()) continue;
        out.add(where + QStringLiteral(" action"), a->text());
        out.add(where + QStringLiteral(" tooltip"), a->toolTip() == a->text().remove(QLatin1Char('&')) ? QString() : a->toolTip());
        if (QMenu* sub = a->menu()) {
            out.add(where + QStringLiteral(" menu"), sub->title());
            collectActions(sub->actions(), where + QStringLiteral(" > ") + sub->title(), out);
        }
    }
}

void collectChart(QChart* chart, const QString& where, Collected& out) {
    out.add(where + QStringLiteral(" title"), chart->title());
    for (QAbstractAxis* axis : chart->axes()) out.add(where + QStringLiteral(" axis"), axis->titleText());
    for (QAbstractSeries* series : chart->series()) out.add(where + QStringLiteral(" series"), series->name());
    for (QLegendMarker* marker : chart->legend()->markers())
        if (marker->isVisible()) out.add(where + QStringLiteral(" legend"), marker->label());
}

// Every text a widget and its visible children show.
void collectWidgets(QWidget* root, Collected& out) {
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(root) && w != root) continue;
        const QString where = QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + w->objectName();
        out.add(where + QStringLiteral(" tooltip"), w->toolTip());
        if (w->isWindow()) out.add(where + QStringLiteral(" window title"), w->windowTitle().remove(QStringLiteral("[*]")));
        if (auto* dock = qobject_cast<QDockWidget*>(w)) out.add(where + QStringLiteral(" title"), dock->windowTitle());
        if (auto* label = qobject_cast<QLabel*>(w)) out.add(where, label->text());
        if (auto* button = qobject_cast<QAbstractButton*>(w)) out.add(where, button->text());
        if (auto* box = qobject_cast<QGroupBox*>(w)) out.add(where, box->title());
        if (auto* edit = qobject_cast<QLineEdit*>(w)) out.add(where + QStringLiteral(" placeholder"), edit->placeholderText());
        if (auto* combo = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < combo->count(); ++i) out.add(where + QStringLiteral(" item"), combo->itemText(i));
        if (auto* tabs = qobject_cast<QTabBar*>(w))
            for (int i = 0; i < tabs->count(); ++i) out.add(where + QStringLiteral(" tab"), tabs->tabText(i));
        if (auto* table = qobject_cast<QTableWidget*>(w))
            for (int c = 0; c < table->columnCount(); ++c)
                if (QTableWidgetItem* h = table->horizontalHeaderItem(c)) out.add(where + QStringLiteral(" header"), h->text());
        if (auto* browser = qobject_cast<QTextBrowser*>(w)) out.add(where, browser->toPlainText().left(2000));
        if (auto* view = qobject_cast<QChartView*>(w)) collectChart(view->chart(), where, out);
        if (auto* bar = qobject_cast<QToolBar*>(w)) {
            out.add(where + QStringLiteral(" title"), bar->windowTitle());
            collectActions(bar->actions(), where, out);
        }
    }
}

class ChineseWindow : public ::testing::Test {
protected:
    void SetUp() override {
        // A window as on a first start: the recent-files menu of tests run before in this process
        // lists paths, which are not text to translate.
        QSettings().remove(QStringLiteral("files/recent"));
        qputenv("BACKPROP_STUDIO_LANGUAGE", "zh_CN");
        ASSERT_TRUE(installTranslators(*qApp)) << "the zh_CN translation did not load";
    }
    void TearDown() override {
        removeTranslators(*qApp);
        qunsetenv("BACKPROP_STUDIO_LANGUAGE");
    }
};

TEST_F(ChineseWindow, NoVisibleTextIsStillEnglish) {
    MainWindow window;
    window.openExample(QStringLiteral("mlp-1-2-2"));
    window.resize(1280, 720);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    std::set<QString> names;
    for (const Node& n : window.document()->graph().nodes()) names.insert(QString::fromStdString(n.name()));
    for (const char* e : {"w1", "z1", "x"}) names.insert(QString::fromLatin1(e));
    for (const Example& e : shippedExamples())  // the examples' names, as the menus list them
        for (const QString& word : QString::fromStdString(e.name).split(QLatin1Char('-'))) names.insert(word);

    Collected out;
    collectActions(window.menuBar()->actions(), QStringLiteral("menu bar"), out);
    for (const QString& text : style::legendTexts()) out.add(QStringLiteral("canvas legend"), text);
    for (NodeKind kind : {NodeKind::Input, NodeKind::Param, NodeKind::Const, NodeKind::Op})
        out.add(QStringLiteral("node kind"), style::kindText(kind));
    // every dock in turn, so the ones behind tabs are built and shown
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
        dock->show();
        dock->raise();
        QApplication::processEvents();
        collectWidgets(dock, out);
    }
    collectWidgets(&window, out);
    out.add(QStringLiteral("status bar"), window.statusBar()->currentMessage());

    // the help pages (not modal) and the dialogs, shown without running them
    for (QAction* a : window.menuBar()->actions().last()->menu()->actions())
        if (a->text().contains(QStringLiteral("键盘")) || a->text().contains(QStringLiteral("语言参考"))) a->trigger();
    for (QDialog* page : window.findChildren<QDialog*>()) collectWidgets(page, out);
    AddLossDialog addLoss(window.document(), &window);
    addLoss.show();
    collectWidgets(&addLoss, out);
    ExportDialog picture(ExportDialog::Target::Picture, *window.scene(), QString(), &window);
    picture.show();
    collectWidgets(&picture, out);
    ExportDialog steps(ExportDialog::Target::Steps, *window.scene(), QStringLiteral("—"), &window);
    steps.show();
    collectWidgets(&steps, out);

    // the chain-rule panel written out at a forward and a backward step
    for (int i = 0; i < 9; ++i) {
        window.stepToolBar()->forwardAction()->trigger();
        if (i == 2 || i == 8) {
            out.add(QStringLiteral("chain-rule step title"), window.chainRuleDock()->titleText());
            out.add(QStringLiteral("chain-rule step"), window.chainRuleDock()->bodyText());
        }
    }
    QStringList english;
    for (const QString& t : out.texts)
        if (looksEnglish(t.section(QStringLiteral(": "), 1), names)) english << t;
    EXPECT_GT(out.texts.size(), 300) << "too few texts were found to check";
    EXPECT_TRUE(english.isEmpty()) << english.size() << " English texts:\n" << english.join(QLatin1Char('\n')).toStdString();
}

// The language's common errors in the source panel: core's code and parts, the window's Chinese.
TEST_F(ChineseWindow, SourceErrorsAreInChinese) {
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    SourceDock* source = window.sourceDock();
    source->applyAsYouType()->setChecked(false);
    source->editor()->setPlainText(QStringLiteral("input 输出 = 1\n损失 = mse(输出， 1)\n"));
    EXPECT_FALSE(source->apply());
    EXPECT_EQ(source->messageText().section(QLatin1Char('\n'), 0, 0),
              QStringLiteral("第 2 行，第 12 列：意外的字符 '，' (U+FF0C)（这是全角字符：你是想输入 ',' 吗？）"));
    EXPECT_TRUE(source->messageText().contains(QStringLiteral("画布显示的是最后一次解析成功的计算图。")));
    source->editor()->setPlainText(QStringLiteral("损失 = 输出 + 1\n"));
    EXPECT_FALSE(source->apply());
    EXPECT_TRUE(source->messageText().startsWith(QStringLiteral("第 1 行，第 6 列：未知的名字“输出”"))) << source->messageText().toStdString();
}

// Core's other messages (shapes, literals, limits, files) in the window: Chinese sentences with
// core's parts, the file's place framed by the window.
TEST_F(ChineseWindow, CoreMessagesAreInChinese) {
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    SourceDock* source = window.sourceDock();
    source->applyAsYouType()->setChecked(false);
    const std::pair<const char*, const char*> cases[] = {
        {"input a = [1, 2]\nb = a @ a\n", "矩阵乘法形状不匹配：2x1 @ 2x1（左边的列数 1 必须等于右边的行数 2）"},
        {"input m = [[1, 2], [3]]\n", "矩阵字面量各行长度不一：第 2 行有 1 个元素，第 1 行有 2 个"},
        {"input a = 1\nb = a +\n", "意外的行尾，这里应为表达式"},
        {"input a = 1\nb = (a + 1\n", "在 2:5 处打开的“(”没有闭合"},
        {"input a = 1\nb = clamp(a)\n", "“clamp”需要 3 个参数，但给了 1 个"},
        {"input a = [1, 2]\nb = a + [1, 2, 3]\n", "形状不匹配：2x1 和 3x1 无法广播（每一维必须相等，或其中一个为 1）"},
        {"input a = 1e999\n", "数“1e999”太大，双精度浮点数放不下"},
    };
    for (const auto& [text, expected] : cases) {
        source->editor()->setPlainText(QString::fromUtf8(text));
        EXPECT_FALSE(source->apply()) << text;
        const QString first = source->messageText().section(QLatin1Char('\n'), 0, 0);
        EXPECT_TRUE(first.endsWith(QString::fromUtf8(expected))) << text << "\n" << first.toStdString();
    }
    // a file that is not there, and a JSON file that is not a document
    const QString missing = window.openFile(QStringLiteral("/nonexistent/图.bpg"));
    EXPECT_TRUE(missing.contains(QStringLiteral("无法打开文件："))) << missing.toStdString();
    // the loaders: a JSON file that is another program's, a text file named .onnx, a model with an op
    // that is not supported
    const QString dir = QDir::tempPath() + QStringLiteral("/bps-zh-loaders");
    QDir().mkpath(dir);
    const auto write = [&](const QString& name, const QByteArray& bytes) {
        QFile f(dir + QLatin1Char('/') + name);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return f.fileName();
    };
    const QString json = window.openFile(write(QStringLiteral("other.json"), R"({"format": "onnx", "version": 1})"));
    EXPECT_TRUE(json.contains(QStringLiteral("不是 Backprop Studio 文档：\"format\" 是字符串 \"onnx\"，应为 \"backprop-studio\"")))
        << json.toStdString();
    const QString text = window.openFile(write(QStringLiteral("notes.onnx"), "not a model\n"));
    EXPECT_TRUE(text.contains(QStringLiteral("这是文本文件，不是 ONNX 模型"))) << text.toStdString();
    QDir(dir).removeRecursively();
}

TEST_F(ChineseWindow, QtsOwnButtonsAreTranslated) {
    EXPECT_EQ(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
    EXPECT_EQ(QCoreApplication::translate("bp::MainWindow", "&File"), QStringLiteral("文件(&F)"));
}

TEST(InterfaceLanguage, EnvironmentOverridesTheSetting) {
    qputenv("BACKPROP_STUDIO_LANGUAGE", "en");
    setLanguageSetting(QStringLiteral("zh_CN"));
    EXPECT_FALSE(interfaceIsChinese());
    qunsetenv("BACKPROP_STUDIO_LANGUAGE");
    EXPECT_TRUE(interfaceIsChinese());
    setLanguageSetting(QStringLiteral("en"));
    EXPECT_FALSE(interfaceIsChinese());
    EXPECT_FALSE(installTranslators(*qApp));  // English needs none
    setLanguageSetting(QString());
}

}  // namespace
}  // namespace bp
