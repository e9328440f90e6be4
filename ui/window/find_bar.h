// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edit > Find node (Ctrl+F): a bar over the canvas where typing a name selects the first node
// whose name contains it (any case) and centres the view on it (zooming in to 100% when the graph
// is shown too small to read); Enter or F3 goes to the next
// match, Shift+Enter or Shift+F3 to the previous one, Esc closes the bar.
#include <QToolBar>
#include <vector>

#include "core/graph/graph.h"

class QLabel;
class QLineEdit;

namespace bp {

class GraphDocument;
class GraphScene;
class GraphView;

class FindBar : public QToolBar {
    Q_OBJECT
public:
    FindBar(GraphDocument* doc, GraphScene* scene, GraphView* view, QWidget* parent = nullptr);

    QAction* findAction() const { return find_; }
    QAction* nextAction() const { return next_; }
    QAction* previousAction() const { return previous_; }
    QLineEdit* field() const { return field_; }
    // The nodes that match the text, in the graph's order (exact names first), and the current one.
    const std::vector<NodeId>& matches() const { return matches_; }
    int current() const { return current_; }

    // Finds `text` as if typed (an empty text finds nothing).
    void search(const QString& text);
    void showNext() { go(+1); }
    void showPrevious() { go(-1); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void open();
    void close();
    void go(int delta);
    void showCurrent();

    GraphDocument* doc_;
    GraphScene* scene_;
    GraphView* view_;
    QLineEdit* field_;
    QLabel* count_;
    QAction* find_;
    QAction* next_;
    QAction* previous_;
    std::vector<NodeId> matches_;
    int current_ = -1;
};

}  // namespace bp
