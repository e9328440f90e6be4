// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ops/dense_product.h"

#include <atomic>

#include "core/ops/dense_kernel.h"

namespace bp {
namespace {

// Smaller products (rows · cols · inner) stay with Eigen's inline code: a call into a kernel
// costs more than it saves there.
constexpr long kKernelWork = 16 * 16 * 16;

bool processorRuns(DenseKernel kernel) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    switch (kernel) {
    case DenseKernel::Portable: return true;
    // The compiler's checks include the operating system's support (the registers saved on a switch).
    case DenseKernel::Avx2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case DenseKernel::Avx512: return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma");
    }
    return false;
#else
    return kernel == DenseKernel::Portable;
#endif
}

DenseKernel widestKernel() {
    if (processorRuns(DenseKernel::Avx512)) return DenseKernel::Avx512;
    if (processorRuns(DenseKernel::Avx2)) return DenseKernel::Avx2;
    return DenseKernel::Portable;
}

// -1 until the first product asks.
std::atomic<int> chosen{-1};

dense::Operand operand(const Matrix& m, bool transposed) { return {m.data(), m.rows(), m.cols(), transposed}; }

void portableProduct(const Matrix& a, bool ta, const Matrix& b, bool tb, Matrix& out) {
    if (ta && tb) out.noalias() = a.transpose() * b.transpose();
    else if (ta) out.noalias() = a.transpose() * b;
    else if (tb) out.noalias() = a * b.transpose();
    else out.noalias() = a * b;
}

}  // namespace

std::string_view denseKernelName(DenseKernel kernel) {
    switch (kernel) {
    case DenseKernel::Portable: return "portable";
    case DenseKernel::Avx2: return "avx2";
    case DenseKernel::Avx512: return "avx512";
    }
    return "portable";
}

bool denseKernelRuns(DenseKernel kernel) { return processorRuns(kernel); }

DenseKernel denseKernel() {
    int k = chosen.load(std::memory_order_relaxed);
    if (k < 0) {
        k = static_cast<int>(widestKernel());
        chosen.store(k, std::memory_order_relaxed);
    }
    return static_cast<DenseKernel>(k);
}

bool useDenseKernel(DenseKernel kernel) {
    if (!processorRuns(kernel)) return false;
    chosen.store(static_cast<int>(kernel), std::memory_order_relaxed);
    return true;
}

void denseProduct(const Matrix& a, bool ta, const Matrix& b, bool tb, Matrix& out) {
    const long rows = ta ? a.cols() : a.rows();
    const long inner = ta ? a.rows() : a.cols();
    const long cols = tb ? b.rows() : b.cols();
    out.resize(rows, cols);
    const DenseKernel kernel = rows * cols * inner < kKernelWork ? DenseKernel::Portable : denseKernel();
    switch (kernel) {
    case DenseKernel::Avx512: dense::productAvx512(operand(a, ta), operand(b, tb), out.data()); return;
    case DenseKernel::Avx2: dense::productAvx2(operand(a, ta), operand(b, tb), out.data()); return;
    case DenseKernel::Portable: portableProduct(a, ta, b, tb, out); return;
    }
}

}  // namespace bp
