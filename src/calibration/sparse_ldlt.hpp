// kinerja (private): sparse LDL' factorisation with a fixed pattern, refactored many times.
//
// The rater-effect fits factor a matrix of fixed pattern dozens of times (once per evaluation of
// the REML deviance), so everything that depends only on the pattern is done once by analyze():
// the elimination tree, the row indices of L, and for every row k the list of entries L(k, i)
// with their positions, sorted by column. factorize() is then the up-looking algorithm (row k of L
// is a sparse triangular solve with the rows above it) with no symbolic work and no allocation:
//
//   y = A(0:k, k);  for i in pattern of row k, ascending:
//     y_i -> L(k, i) = y_i / D(i);  y(rows of column i above k) -= L(:, i) y_i;  D(k) -= L(k, i) y_i
//
// Rows only read columns of their own subtree of the elimination tree, so disjoint subtrees are
// factored by separate threads, and the rows above them afterwards. Every entry is computed by
// the same operations in the same order whatever the number of threads: the factor is bitwise
// the same.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <queue>
#include <vector>

#include "core/parallel.hpp"
#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
namespace detail {

class SparseLdlt {
 public:
  /// Analyses the pattern of a symmetric matrix given by its upper triangle in compressed columns
  /// (column k holds rows <= k, the diagonal included), for factorisations by up to `threads`
  /// threads; a factorisation costing less than `parallel_cost` (about 1 ns each) runs on one.
  void analyze(int n, const int* colptr, const int* rowind, unsigned threads, double parallel_cost = 1e5) {
    n_ = n;
    const std::size_t un = static_cast<std::size_t>(n);
    parent_.assign(un, -1);
    std::vector<int> count(un, 0), flag(un, -1);
    // Elimination tree and column counts: row k reaches, from every i < k of A(:, k), the path
    // up the tree to a node already visited for this row.
    for (int k = 0; k < n; ++k) {
      flag[static_cast<std::size_t>(k)] = k;
      for (int q = colptr[k]; q < colptr[k + 1]; ++q) {
        for (int i = rowind[q]; i < k && flag[static_cast<std::size_t>(i)] != k;
             i = parent_[static_cast<std::size_t>(i)]) {
          if (parent_[static_cast<std::size_t>(i)] == -1) parent_[static_cast<std::size_t>(i)] = k;
          ++count[static_cast<std::size_t>(i)];
          flag[static_cast<std::size_t>(i)] = k;
        }
      }
    }
    lp_.assign(un + 1, 0);
    std::int64_t total = 0;
    for (std::size_t i = 0; i < un; ++i) {
      total += count[i];
      if (total > std::numeric_limits<int>::max())
        throw error(errc::OutOfRange, "sparse LDL': the factor has more than 2^31 nonzeros");
      lp_[i + 1] = static_cast<int>(total);
    }
    const std::size_t nnz = static_cast<std::size_t>(lp_[un]);
    li_.resize(nnz);
    lx_.assign(nnz, 0.0);
    d_.assign(un, 0.0);
    // Row patterns: row k's entries (column, position in L), by ascending column.
    row_ptr_.assign(un + 1, 0);
    row_col_.resize(nnz);
    row_pos_.resize(nnz);
    std::vector<int> next(lp_.begin(), lp_.end() - 1);
    std::fill(flag.begin(), flag.end(), -1);
    std::size_t at = 0;
    for (int k = 0; k < n; ++k) {
      flag[static_cast<std::size_t>(k)] = k;
      const std::size_t first = at;
      for (int q = colptr[k]; q < colptr[k + 1]; ++q) {
        for (int i = rowind[q]; i < k && flag[static_cast<std::size_t>(i)] != k;
             i = parent_[static_cast<std::size_t>(i)]) {
          flag[static_cast<std::size_t>(i)] = k;
          row_col_[at++] = i;
        }
      }
      std::sort(row_col_.begin() + static_cast<std::ptrdiff_t>(first),
                row_col_.begin() + static_cast<std::ptrdiff_t>(at));
      for (std::size_t t = first; t < at; ++t) {
        const std::size_t i = static_cast<std::size_t>(row_col_[t]);
        row_pos_[t] = next[i];
        li_[static_cast<std::size_t>(next[i]++)] = k;
      }
      row_ptr_[static_cast<std::size_t>(k) + 1] = static_cast<std::int64_t>(at);
    }
    schedule(threads, parallel_cost);
    // Dense workspaces, zero between rows (row() restores every entry it touches).
    work_.assign(std::max<std::size_t>(parts_.size(), 1), std::vector<double>(un, 0.0));
  }

