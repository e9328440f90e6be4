// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The chain-rule panel: the current step written as arithmetic with the numbers filled in.
#include <QDockWidget>

class QLabel;

namespace bp {

class GraphDocument;

class ChainRuleDock : public QDockWidget {
    Q_OBJECT
public:
    explicit ChainRuleDock(GraphDocument* document, QWidget* parent = nullptr);
    QString titleText() const;
    QString bodyText() const;
    void setLargeType(bool large);

private:
    void refresh();
    GraphDocument* doc_;
    QLabel* title_;
    QLabel* body_;
};

}  // namespace bp
