// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the chart docks share: a chart above a few lines of summary for the class (beside it in
// presentation's large type, where the screen is wide), controls of the dock's own above them, the type at the dock's or at presentation's size, and a refresh run
// only while the dock can be seen (or when someone reads it).
#include <QDockWidget>
#include <initializer_list>

class QBoxLayout;
class QLabel;
class QVBoxLayout;

namespace bp {

class GraphDocument;
class DockRefresh;
namespace charts {
class ChartFrame;
}

class ChartDock : public QDockWidget {
    Q_OBJECT
public:
    // The summary under the chart, brought up to date first.
    QString summaryText() const;
    // The chart, the summary and the controls at the dock's size or presentation's.
    void setLargeType(bool large, int screenHeight = 720);
    // Brings the chart and the summary up to date if a change is pending.
    void flush() const;
    // While the content is shown elsewhere (presentation's full screen), the dock itself is hidden
    // but every change refreshes at once.
    void setLent(bool lent);

protected:
    ChartDock(const QString& title, const QString& objectName, charts::ChartFrame* chart, GraphDocument* document,
              QWidget* parent);
    // Refreshes (through refresh()) after each of the document's `changes`, and once now.
    void refreshOn(std::initializer_list<void (GraphDocument::*)()> changes);
    virtual void refresh() = 0;
    charts::ChartFrame* frame() const { return frame_; }

    GraphDocument* doc_;
    QVBoxLayout* layout_;  // controls go above the chart (insert at 0)
    QLabel* summary_;

private:
    charts::ChartFrame* frame_;
    QBoxLayout* body_;  // the chart and the summary
    DockRefresh* refresher_ = nullptr;
    bool lent_ = false;
};

}  // namespace bp
