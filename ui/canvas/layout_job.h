// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The core's layered layout run on a worker thread, for graphs whose layout takes longer than a
// frame (a huge import, a network expanded to scalars): the window stays responsive and shows
// the progress. Starting a new job drops the one running (its result is never delivered).
#include <QFutureWatcher>
#include <QObject>
#include <vector>

#include "core/layout/layered_layout.h"

namespace bp {

class LayoutJob : public QObject {
    Q_OBJECT
public:
    explicit LayoutJob(QObject* parent = nullptr);
    // Stops the running layout (at its next progress check) and waits for the thread.
    ~LayoutJob() override;

    void start(std::vector<LayoutSize> sizes, std::vector<LayoutEdge> edges, LayoutOptions options);
    void cancel();
    bool running() const { return watcher_ != nullptr; }
    double progress() const { return progress_; }
    // The finished layout, once: valid after finished() until the next start().
    LayoutResult takeResult() { return std::move(result_); }
    // Blocks until the running layout is done and delivered (tests, exports from the command line).
    void waitForFinished();

signals:
    void progressChanged(double fraction);
    void finished();

private:
    void deliver();
    QFutureWatcher<LayoutResult>* watcher_ = nullptr;
    LayoutResult result_;
    double progress_ = 0;
};

}  // namespace bp
