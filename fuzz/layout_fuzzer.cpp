// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the layered layout on any graph the bytes describe (cycles, self loops, edges
// to missing nodes, parallel edges, nodes of any size). It must return, with one centre per node
// and one path per edge, every coordinate finite.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "core/layout/layered_layout.h"

namespace {

bool finite(const bp::LayoutPoint& p) { return std::isfinite(p.x) && std::isfinite(p.y); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    // Byte 0: the node count (1 to 256). Then two bytes a node (width, height), then edges as
    // pairs of node indices (an index past the end names a missing node).
    const int nodes = int(data[0]) + 1;
    std::size_t at = 1;
    std::vector<bp::LayoutSize> sizes(static_cast<std::size_t>(nodes), bp::LayoutSize{40, 20});
    for (int i = 0; i < nodes && at + 1 < size; ++i, at += 2)
        sizes[std::size_t(i)] = {double(data[at]) * 2.0, double(data[at + 1])};
    std::vector<bp::LayoutEdge> edges;
    for (; at + 1 < size && edges.size() < 4096; at += 2) edges.push_back({int(data[at]), int(data[at + 1])});
    const bp::LayoutResult result = bp::layeredLayout(sizes, edges);
    if (result.centers.size() != sizes.size() || result.edgePaths.size() != edges.size()) std::abort();
    for (const bp::LayoutPoint& p : result.centers)
        if (!finite(p)) std::abort();
    for (const auto& path : result.edgePaths)
        for (const bp::LayoutPoint& p : path)
            if (!finite(p)) std::abort();
    if (!std::isfinite(result.extent.width) || !std::isfinite(result.extent.height)) std::abort();
    return 0;
}
