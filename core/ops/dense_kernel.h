// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The products compiled for wider vector units (dense_kernel_avx2.cpp, dense_kernel_avx512.cpp).
// Each of those files compiles Eigen with its own instruction set under a namespace of its own,
// so none of its code can stand in for the portable build's (one definition per name); they
// meet the rest of the program only through these plain declarations.
namespace bp::dense {

// A column-major matrix as stored, and whether the product reads it transposed.
struct Operand {
    const double* data;
    long rows;
    long cols;
    bool transposed;
};

// out (column-major, op(a).rows x op(b).cols) = op(a) · op(b).
void productAvx2(const Operand& a, const Operand& b, double* out);
void productAvx512(const Operand& a, const Operand& b, double* out);

}  // namespace bp::dense
