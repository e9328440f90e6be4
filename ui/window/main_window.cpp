// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QUndoView>

#include "core/io/load_program.h"
#include "core/language/parser.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/document/examples.h"
#include "ui/document/graph_document.h"
#include "ui/files/document_files.h"
#include "ui/files/file_menu.h"
#include "ui/panels/chain_rule_dock.h"
#include "ui/panels/inspector_dock.h"
#include "ui/panels/gradient_check_dock.h"
#include "ui/panels/predict_dock.h"
#include "ui/panels/pytorch_code_dock.h"
#include "ui/panels/source_dock.h"
#include "ui/panels/sigmoid_chart_dock.h"
#include "ui/panels/training_dock.h"
#include "ui/panels/vanishing_demo_dock.h"
#include "ui/window/add_loss_dialog.h"
#include "ui/window/export_actions.h"
#include "ui/window/predict_reveal.h"
#include "ui/window/presentation_mode.h"
#include "ui/window/step_toolbar.h"
#include "ui/window/window_layout.h"

namespace bp {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), doc_(new GraphDocument(this)) {
    scene_ = new GraphScene(doc_, this);
    view_ = new GraphView(scene_);
    setCentralWidget(view_);
    files_ = new DocumentFiles(doc_, scene_, view_, this);
    connect(files_, &DocumentFiles::titleChanged, this, &MainWindow::setDocumentTitle);
    connect(doc_, &GraphDocument::modifiedChanged, this, &QWidget::setWindowModified);
    connect(files_, &DocumentFiles::message, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    // Autosave and the offer to recover a crashed session start with the event loop; widget
    // tests (test-mode paths) build windows without them.
    if (!QStandardPaths::isTestModeEnabled()) QTimer::singleShot(0, files_, &DocumentFiles::startSession);
    steps_ = new StepToolBar(doc_, this);
    addToolBar(Qt::TopToolBarArea, steps_);
    chainRule_ = new ChainRuleDock(doc_, this);
    // The chain rule is the heart of the lecture: full width under the canvas and the side panels.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, chainRule_);
    inspector_ = new InspectorDock(doc_, this);
    addDockWidget(Qt::RightDockWidgetArea, inspector_);
    // The charts share the right-hand area with the inspector, as tabs behind it.
    sigmoidChart_ = new SigmoidChartDock(doc_, this);
    vanishingDemo_ = new VanishingDemoDock(doc_, this);
    vanishingDemo_->setReplaceGuard([this] { return files_->maybeSave(); });
    connect(vanishingDemo_, &VanishingDemoDock::chainBuilt, files_, &DocumentFiles::showUntitled);
    training_ = new TrainingDock(doc_, this);
    for (QDockWidget* dock : std::initializer_list<QDockWidget*>{sigmoidChart_, vanishingDemo_, training_})
        tabifyDockWidget(inspector_, dock);
    inspector_->raise();
    // On the left the .bpg text, with the undo history as a tab behind it. Beside the chain rule,
    // as tabs with room for long lines: what the last edit did to the loss, the gradient check
    // and the PyTorch script (four tabs are as many as the right-hand area shows unclipped).
    source_ = new SourceDock(doc_, this);
    addDockWidget(Qt::LeftDockWidgetArea, source_);
    predict_ = new PredictDock(doc_, this);
    tabifyDockWidget(chainRule_, predict_);
    gradientCheck_ = new GradientCheckDock(doc_, this);
    tabifyDockWidget(chainRule_, gradientCheck_);
    pytorchCode_ = new PyTorchCodeDock(doc_, this);
    tabifyDockWidget(chainRule_, pytorchCode_);
    chainRule_->raise();
    undoHistory_ = new QDockWidget(tr("Undo history"), this);
    undoHistory_->setObjectName(QStringLiteral("UndoHistoryDock"));
    auto* undoView = new QUndoView(doc_->undoStack());
    undoView->setEmptyLabel(tr("<as opened>"));
    undoHistory_->setWidget(undoView);
    tabifyDockWidget(source_, undoHistory_);
    source_->raise();
    exports_ = new ExportActions(doc_, scene_, this, [this] { return files_->displayName(); });
    connect(exports_, &ExportActions::message, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    predictReveal_ = new PredictReveal(doc_, scene_, chainRule_, steps_->forwardAction(),
                                       qobject_cast<QToolButton*>(steps_->widgetForAction(steps_->forwardAction())), this);
    presentation_ = new PresentationMode(this, scene_, view_, steps_, chainRule_, predictReveal_);
    buildMenus();
    // The default arrangement, or the user's from the last run (widget tests always start from the default).
    defaultState_ = saveState();
    if (QStandardPaths::isTestModeEnabled() || !restoreWindowLayout(*this)) resetLayout();
    view_->setFocus();  // Right/Space step at once
    statusBar()->showMessage(tr("Right/Space: step   Left/Backspace: back   Home/End   Wheel: zoom   Drag: pan"));
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openDialog);
    addFileMenuActions(file, files_);
    file->addSeparator();
    file->addAction(exports_->pictureAction());
    file->addAction(exports_->stepsAction());
    QMenu* examples = file->addMenu(tr("&Examples"));
    for (const Example& e : shippedExamples()) {
        const QString name = QString::fromStdString(e.name);
        QAction* a = examples->addAction(name, this, [this, name] {
            if (files_->maybeSave()) openExample(name);
        });
        a->setToolTip(QString::fromStdString(e.summary));
    }
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = doc_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction* redo = doc_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, view_, &GraphView::zoomIn);
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, view_, &GraphView::zoomOut);
    view->addAction(tr("&Fit graph"), QKeySequence(Qt::CTRL | Qt::Key_0), view_, &GraphView::fitGraph);
    view->addAction(tr("&Lay out again"), scene_, &GraphScene::relayout);
    view->addSeparator();
    view->addAction(chainRule_->toggleViewAction());
    view->addAction(inspector_->toggleViewAction());
    view->addAction(source_->toggleViewAction());
    view->addAction(predict_->toggleViewAction());
    view->addAction(undoHistory_->toggleViewAction());
    view->addAction(sigmoidChart_->toggleViewAction());
    view->addAction(vanishingDemo_->toggleViewAction());
    view->addAction(training_->toggleViewAction());
    view->addAction(pytorchCode_->toggleViewAction());
    view->addAction(gradientCheck_->toggleViewAction());
    view->addAction(steps_->toggleViewAction());
    view->addAction(tr("&Reset the window layout"), this, &MainWindow::resetLayout);
    view->addSeparator();
    view->addAction(presentation_->toggleAction());
    view->addAction(predictReveal_->toggleAction());
    view->addAction(predictReveal_->revealAction());
    presentation_->addPreferenceActions(view);
    // The step toolbar offers predict and reveal too (the shortcuts work with the menu bar hidden).
    predictReveal_->toggleAction()->setIconText(tr("Predict"));
    steps_->addSeparator();
    steps_->addAction(predictReveal_->toggleAction());
    steps_->addAction(predictReveal_->revealAction());

    QMenu* graph = menuBar()->addMenu(tr("&Graph"));
    graph->addAction(tr("Add &MSE loss…"), this, [this] {
        AddLossDialog dialog(doc_, this);
        if (dialog.exec() == QDialog::Accepted)
            statusBar()->showMessage(tr("Added %1: it is the root now (Ctrl+Z takes it back)").arg(dialog.addedLoss()), 10000);
    });
}

