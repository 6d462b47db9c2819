// Bounded least squares by change of variables.
#include "fit/bounded_least_squares.hpp"

#include <cmath>
#include <unsupported/Eigen/LevenbergMarquardt>
#include <unsupported/Eigen/NumericalDiff>

namespace gapsim {
namespace {

// How far inside a bound a start on the bound is moved, relative to the scale of x.
constexpr double k_inside = 1e-6;

double to_bounded(const Bound& b, double u) {
  const bool has_lo = std::isfinite(b.lo);
  const bool has_hi = std::isfinite(b.hi);
  if (has_lo && has_hi) {
    return b.lo + (b.hi - b.lo) / (1.0 + std::exp(-u));
  }
  if (has_lo) {
    return b.lo + std::exp(u);
  }
  if (has_hi) {
    return b.hi - std::exp(u);
  }
  return u;
}

double to_unbounded(const Bound& b, double x) {
  const bool has_lo = std::isfinite(b.lo);
  const bool has_hi = std::isfinite(b.hi);
  const double scale = std::max(1.0, std::abs(x));
  if (has_lo && has_hi) {
    const double width = b.hi - b.lo;
    const double share = std::clamp((x - b.lo) / width, k_inside, 1.0 - k_inside);
    return std::log(share / (1.0 - share));
  }
  if (has_lo) {
    return std::log(std::max(x - b.lo, k_inside * scale));
  }
  if (has_hi) {
    return std::log(std::max(b.hi - x, k_inside * scale));
  }
  return x;
}

struct MappedResiduals : Eigen::DenseFunctor<double> {
  MappedResiduals(const ResidualFunction& function, int residual_count, const std::vector<Bound>& bounds)
      : DenseFunctor(static_cast<int>(bounds.size()), residual_count), m_function(function), m_bounds(bounds) {}

  Eigen::VectorXd bounded(const Eigen::VectorXd& u) const {
    Eigen::VectorXd x(u.size());
    for (Eigen::Index i = 0; i < u.size(); ++i) {
      x[i] = to_bounded(m_bounds[i], u[i]);
    }
    return x;
  }

  int operator()(const Eigen::VectorXd& u, Eigen::VectorXd& residuals) const {
    ++m_evaluations;
    m_function(bounded(u), residuals);
    return 0;
  }

  const ResidualFunction& m_function;
  const std::vector<Bound>& m_bounds;
  mutable int m_evaluations = 0;
};

}  // namespace

LeastSquaresResult minimize_bounded(const ResidualFunction& residuals, int residual_count, const Eigen::VectorXd& start,
                                    const std::vector<Bound>& bounds) {
  MappedResiduals mapped(residuals, residual_count, bounds);
  Eigen::NumericalDiff<MappedResiduals, Eigen::Central> differentiated(mapped);
  Eigen::LevenbergMarquardt<Eigen::NumericalDiff<MappedResiduals, Eigen::Central>> solver(differentiated);
  solver.setXtol(1e-12);
  solver.setFtol(1e-14);
  solver.setGtol(0.0);
  solver.setMaxfev(2000);
  Eigen::VectorXd u(start.size());
  for (Eigen::Index i = 0; i < start.size(); ++i) {
    u[i] = to_unbounded(bounds[i], start[i]);
  }
  const auto status = solver.minimize(u);
  using S = Eigen::LevenbergMarquardtSpace::Status;
  LeastSquaresResult result;
  result.x = mapped.bounded(u);
  Eigen::VectorXd final_residuals(residual_count);
  residuals(result.x, final_residuals);
  result.cost = final_residuals.squaredNorm();
  result.evaluations = differentiated.m_evaluations + 1;
  result.converged =
      status != S::TooManyFunctionEvaluation && status != S::ImproperInputParameters && result.x.allFinite();
  return result;
}

}  // namespace gapsim
