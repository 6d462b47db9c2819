// A progress bar on stderr for long studies: runs done, rate and time left. It draws only
// when stderr is a terminal (never into logs or pipes) and not when asked to be quiet.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace gapsim {

class ProgressBar {
 public:
  ProgressBar(std::string label, std::int64_t total, bool quiet);
  ~ProgressBar();  // ends the line if anything was drawn

  void update(std::int64_t done);

  // update() as a callback for the study loops; empty when the bar does not draw, so a
  // single-threaded loop needs no reporting thread.
  std::function<void(std::int64_t)> callback();

 private:
  std::string m_label;
  std::int64_t m_total;
  bool m_active;
  bool m_drawn = false;
  std::chrono::steady_clock::time_point m_start;
};

}  // namespace gapsim
