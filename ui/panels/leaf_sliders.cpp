// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/leaf_sliders.h"

#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>
#include <cmath>

#include "core/text/number_format.h"
#include "ui/canvas/canvas_style.h"
#include "core/graph/value_scrub.h"
#include "ui/document/graph_document.h"
#include "ui/document/shown_number.h"

namespace bp {

LeafSliders::LeafSliders(GraphDocument* document, QWidget* parent) : QWidget(parent), doc_(document) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    note_ = new QLabel;
    note_->setWordWrap(true);
    grid_ = new QGridLayout;
    grid_->setColumnStretch(1, 1);
    outer->addWidget(note_);
    outer->addLayout(grid_);
    connect(doc_, &GraphDocument::selectionChanged, this, &LeafSliders::rebuild);
    connect(doc_, &GraphDocument::programReplaced, this, &LeafSliders::rebuild);
    connect(doc_, &GraphDocument::valuesChanged, this, &LeafSliders::sync);
    rebuild();
}

QString LeafSliders::entryLabel(int index) const { return entries_[index].name->text(); }

void LeafSliders::rebuild() {
    for (Entry& e : entries_) {
        delete e.slider;
        delete e.name;
        delete e.value;
    }
    entries_.clear();
    const NodeId id = doc_->selectedNode();
    const bool leaf = id >= 0 && id < doc_->graph().size() && doc_->graph().node(id).isLeaf();
    node_ = leaf ? id : -1;
    if (!leaf) {
        note_->hide();
        hide();
        return;
    }
    show();
    const Node& n = doc_->graph().node(id);
    if (n.leafValue().size() > kMaxSliders) {
        note_->setText(tr("%1 has %2 entries: edit them in the table above.").arg(QString::fromStdString(n.label())).arg(n.leafValue().size()));
        note_->show();
        return;
    }
    note_->setText(tr("Drag to change a value; everything follows. One drag is one undo step."));
    note_->show();
    entries_.resize(std::size_t(n.leafValue().size()));
    int index = 0;
    for (int r = 0; r < n.leafValue().rows(); ++r)
        for (int c = 0; c < n.leafValue().cols(); ++c, ++index) {
            Entry& e = entries_[index];
            e.row = r;
            e.col = c;
            // Indexed from 0, as in PyTorch.
            e.name = new QLabel(n.leafValue().size() == 1 ? QString::fromStdString(n.name())
                                                        : QStringLiteral("%1[%2][%3]").arg(QString::fromStdString(n.name())).arg(r).arg(c));
            e.slider = new QSlider(Qt::Horizontal);
            e.slider->setRange(-kHalfRange, kHalfRange);
            e.slider->setPageStep(50);
            e.value = new QLabel;
            e.value->setMinimumWidth(90);
            e.value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            e.value->setStyleSheet(QStringLiteral("color: %1").arg(style::kValue.name()));
            grid_->addWidget(e.name, index, 0);
            grid_->addWidget(e.slider, index, 1);
            grid_->addWidget(e.value, index, 2);
            connect(e.slider, &QSlider::sliderPressed, this, [this, index] { entries_[index].mergeKey = doc_->newMergeKey(); });
            connect(e.slider, &QSlider::sliderReleased, this, [this, index] {
                Entry& entry = entries_[index];
                entry.mergeKey = -1;
                // At an end: centre again so the next drag can go further.
                if (std::abs(entry.slider->value()) == kHalfRange)
                    recenter(entry, doc_->graph().node(node_).leafValue()(entry.row, entry.col));
            });
            connect(e.slider, &QSlider::valueChanged, this, [this, index](int position) { moved(entries_[index], position); });
            recenter(e, n.leafValue()(r, c));
        }
}

void LeafSliders::recenter(Entry& entry, double value) {
    entry.center = value;
    entry.step = scrubStep(value);
    const QSignalBlocker block(entry.slider);
    entry.slider->setValue(0);
    entry.value->setText(shownNumber(value));
    entry.slider->setToolTip(tr("%1 per step").arg(shownNumber(entry.step)));
}

void LeafSliders::moved(Entry& entry, int position) {
    if (syncing_ || node_ < 0) return;
    Matrix value = doc_->graph().node(node_).leafValue();
    value(entry.row, entry.col) = scrubbed(entry.center, position, entry.step);
    // Keyboard and wheel steps are single edits; a drag with the mouse merges into one.
    doc_->editLeafValue(node_, value, entry.slider->isSliderDown() ? entry.mergeKey : -1);
}

void LeafSliders::sync() {
    if (node_ < 0 || node_ >= doc_->graph().size()) return;
    syncing_ = true;
    const Matrix& value = doc_->graph().node(node_).leafValue();
    for (Entry& e : entries_) {
        const double v = value(e.row, e.col);
        e.value->setText(shownNumber(v));
        if (e.slider->isSliderDown()) continue;
        // Changed elsewhere (the table, the canvas, undo): follow it, on the grid if it is on it.
        const double k = std::round((v - e.center) / e.step);
        if (std::abs(k) <= kHalfRange && scrubbed(e.center, long(k), e.step) == v) {
            const QSignalBlocker block(e.slider);
            e.slider->setValue(int(k));
        } else {
            recenter(e, v);
        }
    }
    syncing_ = false;
}

}  // namespace bp
