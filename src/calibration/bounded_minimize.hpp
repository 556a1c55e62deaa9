// kinerja (private): derivative-free minimisation of a smooth function of two variables under
// bounds, for the variance parameters of the rater-effect model (theta = relative standard
// deviations of the ratee and rater effects, each >= 0).
//
// The method follows the trust-region scheme of Powell's BOBYQA, specialised to two variables:
//  * a full quadratic model interpolates the function at six points (1 + 2 + 3 coefficients);
//  * each iteration minimises the model exactly over the trust region (a box of half-width
//    delta around the best point) intersected with the bounds: in two dimensions the minimum of
//    a quadratic over a rectangle is the interior stationary point or lies on one of the four
//    edges, each a one-dimensional quadratic;
//  * the new point replaces the interpolation point whose Lagrange function is largest there,
//    weighted by its distance, so the points stay well poised; when the points are too far
//    apart for the current resolution a geometry step replaces the farthest one;
//  * two radii: delta (trust region) adapts to the agreement between model and function; rho,
//    the resolution, only decreases (rho_begin ... rho_end), and the run ends when a step at
//    resolution rho_end no longer improves on the model.
// The profiled REML deviance is smooth with at most a few local minima, where this converges
// superlinearly; on the boundary (a variance of 0) the box step lands exactly on the bound.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>

