// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/value_editor.h"

#include <QCursor>
#include <QGraphicsProxyWidget>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolTip>
#include <QVBoxLayout>

#include "core/text/number_format.h"
#include "core/language/literal_text.h"
#include "core/language/parser.h"
#include "ui/canvas/canvas_style.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/node_item.h"
#include "ui/document/parse_error_text.h"
#include "ui/document/shown_number.h"

namespace bp {
namespace {

// Past this many entries a whole literal is no longer something to type on one line.
constexpr long kMaxWholeEntries = 16;

QString entryName(const Node& n, nodepaint::Cell cell) {
    // Indexed from 0, as in PyTorch: w2[1][0] is the second row, first column.
    return QStringLiteral("%1[%2][%3]").arg(QString::fromStdString(n.name())).arg(cell.row).arg(cell.col);
}

QString editableText(double value) {
    try {
        return QString::fromStdString(numberText(value));
    } catch (const std::exception&) {
        return shownNumber(value);
    }
}

QString editableText(const Matrix& value) {
    try {
        return QString::fromStdString(literalText(value));
    } catch (const std::exception&) {
        return shownMatrix(value);
    }
}

}  // namespace

ValueEditor::ValueEditor(GraphScene* scene) : QObject(scene), scene_(scene) {}

QString ValueEditor::refusal(NodeId id) const {
    const Graph& g = scene_->document()->graph();
    if (id < 0 || id >= g.size()) return tr("There is no such node.");
    const Node& n = g.node(id);
    if (!n.isLeaf())
        return tr("%1 is computed from its inputs: only a leaf (input, param or const) has a value to type.")
            .arg(QString::fromStdString(n.label()));
    return {};
}

bool ValueEditor::open(NodeId id, QPointF scenePos, QRectF at) {
    cancel();
    const QRectF frame = at.isEmpty() ? scene_->nodeBox(id) : at;  // empty while a huge graph is laid out
    const QPointF center = frame.center();
    QString why = refusal(id);
    const Node* n = why.isEmpty() ? &scene_->document()->graph().node(id) : nullptr;
    std::optional<nodepaint::Cell> cell;
    if (n && !frame.isEmpty() && at.isEmpty()) cell = nodepaint::valueCellAt(*n, scenePos - center);
    if (n && !cell && n->leafValue().size() > kMaxWholeEntries)
        why = tr("%1 has %2 entries: double-click one of them, or edit it in the inspector.")
                  .arg(QString::fromStdString(n->label()))
                  .arg(n->leafValue().size());
    if (!why.isEmpty() || frame.isEmpty()) {
        QToolTip::showText(QCursor::pos(), why);
        return false;
    }
    node_ = id;
    cell_ = cell;

    auto* box = new QWidget;
    box->setAttribute(Qt::WA_TranslucentBackground);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    edit_ = new QLineEdit(cell ? editableText(n->leafValue()(cell->row, cell->col)) : editableText(n->leafValue()));
    edit_->setFont(style::numberFont());
    edit_->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid %1; background: white; color: %1; }")
                             .arg(style::kValue.name()));
    edit_->setToolTip(cell ? tr("%1: Enter applies, Esc cancels").arg(entryName(*n, *cell))
                           : tr("%1 as a literal: Enter applies, Esc cancels").arg(QString::fromStdString(n->name())));
    error_ = new QLabel;
    error_->setWordWrap(true);
    error_->setFont(style::smallFont());
    error_->setStyleSheet(QStringLiteral("QLabel { background: #fff0f0; color: %1; border: 1px solid %1; padding: 3px; }")
                              .arg(style::kGradient.name()));
    error_->hide();
    layout->addWidget(edit_);
    layout->addWidget(error_);

    // Over the entry, or over the whole value block for a literal.
    QRectF target = at;  // over the copy that was double-clicked
    if (at.isEmpty()) {
        target = cell ? nodepaint::valueCellRect(*n, *cell) : nodepaint::valueCellRect(*n, {0, 0});
        if (!cell) target.setRight(frame.width() / 2 - 4);
        target.translate(center);
    }
    box->setFixedWidth(cell ? 150 : 300);
    proxy_ = scene_->addWidget(box);
    proxy_->setZValue(1000);
    // Readable at any zoom: the editor keeps its size on screen, its corner on the entry.
    proxy_->setFlag(QGraphicsItem::ItemIgnoresTransformations);
    proxy_->setPos(target.left() - 4, target.top() - 4);
    edit_->installEventFilter(this);
    connect(edit_, &QLineEdit::returnPressed, this, [this] { apply(); });
    edit_->selectAll();
    proxy_->setFocus(Qt::OtherFocusReason);
    edit_->setFocus(Qt::OtherFocusReason);
    return true;
}

QLineEdit* ValueEditor::lineEdit() const { return isOpen() ? edit_ : nullptr; }
QString ValueEditor::errorText() const { return isOpen() && error_->isVisible() ? error_->text() : QString(); }

void ValueEditor::showError(const QString& message) {
    error_->setText(message);
    error_->show();
    QWidget* box = error_->parentWidget();
    box->setFixedWidth(std::max(box->width(), 320));
    box->adjustSize();
    proxy_->resize(box->sizeHint());
    edit_->setFocus(Qt::OtherFocusReason);
}

bool ValueEditor::apply() {
    if (!isOpen()) return false;
    GraphDocument* doc = scene_->document();
    if (!refusal(node_).isEmpty()) {
        cancel();
        return false;
    }
    const Node& n = doc->graph().node(node_);
    const QString what = cell_ ? entryName(n, *cell_) : QString::fromStdString(n.name());
    Matrix typed;
    try {
        typed = parseLiteral(edit_->text().toStdString(), what.toStdString());
    } catch (const ParseError& e) {
        showError((cell_ ? tr("Not a number: %1") : tr("Not a literal: %1")).arg(parseErrorText(e)));
        return false;
    } catch (const std::exception& e) {
        showError(bp::errorText(e));
        return false;
    }
    Matrix value = n.leafValue();
    if (cell_) {
        if (typed.size() != 1) {
            showError(tr("Type one number for %1.").arg(what));
            return false;
        }
        value(cell_->row, cell_->col) = typed(0, 0);
    } else {
        if (typed.rows() != value.rows() || typed.cols() != value.cols()) {
            showError(tr("%1 is %2; this literal is %3.")
                          .arg(what, QString::fromStdString(shapeText(shapeOf(value))),
                               QString::fromStdString(shapeText(shapeOf(typed)))));
            return false;
        }
        value = typed;
    }
    const NodeId id = node_;
    cancel();
    doc->editLeafValue(id, value);
    return true;
}

void ValueEditor::cancel() {
    if (!isOpen()) return;
    QGraphicsProxyWidget* proxy = proxy_;
    proxy_ = nullptr;
    edit_->removeEventFilter(this);
    edit_ = nullptr;
    error_ = nullptr;
    node_ = -1;
    proxy->hide();
    proxy->deleteLater();
    // Back to the canvas, so the arrow keys step again.
    if (!scene_->views().isEmpty()) scene_->views().front()->setFocus(Qt::OtherFocusReason);
}

bool ValueEditor::eventFilter(QObject* watched, QEvent* event) {
    if (watched == edit_ && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        cancel();
        return true;
    }
    if (watched == edit_ && event->type() == QEvent::FocusOut) {
        const Qt::FocusReason reason = static_cast<QFocusEvent*>(event)->reason();
        if (reason != Qt::ActiveWindowFocusReason && reason != Qt::PopupFocusReason) cancel();
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace bp
