// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/find_bar.h"

#include <QAction>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>

#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/document/graph_document.h"

namespace bp {

FindBar::FindBar(GraphDocument* doc, GraphScene* scene, GraphView* view, QWidget* parent)
    : QToolBar(tr("Find node"), parent), doc_(doc), scene_(scene), view_(view) {
    setObjectName(QStringLiteral("FindBar"));
    setMovable(false);
    addWidget(new QLabel(tr("Find node: "), this));
    field_ = new QLineEdit(this);
    field_->setPlaceholderText(tr("name, e.g. w1"));
    field_->setClearButtonEnabled(true);
    field_->setMaximumWidth(fontMetrics().averageCharWidth() * 30);
    field_->installEventFilter(this);
    addWidget(field_);
    count_ = new QLabel(this);
    count_->setMinimumWidth(fontMetrics().averageCharWidth() * 14);
    addWidget(count_);
    previous_ = addAction(tr("Previous"), this, [this] { go(-1); });
    previous_->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    previous_->setToolTip(tr("The previous node that matches (Shift+F3, Shift+Enter)"));
    next_ = addAction(tr("Next"), this, [this] { go(+1); });
    next_->setShortcut(QKeySequence(Qt::Key_F3));
    next_->setToolTip(tr("The next node that matches (F3, Enter)"));
    QAction* hide = addAction(tr("Close"), this, &FindBar::close);
    hide->setToolTip(tr("Close the find bar (Esc)"));

    find_ = new QAction(tr("&Find node…"), this);
    find_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    find_->setToolTip(tr("Find a node by its name: selects it and centres the view on it"));
    connect(find_, &QAction::triggered, this, &FindBar::open);
    connect(field_, &QLineEdit::textEdited, this, &FindBar::search);
    // A new graph: the old matches name other nodes.
    connect(doc_, &GraphDocument::programReplaced, this, [this] {
        if (isVisible()) search(field_->text());
    });
    hide->setVisible(true);
    QToolBar::hide();
}

void FindBar::open() {
    show();
    field_->setFocus(Qt::ShortcutFocusReason);
    field_->selectAll();
}

void FindBar::close() {
    hide();
    view_->setFocus(Qt::OtherFocusReason);
}

void FindBar::search(const QString& text) {
    if (field_->text() != text) field_->setText(text);
    matches_.clear();
    current_ = -1;
    const std::string wanted = text.trimmed().toLower().toStdString();
    if (!wanted.empty()) {
        const Graph& g = doc_->graph();
        std::vector<NodeId> partial;
        auto lower = [](std::string s) {
            for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
            return s;
        };
        for (NodeId id = 0; id < g.size(); ++id) {
            const Node& n = g.node(id);
            const std::string name = lower(n.name()), label = lower(n.label());
            if (name == wanted || label == wanted)
                matches_.push_back(id);
            else if (name.find(wanted) != std::string::npos || label.find(wanted) != std::string::npos)
                partial.push_back(id);
        }
        matches_.insert(matches_.end(), partial.begin(), partial.end());
    }
    if (!matches_.empty()) current_ = 0;
    showCurrent();
}

void FindBar::go(int delta) {
    if (!isVisible()) open();
    if (matches_.empty()) return;
    const int n = int(matches_.size());
    current_ = ((current_ + delta) % n + n) % n;
    showCurrent();
}

void FindBar::showCurrent() {
    if (field_->text().trimmed().isEmpty()) {
        count_->clear();
        return;
    }
    if (current_ < 0) {
        count_->setText(tr("No such node"));
        return;
    }
    count_->setText(tr("%1 of %2").arg(current_ + 1).arg(matches_.size()));
    const NodeId id = matches_[std::size_t(current_)];
    doc_->setSelectedNode(id);
    const QRectF box = scene_->nodeBox(id);
    if (box.isEmpty()) return;  // a huge graph still being laid out
    // A node found in a graph fitted small is shown large enough to read.
    constexpr double kReadable = 0.5;
    if (view_->zoom() < kReadable) view_->setTransform(QTransform::fromScale(1.0, 1.0));
    // Room to centre a node at the edge of the drawing (the end of a folded row) too.
    const QSizeF shown = view_->mapToScene(view_->viewport()->rect()).boundingRect().size();
    const QRectF around(box.center() - QPointF(shown.width() / 2, shown.height() / 2), shown);
    if (!scene_->sceneRect().contains(around)) scene_->setSceneRect(scene_->sceneRect().united(around));
    view_->centerOn(box.center());
}

bool FindBar::eventFilter(QObject* watched, QEvent* event) {
    if (watched == field_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            go(key->modifiers() & Qt::ShiftModifier ? -1 : +1);
            return true;
        }
    }
    return QToolBar::eventFilter(watched, event);
}

}  // namespace bp
