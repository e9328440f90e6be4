// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix products on each kernel this processor runs (portable, AVX2, AVX-512) against a plain
// triple loop, in every transposition and around the size where products move to a kernel; and a
// training run that comes out the same on every kernel.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "core/language/parser.h"
#include "core/ops/dense_product.h"
#include "core/train/sgd.h"
#include "test_support.h"

namespace bp {
namespace {

constexpr DenseKernel kAll[] = {DenseKernel::Portable, DenseKernel::Avx2, DenseKernel::Avx512};

// Puts back the kernel the program chose when a test ends.
struct KernelScope {
    DenseKernel before = denseKernel();
    ~KernelScope() { useDenseKernel(before); }
};

Matrix randomMatrix(long rows, long cols, std::mt19937& rng) {
    std::uniform_real_distribution<double> draw(-1.0, 1.0);
    Matrix m(rows, cols);
    for (long i = 0; i < m.size(); ++i) m.data()[i] = draw(rng);
    return m;
}

Matrix naiveProduct(const Matrix& a, const Matrix& b) {
    Matrix out = Matrix::Zero(a.rows(), b.cols());
    for (long i = 0; i < a.rows(); ++i)
        for (long j = 0; j < b.cols(); ++j)
            for (long k = 0; k < a.cols(); ++k) out(i, j) += a(i, k) * b(k, j);
    return out;
}

TEST(DenseProduct, TheWidestKernelThatRunsIsChosenAndPortableAlwaysRuns) {
    KernelScope scope;
    EXPECT_TRUE(denseKernelRuns(DenseKernel::Portable));
    EXPECT_TRUE(useDenseKernel(DenseKernel::Portable));
    EXPECT_EQ(denseKernel(), DenseKernel::Portable);
    for (DenseKernel k : kAll) EXPECT_EQ(useDenseKernel(k), denseKernelRuns(k)) << denseKernelName(k);
    if (denseKernelRuns(DenseKernel::Avx512)) {
        EXPECT_TRUE(denseKernelRuns(DenseKernel::Avx2));
    }
}

TEST(DenseProduct, EveryKernelAgreesWithATripleLoopInEveryTransposition) {
    KernelScope scope;
    std::mt19937 rng(16);
    // rows x inner times inner x cols: below, at and above the size that moves to a kernel, thin and wide
    const long shapes[][3] = {{1, 1, 1}, {2, 3, 4}, {16, 16, 16}, {17, 15, 18}, {1, 300, 1},
                              {64, 78, 25}, {3, 1, 200}, {130, 70, 9}};
    int checked = 0;
    for (DenseKernel kernel : kAll) {
        if (!useDenseKernel(kernel)) continue;
        SCOPED_TRACE(std::string(denseKernelName(kernel)));
        for (const auto& s : shapes) {
            const Matrix a = randomMatrix(s[0], s[1], rng), b = randomMatrix(s[1], s[2], rng);
            const Matrix expected = naiveProduct(a, b);
            const Matrix at = a.transpose(), bt = b.transpose();
            Matrix out;
            for (int t = 0; t < 4; ++t) {
                const bool ta = t & 1, tb = t & 2;
                denseProduct(ta ? at : a, ta, tb ? bt : b, tb, out);
                ASSERT_EQ(out.rows(), s[0]);
                ASSERT_EQ(out.cols(), s[2]);
                EXPECT_LE((out - expected).cwiseAbs().maxCoeff(), 1e-12 * double(s[1])) << s[0] << "x" << s[1] << "x" << s[2] << " t" << t;
                ++checked;
            }
        }
    }
    EXPECT_GE(checked, 32);
}

// A product written into a matrix of another shape resizes it, as matmul's output does.
TEST(DenseProduct, TheOutputTakesTheProductsShape) {
    std::mt19937 rng(3);
    const Matrix a = randomMatrix(40, 30, rng), b = randomMatrix(30, 20, rng);
    Matrix out = Matrix::Constant(2, 2, 7.0);
    denseProduct(a, false, b, false, out);
    EXPECT_EQ(out.rows(), 40);
    EXPECT_EQ(out.cols(), 20);
    EXPECT_LE((out - naiveProduct(a, b)).cwiseAbs().maxCoeff(), 1e-12);
}

// Training the shipped spirals classifier (matrix products of 2..16 columns, 200 samples) gives the
// same losses on every kernel, to rounding.
TEST(DenseProduct, TrainingComesOutTheSameOnEveryKernel) {
    KernelScope scope;
    const std::string text = test::readFile(test::examplePath("spirals"));
    std::vector<std::vector<double>> runs;
    for (DenseKernel kernel : kAll) {
        if (!useDenseKernel(kernel)) continue;
        Program p = parseProgram(text, "spirals.bpg");
        const std::vector<double> losses = train(p, 20, 0.1).losses;
        runs.push_back(losses);
    }
    ASSERT_GE(runs.size(), 1u);
    for (const auto& run : runs)
        for (std::size_t i = 0; i < run.size(); ++i) EXPECT_NEAR(run[i], runs[0][i], 1e-12 * std::abs(runs[0][i]) + 1e-15);
}

}  // namespace
}  // namespace bp
