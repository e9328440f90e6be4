// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Matrix products (matmul and its gradients) on the fastest kernel this processor runs.
//
// The build targets every x86-64 processor, so Eigen's products in it use SSE2. The same products
// are also compiled for AVX2 with FMA and for AVX-512 (dense_kernel_*.cpp); the first product asks
// the processor which of them it runs and uses the widest from then on. (OpenBLAS, which did this
// before, picks its kernels at run time too but fell back to a generic SSE3 one on processors
// newer than it knows, and loading it cost every start of the program 1.5 ms.)
#include <string_view>

#include "core/graph/matrix.h"

namespace bp {

enum class DenseKernel { Portable, Avx2, Avx512 };

// "portable" (Eigen for any x86-64), "avx2", "avx512".
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
