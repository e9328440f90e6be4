// SPDX-License-Identifier: GPL-3.0-or-later
// The window's application: out of memory in any action (evaluating, training, checking, loading)
// is caught where Qt delivers the event that started it and shown as a message, instead of
// ending the program with the user's work (the autosave keeps it; Save is still possible).
#pragma once

#include <QApplication>

namespace bp {

class GuardedApplication : public QApplication {
    Q_OBJECT
public:
    GuardedApplication(int& argc, char** argv);
    bool notify(QObject* receiver, QEvent* event) override;
};

}  // namespace bp
