// Writing report.html.
#include "plot/report_html.hpp"

#include <cmath>
#include <cstdio>

#include "io/markup_escape.hpp"

namespace gapsim {
namespace {

constexpr const char* k_style =
    "body{font-family:'DejaVu Sans',sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}"
    "h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #ccc;margin-top:2em}"
    "table{border-collapse:collapse;margin:1em 0;font-size:0.9em}"
    "th,td{border:1px solid #ccc;padding:0.25em 0.6em}td{text-align:right}td:first-child{text-align:left}"
    "caption{caption-side:top;text-align:left;font-weight:bold;padding-bottom:0.3em}"
    "figure{margin:1.5em 0;page-break-inside:avoid}figure svg{width:100%;height:auto}"
    "figcaption{font-size:0.9em;color:#444}pre{font-size:0.75em;white-space:pre-wrap;background:#f6f6f6;"
    "padding:0.5em}.note{color:#a00}";

// The SVG element of a document: from "<svg" on (the XML declaration and DOCTYPE dropped).
std::string inline_svg(const std::string& svg) {
  const std::size_t start = svg.find("<svg");
  return start == std::string::npos ? std::string() : svg.substr(start);
}

}  // namespace

std::string grouped_number(double value, int decimals) {
  if (!std::isfinite(value)) {
    return "";
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::abs(value));
  std::string digits(buffer);
  const std::size_t point = digits.find('.');
  std::string whole = digits.substr(0, point);
  const std::string fraction = point == std::string::npos ? "" : digits.substr(point);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) {
    whole.insert(static_cast<std::size_t>(i), ",");
  }
  const bool negative = value < 0 && std::stod(digits) != 0.0;
  return (negative ? "-" : "") + whole + fraction;
}

std::string report_html(const Report& report) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                    markup_escaped(report.title) + "</title>\n<style>" + k_style + "</style>\n</head>\n<body>\n<h1>" +
                    markup_escaped(report.title) + "</h1>\n";
  if (!report.note.empty()) {
    out += "<p class=\"note\">" + markup_escaped(report.note) + "</p>\n";
  }
  for (const ReportSection& section : report.sections) {
    out += "<h2>" + markup_escaped(section.heading) + "</h2>\n";
    for (const ReportTable& table : section.tables) {
      out += "<table>\n<caption>" + markup_escaped(table.caption) + "</caption>\n<tr>";
      for (const std::string& cell : table.header) {
        out += "<th>" + markup_escaped(cell) + "</th>";
      }
      out += "</tr>\n";
      for (const auto& row : table.rows) {
        out += "<tr>";
        for (const std::string& cell : row) {
          out += "<td>" + markup_escaped(cell) + "</td>";
        }
        out += "</tr>\n";
      }
      out += "</table>\n";
    }
    for (const ReportFigure& figure : section.figures) {
      out += "<figure>\n";
      out += figure.svg.empty() ? "<p class=\"note\">" + figure.fallback + "</p>\n" : inline_svg(figure.svg) + "\n";
      out += "<figcaption><b>" + markup_escaped(figure.title) + ".</b> " + markup_escaped(figure.caption) +
             "</figcaption>\n</figure>\n";
    }
  }
  out += "<h2>Provenance</h2>\n";
  for (const auto& [file, manifest] : report.provenance) {
    out += "<h3>" + markup_escaped(file) + "</h3>\n<pre>" + markup_escaped(manifest) + "</pre>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace gapsim
