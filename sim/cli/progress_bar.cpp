// Terminal progress drawing.
#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

namespace gapsim {

ProgressBar::ProgressBar(std::string label, std::int64_t total, bool quiet)
    : m_label(std::move(label)),
      m_total(total),
      m_active(!quiet && isatty(STDERR_FILENO) == 1),
      m_start(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (m_drawn) {
    std::fputc('\n', stderr);
  }
}

std::function<void(std::int64_t)> ProgressBar::callback() {
  if (!m_active) {
    return {};
  }
  return [this](std::int64_t done) { update(done); };
}

void ProgressBar::update(std::int64_t done) {
  if (!m_active || m_total <= 0) {
    return;
  }
  constexpr int k_width = 30;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
  const double rate = seconds > 0.0 ? static_cast<double>(done) / seconds : 0.0;
  const double left = rate > 0.0 ? static_cast<double>(m_total - done) / rate : 0.0;
  const int filled = static_cast<int>(k_width * done / m_total);
  std::string bar(static_cast<std::size_t>(filled), '=');
  bar.resize(k_width, ' ');
  std::fprintf(stderr, "\r%s [%s] %lld/%lld runs  %.0f runs/s  %d:%02d left ", m_label.c_str(), bar.c_str(),
               static_cast<long long>(done), static_cast<long long>(m_total), rate, static_cast<int>(left) / 60,
               static_cast<int>(left) % 60);
  std::fflush(stderr);
  m_drawn = true;
}

}  // namespace gapsim
