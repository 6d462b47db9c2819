// report.html: one self-contained page per output directory. The summary tables first, then
// every figure inline (SVG) with its caption, then the provenance (the manifests). No script,
// font or style from outside the file: it reads offline and prints.
#pragma once

#include <string>
#include <vector>

namespace gapsim {

struct ReportTable {
  std::string caption;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // cells as text, already formatted
};

struct ReportFigure {
  std::string title;
  std::string caption;
  std::string svg;       // the SVG document as gnuplot wrote it; empty when not rendered
  std::string fallback;  // shown instead when there is no SVG: a relative link, or why not
};

struct ReportSection {
  std::string heading;
  std::vector<ReportTable> tables;
  std::vector<ReportFigure> figures;
};

struct Report {
  std::string title;
  std::string note;  // one line under the title (e.g. that figures were not rendered), or ""
  std::vector<ReportSection> sections;
  std::vector<std::pair<std::string, std::string>> provenance;  // (file, manifest text)
};

std::string report_html(const Report& report);

// `value` rounded to `decimals` with thousands separators: 1234567.8 -> "1,234,568".
std::string grouped_number(double value, int decimals = 0);

}  // namespace gapsim
