// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The gradient check in the window: core's checkGradients on the document's program, each leaf
// entry's analytic gradient beside its central difference, with the error and a mark, and a
// summary line. The check runs on a copy of the program in a worker thread, so a large graph
// never freezes the window; past kAskAboveEntries leaf entries it asks first.
#include <QDockWidget>
#include <QFutureWatcher>
#include <functional>
#include <memory>
#include <vector>

#include "core/graph/program.h"
#include "core/train/gradient_check.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace bp {

class GraphDocument;

class GradientCheckDock : public QDockWidget {
    Q_OBJECT
public:
    // More leaf entries than this (two forward passes each) and the check asks before it runs.
    static constexpr long kAskAboveEntries = 20'000;
    // The table lists at most this many entries (every failing one among them).
    static constexpr int kMaxRows = 5'000;
    // The mark comes right after the entry, so a narrow panel still shows it.
    enum Column { LeafColumn, EntryColumn, MarkColumn, AnalyticColumn, NumericColumn, ErrorColumn, ColumnCount };

    explicit GradientCheckDock(GraphDocument* document, QWidget* parent = nullptr);
    ~GradientCheckDock() override;

    QTableWidget* table() const { return table_; }
    QString summaryText() const;
    QPushButton* runButton() const { return run_; }
    bool isRunning() const { return watcher_.isRunning(); }

    // Starts the check of the current program (asking first when it is large).
    void runCheck();
    // Replaces the question asked before a long check (for tests); answers whether to go on.
    void setConfirmation(std::function<bool(const QString& question)> confirm) { confirm_ = std::move(confirm); }
    void setLargeType(bool large);

signals:
    void checkFinished();

private:
    void showResults();
    void fillTable(const Program& program, const std::vector<LeafCheck>& checks);
    void documentChanged();
    void setSummary(const QString& text, const QColor& color);

    GraphDocument* doc_;
    QLabel* summary_;
    QPushButton* run_;
    QTableWidget* table_;
    QFutureWatcher<std::vector<LeafCheck>> watcher_;
    std::shared_ptr<const Program> checked_;  // the program the shown (or running) check is about
    std::function<bool(const QString&)> confirm_;
    bool changedSinceCheck_ = false;
};

}  // namespace bp
