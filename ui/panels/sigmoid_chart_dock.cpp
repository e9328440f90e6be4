// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/sigmoid_chart_dock.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

#include "core/text/number_format.h"
#include "core/ops/op_table.h"
#include "ui/charts/sigmoid_chart.h"
#include "ui/document/graph_document.h"

namespace bp {
namespace {

using charts::SigmoidChart;

QString number(double x, int significant) { return QString::fromStdString(formatNumber(x, significant)); }

// "76", "1915", "3.4e+05": how many times σ′ is below its maximum 1/4, for the class to read.
QString timesBelowMaximum(double slope) {
    const double ratio = 0.25 / std::max(slope, 1e-300);
    return ratio < 1e5 ? QString::number(std::llround(ratio)) : number(ratio, 2);
}

bool isSigmoid(const Node& node) { return node.op && node.op->name == "sigmoid"; }

// σ and σ′ sampled on [−8, 8] by the sigmoid row of the op table itself: its forward, and its
// vector-Jacobian product with an upstream of ones (σ′ = y(1 − y)).
void drawCurves(SigmoidChart* chart) {
    const OpDef& sigmoid = op("sigmoid");
    const int n = 641;
    Matrix z(1, n);
    for (int i = 0; i < n; ++i) z(0, i) = SigmoidChart::kZMin + (SigmoidChart::kZMax - SigmoidChart::kZMin) * i / (n - 1);
    const Matrix* zRef = &z;
    const MatrixRefs in(&zRef, 1);
    Matrix y, slope;
    sigmoid.forward(in, {}, y);
    sigmoid.vjp(0, in, y, Matrix::Ones(1, n), {}, slope);
    chart->setCurves({z.data(), z.data() + n}, {y.data(), y.data() + n}, {slope.data(), slope.data() + n});
    // The maximum, at z = 0, by the same op.
    const Matrix zero = Matrix::Zero(1, 1);
    const Matrix* zeroRef = &zero;
    const MatrixRefs at(&zeroRef, 1);
    Matrix y0, s0;
    sigmoid.forward(at, {}, y0);
    sigmoid.vjp(0, at, y0, Matrix::Ones(1, 1), {}, s0);
    chart->setMaximum(0, s0(0, 0));
    // relu and its slope over the same z, by the relu row, for the overlay.
    const OpDef& relu = op("relu");
    Matrix r, reluSlope;
    relu.forward(in, {}, r);
    relu.vjp(0, in, r, Matrix::Ones(1, n), {}, reluSlope);
    chart->setReluCurves({z.data(), z.data() + n}, {r.data(), r.data() + n}, {reluSlope.data(), reluSlope.data() + n});
}

// "z2[0]" for an entry of a vector, "W[1,2]" of a matrix, "z" of a number.
QString entryName(const QString& base, const Matrix& m, Eigen::Index r, Eigen::Index c) {
    if (m.size() == 1) return base;
    if (m.cols() == 1) return QStringLiteral("%1[%2]").arg(base).arg(r);
    if (m.rows() == 1) return QStringLiteral("%1[%2]").arg(base).arg(c);
    return QStringLiteral("%1[%2,%3]").arg(base).arg(r).arg(c);
}

}  // namespace

SigmoidChartDock::SigmoidChartDock(GraphDocument* document, QWidget* parent)
    : ChartDock(tr("Sigmoid chart"), QStringLiteral("SigmoidChartDock"), new SigmoidChart, document, parent) {
    chart_ = static_cast<SigmoidChart*>(frame());
    drawCurves(chart_);
    relu_ = new QCheckBox(tr("relu beside σ (dashed)"));
    relu_->setToolTip(tr("Draws relu(z) and relu′(z) over σ and σ′: a slope of 1 beside a slope of at most 1/4"));
    connect(relu_, &QCheckBox::toggled, chart_, &SigmoidChart::setReluShown);
    layout_->insertWidget(0, relu_);
    refreshOn({&GraphDocument::programReplaced, &GraphDocument::valuesChanged, &GraphDocument::selectionChanged});
}

charts::SigmoidChart* SigmoidChartDock::chart() const {
    flush();
    return chart_;
}

void SigmoidChartDock::refresh() {
    const Graph& g = doc_->graph();
    const Evaluation& e = doc_->evaluation();
    const NodeId selected = doc_->selectedNode();
    std::vector<SigmoidChart::Marker> markers;
    int sigmoidNodes = 0;
    long total = 0;
    const bool evaluated = e.values.size() == std::size_t(g.size());
    for (NodeId id = 0; evaluated && id < g.size(); ++id) {
        const Node& node = g.node(id);
        if (!isSigmoid(node)) continue;
        ++sigmoidNodes;
        const NodeId input = node.inputs[0];
        const Matrix& z = e.values[input];
        total += z.size();
        if (long(markers.size()) >= kMaxMarkers) continue;
        // σ′ at this node: the sigmoid op's local derivative, y(1 − y) from its value y.
        const Matrix slope = localDerivative(g, e, id, 0);
        const Node& in = g.node(input);
        const QString base = in.named ? QString::fromStdString(in.label())
                                      : tr("z of %1").arg(QString::fromStdString(node.label()));
        const bool highlighted = selected == id || selected == input;
        for (Eigen::Index c = 0; c < z.cols(); ++c)
            for (Eigen::Index r = 0; r < z.rows() && long(markers.size()) < kMaxMarkers; ++r)
                markers.push_back({entryName(base, z, r, c), z(r, c), slope(r, c), highlighted});
    }
    // The verdicts, for the class: near the top of the hump, or down where the gradient vanishes.
    QStringList lines;
    if (sigmoidNodes == 0) {
        lines << tr("The graph has no sigmoid node. Open <b>mlp-1-2-2</b> or <b>deep-sigmoid</b> to see where "
                    "each one sits.");
    } else {
        int listed = 0;
        for (const SigmoidChart::Marker& m : markers) {
            if (listed++ == SigmoidChart::kMaxLabels) {
                lines << tr("… and %1 more").arg(total - SigmoidChart::kMaxLabels);
                break;
            }
            QString verdict;
            if (!std::isfinite(m.slope) || !std::isfinite(m.z)) verdict = tr("not a number: check the weights");
            else if (m.slope < 0.01) verdict = tr("<b>the gradient is tiny</b> (%1× below the maximum)").arg(timesBelowMaximum(m.slope));
            else if (m.slope > 0.2) verdict = tr("near the maximum 1/4");
            else verdict = tr("the gradient is scaled by %1").arg(number(m.slope, 2));
            const QString name = m.highlighted ? QStringLiteral("<b>%1</b>").arg(m.name.toHtmlEscaped()) : m.name.toHtmlEscaped();
            lines << tr("%1 = %2 → σ′ = %3: %4").arg(name, number(m.z, 3), number(m.slope, 2), verdict);
        }
        if (total > kMaxMarkers)
            lines << tr("Only the first %1 of %2 sigmoid entries are drawn.").arg(kMaxMarkers).arg(total);
    }
    summary_->setText(lines.join(QStringLiteral("<br>")));
    chart_->setMarkers(std::move(markers));
}

}  // namespace bp
