// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/gradient_check_dock.h"
#include "ui/document/parse_error_text.h"

#include <algorithm>

#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

#include "core/text/number_format.h"
#include "core/trace/evaluation.h"
#include "ui/canvas/canvas_style.h"
#include "ui/document/graph_document.h"
#include "ui/document/shown_number.h"

namespace bp {
namespace {

const QColor kAgree{0x2e, 0x7d, 0x32};
const QColor kDisagreeBackground{0xfd, 0xe0, 0xe0};

long leafEntries(const Graph& graph) {
    long entries = 0;
    for (const Node& node : graph.nodes())
        if (node.isLeaf()) entries += node.shape.size();
    return entries;
}


QTableWidgetItem* cell(const QString& text, const QColor& color, Qt::Alignment align = Qt::AlignRight) {
    auto* item = new QTableWidgetItem(text);
    item->setForeground(color);
    item->setTextAlignment(align | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

// One entry of one leaf, as a table row.
struct Row {
    int check;  // index into the checks
    Eigen::Index r, c;
    bool ok;    // agrees, or at a kink
    bool kink;  // no derivative exists; the analytic value is a valid subgradient
};

}  // namespace

GradientCheckDock::GradientCheckDock(GraphDocument* document, QWidget* parent)
    : QDockWidget(tr("Gradient check"), parent), doc_(document) {
    setObjectName(QStringLiteral("GradientCheckDock"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    run_ = new QPushButton(tr("Check gradients"));
    run_->setToolTip(tr("Compare every leaf's gradient from the backward pass with central finite differences"));
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const CheckOptions options;
    auto* method = new QLabel(tr("Numeric: (f(x+h) − f(x−h)) / 2h with h = %1·max(1, |x|), f = Σ seed·root. "
                                 "An entry agrees when |analytic − numeric| ≤ %2 + %3·max(|analytic|, |numeric|).")
                                  .arg(shownNumber(options.relativeStep), shownNumber(options.absTolerance),
                                       shownNumber(options.relTolerance)));
    method->setWordWrap(true);
    method->setStyleSheet(QStringLiteral("color: %1").arg(style::kMuted.name()));
    table_ = new QTableWidget(0, ColumnCount);
    table_->setHorizontalHeaderLabels({tr("Leaf"), tr("Entry"), tr("OK"), tr("Analytic"), tr("Numeric"), tr("|difference|")});
    table_->horizontalHeaderItem(AnalyticColumn)->setToolTip(tr("The gradient from the backward pass"));
    table_->horizontalHeaderItem(NumericColumn)->setToolTip(tr("The central finite difference"));
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The button beside the summary: in a short panel every line left is a row of the table.
    auto* top = new QHBoxLayout;
    top->addWidget(run_, 0, Qt::AlignTop);
    top->addWidget(summary_, 1);
    layout->addLayout(top);
    layout->addWidget(table_, 1);
    layout->addWidget(method);
    setWidget(content);
    setLargeType(false);

    confirm_ = [this](const QString& question) {
        return QMessageBox::question(this, tr("A long gradient check"), question, QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
    connect(run_, &QPushButton::clicked, this, &GradientCheckDock::runCheck);
    connect(&watcher_, &QFutureWatcher<std::vector<LeafCheck>>::finished, this, &GradientCheckDock::showResults);
    connect(doc_, &GraphDocument::valuesChanged, this, &GradientCheckDock::documentChanged);
    connect(doc_, &GraphDocument::programReplaced, this, [this] {
        if (!isRunning()) {
            run_->setEnabled(!doc_->isEmpty());
            checked_.reset();
            table_->setRowCount(0);
            setSummary(tr("Press “Check gradients” to compare every leaf's gradient with central differences."),
                       style::kText);
        }
        documentChanged();
    });
    setSummary(tr("Press “Check gradients” to compare every leaf's gradient with central differences."), style::kText);
    run_->setEnabled(!doc_->isEmpty());
}

// The worker holds its own copy of the program; a check still running when the window closes
// finishes on its own and its result is dropped.
GradientCheckDock::~GradientCheckDock() { watcher_.disconnect(this); }

QString GradientCheckDock::summaryText() const { return summary_->text(); }

void GradientCheckDock::setSummary(const QString& text, const QColor& color) {
    summary_->setText(text);
    summary_->setStyleSheet(QStringLiteral("color: %1; font-weight: bold").arg(color.name()));
}

void GradientCheckDock::setLargeType(bool large) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(large ? 24 : 15);
    summary_->setFont(font);
    run_->setFont(font);
    QFont numbers(QStringLiteral("DejaVu Sans Mono"));
    numbers.setPixelSize(large ? 22 : 14);
    table_->setFont(numbers);
    table_->verticalHeader()->setDefaultSectionSize(large ? 34 : 22);
}

void GradientCheckDock::documentChanged() {
    if (!checked_ || changedSinceCheck_) return;
    changedSinceCheck_ = true;
    if (!isRunning()) summary_->setText(summary_->text() + QLatin1Char(' ') + tr("The graph has changed since: run it again."));
}

void GradientCheckDock::runCheck() {
    if (isRunning() || doc_->isEmpty() || doc_->root() < 0) return;
    auto program = std::make_shared<const Program>(doc_->program());
    const long entries = leafEntries(program->graph);
    // Two forward passes per leaf entry: time one to say how long the whole check would take.
    QElapsedTimer timer;
    timer.start();
    Evaluation scratch;
    runForward(program->graph, scratch);
    const double seconds = 2.0 * double(entries) * double(timer.nsecsElapsed()) * 1e-9;
    const QString duration = seconds < 1 ? tr("under a second")
                              : seconds < 90 ? tr("%L1 seconds").arg(std::ceil(seconds))
                              : seconds < 5400 ? tr("%L1 minutes").arg(std::ceil(seconds / 60))
                                               : tr("%L1 hours").arg(seconds / 3600, 0, 'f', 1);
    if (entries > kAskAboveEntries || seconds > 10) {
        const QString question = tr("The leaves of this graph hold %L1 numbers. The check runs two forward passes "
                                    "for each of them, which takes about %2. The window stays usable meanwhile.\n\n"
                                    "Run the check?")
                                     .arg(entries)
                                     .arg(duration);
        if (!confirm_(question)) {
            setSummary(tr("Not run: %L1 leaf entries would take about %2.").arg(entries).arg(duration), style::kMuted);
            return;
        }
    }
    checked_ = program;
    changedSinceCheck_ = false;
    run_->setEnabled(false);
    run_->setText(tr("Checking…"));
    setSummary(tr("Checking %L1 leaf entries (about %2)…").arg(entries).arg(duration), style::kMuted);
    // Every entry (the dock asked first when there are many), judged by core's rule.
    watcher_.setFuture(QtConcurrent::run([program] {
        CheckOptions everyEntry;
        everyEntry.samplePerLeaf = 0;
        return checkGradients(*program, everyEntry);
    }));
}

void GradientCheckDock::showResults() {
    run_->setEnabled(!doc_->isEmpty());
    run_->setText(tr("Check gradients"));
    std::vector<LeafCheck> checks;
    try {
        checks = watcher_.result();
    } catch (const std::exception& e) {
        setSummary(tr("The check failed: %1").arg(errorText(e)), style::kGradient);
        emit checkFinished();
        return;
    }
    fillTable(*checked_, checks);
    emit checkFinished();
}

void GradientCheckDock::fillTable(const Program& program, const std::vector<LeafCheck>& checks) {
    std::vector<Row> rows;
    int failures = 0;
    int kinks = 0;
    double largest = 0;
    QStringList failingLeaves;
    for (int i = 0; i < int(checks.size()); ++i) {
        const LeafCheck& check = checks[std::size_t(i)];
        const std::size_t firstOfLeaf = rows.size();
        for (std::size_t k = 0; k < check.entries.size(); ++k) {
            const EntryVerdict verdict = check.verdicts[k];
            const Eigen::Index rowsOfLeaf = std::max<Eigen::Index>(check.analytic.rows(), 1);
            const bool ok = verdict == EntryVerdict::Agrees || verdict == EntryVerdict::Kink;
            rows.push_back({i, check.entries[k] % rowsOfLeaf, check.entries[k] / rowsOfLeaf, ok,
                            verdict == EntryVerdict::Kink});
            failures += ok ? 0 : 1;
            kinks += verdict == EntryVerdict::Kink ? 1 : 0;
        }
        // Listed row by row, as the matrix reads (core checks column-major).
        std::sort(rows.begin() + std::ptrdiff_t(firstOfLeaf), rows.end(),
                  [](const Row& a, const Row& b) { return a.r != b.r ? a.r < b.r : a.c < b.c; });
        largest = std::max(largest, check.maxError);
        if (!check.ok) failingLeaves << QString::fromStdString(program.graph.node(check.leaf).label());
    }
    // Too many to list: every disagreement, and the first entries that agree, in their order.
    const int total = int(rows.size());
    if (total > kMaxRows) {
        int failLeft = std::min(failures, kMaxRows);
        int okLeft = kMaxRows - failLeft;
        std::vector<Row> kept;
        for (const Row& row : rows)
            if (row.ok ? okLeft-- > 0 : failLeft-- > 0) kept.push_back(row);
        rows = std::move(kept);
    }

    table_->setUpdatesEnabled(false);
    table_->setRowCount(int(rows.size()));
    for (int i = 0; i < int(rows.size()); ++i) {
        const Row& row = rows[std::size_t(i)];
        const LeafCheck& check = checks[std::size_t(row.check)];
        const double a = check.analytic(row.r, row.c), n = check.numeric(row.r, row.c);
        const QString name = QString::fromStdString(program.graph.node(check.leaf).label());
        table_->setItem(i, LeafColumn, cell(name, style::kText, Qt::AlignLeft));
        table_->setItem(i, EntryColumn, cell(QStringLiteral("[%1, %2]").arg(row.r).arg(row.c), style::kMuted));
        table_->setItem(i, AnalyticColumn, cell(shownNumber(a), style::kGradient));
        table_->setItem(i, NumericColumn, cell(shownNumber(n), style::kText));
        table_->setItem(i, ErrorColumn, cell(shownNumber(std::abs(a - n), Shown::Glance), style::kMuted));
        auto* mark = row.kink ? cell(tr("kink"), style::kMuted, Qt::AlignHCenter)
                              : cell(row.ok ? QStringLiteral("✓") : QStringLiteral("✗"),
                                     row.ok ? kAgree : style::kGradient, Qt::AlignHCenter);
        if (row.kink)
            mark->setToolTip(tr("No derivative exists here (relu or abs at 0): the backward pass's value lies "
                                "between the slopes on the left and on the right, a valid subgradient."));
        QFont bold = table_->font();
        bold.setBold(true);
        mark->setFont(bold);
        table_->setItem(i, MarkColumn, mark);
        if (!row.ok)
            for (int column = 0; column < ColumnCount; ++column) table_->item(i, column)->setBackground(kDisagreeBackground);
    }
    table_->resizeColumnsToContents();
    table_->setUpdatesEnabled(true);

    QString summary =
        failures == 0
            ? tr("✓ All %L1 leaf entries agree with central differences (largest difference %2).")
                  .arg(total)
                  .arg(shownNumber(largest, Shown::Glance))
            : tr("✗ %L1 of %L2 entries disagree, in %3: a wrong derivative, or a value that is inf or nan.")
                  .arg(failures)
                  .arg(total)
                  .arg(failingLeaves.join(QStringLiteral(", ")));
    if (kinks > 0)
        summary += QLatin1Char(' ') + tr("Entries at a kink (relu or abs at 0): %n. There the backward pass's value "
                                         "lies between the one-sided slopes, a valid subgradient.",
                                         nullptr, kinks);
    if (total > kMaxRows) summary += QLatin1Char(' ') + tr("The table lists %L1 of them: every disagreement, then the first that agree.").arg(int(rows.size()));
    if (changedSinceCheck_) summary += QLatin1Char(' ') + tr("The graph has changed since: run it again.");
    setSummary(summary, failures == 0 ? kAgree : style::kGradient);
}

}  // namespace bp
