// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/canvas/canvas_style.h"
#include "ui/canvas/scene_export.h"

namespace bp {

ExportDialog::ExportDialog(Target target, const GraphScene& scene, const QString& stepsNote, QWidget* parent)
    : QDialog(parent), target_(target), path_(new QLineEdit), format_(new QComboBox), problem_(new QLabel) {
    setWindowTitle(target == Target::Picture ? tr("Export picture") : tr("Export all steps"));
    for (int scale : {1, 2, 3}) {
        const QSize px = exportPixelSize(scene, scale);
        format_->addItem(tr("PNG %1x (%2 × %3 pixels)").arg(scale).arg(px.width()).arg(px.height()), scale);
    }
    format_->addItem(tr("SVG (a drawing, sharp at any size)"), 0);
    format_->setCurrentIndex(1);  // 2x: sharp on a projector and on slides

    auto* browse = new QPushButton(tr("Browse…"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse);
    path_->setMinimumWidth(420);

    auto* form = new QFormLayout;
    form->addRow(target == Target::Picture ? tr("File:") : tr("Folder:"), pathRow);
    form->addRow(tr("Format:"), format_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    if (!stepsNote.isEmpty()) {
        auto* note = new QLabel(stepsNote);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: %1").arg(style::kGradient.name()));
    problem_->hide();
    layout->addWidget(problem_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChosen);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
}

void ExportDialog::setPath(const QString& path) {
    path_->setText(QDir::toNativeSeparators(path));
    formatChosen();
}

QString ExportDialog::path() const { return QDir::fromNativeSeparators(path_->text().trimmed()); }
QString ExportDialog::suffix() const { return format_->currentData().toInt() == 0 ? QStringLiteral("svg") : QStringLiteral("png"); }
double ExportDialog::scale() const { return std::max(1, format_->currentData().toInt()); }

void ExportDialog::setFormat(const QString& suffix, double scale) {
    const int wanted = suffix == QLatin1String("svg") ? 0 : int(scale);
    const int index = format_->findData(wanted);
    if (index >= 0) format_->setCurrentIndex(index);
}

// A picture's file name follows the format: picture.png becomes picture.svg.
void ExportDialog::formatChosen() {
    if (target_ != Target::Picture || path().isEmpty()) return;
    const QFileInfo info(path());
    const QString wanted = info.path() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.') + suffix();
    if (info.suffix().toLower() != suffix()) path_->setText(QDir::toNativeSeparators(wanted));
}

void ExportDialog::browse() {
    QString chosen;
    if (target_ == Target::Picture) {
        const QString filter = suffix() == QLatin1String("svg") ? tr("SVG drawing (*.svg)") : tr("PNG image (*.png)");
        chosen = QFileDialog::getSaveFileName(this, tr("Export picture"), path(), filter);
    } else {
        chosen = QFileDialog::getExistingDirectory(this, tr("Folder for the step pictures"), path());
    }
    if (!chosen.isEmpty()) setPath(chosen);
}

void ExportDialog::showProblem(const QString& text) {
    problem_->setText(text);
    problem_->show();
}

void ExportDialog::accept() {
    const QString chosen = path();
    if (chosen.isEmpty()) return showProblem(target_ == Target::Picture ? tr("Choose a file to write.") : tr("Choose a folder."));
    const QFileInfo info(chosen);
    if (target_ == Target::Picture) {
        if (info.isDir()) return showProblem(tr("“%1” is a folder; add a file name.").arg(chosen));
        if (!QFileInfo(info.path()).isDir()) return showProblem(tr("The folder “%1” does not exist.").arg(info.path()));
        formatChosen();  // a name typed without the suffix gets it
    } else if (info.exists() && !info.isDir()) {
        return showProblem(tr("“%1” is a file, not a folder.").arg(chosen));
    }
    QDialog::accept();
}

}  // namespace bp
