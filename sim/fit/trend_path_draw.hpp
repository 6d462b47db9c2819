// Whole-path draws from a fitted forecast for Monte Carlo studies. A draw picks a mixture
// member by weight, draws its parameters from their linearised sampling distribution and one
// residual that persists over the years, and scales both by one chi-square draw, so that in
// every year the value is distributed exactly as the member's predictive Student t (and over
// members as the mixture) that the forecast's intervals use:
//   ln V(t) = c(t) + k (grad g(t)' R z + s e),  R R' = Cov,  k = sqrt(df / chi2_df).
#pragma once

#include <Eigen/Core>
#include <array>
#include <span>
#include <vector>

#include "fit/trend_forecast.hpp"
#include "model/attack_trend.hpp"

namespace gapsim {

// Uniforms in (0, 1) one draw uses: the member; three parameter normals (p <= 3, the unused
// ones ignored); the residual normal; the chi-square.
inline constexpr std::size_t k_path_uniforms = 6;
using PathUniforms = std::array<double, k_path_uniforms>;

// One drawn path. Fixed-size state: copying and evaluating it allocate nothing.
class DrawnTrendPath final : public AttackTrend {
 public:
  double volume(double t) const override;
  double log_volume(double t) const;

 private:
  friend class TrendPathSampler;
  TrendModel m_model = TrendModel::exponential;
  int m_parameters = 2;
  double m_origin = 0.0;
  Eigen::Vector3d m_theta = Eigen::Vector3d::Zero();  // the member's fitted parameters
  Eigen::Vector3d m_shift = Eigen::Vector3d::Zero();  // k R z: the drawn linearised parameter deviation
  double m_residual = 0.0;                            // k s e
  int m_member = 0;                                   // index among the sampler's members
};

// The members' log-curves and gradients at fixed times (a scenario's steps), so that paths
// drawn on that grid cost a dot product per time instead of a curve evaluation.
struct PathGrid {
  struct Member {
    Eigen::ArrayXd centre;                                           // c(t_n)
    Eigen::Array<double, Eigen::Dynamic, 3, Eigen::RowMajor> slope;  // grad g(t_n), zero-padded
  };
  std::vector<Member> members;  // in the sampler's member order
};

class TrendPathSampler {
 public:
  // REQUIRES: every member with weight > 0 has at most 3 parameters and residual_df >= 1.
  explicit TrendPathSampler(TrendForecast forecast);

  // The path for `uniforms` (each in (0, 1)); allocates nothing.
  DrawnTrendPath draw(const PathUniforms& uniforms) const;

  // The members' curves at `times` (decimal years).
  PathGrid grid(std::span<const double> times) const;

  // ln V(t_n) of the path `uniforms` draw, for every time of `grid` (made by grid()), into
  // `log_volume` (as long as the grid): the same path as draw(), to rounding. Allocates nothing.
  void log_path(const PathGrid& grid, const PathUniforms& uniforms, std::span<double> log_volume) const;

  // The forecast's predictive probability of the drawn path's value in `year` (the mixture CDF
  // at it): uniform over draws in every year.
  double predictive_quantile(const DrawnTrendPath& path, double year) const;

  const TrendForecast& forecast() const { return m_forecast; }

 private:
  struct Member {
    TrendModel model;
    int parameters;
    double origin;
    Eigen::Vector3d theta;
    Eigen::Matrix3d covariance_root;  // R, R R' = Cov (symmetric eigen square root), zero-padded
    double sigma;
    double df;
    double cumulative_weight;
  };
  TrendForecast m_forecast;
  std::vector<Member> m_members;
};

}  // namespace gapsim
