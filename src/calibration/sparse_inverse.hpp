// kinerja (private): selected inversion of a sparse LDL' factorisation.
//
// The conditional variances of kinerja's rater-effect BLUPs are diagonal entries of the inverse
// of a large sparse symmetric positive definite matrix A = L D L'. Forming the inverse would be
// dense; the Takahashi equations (Takahashi, Fagan & Chen 1973; Erisman & Tinney 1975) give the
// entries of Z = A^-1 on the nonzero pattern of L (which contains the pattern of A) from L and D
// alone, working from the last column to the first:
//
//   Z(i, j) = -sum_{k in S_j} Z(i, k) L(k, j)        for i in S_j
//   Z(j, j) = 1 / D(j) - sum_{k in S_j} L(k, j) Z(k, j)
//
// where S_j is the row pattern of column j of L below the diagonal. Every Z(i, k) needed is on the
// pattern because S_j minus {k} lies in the pattern of column k for every k in S_j (the fill
// property of the elimination). The cost is of the order of the factorisation itself.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace kinerja {
inline namespace v1 {
namespace detail {

/// A strictly lower triangular sparse matrix with a unit diagonal (not stored), in compressed
/// columns with ascending row indices in each column: the L of an LDL' factorisation.
struct UnitLower {
  int n = 0;
  const int* colptr = nullptr;  ///< n + 1 entries
  const int* rowind = nullptr;
  const double* values = nullptr;
};

/// Z = (L D L')^-1 on the pattern of L: `zval[p]` is Z(rowind[p], j) for the entries p of column
/// j, `zdiag[j]` is Z(j, j).
inline void selected_inverse(const UnitLower& l, const double* d, std::vector<double>& zval,
                             std::vector<double>& zdiag) {
  const std::size_t n = static_cast<std::size_t>(l.n);
  zval.assign(static_cast<std::size_t>(l.colptr[n]), 0.0);
  zdiag.assign(n, 0.0);
  std::vector<int> mark(n, -1);  // row -> its offset in the current column, or -1
  std::vector<double> acc;
  for (std::size_t jj = n; jj-- > 0;) {
    const int begin = l.colptr[jj], end = l.colptr[jj + 1];
    const int len = end - begin;
    acc.assign(static_cast<std::size_t>(len), 0.0);
    for (int t = 0; t < len; ++t) mark[static_cast<std::size_t>(l.rowind[begin + t])] = t;
    for (int t = 0; t < len; ++t) {
      const std::size_t k = static_cast<std::size_t>(l.rowind[begin + t]);
      const double lk = l.values[begin + t];
      acc[static_cast<std::size_t>(t)] += zdiag[k] * lk;
      // Z(r, k) for the rows r > k of column k: contributes to Z(r, j) through L(k, j), and by
      // symmetry Z(k, r) contributes to Z(k, j) through L(r, j).
      for (int p = l.colptr[k]; p < l.colptr[k + 1]; ++p) {
        const int tr = mark[static_cast<std::size_t>(l.rowind[p])];
        if (tr < 0) continue;
        acc[static_cast<std::size_t>(tr)] += zval[static_cast<std::size_t>(p)] * lk;
        acc[static_cast<std::size_t>(t)] += zval[static_cast<std::size_t>(p)] * l.values[begin + tr];
      }
    }
    double diag = 1.0 / d[jj];
    for (int t = 0; t < len; ++t) {
      const double z = -acc[static_cast<std::size_t>(t)];
      zval[static_cast<std::size_t>(begin + t)] = z;
      diag -= l.values[begin + t] * z;
      mark[static_cast<std::size_t>(l.rowind[begin + t])] = -1;
    }
    zdiag[jj] = diag;
  }
}

/// Z(a, b) from selected_inverse(), for any a, b whose entry lies on the pattern of L + L' (or
/// a == b). Returns 0 for an entry off the pattern (which is then not an entry of Z that the
/// pattern determines; callers only ask for entries of the pattern of A).
inline double selected_entry(const UnitLower& l, const std::vector<double>& zval, const std::vector<double>& zdiag,
                             int a, int b) {
  if (a == b) return zdiag[static_cast<std::size_t>(a)];
  const int col = std::min(a, b), row = std::max(a, b);
  const int* first = l.rowind + l.colptr[col];
  const int* last = l.rowind + l.colptr[col + 1];
  const int* it = std::lower_bound(first, last, row);
  if (it == last || *it != row) return 0.0;
  return zval[static_cast<std::size_t>(it - l.rowind)];
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