  /// Factors the matrix with the analysed pattern and upper-triangle values `values` (aligned
  /// with the rowind given to analyze). False if a pivot is not positive (not positive definite
  /// in floating point).
  bool factorize(const int* colptr, const int* rowind, const double* values) {
    const std::size_t parts = parts_.size();
    std::vector<char> ok(parts + 1, 1);
    auto rows = [&](const std::vector<int>& list, std::vector<double>& y, char& good) {
      for (int k : list) good = row(k, colptr, rowind, values, y) && good;
    };
    if (parts > 0) {
      detail::run_threads(static_cast<unsigned>(parts), [&](unsigned t) { rows(parts_[t], work_[t], ok[t]); });
    }
    rows(top_, work_[0], ok[parts]);
    log_det_ = 0;
    for (double v : d_) log_det_ += std::log(v);
    return std::all_of(ok.begin(), ok.end(), [](char c) { return c != 0; });
  }

  int size() const { return n_; }
  const int* colptr() const { return lp_.data(); }
  const int* rowind() const { return li_.data(); }
  const double* values() const { return lx_.data(); }
  const std::vector<double>& d() const { return d_; }
  double log_det() const { return log_det_; }
  std::size_t nonzeros() const { return lx_.size(); }

 private:
  // Row k of L and D(k), with the dense workspace y (all zero on entry and on exit).
  bool row(int k, const int* colptr, const int* rowind, const double* values, std::vector<double>& y) {
    const std::size_t uk = static_cast<std::size_t>(k);
    for (int q = colptr[k]; q < colptr[k + 1]; ++q) y[static_cast<std::size_t>(rowind[q])] += values[q];
    double d = y[uk];
    y[uk] = 0;
    for (std::int64_t t = row_ptr_[uk]; t < row_ptr_[uk + 1]; ++t) {
      const std::size_t i = static_cast<std::size_t>(row_col_[static_cast<std::size_t>(t)]);
      const int p = row_pos_[static_cast<std::size_t>(t)];
      const double yi = y[i];
      y[i] = 0;
      for (int q = lp_[i]; q < p; ++q)
        y[static_cast<std::size_t>(li_[static_cast<std::size_t>(q)])] -= lx_[static_cast<std::size_t>(q)] * yi;
      const double lki = yi / d_[i];
      lx_[static_cast<std::size_t>(p)] = lki;
      d -= lki * yi;
    }
    d_[uk] = d;
    return d > 0 && std::isfinite(d);
  }

