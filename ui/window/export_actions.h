// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Export picture… and Export all steps…: the dialogs, the progress of a step export (it
// can be cancelled), and the last folder and format remembered between runs.
#include <QObject>
#include <functional>

class QAction;
class QWidget;

namespace bp {

class GraphDocument;
class GraphScene;

class ExportActions : public QObject {
    Q_OBJECT
public:
    // `documentName` names the pictures ("mlp-1-2-2", "model2.onnx"); empty gives "graph".
    ExportActions(GraphDocument* doc, GraphScene* scene, QWidget* window, std::function<QString()> documentName = {});
    QAction* pictureAction() const { return picture_; }
    QAction* stepsAction() const { return steps_; }

    void exportPicture();
    void exportAllSteps();

signals:
    void message(const QString& text);  // for the status bar

private:
    // The file or folder an export starts from: the last one used, else the pictures folder.
    QString startFolder() const;
    void remember(const QString& folder, const QString& suffix, double scale);
    QString baseName() const;

    GraphDocument* doc_;
    GraphScene* scene_;
    QWidget* window_;
    std::function<QString()> documentName_;
    QAction* picture_;
    QAction* steps_;
};

}  // namespace bp
