// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/application_identity.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QStandardPaths>

namespace bp {
namespace {

const QString kName = QStringLiteral("backprop-studio");
const QString kOldName = QStringLiteral("Backprop Studio");

// Earlier versions kept settings in "<config>/Backprop Studio/Backprop Studio.conf" and autosaves
// in "<data>/Backprop Studio/Backprop Studio/"; moved once, never overwriting.
void migrateOldLocations() {
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString oldConf = config + QLatin1Char('/') + kOldName + QLatin1Char('/') + kOldName + QStringLiteral(".conf");
    const QString newConf = config + QLatin1Char('/') + kName + QLatin1Char('/') + kName + QStringLiteral(".conf");
    if (QFileInfo::exists(oldConf) && !QFileInfo::exists(newConf)) {
        QDir().mkpath(QFileInfo(newConf).path());
        QFile::copy(oldConf, newConf);
    }
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    const QString oldData = data + QLatin1Char('/') + kOldName + QLatin1Char('/') + kOldName;
    const QString newData = data + QLatin1Char('/') + kName + QLatin1Char('/') + kName;
    if (QFileInfo(oldData).isDir() && !QFileInfo::exists(newData)) {
        QDir().mkpath(QFileInfo(newData).path());
        QDir().rename(oldData, newData);
    }
}

}  // namespace

void setApplicationIdentity(QApplication& app) {
    QApplication::setOrganizationName(kName);
    QApplication::setApplicationName(kName);
    QApplication::setApplicationDisplayName(QStringLiteral("Backprop Studio"));
    QApplication::setApplicationVersion(QStringLiteral(BPS_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.backprop_studio.BackpropStudio"));
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.backprop_studio.BackpropStudio.svg")));
    migrateOldLocations();
}

}  // namespace bp
