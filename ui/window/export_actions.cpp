// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/export_actions.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>

#include "ui/canvas/graph_scene.h"
#include "ui/canvas/scene_export.h"
#include "ui/document/graph_document.h"
#include "ui/window/export_dialog.h"
#include "ui/window/step_export.h"

namespace bp {
namespace {
const QString kFolderKey = QStringLiteral("export/folder");
const QString kFormatKey = QStringLiteral("export/format");
const QString kScaleKey = QStringLiteral("export/scale");
}  // namespace

ExportActions::ExportActions(GraphDocument* doc, GraphScene* scene, QWidget* window,
                             std::function<QString()> documentName)
    : QObject(window), doc_(doc), scene_(scene), window_(window), documentName_(std::move(documentName)) {
    picture_ = new QAction(tr("Export &picture…"), this);
    picture_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    picture_->setToolTip(tr("The canvas as it shows now, as PNG (1x, 2x, 3x) or SVG, for slides"));
    steps_ = new QAction(tr("Export all s&teps…"), this);
    steps_->setToolTip(tr("One numbered picture per step of the current phase, for a slide deck"));
    connect(picture_, &QAction::triggered, this, &ExportActions::exportPicture);
    connect(steps_, &QAction::triggered, this, &ExportActions::exportAllSteps);
    auto enable = [this] {
        picture_->setEnabled(!doc_->isEmpty());
        steps_->setEnabled(!doc_->isEmpty());
    };
    connect(doc_, &GraphDocument::programReplaced, this, enable);
    enable();
}

QString ExportActions::startFolder() const {
    const QString last = QSettings().value(kFolderKey).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir()) return last;
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return pictures.isEmpty() ? QDir::homePath() : pictures;
}

void ExportActions::remember(const QString& folder, const QString& suffix, double scale) {
    QSettings settings;
    settings.setValue(kFolderKey, folder);
    settings.setValue(kFormatKey, suffix);
    settings.setValue(kScaleKey, scale);
}

// The picture's name: the document's (file or example) without its suffix, else "graph".
QString ExportActions::baseName() const {
    QString name = documentName_ ? documentName_() : QString();
    if (name.isEmpty()) name = QFileInfo(doc_->filePath()).fileName();
    name = QFileInfo(name).completeBaseName();
    return name.isEmpty() ? QStringLiteral("graph") : name;
}

void ExportActions::exportPicture() {
    if (doc_->isEmpty()) return;
    ExportDialog dialog(ExportDialog::Target::Picture, *scene_, QString(), window_);
    QSettings settings;
    dialog.setFormat(settings.value(kFormatKey, QStringLiteral("png")).toString(), settings.value(kScaleKey, 2).toDouble());
    dialog.setPath(QDir(startFolder()).filePath(baseName() + QStringLiteral(".png")));
    if (dialog.exec() != QDialog::Accepted) return;
    const QString path = dialog.path();
    if (QFileInfo::exists(path) &&
        QMessageBox::question(window_, tr("Export picture"), tr("“%1” exists. Replace it?").arg(QFileInfo(path).fileName()),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    QString error;
    if (!exportScene(*scene_, path, dialog.scale(), &error)) {
        QMessageBox::warning(window_, tr("Cannot export the picture"), error);
        return;
    }
    remember(QFileInfo(path).path(), dialog.suffix(), dialog.scale());
    emit message(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
}

void ExportActions::exportAllSteps() {
    if (doc_->isEmpty()) return;
    const PhaseSteps steps = currentPhaseSteps(doc_->cursor());
    const QString phase = steps.phase == Phase::Backward ? tr("backward") : tr("forward");
    if (steps.count == 0) {
        QMessageBox::information(window_, tr("Export all steps"), tr("The %1 phase has no steps.").arg(phase));
        return;
    }
    // The names without their ending: the format (PNG or SVG) is chosen in the dialog.
    auto stem = [&](int number) { return QFileInfo(stepFileName(number, steps.count, QStringLiteral("png"))).completeBaseName(); };
    const QString note = tr("Writes %1 pictures, %2 … %3 (.png or .svg, as chosen below), one per step of the %4 "
                            "phase (the phase the cursor is in; step into the other phase first to export that one).")
                             .arg(steps.count)
                             .arg(stem(1), stem(steps.count), phase);
    ExportDialog dialog(ExportDialog::Target::Steps, *scene_, note, window_);
    QSettings settings;
    dialog.setFormat(settings.value(kFormatKey, QStringLiteral("png")).toString(), settings.value(kScaleKey, 2).toDouble());
    dialog.setPath(QDir(startFolder()).filePath(baseName() + QLatin1Char('-') + phase));
    if (dialog.exec() != QDialog::Accepted) return;
    const QString folder = dialog.path();

    // Old step pictures would mix into the new deck: replace them all, after asking.
    const QStringList old = existingStepFiles(folder);
    if (!old.isEmpty()) {
        if (QMessageBox::question(window_, tr("Export all steps"),
                                  tr("“%1” already holds %n step picture(s). Replace them?", nullptr, int(old.size()))
                                      .arg(QDir::toNativeSeparators(folder)),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
            return;
        for (const QString& file : old) QFile::remove(file);
    }

    QProgressDialog progress(tr("Drawing the steps…"), tr("Cancel"), 0, steps.count, window_);
    progress.setWindowTitle(tr("Export all steps"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    const StepExportResult result =
        exportSteps(*doc_, *scene_, folder, dialog.suffix(), dialog.scale(), [&progress](int done, int total) {
            progress.setLabelText(tr("Drawing step %1 of %2…").arg(std::min(done + 1, total)).arg(total));
            progress.setValue(done);
            return !progress.wasCanceled();
        });
    progress.reset();
    remember(folder, dialog.suffix(), dialog.scale());
    if (!result.error.isEmpty()) {
        QMessageBox::warning(window_, tr("Cannot export the steps"),
                             tr("%1\n\n%n picture(s) were written before the problem.", nullptr, int(result.files.size()))
                                 .arg(result.error));
        return;
    }
    if (result.cancelled) {
        emit message(tr("Cancelled: %n of %1 pictures written to %2", nullptr, int(result.files.size()))
                         .arg(steps.count)
                         .arg(QDir::toNativeSeparators(folder)));
        return;
    }
    emit message(tr("Wrote %n picture(s) to %1", nullptr, int(result.files.size())).arg(QDir::toNativeSeparators(folder)));
}

}  // namespace bp
