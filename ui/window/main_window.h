// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The window: an assembler of the canvas, the step toolbar and the docks around one document.
#include <QMainWindow>

class QLabel;

namespace bp {

class GraphDocument;
class GraphScene;
class GraphView;
class StepToolBar;
class ChainRuleDock;
class InspectorDock;
class SourceDock;
class PredictDock;
class SigmoidChartDock;
class VanishingDemoDock;
class TrainingDock;
class PyTorchCodeDock;
class GradientCheckDock;
class DocumentFiles;
class ExportActions;
class PredictReveal;
class PresentationMode;
class FindBar;
class UndoActions;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a .bpg, .json or .onnx file. On failure returns the message (and keeps the open
    // graph); an empty string means success.
    QString openFile(const QString& path);
    void openExample(const QString& name);

    GraphDocument* document() const { return doc_; }
    GraphScene* scene() const { return scene_; }
    GraphView* view() const { return view_; }
    StepToolBar* stepToolBar() const { return steps_; }
    ChainRuleDock* chainRuleDock() const { return chainRule_; }
    InspectorDock* inspectorDock() const { return inspector_; }
    SourceDock* sourceDock() const { return source_; }
    PredictDock* predictDock() const { return predict_; }
    QDockWidget* undoHistoryDock() const { return undoHistory_; }
    SigmoidChartDock* sigmoidChartDock() const { return sigmoidChart_; }
    VanishingDemoDock* vanishingDemoDock() const { return vanishingDemo_; }
    TrainingDock* trainingDock() const { return training_; }
    PyTorchCodeDock* pytorchCodeDock() const { return pytorchCode_; }
    GradientCheckDock* gradientCheckDock() const { return gradientCheck_; }
    DocumentFiles* files() const { return files_; }
    ExportActions* exportActions() const { return exports_; }
    PresentationMode* presentationMode() const { return presentation_; }
    PredictReveal* predictReveal() const { return predictReveal_; }
    FindBar* findBar() const { return find_; }
    // Edit > Rename… (F2): a new name for the selected node.
    QAction* renameAction() const { return renameAction_; }
    void renameSelected();
    UndoActions* undoActions() const { return undoActions_; }
    // File > New (Ctrl+N): a small template graph, untitled (after asking about unsaved work).
    void newGraph();
    // The default arrangement of the docks and the window's size (View > Reset the window layout).
    void resetLayout();

protected:
    // Asks to save unsaved work (Save / Discard / Cancel); a clean close removes the autosave.
    void closeEvent(QCloseEvent* event) override;
    // A .bpg, .bps, .json or .onnx file dropped on the window opens (asking about unsaved work).
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildAutosaveBadge();
    void buildMenus();
    void setDocumentTitle(const QString& title);
    void openDialog();
    // The inspector shows while a node is selected (and goes when the selection does, unless it
    // was open already).
    void showInspectorForSelection();

    GraphDocument* doc_;
    GraphScene* scene_;
    GraphView* view_;
    StepToolBar* steps_;
    ChainRuleDock* chainRule_;
    InspectorDock* inspector_;
    bool inspectorShownForSelection_ = false;
    SourceDock* source_;
    PredictDock* predict_;
    QDockWidget* undoHistory_;
    SigmoidChartDock* sigmoidChart_;
    VanishingDemoDock* vanishingDemo_;
    TrainingDock* training_;
    PyTorchCodeDock* pytorchCode_;
    GradientCheckDock* gradientCheck_;
    DocumentFiles* files_;
    QLabel* autosaveBadge_ = nullptr;
    ExportActions* exports_;
    PredictReveal* predictReveal_;
    PresentationMode* presentation_;
    FindBar* find_;
    QAction* renameAction_ = nullptr;
    UndoActions* undoActions_ = nullptr;
    QAction* fullScreen_ = nullptr;
    QByteArray defaultState_;
};

}  // namespace bp
