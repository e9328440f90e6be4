// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Answers the message boxes a test provokes, as a user would: waits for the next modal
// QMessageBox, records what it says, and clicks the button with the given text.
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace bp::test {

class MessageBoxAnswer : public QObject {
public:
    // Clicks the button whose text (without '&') is `button` in each of the next `count` boxes.
    explicit MessageBoxAnswer(QString button, int count = 1) : button_(std::move(button)), left_(count) {
        connect(&timer_, &QTimer::timeout, this, &MessageBoxAnswer::poll);
        timer_.start(10);
    }

    int answered() const { return int(texts_.size()); }
    // What each box said: its text, a blank line, its informative text.
    const QStringList& texts() const { return texts_; }
    QString lastText() const { return texts_.isEmpty() ? QString() : texts_.last(); }
    const QStringList& buttonsSeen() const { return buttons_; }

private:
    void poll() {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box->property("answeredByTest").toBool()) return;
        box->setProperty("answeredByTest", true);
        texts_ << box->text() + QStringLiteral("\n\n") + box->informativeText();
        QAbstractButton* target = nullptr;
        buttons_.clear();
        for (QAbstractButton* b : box->buttons()) {
            QString text = b->text();
            text.remove(QLatin1Char('&'));
            buttons_ << text;
            if (text == button_) target = b;
        }
        if (target) target->click();
        else box->reject();  // a test that names a button the box does not have fails on its result
        if (--left_ == 0) timer_.stop();
    }

    QString button_;
    int left_;
    QTimer timer_;
    QStringList texts_;
    QStringList buttons_;
};

}  // namespace bp::test
