// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where and how to export the canvas: a file (one picture) or a folder (every step of the
// phase), and the format: PNG at 1x, 2x or 3x with the size in pixels shown, or SVG.
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace bp {

class GraphScene;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Target { Picture, Steps };
    // `stepsNote`: for Steps, what will be written ("12 pictures, one per backward step").
    ExportDialog(Target target, const GraphScene& scene, const QString& stepsNote, QWidget* parent = nullptr);

    void setPath(const QString& path);
    // The file (with the format's suffix) or the folder chosen.
    QString path() const;
    QString suffix() const;  // "png" or "svg"
    double scale() const;    // 1, 2 or 3 for PNG
    void setFormat(const QString& suffix, double scale);

    void accept() override;

private:
    void browse();
    void formatChosen();
    void showProblem(const QString& text);
    Target target_;
    QLineEdit* path_;
    QComboBox* format_;
    QLabel* problem_;
};

}  // namespace bp