  // Splits the elimination tree into disjoint subtrees for the threads (largest first to the
  // least loaded thread) and the nodes above them, which are factored last.
  void schedule(unsigned threads, double parallel_cost) {
    const std::size_t un = static_cast<std::size_t>(n_);
    parts_.clear();
    top_.clear();
    std::vector<double> cost(un, 1.0);
    for (std::size_t k = 0; k < un; ++k)
      for (std::int64_t t = row_ptr_[k]; t < row_ptr_[k + 1]; ++t) {
        const std::size_t i = static_cast<std::size_t>(row_col_[static_cast<std::size_t>(t)]);
        cost[k] += 1.0 + (row_pos_[static_cast<std::size_t>(t)] - lp_[i]);
      }
    std::vector<double> subtree = cost;
    for (std::size_t k = 0; k < un; ++k)
      if (parent_[k] >= 0) subtree[static_cast<std::size_t>(parent_[k])] += subtree[k];
    double total = 0;
    for (std::size_t k = 0; k < un; ++k)
      if (parent_[k] < 0) total += subtree[k];
    if (threads <= 1 || un == 0 || total < parallel_cost) {
      parts_.assign(1, {});
      parts_[0].resize(un);
      for (std::size_t k = 0; k < un; ++k) parts_[0][k] = static_cast<int>(k);
      return;
    }
    // Children of every node, in compressed form.
    std::vector<int> child_ptr(un + 1, 0), child(un), roots;
    for (std::size_t k = 0; k < un; ++k)
      if (parent_[k] >= 0) ++child_ptr[static_cast<std::size_t>(parent_[k]) + 1];
    for (std::size_t k = 0; k < un; ++k) child_ptr[k + 1] += child_ptr[k];
    {
      std::vector<int> at(child_ptr.begin(), child_ptr.end() - 1);
      for (std::size_t k = 0; k < un; ++k) {
        if (parent_[k] >= 0) {
          child[static_cast<std::size_t>(at[static_cast<std::size_t>(parent_[k])]++)] = static_cast<int>(k);
        } else {
          roots.push_back(static_cast<int>(k));
        }
      }
    }
    auto children = [&](int k, auto&& fn) {
      for (int q = child_ptr[static_cast<std::size_t>(k)]; q < child_ptr[static_cast<std::size_t>(k) + 1]; ++q)
        fn(child[static_cast<std::size_t>(q)]);
    };
    // Open the heaviest subtree until none is heavier than a thread's share.
    auto lighter = [&](int x, int y) {
      return subtree[static_cast<std::size_t>(x)] < subtree[static_cast<std::size_t>(y)];
    };
    std::priority_queue<int, std::vector<int>, decltype(lighter)> heap(lighter, roots);
    const double share = total / threads;
    double top_cost = 0;
    while (!heap.empty() && subtree[static_cast<std::size_t>(heap.top())] > share && top_cost < 0.25 * total) {
      const int k = heap.top();
      heap.pop();
      top_.push_back(k);
      top_cost += cost[static_cast<std::size_t>(k)];
      children(k, [&](int c) { heap.push(c); });
    }
    std::vector<int> subtrees;
    while (!heap.empty()) {
      subtrees.push_back(heap.top());
      heap.pop();
    }
    // Largest first, each to the least loaded part.
    std::vector<double> load(threads, 0);
    parts_.assign(threads, {});
    std::vector<int> stack;
    for (int r : subtrees) {
      const std::size_t t = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
      load[t] += subtree[static_cast<std::size_t>(r)];
      stack.assign(1, r);
      while (!stack.empty()) {
        const int k = stack.back();
        stack.pop_back();
        parts_[t].push_back(k);
        children(k, [&](int c) { stack.push_back(c); });
      }
    }
    for (auto& p : parts_) std::sort(p.begin(), p.end());
    std::sort(top_.begin(), top_.end());
    parts_.erase(std::remove_if(parts_.begin(), parts_.end(), [](const std::vector<int>& p) { return p.empty(); }),
                 parts_.end());
  }

  int n_ = 0;
  std::vector<int> parent_;
  std::vector<int> lp_, li_;  // L: column pointers, row indices
  std::vector<double> lx_, d_;
  std::vector<std::int64_t> row_ptr_;  // row k: entries row_ptr_[k] .. row_ptr_[k + 1]
  std::vector<int> row_col_, row_pos_;
  std::vector<std::vector<int>> parts_;    // rows per thread (whole subtrees, ascending)
  std::vector<int> top_;                   // rows above the subtrees, ascending
  std::vector<std::vector<double>> work_;  // dense workspace per thread
  double log_det_ = 0;
};

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
