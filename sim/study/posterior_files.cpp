// Writing a posterior and its summaries.
#include "study/posterior_files.hpp"

#include <cstdio>

#include "io/number_format.hpp"
#include "model/results.hpp"

namespace gapsim {
namespace {

void add_numbers(std::string& out, std::initializer_list<double> values) {
  for (const double value : values) {
    out += ',';
    out += format_number(value);
  }
}

}  // namespace

std::string posterior_csv(const Posterior& posterior) {
  std::string out = "draw,walker,iteration";
  for (const PosteriorKey& key : posterior.keys) {
    out += ',';
    out += key.label;
  }
  out += ",log_prior,log_likelihood\n";
  for (int i = 0; i < posterior.draws(); ++i) {
    out += std::to_string(i);
    out += ',';
    out += std::to_string(i % posterior.walkers);
    out += ',';
    out += std::to_string(i / posterior.walkers);
    for (std::size_t k = 0; k < posterior.keys.size(); ++k) {
      out += ',';
      out += format_number(posterior.value(i, k));
    }
    add_numbers(
        out, {posterior.log_prior[static_cast<std::size_t>(i)], posterior.log_likelihood[static_cast<std::size_t>(i)]});
    out += '\n';
  }
  return out;
}

std::string posterior_summary_csv(const Posterior& posterior) {
  std::string out = "key,mean,sd,p5,p50,p95,rhat,ess,acceptance\n";
  for (std::size_t k = 0; k < posterior.keys.size(); ++k) {
    const KeySummary& s = posterior.summaries[k];
    out += posterior.keys[k].label;
    add_numbers(out, {s.mean, s.sd, s.p5, s.p50, s.p95, s.rhat, s.ess, posterior.acceptance});
    out += '\n';
  }
  return out;
}

std::string posterior_predictive_csv(const Posterior& posterior) {
  std::string out = "year,variable,observed,sd,mean,p5,p50,p95,predictive_p5,predictive_p95,z,covered\n";
  for (const TargetPredictive& p : posterior.predictive) {
    const double sd = *p.target.sd;
    out += std::to_string(p.target.year);
    out += ',';
    out += column_name(p.target.variable);
    add_numbers(out, {p.target.value, sd, p.mean, p.p5, p.p50, p.p95, p.predictive_p5, p.predictive_p95,
                      (p.mean - p.target.value) / sd});
    out += p.predictive_p5 <= p.target.value && p.target.value <= p.predictive_p95 ? ",1\n" : ",0\n";
  }
  return out;
}

std::string posterior_summary_text(const Posterior& posterior) {
  std::string out;
  char line[256];
  for (std::size_t k = 0; k < posterior.keys.size(); ++k) {
    const KeySummary& s = posterior.summaries[k];
    std::snprintf(line, sizeof line, "%-28s mean %-12.6g 90%% [%.6g, %.6g]  R-hat %.3f  ESS %.0f\n",
                  posterior.keys[k].label.c_str(), s.mean, s.p5, s.p95, s.rhat, s.ess);
    out += line;
  }
  std::snprintf(line, sizeof line, "%d draws (%d walkers x %d), acceptance %.3f, %lld model runs\n", posterior.draws(),
                posterior.walkers, posterior.iterations, posterior.acceptance,
                static_cast<long long>(posterior.evaluations));
  return out + line;
}

}  // namespace gapsim
