// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/guarded_application.h"

#include <QMessageBox>
#include <new>

namespace bp {

GuardedApplication::GuardedApplication(int& argc, char** argv) : QApplication(argc, argv) {}

bool GuardedApplication::notify(QObject* receiver, QEvent* event) {
    try {
        return QApplication::notify(receiver, event);
    } catch (const std::bad_alloc&) {
        QMessageBox::critical(activeWindow(), tr("Out of memory"),
                              tr("Backprop Studio ran out of memory and stopped what it was doing: the graph needs "
                                 "more memory than the program may use. Save your work, "
                                 "then make the graph's values smaller."));
        return false;
    }
}

}  // namespace bp
