// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/decision_regions_view.h"

#include <QImage>
#include <QPainter>
#include <array>

namespace bp::charts {
namespace {

// One hue per class (Okabe-Ito, told apart by colour-blind viewers too); the regions are pale.
QColor classColor(int k) {
    static const std::array<QColor, 8> hues{QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x9E, 0x73),
                                            QColor(0xCC, 0x79, 0xA7), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x72, 0xB2),
                                            QColor(0xF0, 0xE4, 0x42), QColor(0x99, 0x99, 0x99)};
    return k < 0 ? QColor(Qt::black) : hues[static_cast<std::size_t>(k) % hues.size()];
}

QColor pale(const QColor& c) {
    return QColor::fromRgbF(0.62 + 0.38 * c.redF(), 0.62 + 0.38 * c.greenF(), 0.62 + 0.38 * c.blueF());
}

}  // namespace

DecisionRegionsView::DecisionRegionsView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(160, 160);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setToolTip(tr("Decision regions: each point of the plane in the colour of the class the network gives it; "
                  "the data points in the colour of their own class"));
}

void DecisionRegionsView::setRegions(std::optional<DecisionRegions> regions) {
    regions_ = std::move(regions);
    setVisible(regions_.has_value());
    update();
}

void DecisionRegionsView::paintEvent(QPaintEvent*) {
    if (!regions_) return;
    const DecisionRegions& r = *regions_;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int side = std::min(width(), height()) - 2;
    const QRectF area((width() - side) / 2.0, (height() - side) / 2.0, side, side);
    QImage image(r.size, r.size, QImage::Format_RGB32);
    for (int row = 0; row < r.size; ++row)
        for (int col = 0; col < r.size; ++col)
            image.setPixelColor(col, row, pale(classColor(r.classes[static_cast<std::size_t>(row * r.size + col)])));
    p.drawImage(area, image);
    p.setPen(QPen(QColor(0x60, 0x60, 0x60), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(area);
    const double radius = std::max(2.5, side / 110.0);
    for (Eigen::Index i = 0; i < r.points.rows(); ++i) {
        const double x = area.left() + area.width() * (r.points(i, 0) - r.xMin) / (r.xMax - r.xMin);
        const double y = area.top() + area.height() * (r.yMax - r.points(i, 1)) / (r.yMax - r.yMin);
        p.setPen(QPen(Qt::white, 1.2));
        p.setBrush(classColor(r.labels[static_cast<std::size_t>(i)]).darker(115));
        p.drawEllipse(QPointF(x, y), radius, radius);
    }
}

}  // namespace bp::charts
