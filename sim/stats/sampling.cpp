// Unit-cube designs (docs/MODEL.md, section 14).
#include "stats/sampling.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/sobol.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <numeric>

namespace gapsim {

std::optional<SamplerKind> parse_sampler(std::string_view name) {
  if (name == "random") return SamplerKind::random;
  if (name == "lhs") return SamplerKind::lhs;
  if (name == "sobol") return SamplerKind::sobol;
  return std::nullopt;
}

std::string_view sampler_name(SamplerKind kind) {
  switch (kind) {
    case SamplerKind::random: return "random";
    case SamplerKind::lhs: return "lhs";
    case SamplerKind::sobol: return "sobol";
  }
  return "";
}

std::uint64_t run_seed(std::uint64_t base_seed, std::uint64_t run) {
  std::uint64_t z = base_seed + (run + 1) * 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

double open_unit(std::uint64_t bits) { return (static_cast<double>(bits >> 11) + 0.5) * 0x1p-53; }

UnitDesign::UnitDesign(SamplerKind kind, int dims, std::int64_t runs, std::uint64_t seed)
    : m_kind(kind), m_dims(dims), m_runs(runs), m_seed(seed) {
  if (kind != SamplerKind::lhs) {
    return;
  }
  // One permutation per dimension from a generator of its own, seeded off the base seed
  // (run index -1 is never a run, so these never share a stream with one).
  m_strata.resize(static_cast<std::size_t>(dims) * static_cast<std::size_t>(runs));
  boost::random::mt19937_64 generator(run_seed(seed, ~std::uint64_t{0}));
  for (int j = 0; j < dims; ++j) {
    auto row = std::span(m_strata).subspan(static_cast<std::size_t>(j) * static_cast<std::size_t>(runs),
                                           static_cast<std::size_t>(runs));
    std::iota(row.begin(), row.end(), 0u);
    for (std::size_t i = row.size(); i > 1; --i) {  // Fisher-Yates with Boost's portable draw
      boost::random::uniform_int_distribution<std::size_t> pick(0, i - 1);
      std::swap(row[i - 1], row[pick(generator)]);
    }
  }
}

void UnitDesign::point(std::int64_t run, std::span<double> u) const {
  if (m_kind == SamplerKind::sobol) {
    boost::random::sobol sequence(static_cast<std::size_t>(m_dims));
    sequence.seed(static_cast<std::uint64_t>(run));
    for (double& coordinate : u) {
      coordinate = open_unit(sequence());
    }
    return;
  }
  boost::random::mt19937_64 generator(run_seed(m_seed, static_cast<std::uint64_t>(run)));
  for (int j = 0; j < m_dims; ++j) {
    const double v = open_unit(generator());
    if (m_kind == SamplerKind::random) {
      u[j] = v;
    } else {
      const std::uint32_t stratum =
          m_strata[static_cast<std::size_t>(j) * static_cast<std::size_t>(m_runs) + static_cast<std::size_t>(run)];
      u[j] = (stratum + v) / static_cast<double>(m_runs);
    }
  }
}

}  // namespace gapsim
