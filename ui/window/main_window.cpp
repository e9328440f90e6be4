// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/main_window.h"
#include "ui/document/parse_error_text.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QSignalBlocker>
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
#include "ui/files/dropped_files.h"
#include "ui/files/file_menu.h"
#include "ui/panels/chain_rule_dock.h"
#include "ui/panels/inspector_dock.h"
#include "ui/panels/gradient_check_dock.h"
#include "ui/panels/predict_dock.h"
#include "ui/panels/pytorch_code_dock.h"
#include "ui/panels/source_dock.h"
#include "ui/panels/source_editor.h"
#include "ui/panels/sigmoid_chart_dock.h"
#include "ui/panels/training_dock.h"
#include "ui/panels/vanishing_demo_dock.h"
#include "ui/window/add_loss_dialog.h"
#include "ui/window/rename_dialog.h"
#include "ui/window/export_actions.h"
#include "ui/window/find_bar.h"
#include "ui/window/help_menu.h"
#include "ui/window/interface_language.h"
#include "ui/window/predict_reveal.h"
#include "ui/window/presentation_mode.h"
#include "ui/window/step_toolbar.h"
#include "ui/window/undo_actions.h"
#include "ui/window/window_layout.h"

namespace bp {
namespace {
// Narrower than this, the default arrangement keeps no panel beside the canvas.
constexpr int kNarrowWindow = 1500;
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), doc_(new GraphDocument(this)) {
    scene_ = new GraphScene(doc_, this);
    view_ = new GraphView(scene_);
    setCentralWidget(view_);
    files_ = new DocumentFiles(doc_, scene_, view_, this);
    connect(files_, &DocumentFiles::titleChanged, this, &MainWindow::setDocumentTitle);
    connect(doc_, &GraphDocument::modifiedChanged, this, &QWidget::setWindowModified);
    connect(files_, &DocumentFiles::message, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    buildAutosaveBadge();
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
    connect(files_, &DocumentFiles::sourceSetAside, source_, &SourceDock::showNote);
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
    connect(predictReveal_, &PredictReveal::hidingChanged, steps_, &StepToolBar::setRevealPending);
    presentation_ = new PresentationMode(this, scene_, view_, steps_, chainRule_, predictReveal_);
    presentation_->setCharts(sigmoidChart_, vanishingDemo_, training_);
    find_ = new FindBar(doc_, scene_, view_, this);
    addToolBarBreak(Qt::TopToolBarArea);  // a row of its own under the step buttons, when open
    addToolBar(Qt::TopToolBarArea, find_);
    connect(source_->editor(), &SourceEditor::fileDropped, files_, &DocumentFiles::openInteractively);
    setAcceptDrops(true);
    renameAction_ = new QAction(tr("Re&name…"), this);
    renameAction_->setShortcut(QKeySequence(Qt::Key_F2));
    renameAction_->setToolTip(tr("A new name for the selected node, in the graph and everywhere in the source (F2)"));
    renameAction_->setEnabled(false);
    connect(renameAction_, &QAction::triggered, this, &MainWindow::renameSelected);
    connect(doc_, &GraphDocument::selectionChanged, renameAction_, [this] { renameAction_->setEnabled(doc_->selectedNode() >= 0); });
    addAction(renameAction_);
    buildMenus();
    // The canvas gets the room: the charts open from the View menu (as tabs on the right), the
    // inspector shows itself while a node is selected.
    for (QDockWidget* dock : std::initializer_list<QDockWidget*>{inspector_, sigmoidChart_, vanishingDemo_, training_})
        dock->hide();
    connect(doc_, &GraphDocument::selectionChanged, this, &MainWindow::showInspectorForSelection);
    // The default arrangement, or the user's from the last run (widget tests always start from the default).
    defaultState_ = saveState();
    if (QStandardPaths::isTestModeEnabled() || !restoreWindowLayout(*this)) resetLayout();
    view_->setFocus();  // Right/Space step at once
    statusBar()->showMessage(tr("Right/Space: step   Left/Backspace: back   Home/End   Wheel: zoom   Drag: pan"));
}

// The children outlive this body (QWidget deletes them later): none of their signals may reach
// the window while it is torn down.
MainWindow::~MainWindow() {
    delete undoActions_;  // it reads the Source panel, which goes first
    for (QObject* child : findChildren<QObject*>()) QObject::disconnect(child, nullptr, this, nullptr);
}

// While autosave cannot protect the work, a lasting mark in the status bar says so (a message
// alone passes in ten seconds), with the reason in its tooltip.
void MainWindow::buildAutosaveBadge() {
    autosaveBadge_ = new QLabel(this);
    autosaveBadge_->setObjectName(QStringLiteral("AutosaveBadge"));
    autosaveBadge_->setText(tr("⚠ Autosave is off: save your work yourself (Ctrl+S)"));
    autosaveBadge_->setStyleSheet(QStringLiteral("QLabel { color: white; background: #b3261e; padding: 1px 6px; }"));
    autosaveBadge_->hide();
    statusBar()->addPermanentWidget(autosaveBadge_);
    connect(files_, &DocumentFiles::autosaveTrouble, this, [this](const QString& reason) {
        autosaveBadge_->setToolTip(reason);
        autosaveBadge_->setVisible(!reason.isEmpty());
    });
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newGraph = file->addAction(tr("&New"), QKeySequence(Qt::CTRL | Qt::Key_N), this, &MainWindow::newGraph);
    newGraph->setToolTip(tr("A new graph from a small template: a neuron and its loss"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openDialog)
        ->setToolTip(tr("Open a .bpg graph, a .bps document or an .onnx model"));
    addFileMenuActions(file, files_);
    file->addSeparator();
    file->addAction(exports_->pictureAction());
    file->addAction(exports_->stepsAction());
    QMenu* examples = file->addMenu(tr("&Examples"));
    for (const Example& e : shippedExamples(exampleLanguage())) {
        const QString name = QString::fromStdString(e.name);
        QAction* a = examples->addAction(name, this, [this, name] {
            if (files_->maybeSave()) openExample(name);
        });
        a->setToolTip(QString::fromStdString(e.summary));
    }
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence(Qt::CTRL | Qt::Key_W), this, &QWidget::close)
        ->setToolTip(tr("Close this window (asks about unsaved work)"));
    file->addAction(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), this, &QWidget::close)
        ->setToolTip(tr("Close the window (asks about unsaved work)"));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    // One undo: the typing in the Source panel while it is not applied, else the graph's edits.
    undoActions_ = new UndoActions(doc_, source_, this);
    edit->addAction(undoActions_->undoAction());
    edit->addAction(undoActions_->redoAction());
    edit->addSeparator();
    edit->addAction(renameAction_);
    // The find bar's next and previous work from the menu too (F3 with the bar closed).
    edit->addAction(find_->findAction());
    edit->addAction(find_->nextAction());
    edit->addAction(find_->previousAction());

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, view_, &GraphView::zoomIn);
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, view_, &GraphView::zoomOut);
    view->addAction(tr("&Fit graph"), QKeySequence(Qt::CTRL | Qt::Key_0), view_, &GraphView::fitGraph);
    QAction* legend = view->addAction(tr("Show the l&egend"));
    legend->setCheckable(true);
    legend->setChecked(view_->legendVisible());
    legend->setToolTip(tr("Show or hide the strip under the canvas that says what the colours mean"));
    connect(legend, &QAction::toggled, view_, &GraphView::setLegendVisible);
    view->addAction(tr("&Lay out again"), scene_, &GraphScene::relayout)
        ->setToolTip(tr("Place every node again by the automatic layout (nodes moved by hand too)"));
    QAction* fullScreen = view->addAction(tr("F&ull screen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    fullScreen->setToolTip(tr("The window over the whole screen, with its panels (F11; F5 presents)"));
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        if (presentation_->isActive()) return;  // F5's full screen is left with Esc
        on ? showFullScreen() : showNormal();
    });
    fullScreen_ = fullScreen;
    view->addSeparator();
    const std::pair<QDockWidget*, const char*> panels[] = {
        {chainRule_, QT_TR_NOOP("Show or hide the chain rule of the current step")},
        {inspector_, QT_TR_NOOP("Show or hide the inspector: the selected node whole, sliders for a leaf")},
        {source_, QT_TR_NOOP("Show or hide the .bpg text of the graph")},
        {predict_, QT_TR_NOOP("Show or hide the change of the loss an edit predicts and the change that happened")},
        {undoHistory_, QT_TR_NOOP("Show or hide the list of edits (click one to go back to it)")},
        {sigmoidChart_, QT_TR_NOOP("Show or hide σ(z) and σ′(z) with the z of every sigmoid node")},
        {vanishingDemo_, QT_TR_NOOP("Show or hide the vanishing-gradient demo: deep chains of sigmoid, tanh or relu")},
        {training_, QT_TR_NOOP("Show or hide training with SGD and the loss curve")},
        {pytorchCode_, QT_TR_NOOP("Show or hide the PyTorch script that computes the same numbers")},
        {gradientCheck_, QT_TR_NOOP("Show or hide the comparison of every gradient with central differences")}};
    for (const auto& [dock, tip] : panels) {
        dock->toggleViewAction()->setToolTip(tr(tip));
        view->addAction(dock->toggleViewAction());
    }
    steps_->toggleViewAction()->setToolTip(tr("Show or hide the step buttons"));
    view->addAction(steps_->toggleViewAction());
    view->addAction(tr("&Reset the window layout"), this, &MainWindow::resetLayout)
        ->setToolTip(tr("Put every panel back where it was at the first start"));
    view->addSeparator();
    view->addAction(presentation_->toggleAction());
    view->addAction(predictReveal_->toggleAction());
    view->addAction(predictReveal_->revealAction());
    presentation_->addPreferenceActions(view);
    view->addSeparator();
    view->addMenu(languageMenu(this));
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
    })->setToolTip(tr("Give a model that ends at its output a loss to train: mse(output, target)"));

    addHelpMenu(this, examples);
    // Every menu shows its entries' tooltips (what an entry without a shortcut does).
    for (QMenu* menu : menuBar()->findChildren<QMenu*>()) menu->setToolTipsVisible(true);
}

