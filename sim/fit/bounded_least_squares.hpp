// Nonlinear least squares within box bounds, for calibrating model parameters: Eigen's
// Levenberg-Marquardt on unbounded variables mapped smoothly into the bounds, with a
// central-difference Jacobian (the residuals come from whole simulation runs).
#pragma once

#include <Eigen/Core>
#include <functional>
#include <vector>

namespace gapsim {

struct Bound {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
};

// Fills `residuals` (sized by the caller's residual count) for parameters `x`.
using ResidualFunction = std::function<void(const Eigen::VectorXd& x, Eigen::VectorXd& residuals)>;

struct LeastSquaresResult {
  Eigen::VectorXd x;
  double cost = 0.0;  // sum of squared residuals at x
  int evaluations = 0;
  bool converged = false;
};

// Minimises the sum of squared residuals over lo < x_i < hi, starting from `start`
// (moved just inside a bound it sits on). A two-sided bound maps x = lo + (hi - lo) / (1 + e^-u),
// a one-sided one x = lo + e^u or hi - e^u, so the solver never leaves the box.
LeastSquaresResult minimize_bounded(const ResidualFunction& residuals, int residual_count, const Eigen::VectorXd& start,
                                    const std::vector<Bound>& bounds);

}  // namespace gapsim
