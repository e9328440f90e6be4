// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/main_window.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

#include "core/io/load_program.h"
#include "core/language/parser.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/document/examples.h"
#include "ui/document/graph_document.h"
#include "ui/panels/chain_rule_dock.h"
#include "ui/panels/inspector_dock.h"
#include "ui/window/step_toolbar.h"

namespace bp {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), doc_(new GraphDocument(this)) {
    scene_ = new GraphScene(doc_, this);
    view_ = new GraphView(scene_);
    setCentralWidget(view_);
    steps_ = new StepToolBar(doc_, this);
    addToolBar(Qt::TopToolBarArea, steps_);
    chainRule_ = new ChainRuleDock(doc_, this);
    addDockWidget(Qt::BottomDockWidgetArea, chainRule_);
    inspector_ = new InspectorDock(doc_, this);
    addDockWidget(Qt::RightDockWidgetArea, inspector_);
    buildMenus();
    resize(1500, 950);
    statusBar()->showMessage(tr("Right/Space: step   Left/Backspace: back   Home/End   Wheel: zoom   Drag: pan"));
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openDialog);
    QMenu* examples = file->addMenu(tr("&Examples"));
    for (const Example& e : shippedExamples()) {
        const QString name = QString::fromStdString(e.name);
        QAction* a = examples->addAction(name, this, [this, name] { openExample(name); });
        a->setToolTip(QString::fromStdString(e.summary));
    }
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, view_, &GraphView::zoomIn);
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, view_, &GraphView::zoomOut);
    view->addAction(tr("&Fit graph"), QKeySequence(Qt::CTRL | Qt::Key_0), view_, &GraphView::fitGraph);
    view->addAction(tr("&Lay out again"), scene_, &GraphScene::relayout);
    view->addSeparator();
    view->addAction(chainRule_->toggleViewAction());
    view->addAction(inspector_->toggleViewAction());
    view->addAction(steps_->toggleViewAction());
}

void MainWindow::setDocumentTitle(const QString& title) {
    setWindowTitle(tr("%1[*] — Backprop Studio").arg(title));
}

QString MainWindow::openFile(const QString& path) {
    try {
        Program program = loadProgram(path.toStdString());
        QString source;
        if (path.endsWith(QStringLiteral(".bpg"), Qt::CaseInsensitive)) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly)) source = QString::fromUtf8(f.readAll());
        } else {
            source = QString::fromStdString(writeProgram(program));
        }
        doc_->setProgram(std::move(program), source);
        setDocumentTitle(QFileInfo(path).fileName());
        return {};
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

void MainWindow::openExample(const QString& name) {
    const Example* e = findExample(name.toStdString());
    if (!e) return;
    try {
        doc_->setProgram(parseProgram(e->source, e->name + ".bpg"), QString::fromStdString(e->source));
        setDocumentTitle(name);
    } catch (const std::exception& ex) {
        QMessageBox::warning(this, tr("Cannot open the example"), QString::fromStdString(ex.what()));
    }
}

void MainWindow::openDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a graph"), QString(),
                                                      tr("Graphs (*.bpg *.json *.onnx);;All files (*)"));
    if (path.isEmpty()) return;
    const QString error = openFile(path);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot open the file"), error);
}

}  // namespace bp
