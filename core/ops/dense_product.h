// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Matrix products (matmul and its gradients) on the fastest kernel this processor runs.
//
// The build targets every x86-64 processor, so Eigen's own products use SSE2 and hand large ones
// to OpenBLAS, which picks its kernels at run time but falls back to a generic SSE3 kernel on
// processors newer than it knows. The same Eigen products are also compiled for AVX2 with FMA
// and for AVX-512 (dense_kernel_*.cpp); the first product asks the processor which of them it
// runs and uses the widest from then on.
#include <string_view>

#include "core/graph/matrix.h"

namespace bp {

enum class DenseKernel { Portable, Avx2, Avx512 };

// "portable" (Eigen, OpenBLAS), "avx2", "avx512".
std::string_view denseKernelName(DenseKernel kernel);
// Whether this processor (and its operating system) runs the kernel.
bool denseKernelRuns(DenseKernel kernel);
// The kernel products use: the widest one that runs, unless chosen with useDenseKernel.
DenseKernel denseKernel();
// Chooses the kernel (tests and benchmarks compare them); false, and nothing changes, if it does
// not run here.
bool useDenseKernel(DenseKernel kernel);

// out = op(a) · op(b), op transposing its operand when asked. The shapes must agree.
void denseProduct(const Matrix& a, bool transposeA, const Matrix& b, bool transposeB, Matrix& out);

}  // namespace bp
