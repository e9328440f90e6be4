// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/inspector_dock.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/text/number_format.h"
#include "core/language/parser.h"
#include "ui/canvas/canvas_style.h"
#include "ui/document/graph_document.h"
#include "ui/panels/dock_refresh.h"
#include "ui/panels/leaf_sliders.h"
#include "ui/document/parse_error_text.h"
#include "ui/document/shown_number.h"

namespace bp {
namespace {

// Past this many entries a table would freeze the window; the canvas and --json show them.
constexpr long kMaxTableEntries = 40'000;

void fillTable(QTableWidget* table, const Matrix* m, const QColor& color, bool editable) {
    table->clear();
    if (!m || m->size() > kMaxTableEntries) {
        table->setRowCount(0);
        table->setColumnCount(0);
        return;
    }
    table->setRowCount(int(m->rows()));
    table->setColumnCount(int(m->cols()));
    // Rows and columns counted from 0, as in PyTorch and on the canvas's editor.
    QStringList rowLabels, colLabels;
    for (long r = 0; r < m->rows(); ++r) rowLabels << QString::number(r);
    for (long c = 0; c < m->cols(); ++c) colLabels << QString::number(c);
    table->setVerticalHeaderLabels(rowLabels);
    table->setHorizontalHeaderLabels(colLabels);
    for (int r = 0; r < m->rows(); ++r)
        for (int c = 0; c < m->cols(); ++c) {
            auto* item = new QTableWidgetItem(shownNumber((*m)(r, c)));
            item->setForeground(color);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (!editable) item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            table->setItem(r, c, item);
        }
    table->resizeColumnsToContents();
}

QTableWidget* makeTable() {
    auto* t = new QTableWidget;
    t->horizontalHeader()->setDefaultSectionSize(110);
    t->setMinimumHeight(70);
    return t;
}

}  // namespace

InspectorDock::InspectorDock(GraphDocument* document, QWidget* parent)
    : QDockWidget(tr("Inspector"), parent), doc_(document) {
    setObjectName(QStringLiteral("InspectorDock"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    header_ = new QLabel;
    header_->setWordWrap(true);
    formula_ = new QLabel;
    formula_->setWordWrap(true);
    values_ = makeTable();
    grads_ = makeTable();
    auto* valueLabel = new QLabel(tr("Value (forward)"));
    valueLabel->setStyleSheet(QStringLiteral("color: %1; font-weight: bold").arg(style::kValue.name()));
    auto* gradLabel = new QLabel(tr("Gradient (backward)"));
    gradLabel->setStyleSheet(QStringLiteral("color: %1; font-weight: bold").arg(style::kGradient.name()));
    layout->addWidget(header_);
    layout->addWidget(formula_);
    layout->addWidget(valueLabel);
    layout->addWidget(values_, 1);
    error_ = new QLabel;
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: %1").arg(style::kGradient.name()));
    error_->hide();
    layout->addWidget(error_);
    sliders_ = new LeafSliders(doc_);
    layout->addWidget(sliders_);
    layout->addWidget(gradLabel);
    layout->addWidget(grads_, 1);
    setWidget(content);
    connect(values_, &QTableWidget::cellChanged, this, &InspectorDock::cellEdited);
    // Down to one entry: a click on an entry of the gradient writes its own chain in the chain-rule panel.
    grads_->setToolTip(tr("Click an entry to see its own chain in the chain-rule panel"));
    connect(grads_, &QTableWidget::cellClicked, this, [this](int row, int column) {
        if (doc_->selectedNode() >= 0) doc_->toggleEntryFocus(doc_->selectedNode(), row, column);
    });
    refresher_ = new DockRefresh(this, [this] { refresh(); });
    for (auto signal : {&GraphDocument::selectionChanged, &GraphDocument::valuesChanged, &GraphDocument::cursorChanged,
                        &GraphDocument::programReplaced, &GraphDocument::namesChanged})
        connect(doc_, signal, refresher_, &DockRefresh::request);
    refresh();
}

QTableWidget* InspectorDock::valueTable() const {
    refresher_->flush();
    return values_;
}

QTableWidget* InspectorDock::gradientTable() const {
    refresher_->flush();
    return grads_;
}

QString InspectorDock::headerText() const {
    refresher_->flush();
    return header_->text();
}

QString InspectorDock::errorText() const {
    refresher_->flush(); return error_->isVisible() ? error_->text() : QString(); }

void InspectorDock::refresh() {
    filling_ = true;
    error_->hide();
    const NodeId id = doc_->selectedNode();
    if (id < 0 || id >= doc_->graph().size()) {
        header_->setText(tr("Click a node to inspect it."));
        formula_->clear();
        fillTable(values_, nullptr, style::kValue, false);
        fillTable(grads_, nullptr, style::kGradient, false);
        filling_ = false;
        return;
    }
    const Node& n = doc_->graph().node(id);
    const QString what = n.isLeaf() ? style::kindText(n.kind) : QString::fromUtf8(n.op->name.data(), int(n.op->name.size()));
    QString header = tr("<b>%1</b> — %2, %3").arg(QString::fromStdString(n.label()).toHtmlEscaped(), what,
                                                 QString::fromStdString(shapeText(n.shape)));
    if (n.label() != n.name() && n.named)
        header += tr("<br>Called %1 in the source.").arg(QString::fromStdString(n.name()).toHtmlEscaped());
    if (const QString original = doc_->originalName(id); !original.isEmpty() && original != QString::fromStdString(n.label()))
        header += tr("<br>In the imported file: %1").arg(original.toHtmlEscaped());
    if (n.named) header += tr("<br>F2 renames it.");
    if (n.isLeaf()) header += tr("<br>Edit the value below, or double-click the node.");
    header_->setText(header);
    QStringList formulas;
    if (!n.isLeaf())
        for (int slot = 0; slot < n.op->arity; ++slot)
            if (!n.op->formula[slot].empty()) formulas << QString::fromUtf8(n.op->formula[slot].data(), int(n.op->formula[slot].size()));
    formula_->setText(formulas.join(QStringLiteral("    ")));
    const StepCursor& c = doc_->cursor();
    Matrix scalar(1, 1);
    fillTable(values_, c.valueKnown(id) ? &doc_->evaluation().values.asMatrix(id, scalar) : nullptr, style::kValue,
              n.isLeaf());
    fillTable(grads_, c.shownGrad(id), style::kGradient, false);
    filling_ = false;
}

void InspectorDock::cellEdited(int row, int column) {
    if (filling_) return;
    const NodeId id = doc_->selectedNode();
    if (id < 0 || !doc_->graph().node(id).isLeaf()) return;
    const QString text = values_->item(row, column)->text();
    Matrix value = doc_->graph().node(id).leafValue();
    try {
        const Matrix entry = parseLiteral(text.toStdString(), "value");
        if (entry.size() != 1) throw std::invalid_argument(tr("type one number").toStdString());
        value(row, column) = entry(0, 0);
    } catch (const ParseError& e) {
        rejectEntry(text, parseErrorText(e));
        return;
    } catch (const std::exception& e) {
        rejectEntry(text, bp::errorText(e));
        return;
    }
    error_->hide();
    doc_->editLeafValue(id, value);
}

void InspectorDock::rejectEntry(const QString& text, const QString& why) {
    refresh();  // put the old value back, and say why
    error_->setText(tr("“%1” is not a number: %2").arg(text, why));
    error_->show();
}

}  // namespace bp