void MainWindow::renameSelected() {
    const NodeId id = doc_->selectedNode();
    if (id < 0) return;
    RenameDialog dialog(doc_, id, this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Renamed: the source says %1 everywhere (Ctrl+Z takes it back)")
                                     .arg(QString::fromStdString(doc_->graph().node(id).name())), 10000);
}

void MainWindow::showInspectorForSelection() {
    if (presentation_->isActive()) return;
    if (doc_->selectedNode() >= 0) {
        if (inspector_->isHidden()) {
            inspector_->show();
            inspector_->raise();
            inspectorShownForSelection_ = true;
        }
    } else if (inspectorShownForSelection_) {
        inspector_->hide();
        inspectorShownForSelection_ = false;
    }
}

void MainWindow::newGraph() {
    if (!files_->maybeSave()) return;
    const QString comments =
        tr("# A new graph: leaves first (input, param, const), then one op per line.\n"
           "# The last line is the root of the backward pass. F1 lists every operator and function.\n");
    const std::string text = comments.toStdString() +
        "input x = 1\n"
        "param w = 0.5\n"
        "param b = 0\n"
        "const target = 1\n"
        "z = w * x + b\n"
        "y = sigmoid(z)\n"
        "loss = mse(y, target)\n";
    doc_->setProgram(parseProgram(text, "untitled.bpg"), QString::fromStdString(text));
    files_->showUntitled(tr("Untitled"));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedGraphFiles(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QStringList files = droppedGraphFiles(event->mimeData());
    if (files.isEmpty()) return;
    event->acceptProposedAction();
    // One graph a window: the first file (after asking about unsaved work).
    QTimer::singleShot(0, this, [this, path = files.front()] { files_->openInteractively(path); });
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange && fullScreen_) {
        const QSignalBlocker quiet(fullScreen_);  // follows the window; does not act
        fullScreen_->setChecked(isFullScreen() && !presentation_->isActive());
    }
}