void MainWindow::resetLayout() {
    if (presentation_->isActive()) presentation_->leave();
    restoreState(defaultState_);
    applyDefaultArrangement(*this, {source_, inspector_, chainRule_, chainRule_->heightForLines(5)});
}

void MainWindow::setDocumentTitle(const QString& title) {
    setWindowTitle(tr("%1[*] — Backprop Studio").arg(title));
}

QString MainWindow::openFile(const QString& path) { return files_->open(path); }

void MainWindow::openExample(const QString& name) {
    const Example* e = findExample(name.toStdString());
    if (!e) return;
    try {
        doc_->setProgram(parseProgram(e->source, e->name + ".bpg"), QString::fromStdString(e->source));
        files_->showUntitled(name);
    } catch (const std::exception& ex) {
        QMessageBox::warning(this, tr("Cannot open the example"), QString::fromStdString(ex.what()));
    }
}

void MainWindow::openDialog() { files_->openWithDialog(); }

void MainWindow::closeEvent(QCloseEvent* event) {
    if (presentation_->isActive()) presentation_->leave();  // also puts hand-placed nodes back
    if (!files_->maybeSave()) {
        event->ignore();
        return;
    }
    saveWindowLayout(*this);
    files_->endSession();
    event->accept();
}

}  // namespace bp
