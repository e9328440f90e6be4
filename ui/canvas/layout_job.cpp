// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/layout_job.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace bp {
namespace {

constexpr int kProgressSteps = 1000;

void runLayout(QPromise<LayoutResult>& promise, const std::vector<LayoutSize>& sizes,
               const std::vector<LayoutEdge>& edges, LayoutOptions options) {
    promise.setProgressRange(0, kProgressSteps);
    options.progress = [&promise](double fraction) {
        promise.setProgressValue(int(fraction * kProgressSteps));
        return !promise.isCanceled();
    };
    LayoutResult result = layeredLayout(sizes, edges, options);
    if (result.complete) promise.addResult(std::move(result));
}

}  // namespace

LayoutJob::LayoutJob(QObject* parent) : QObject(parent) {}

LayoutJob::~LayoutJob() {
    if (!watcher_) return;
    QFuture<LayoutResult> future = watcher_->future();
    future.cancel();
    future.waitForFinished();
}

void LayoutJob::start(std::vector<LayoutSize> sizes, std::vector<LayoutEdge> edges, LayoutOptions options) {
    cancel();
    progress_ = 0;
    watcher_ = new QFutureWatcher<LayoutResult>(this);
    QFutureWatcher<LayoutResult>* watcher = watcher_;
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, watcher](int value) {
        if (watcher != watcher_) return;
        progress_ = double(value) / kProgressSteps;
        emit progressChanged(progress_);
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        if (watcher == watcher_) deliver();
        watcher->deleteLater();
    });
    options.progress = nullptr;
    watcher->setFuture(QtConcurrent::run(runLayout, std::move(sizes), std::move(edges), std::move(options)));
}

void LayoutJob::cancel() {
    if (!watcher_) return;
    // The old thread stops at its next progress check; its watcher deletes itself when it ends.
    watcher_->future().cancel();
    watcher_ = nullptr;
}

void LayoutJob::waitForFinished() {
    if (!watcher_) return;
    watcher_->waitForFinished();
    deliver();
}

void LayoutJob::deliver() {
    if (!watcher_) return;
    QFuture<LayoutResult> future = watcher_->future();
    watcher_ = nullptr;
    if (future.isCanceled() || future.resultCount() == 0) return;
    result_ = future.takeResult();
    progress_ = 1;
    emit finished();
}

}  // namespace bp
