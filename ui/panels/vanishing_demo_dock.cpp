// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/vanishing_demo_dock.h"
#include "ui/document/parse_error_text.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "core/text/number_format.h"
#include "core/language/parser.h"
#include "core/train/deep_chain.h"
#include "ui/charts/layer_gradient_chart.h"
#include "ui/document/graph_document.h"

namespace bp {
namespace {

QString number(double x, int significant = 3) { return QString::fromStdString(formatNumber(x, significant)); }

// A factor as a class reads it: "4.42", "645 072", "1.2×10¹⁹".
QString factor(double x) {
    if (x < 100) return number(x);
    if (x < 1e7) return QLocale().toString(qint64(std::llround(x)));
    const int exponent = int(std::floor(std::log10(x)));
    static const QString superscripts = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    QString power;
    for (QChar digit : QString::number(exponent)) power += digit == u'-' ? QChar(u'⁻') : superscripts[digit.digitValue()];
    return QStringLiteral("%1×10%2").arg(number(x / std::pow(10.0, exponent), 2), power);
}

}  // namespace

VanishingDemoDock::VanishingDemoDock(GraphDocument* document, QWidget* parent)
    : ChartDock(tr("Vanishing gradients"), QStringLiteral("VanishingDemoDock"), new charts::LayerGradientChart, document,
                parent) {
    chart_ = static_cast<charts::LayerGradientChart*>(frame());
    auto* controls = new QHBoxLayout;
    depth_ = new QSpinBox;
    depth_->setRange(kDeepChainMinDepth, kDeepChainMaxDepth);
    depth_->setValue(10);
    depth_->setKeyboardTracking(false);  // typing 15 builds one chain, not 1 and then 15
    depth_->setToolTip(tr("The number of layers zₖ = wₖ·hₖ₋₁ + b, hₖ = act(zₖ)"));
    activation_ = new QComboBox;
    for (const std::string& name : deepChainActivations())
        activation_->addItem(QString::fromStdString(name), QString::fromStdString(name));
    build_ = new QPushButton(tr("Build the chain"));
    build_->setToolTip(tr("Replaces the graph on the canvas with a deep chain of this depth and activation"));
    controls->addWidget(new QLabel(tr("Depth")));
    controls->addWidget(depth_);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Activation")));
    controls->addWidget(activation_);
    controls->addSpacing(12);
    controls->addStretch(1);
    layout_->insertLayout(0, controls);
    layout_->insertWidget(1, build_);  // its own row: the dock stays narrow enough to leave the canvas room

    connect(depth_, &QSpinBox::valueChanged, this, &VanishingDemoDock::controlsChanged);
    connect(activation_, &QComboBox::currentIndexChanged, this, &VanishingDemoDock::controlsChanged);
    connect(build_, &QPushButton::clicked, this, &VanishingDemoDock::buildChain);
    refreshOn({&GraphDocument::programReplaced, &GraphDocument::valuesChanged});
}

charts::LayerGradientChart* VanishingDemoDock::chart() const {
    flush();
    return chart_;
}

void VanishingDemoDock::controlsChanged() {
    if (syncing_) return;
    // The knobs drive the canvas only while it shows a deep chain: a lecturer's own graph is
    // replaced by the button alone.
    if (recognizeDeepChain(doc_->program())) buildChain();
}

void VanishingDemoDock::buildChain() {
    if (guard_ && !guard_()) {
        refresh();
        return;
    }
    const int depth = depth_->value();
    const std::string activation = activation_->currentData().toString().toStdString();
    try {
        Program chain = makeDeepChain(depth, activation);
        const std::string source = "# A chain of " + std::to_string(depth) + " " + activation +
                                   " layers, from the vanishing-gradient demo.\n" + writeProgram(chain);
        doc_->setProgram(std::move(chain), QString::fromStdString(source));
        emit chainBuilt(tr("deep chain: %1, depth %2").arg(QString::fromStdString(activation)).arg(depth));
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot build the chain"), errorText(e));
    }
}

void VanishingDemoDock::refresh() {
    const Program& program = doc_->program();
    const auto shape = recognizeDeepChain(program);
    build_->setVisible(!shape);
    if (shape) {
        // Follow the document: the deep-sigmoid example sets the knobs to 8 and sigmoid.
        syncing_ = true;
        depth_->setValue(shape->depth);
        activation_->setCurrentIndex(activation_->findData(QString::fromStdString(shape->activation)));
        syncing_ = false;
    }
    std::vector<charts::LayerGradientChart::Layer> layers;
    if (shape && doc_->evaluation().grads.size() == std::size_t(program.graph.size()))
        for (const LayerGradient& l : layerGradients(program, doc_->evaluation()))
            if (l.layer <= shape->depth)
                layers.push_back({l.layer, QString::fromStdString(program.graph.node(l.node).label()), l.norm});
    if (!shape) {
        chart_->setLayers({}, QString());
        summary_->setText(tr("The graph on the canvas is not a deep chain (z1, h1, z2, h2, …). Choose a depth and an "
                             "activation and press <b>Build the chain</b> (it replaces the graph on the canvas), or open the "
                             "<b>deep-sigmoid</b> example."));
        return;
    }
    chart_->setLayers(layers, tr("%1, depth %2").arg(QString::fromStdString(shape->activation)).arg(shape->depth));
    // The shrink from the last layer back to the first, and per layer on average.
    const double top = layers.back().size, bottom = layers.front().size;
    QString text = tr("‖∂L/∂z%1‖ = %2 at the top, ‖∂L/∂z1‖ = %3 at the bottom.")
                       .arg(shape->depth)
                       .arg(number(top), number(bottom));
    if (shape->depth > 1 && std::isfinite(top) && std::isfinite(bottom) && top > 0 && bottom > 0) {
        const double perLayer = std::pow(top / bottom, 1.0 / (shape->depth - 1));
        if (perLayer > 1.001)
            text += tr("<br>The gradient shrinks <b>%1×</b> on its way down, <b>%2×</b> per layer.")
                        .arg(factor(top / bottom), factor(perLayer));
        else if (perLayer < 0.999)
            text += tr("<br>The gradient grows <b>%1×</b> on its way down, <b>%2×</b> per layer.")
                        .arg(factor(bottom / top), factor(1 / perLayer));
        else
            text += tr("<br>The gradient keeps its size through every layer.");
    } else if (bottom == 0 && top != 0) {
        text += tr("<br>The gradient has died on its way down: it is exactly 0 at the bottom.");
    }
    if (shape->activation == "sigmoid")
        text += tr("<br>σ′ ≤ 1/4, so each sigmoid layer (weight 1) shrinks it at least 4×.");
    else if (shape->activation == "tanh")
        text += tr("<br>tanh′ ≤ 1 and near 1 at small z: it shrinks much more slowly.");
    else if (shape->activation == "relu")
        text += tr("<br>relu′ = 1 where z > 0: the gradient passes unchanged (and dies where z ≤ 0).");
    summary_->setText(text);
}

}  // namespace bp