void MainWindow::resetLayout() {
    if (presentation_->isActive()) presentation_->leave();
    restoreState(defaultState_);
    // On a small screen (a 1280x720 projector) the source joins the chain rule's tabs under the
    // canvas, which then has the window's whole width.
    const QScreen* screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    const bool narrow = screen && defaultWindowGeometry(screen->availableGeometry()).width() < kNarrowWindow;
    if (narrow) {
        tabifyDockWidget(chainRule_, source_);
        tabifyDockWidget(chainRule_, undoHistory_);
        chainRule_->raise();
    }
    applyDefaultArrangement(*this, {narrow ? nullptr : source_, inspector_, chainRule_, chainRule_->heightForLines(5)});
}

void MainWindow::setDocumentTitle(const QString& title) {
    setWindowTitle(tr("%1[*] — Backprop Studio").arg(title));
}

QString MainWindow::openFile(const QString& path) { return files_->open(path); }

void MainWindow::openExample(const QString& name) {
    const Example* e = findExample(name.toStdString(), exampleLanguage());
    if (!e) return;
    try {
        doc_->setProgram(parseProgram(e->source, e->name + ".bpg"), QString::fromStdString(e->source));
        files_->showUntitled(name);
    } catch (const std::exception& ex) {
        QMessageBox::warning(this, tr("Cannot open the example"), errorText(ex));
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
