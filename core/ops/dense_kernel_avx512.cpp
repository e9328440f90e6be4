// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix products for processors with AVX-512 (compiled with -mavx512f -mfma, see core/CMakeLists.txt).
#define BPS_KERNEL_EIGEN bps_eigen_avx512
#define BPS_KERNEL_FUNCTION productAvx512
#include "core/ops/dense_kernel_body.inc"
