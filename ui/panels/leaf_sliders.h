// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A slider for every entry of the selected leaf (in the inspector): drag one and every value and
// gradient follows; a whole drag is one undo step. Each slider moves its entry by a step that
// fits the number's size (0.01 below 10), 500 steps either way from where it was centred.
#include <QWidget>
#include <vector>

#include "core/graph/graph.h"

class QGridLayout;
class QLabel;
class QSlider;

namespace bp {

class GraphDocument;

class LeafSliders : public QWidget {
    Q_OBJECT
public:
    // Up to this many entries get sliders; a larger leaf is edited in the table.
    static constexpr long kMaxSliders = 16;
    static constexpr int kHalfRange = 500;

    explicit LeafSliders(GraphDocument* document, QWidget* parent = nullptr);
    int sliderCount() const { return int(entries_.size()); }
    QSlider* slider(int index) const { return entries_[index].slider; }
    QString entryLabel(int index) const;

private:
    struct Entry {
        int row = 0;
        int col = 0;
        double center = 0;  // the value at position 0
        double step = 0.01;
        QSlider* slider = nullptr;
        QLabel* name = nullptr;
        QLabel* value = nullptr;
        int mergeKey = -1;  // of the drag in progress
    };
    void rebuild();
    void sync();
    void moved(Entry& entry, int position);
    void recenter(Entry& entry, double value);

    GraphDocument* doc_;
    QGridLayout* grid_;
    QLabel* note_;
    NodeId node_ = -1;
    std::vector<Entry> entries_;
    bool syncing_ = false;
};

}  // namespace bp
