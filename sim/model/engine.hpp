// The stock-and-flow engine: explicit Euler over the workforce by tier and single year of age.
// The equations are stated in docs/MODEL.md exactly as computed here.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "model/exogenous.hpp"
#include "model/results.hpp"

namespace gapsim {

// Per-age fractions of a tier that stay or retire within one step.
struct AgeStepFractions {
  Eigen::ArrayXd keep_qualified;  // (1 - attrition) * (1 - retirement), per age
  Eigen::ArrayXd keep_underskilled;
  Eigen::ArrayXd retire_qualified;  // retirement fraction after attrition, per age
  Eigen::ArrayXd retire_underskilled;
};

// Memory a run works in. Reusing one Workspace (and one Results) across runs of the same
// shape means a run allocates nothing at all.
class Workspace {
 public:
  // Sizes every buffer for `inputs` and derives the per-age step fractions.
  void prepare(const ExogenousInputs& inputs);

  // Workers per age bucket (index 0 = min age) as the last run left them.
  const Eigen::ArrayXd& qualified() const { return m_qualified; }
  const Eigen::ArrayXd& underskilled() const { return m_underskilled; }

 private:
  friend class Engine;
  Eigen::ArrayXd m_qualified;
  Eigen::ArrayXd m_underskilled;
  AgeStepFractions m_fractions;
  std::vector<Eigen::ArrayXd> m_pipelines;  // ring buffer of starters per programme
  std::vector<int> m_heads;
  std::vector<double> m_entering;  // this step's entrants per programme [persons]
};

class Engine {
 public:
  // Runs the scenario from its start to the end of its last year and fills `results`.
  // Does not allocate when `workspace` and `results` already have the right shape.
  static void run(const ExogenousInputs& inputs, Workspace& workspace, Results& results);
};

}  // namespace gapsim