namespace kinerja {
inline namespace v1 {
namespace detail {

using Point2 = std::array<double, 2>;

struct Minimum2 {
  Point2 x{};
  double f = 0;
  std::size_t evaluations = 0;
  bool converged = false;  ///< rho reached rho_end within max_evaluations
};

struct Minimize2Options {
  double rho_begin = 0.2;
  double rho_end = 1e-9;
  std::size_t max_evaluations = 2000;
};

namespace minimize2 {

using Basis = std::array<double, 6>;
using Matrix6 = std::array<std::array<double, 6>, 6>;

inline Basis basis(double s0, double s1) {
  return {1.0, s0, s1, 0.5 * s0 * s0, s0 * s1, 0.5 * s1 * s1};
}

// Inverts `a` in place by Gauss-Jordan elimination with partial pivoting. False when a pivot is
// negligible (the interpolation points are not poised for a quadratic).
inline bool invert(Matrix6& a) {
  Matrix6 inv{};
  for (std::size_t i = 0; i < 6; ++i) inv[i][i] = 1.0;
  double scale = 0;
  for (const auto& row : a)
    for (double v : row) scale = std::max(scale, std::fabs(v));
  for (std::size_t c = 0; c < 6; ++c) {
    std::size_t piv = c;
    for (std::size_t r = c + 1; r < 6; ++r)
      if (std::fabs(a[r][c]) > std::fabs(a[piv][c])) piv = r;
    if (!(std::fabs(a[piv][c]) > 1e-11 * scale)) return false;
    std::swap(a[piv], a[c]);
    std::swap(inv[piv], inv[c]);
    const double p = 1.0 / a[c][c];
    for (std::size_t k = 0; k < 6; ++k) {
      a[c][k] *= p;
      inv[c][k] *= p;
    }
    for (std::size_t r = 0; r < 6; ++r) {
      if (r == c || a[r][c] == 0.0) continue;
      const double f = a[r][c];
      for (std::size_t k = 0; k < 6; ++k) {
        a[r][k] -= f * a[c][k];
        inv[r][k] -= f * inv[c][k];
      }
    }
  }
  a = inv;
  return true;
}

// Minimises g's + s'Hs/2 over lo <= s <= hi (a rectangle containing 0). Exact.
inline Point2 box_quadratic_min(const Point2& g, double h00, double h01, double h11, const Point2& lo,
                                const Point2& hi) {
  auto value = [&](double s0, double s1) {
    return g[0] * s0 + g[1] * s1 + 0.5 * (h00 * s0 * s0 + 2 * h01 * s0 * s1 + h11 * s1 * s1);
  };
  Point2 best{0.0, 0.0};
  double best_value = 0.0;
  auto consider = [&](double s0, double s1) {
    const double v = value(s0, s1);
    if (v < best_value) {
      best_value = v;
      best = {s0, s1};
    }
  };
  const double det = h00 * h11 - h01 * h01;
  if (h00 > 0 && det > 0) {
    const double s0 = (-g[0] * h11 + g[1] * h01) / det;
    const double s1 = (-g[1] * h00 + g[0] * h01) / det;
    if (s0 >= lo[0] && s0 <= hi[0] && s1 >= lo[1] && s1 <= hi[1]) consider(s0, s1);
  }
  // Edges: one coordinate fixed at a bound, the other minimised over its interval.
  for (int fixed = 0; fixed < 2; ++fixed) {
    const int free = 1 - fixed;
    const double hff = free == 0 ? h00 : h11;
    for (double sf : {lo[static_cast<std::size_t>(fixed)], hi[static_cast<std::size_t>(fixed)]}) {
      const double slope = g[static_cast<std::size_t>(free)] + h01 * sf;
      const double a = lo[static_cast<std::size_t>(free)], b = hi[static_cast<std::size_t>(free)];
      auto at = [&](double t) {
        if (fixed == 0)
          consider(sf, t);
        else
          consider(t, sf);
      };
      at(a);
      at(b);
      if (hff > 0) at(std::min(b, std::max(a, -slope / hff)));
    }
  }
  return best;
}

}  // namespace minimize2

/// Minimises f(x) over lower <= x <= upper from x0. `f` may return +infinity where it is not
/// defined; such points are never interpolated.
template <typename F>
Minimum2 minimize_bounded_2d(F&& f, Point2 x0, const Point2& lower, const Point2& upper, const Minimize2Options& o) {
  using namespace minimize2;
  const double inf = std::numeric_limits<double>::infinity();
  Minimum2 out;
  std::array<Point2, 6> pts{};
  std::array<double, 6> vals{};
  std::size_t kb = 0;
  double rho = o.rho_begin, delta = o.rho_begin;

  auto eval = [&](const Point2& x) {
    ++out.evaluations;
    const double v = f(x);
    return std::isfinite(v) ? v : inf;
  };
  auto clamp = [&](Point2 x) {
    for (std::size_t i = 0; i < 2; ++i) x[i] = std::min(upper[i], std::max(lower[i], x[i]));
    return x;
  };
  auto dist = [](const Point2& a, const Point2& b) { return std::max(std::fabs(a[0] - b[0]), std::fabs(a[1] - b[1])); };
  auto budget_left = [&] { return out.evaluations < o.max_evaluations; };

  // Six points around `c` (already evaluated: fc) at spacing r, kept inside the bounds.
  auto stencil = [&](const Point2& c, double fc, double r) {
    pts[0] = c;
    vals[0] = fc;
    std::array<double, 2> first{}, second{};
    for (std::size_t i = 0; i < 2; ++i) {
      const bool up_ok = c[i] + r <= upper[i], down_ok = c[i] - r >= lower[i];
      first[i] = up_ok ? r : -r;
      second[i] = down_ok && up_ok ? -r : 2 * first[i];
    }
    for (std::size_t i = 0; i < 2; ++i) {
      Point2 a = c, b = c;
      a[i] += first[i];
      b[i] += second[i];
      pts[1 + 2 * i] = clamp(a);
      pts[2 + 2 * i] = clamp(b);
      vals[1 + 2 * i] = budget_left() ? eval(pts[1 + 2 * i]) : inf;
      vals[2 + 2 * i] = budget_left() ? eval(pts[2 + 2 * i]) : inf;
    }
    Point2 diag = c;
    for (std::size_t i = 0; i < 2; ++i)
      diag[i] += vals[1 + 2 * i] <= vals[2 + 2 * i] ? first[i] : (second[i] == -r ? -r : first[i]);
    pts[5] = clamp(diag);
    vals[5] = budget_left() ? eval(pts[5]) : inf;
    kb = static_cast<std::size_t>(std::min_element(vals.begin(), vals.end()) - vals.begin());
  };

  // Start inside the bounds, at least rho away from a bound unless on it (as BOBYQA does).
  for (std::size_t i = 0; i < 2; ++i) {
    x0[i] = std::min(upper[i], std::max(lower[i], x0[i]));
    if (x0[i] - lower[i] <= 0.5 * rho)
      x0[i] = lower[i];
    else if (x0[i] - lower[i] < rho)
      x0[i] = lower[i] + rho;
  }
  stencil(x0, eval(x0), rho);

  Matrix6 phi{};
  std::array<double, 6> coef{};
  std::size_t geometry = 6;  // index of a point to move for geometry, or 6
  // |f - model| at the last three new points: when they are small against the model's curvature
  // at the resolution rho, the model is trusted there without moving far points closer first.
  std::array<double, 3> errors{inf, inf, inf};
  auto record = [&](double e) {
    errors[2] = errors[1];
    errors[1] = errors[0];
    errors[0] = std::isfinite(e) ? e : inf;
  };
  while (budget_left()) {
    const Point2 c = pts[kb];
    const double h = delta;
    bool finite = true;
    for (std::size_t j = 0; j < 6; ++j) {
      phi[j] = basis((pts[j][0] - c[0]) / h, (pts[j][1] - c[1]) / h);
      finite = finite && std::isfinite(vals[j]);
    }
    if (!finite || !invert(phi)) {
      stencil(c, vals[kb], rho);
      geometry = 6;
      continue;
    }
    // phi now holds the inverse: coefficients and Lagrange functions.
    for (std::size_t m = 0; m < 6; ++m) {
      coef[m] = 0;
      for (std::size_t j = 0; j < 6; ++j) coef[m] += phi[m][j] * (vals[j] - vals[kb]);
    }
    auto lagrange = [&](std::size_t j, const Point2& x) {
      const Basis b = basis((x[0] - c[0]) / h, (x[1] - c[1]) / h);
      double v = 0;
      for (std::size_t m = 0; m < 6; ++m) v += b[m] * phi[m][j];
      return v;
    };
    auto model_at = [&](const Point2& x) {
      const Basis b = basis((x[0] - c[0]) / h, (x[1] - c[1]) / h);
      double v = vals[kb];
      for (std::size_t m = 0; m < 6; ++m) v += coef[m] * b[m];
      return v;
    };
    auto farthest = [&] {
      std::size_t far = kb;
      double dmax = 0;
      for (std::size_t j = 0; j < 6; ++j)
        if (j != kb && dist(pts[j], c) > dmax) {
          dmax = dist(pts[j], c);
          far = j;
        }
      return std::make_pair(far, dmax);
    };

    if (geometry < 6) {
      // Replace point `geometry` by the point at distance r from the best that maximises its
      // Lagrange function (16 directions on the box boundary, clipped to the bounds).
      const double r = std::max(rho, std::min(0.1 * dist(pts[geometry], c), delta));
      Point2 choice = c;
      double lbest = -1;
      for (int k = 0; k < 16; ++k) {
        const double a = 0.39269908169872414 * k;  // 2 pi k / 16
        double u0 = std::cos(a), u1 = std::sin(a);
        const double m = std::max(std::fabs(u0), std::fabs(u1));
        const Point2 y = clamp({c[0] + r * u0 / m, c[1] + r * u1 / m});
        if (dist(y, c) == 0) continue;
        const double l = std::fabs(lagrange(geometry, y));
        if (l > lbest) {
          lbest = l;
          choice = y;
        }
      }
      const std::size_t j = geometry;
      geometry = 6;
      if (lbest <= 0) {
        stencil(c, vals[kb], rho);
        continue;
      }
      pts[j] = choice;
      vals[j] = eval(choice);
      record(std::fabs(vals[j] - model_at(choice)));
      if (vals[j] < vals[kb]) kb = j;
      continue;
    }

    const Point2 g{coef[1], coef[2]};
    const Point2 lo{std::max(-1.0, (lower[0] - c[0]) / h), std::max(-1.0, (lower[1] - c[1]) / h)};
    const Point2 hi{std::min(1.0, (upper[0] - c[0]) / h), std::min(1.0, (upper[1] - c[1]) / h)};
    const Point2 s = box_quadratic_min(g, coef[3], coef[4], coef[5], lo, hi);
    const double pred = -(g[0] * s[0] + g[1] * s[1] +
                          0.5 * (coef[3] * s[0] * s[0] + 2 * coef[4] * s[0] * s[1] + coef[5] * s[1] * s[1]));
    Point2 xn = clamp({c[0] + s[0] * h, c[1] + s[1] * h});
    // A step that would end within rounding of a bound lands on it.
    for (std::size_t i = 0; i < 2; ++i)
      if (s[i] == lo[i] && lo[i] > -1.0) xn[i] = lower[i];
    const double dnorm = dist(xn, c);

    // Distances below `slack` are rounding of the coordinates.
    const double slack = 8 * std::numeric_limits<double>::epsilon() * (1 + std::fabs(c[0]) + std::fabs(c[1]));
    bool known = false;
    for (std::size_t j = 0; j < 6; ++j) known = known || dist(pts[j], xn) <= slack;

    bool reduce = false;
    if (dnorm < 0.5 * rho || !(pred > 0) || known) {
      // The model's minimum is at the best point at this resolution.
      delta = std::max(rho, 0.1 * delta);
      const double h00 = coef[3] / (h * h), h01 = coef[4] / (h * h), h11 = coef[5] / (h * h);
      const double curvature = 0.5 * (h00 + h11) - std::sqrt(0.25 * (h00 - h11) * (h00 - h11) + h01 * h01);
      const double worst = std::max(errors[0], std::max(errors[1], errors[2]));
      const auto [far, dmax] = farthest();
      // Model errors at the rounding level of f say nothing about the geometry: moving points
      // would not make the model better, so the resolution is reduced as well.
      const double noise = 16 * std::numeric_limits<double>::epsilon() * std::fabs(vals[kb]);
      if (worst <= noise || (curvature > 0 && worst <= 0.125 * curvature * rho * rho))
        reduce = true;
      else if (dmax > 2 * delta + slack)
        geometry = far;
      else if (delta <= rho)
        reduce = true;
    } else {
      const double fn = eval(xn);
      record(std::fabs(fn - (vals[kb] - pred)));
      const double ratio = (vals[kb] - fn) / pred;
      if (ratio <= 0.1)
        delta = std::min(0.5 * delta, dnorm);
      else if (ratio <= 0.7)
        delta = std::max(0.5 * delta, dnorm);
      else
        delta = std::max(0.5 * delta, 2 * dnorm);
      if (delta <= 1.5 * rho) delta = rho;
      if (std::isfinite(fn)) {
        const bool better = fn < vals[kb];
        const Point2 centre = better ? xn : c;
        std::size_t t = 6;
        double score = -1;
        for (std::size_t j = 0; j < 6; ++j) {
          if (!better && j == kb) continue;
          const double dj = dist(pts[j], centre) / delta;
          const double w = std::max(1.0, dj * dj);
          const double sc = std::fabs(lagrange(j, xn)) * w * w;
          if (sc > score) {
            score = sc;
            t = j;
          }
        }
        if (t < 6) {
          pts[t] = xn;
          vals[t] = fn;
          if (better) kb = t;
        }
      }
      if (!(ratio > 0.1)) {
        const auto [far, dmax] = farthest();
        if (dmax > 2 * delta)
          geometry = far;
        else if (dnorm <= rho + slack)
          reduce = true;
      }
    }
    if (reduce) {
      if (rho <= o.rho_end) {
        out.converged = true;
        break;
      }
      const double ratio = rho / o.rho_end;
      const double next = ratio > 250 ? 0.1 * rho : ratio > 16 ? std::sqrt(rho * o.rho_end) : o.rho_end;
      delta = std::max(0.5 * rho, next);
      rho = next;
    }
  }
  out.x = pts[kb];
  out.f = vals[kb];
  return out;
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
