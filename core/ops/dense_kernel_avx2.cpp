// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix products for processors with AVX2 and FMA (compiled with -mavx2 -mfma, see core/CMakeLists.txt).
#define BPS_KERNEL_EIGEN bps_eigen_avx2
#define BPS_KERNEL_FUNCTION productAvx2
#include "core/ops/dense_kernel_body.inc"
