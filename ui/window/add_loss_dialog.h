// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Graph > Add MSE loss…: asks for the target (prefilled with zeros of the output's shape) and
// adds the loss as one undo step. What does not parse, or has the wrong shape, is explained
// under the field, and the dialog stays open to be corrected.
#include <QDialog>

class QLabel;
class QLineEdit;

namespace bp {

class GraphDocument;

class AddLossDialog : public QDialog {
    Q_OBJECT
public:
    explicit AddLossDialog(GraphDocument* doc, QWidget* parent = nullptr);

    QLineEdit* targetEdit() const { return target_; }
    QString errorText() const;
    // The loss's name once added ("loss", or "loss_2" when taken).
    const QString& addedLoss() const { return added_; }

    // Parses the target and adds the loss; on a problem shows it and stays open.
    void accept() override;

private:
    GraphDocument* doc_;
    QLineEdit* target_;
    QLabel* error_;
    QString added_;
};

}  // namespace bp
