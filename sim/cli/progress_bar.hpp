// A progress bar on stderr for long studies: runs done, rate and time left. It draws only
// when stderr is a terminal (never into logs or pipes) and not when asked to be quiet.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace gapsim {

class ProgressBar {
 public:
  ProgressBar(std::string label, std::int64_t total, bool quiet);
  ~ProgressBar();  // ends the line if anything was drawn

  void update(std::int64_t done);
  bool active() const { return m_active; }

 private:
  std::string m_label;
  std::int64_t m_total;
  bool m_active;
  bool m_drawn = false;
  std::chrono::steady_clock::time_point m_start;
};

}  // namespace gapsim
