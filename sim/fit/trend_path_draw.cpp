// Path draws: the member by its cumulative weight, normals and chi-square by inverse CDF.
#include "fit/trend_path_draw.hpp"

#include <Eigen/Eigenvalues>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <stdexcept>

namespace gapsim {
namespace {

// Double precision throughout (Boost promotes to long double by default, several times
// slower in a draw made for every Monte Carlo run).
using DoublePolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

// R with R R' = C: V diag(sqrt(max(lambda, 0))) for C = V diag(lambda) V' (Cholesky would
// fail on a covariance that rounding leaves a hair short of positive definite), in the
// top-left p x p corner of a zero 3 x 3 matrix.
Eigen::Matrix3d covariance_root(const Eigen::MatrixXd& covariance) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(covariance);
  Eigen::Matrix3d root = Eigen::Matrix3d::Zero();
  root.topLeftCorner(covariance.rows(), covariance.cols()) =
      eigen.eigenvectors() * eigen.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
  return root;
}

}  // namespace

double DrawnTrendPath::log_volume(double t) const {
  const double tau = t - m_origin;
  Eigen::Vector3d gradient = Eigen::Vector3d::Zero();
  log_curve_gradient(m_model, m_theta.head(m_parameters), tau, gradient.head(m_parameters));
  return log_curve(m_model, m_theta.head(m_parameters), tau) + gradient.dot(m_shift) + m_residual;
}

double DrawnTrendPath::volume(double t) const { return std::exp(log_volume(t)); }

TrendPathSampler::TrendPathSampler(TrendForecast forecast) : m_forecast(std::move(forecast)) {
  double cumulative = 0.0;
  for (std::size_t i = 0; i < m_forecast.fits().size(); ++i) {
    const double weight = m_forecast.weights()[i];
    if (weight <= 0.0) {
      continue;
    }
    const TrendFit& fit = m_forecast.fits()[i];
    const int p = fit.parameters();
    if (p > 3 || fit.residual_df < 1) {
      throw std::invalid_argument("TrendPathSampler: a member has more than 3 parameters or no residual df");
    }
    cumulative += weight;
    // A widened forecast scales both parts of the predictive scale alike.
    const double spread = m_forecast.spread();
    Member member{fit.model,
                  p,
                  fit.origin,
                  Eigen::Vector3d::Zero(),
                  spread * covariance_root(fit.covariance),
                  spread * fit.sigma,
                  static_cast<double>(fit.residual_df),
                  cumulative};
    member.theta.head(p) = fit.theta;
    m_members.push_back(member);
  }
  if (m_members.empty()) {
    throw std::invalid_argument("TrendPathSampler: the forecast has no member with weight > 0");
  }
}

DrawnTrendPath TrendPathSampler::draw(const PathUniforms& uniforms) const {
  // The member: the first whose cumulative weight exceeds u0 times the total (the last one
  // catches rounding in the total).
  const double pick = uniforms[0] * m_members.back().cumulative_weight;
  std::size_t index = m_members.size() - 1;
  for (std::size_t i = 0; i < m_members.size(); ++i) {
    if (pick < m_members[i].cumulative_weight) {
      index = i;
      break;
    }
  }
  const Member* member = &m_members[index];
  const boost::math::normal_distribution<double, DoublePolicy> standard_normal;
  Eigen::Vector3d z = Eigen::Vector3d::Zero();
  for (int j = 0; j < member->parameters; ++j) {
    z[j] = boost::math::quantile(standard_normal, uniforms[1 + j]);
  }
  const double e = boost::math::quantile(standard_normal, uniforms[4]);
  const double chi_square =
      boost::math::quantile(boost::math::chi_squared_distribution<double, DoublePolicy>(member->df), uniforms[5]);
  const double k = std::sqrt(member->df / chi_square);

  DrawnTrendPath path;
  path.m_model = member->model;
  path.m_parameters = member->parameters;
  path.m_origin = member->origin;
  path.m_theta = member->theta;
  path.m_shift = k * (member->covariance_root * z);
  path.m_residual = k * member->sigma * e;
  path.m_member = static_cast<int>(index);
  return path;
}

PathGrid TrendPathSampler::grid(std::span<const double> times) const {
  PathGrid grid;
  for (const Member& member : m_members) {
    PathGrid::Member& tabled = grid.members.emplace_back();
    const auto n = static_cast<Eigen::Index>(times.size());
    tabled.centre.resize(n);
    tabled.slope.setZero(n, 3);
    for (Eigen::Index i = 0; i < n; ++i) {
      const double tau = times[static_cast<std::size_t>(i)] - member.origin;
      Eigen::Vector3d gradient = Eigen::Vector3d::Zero();
      log_curve_gradient(member.model, member.theta.head(member.parameters), tau, gradient.head(member.parameters));
      tabled.centre[i] = log_curve(member.model, member.theta.head(member.parameters), tau);
      tabled.slope.row(i) = gradient.transpose();
    }
  }
  return grid;
}

void TrendPathSampler::log_path(const PathGrid& grid, const PathUniforms& uniforms,
                                std::span<double> log_volume) const {
  const DrawnTrendPath path = draw(uniforms);
  const PathGrid::Member& member = grid.members[static_cast<std::size_t>(path.m_member)];
  const double s0 = path.m_shift[0];
  const double s1 = path.m_shift[1];
  const double s2 = path.m_shift[2];
  for (std::size_t i = 0; i < log_volume.size(); ++i) {
    const auto n = static_cast<Eigen::Index>(i);
    log_volume[i] = member.centre[n] + (member.slope(n, 0) * s0 + member.slope(n, 1) * s1 + member.slope(n, 2) * s2) +
                    path.m_residual;
  }
}

double TrendPathSampler::predictive_quantile(const DrawnTrendPath& path, double year) const {
  return m_forecast.cdf(year, path.volume(year));
}

}  // namespace gapsim
