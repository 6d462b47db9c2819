// Vensim .mdl text: "NAME = EXPRESSION ~ UNITS ~ COMMENT |" per equation.
#include "export/mdl_text.hpp"

#include <algorithm>

namespace gapsim {
namespace {

// Units and comments may not hold the characters that end an equation's parts.
std::string clean(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '~' || c == '|' || c == '\n'; }, ' ');
  return text;
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) {
    text += (text.empty() ? "" : ", ") + item;
  }
  return text;
}

// "name[d1, d2]", or "name" for a scalar.
std::string subscripted(const std::string& name, const std::vector<std::string>& dimensions) {
  return dimensions.empty() ? name : name + "[" + joined(dimensions) + "]";
}

// The elements as a Vensim list: "(a1-a9)" when they are one prefix numbered 1 apart.
std::string element_list(const std::vector<std::string>& elements) {
  if (elements.size() >= 2) {
    const std::string& first = elements.front();
    const std::string& last = elements.back();
    const std::size_t digits = first.find_last_not_of("0123456789") + 1;
    const std::string prefix = first.substr(0, digits);
    bool numbered = digits < first.size();
    for (std::size_t i = 0; numbered && i < elements.size(); ++i) {
      numbered = elements[i] == prefix + std::to_string(std::stoi(first.substr(digits)) + static_cast<int>(i));
    }
    if (numbered) {
      return "(" + first + "-" + last + ")";
    }
  }
  return joined(elements);
}

}  // namespace

void MdlText::control(const std::string& name, int steps, int report_steps, const std::string& about) {
  group(name, about);
  write("INITIAL TIME", "0", {"", {}, "step", "MODEL.md 1: step 0 starts at 00:00 on 1 January of start_year."});
  write("FINAL TIME", std::to_string(steps),
        {"", {}, "step", "MODEL.md 1: N steps; the run ends at 1 January of end_year + 1."});
  write("TIME STEP", "1",
        {"",
         {},
         "step",
         "One Euler step. Counting steps rather than years keeps every step's start exact: a running sum of "
         "1/steps_per_year drifts below the year boundaries."});
  write("SAVEPER", std::to_string(report_steps), {"", {}, "step", "MODEL.md 1: one saved row per report row."});
}

void MdlText::group(const std::string& title, const std::string& about) {
  m_text += "********************************************************\n\t.";
  m_text += clean(title);
  m_text += "\n********************************************************~\n\t\t";
  m_text += clean(about);
  m_text += "\n\t|\n\n";
}

void MdlText::dimension(const std::string& name, const std::vector<std::string>& elements) {
  m_text += name + ": " + element_list(elements) + "\n\t~\t\n\t~\t\n\t|\n\n";
}

void MdlText::subrange(const std::string& name, const std::vector<std::string>& elements,
                       const std::string& mapped_to) {
  m_text += name + ": " + element_list(elements) + " -> " + mapped_to + "\n\t~\t\n\t~\t\n\t|\n\n";
}

void MdlText::equation(const Variable& variable, const std::string& expression) {
  write(subscripted(variable.name, variable.dimensions), expression, variable);
}

void MdlText::element_equations(const Variable& variable, const std::vector<ElementEquation>& equations) {
  for (const ElementEquation& equation : equations) {
    write(variable.name + "[" + equation.subscripts + "]", equation.expression, variable);
  }
}

void MdlText::constants(const Variable& variable, const std::vector<double>& values, const std::vector<std::string>&) {
  std::string list;
  for (const double value : values) {
    list += (list.empty() ? "" : ", ") + number_text(value);
  }
  write(subscripted(variable.name, variable.dimensions), list, variable);
}

void MdlText::stock(const Variable& variable, const std::string& initial, const std::vector<std::string>& inflows) {
  std::string flows;
  for (const std::string& inflow : inflows) {
    flows += (flows.empty() ? "" : " + ") + subscripted(inflow, variable.dimensions);
  }
  write(subscripted(variable.name, variable.dimensions), "INTEG(" + flows + ", " + initial + ")", variable);
}

void MdlText::lookup(const Variable& variable, const std::vector<std::pair<double, double>>& points) {
  std::string text = variable.name + "(";
  for (std::size_t i = 0; i < points.size(); ++i) {
    text += (i == 0 ? "(" : ",(") + number_text(points[i].first) + "," + number_text(points[i].second) + ")";
  }
  m_text += text + ")";
  m_text += "\n\t~\t" + clean(variable.units) + "\n\t~\t" + clean(variable.doc) + "\n\t|\n\n";
}

std::string MdlText::if_then_else(const std::string& condition, const std::string& then_value,
                                  const std::string& else_value) const {
  return "IF THEN ELSE(" + condition + ", " + then_value + ", " + else_value + ")";
}

std::string MdlText::is_multiple(const std::string& value, const std::string& divisor) const {
  return "MODULO(" + value + ", " + divisor + ") = 0";
}

std::string MdlText::safe_divide(const std::string& numerator, const std::string& denominator) const {
  return "ZIDZ(" + numerator + ", " + denominator + ")";
}

std::string MdlText::initial(const std::string& expression) const { return "INITIAL(" + expression + ")"; }

std::string MdlText::sum(const std::string& array, const std::string& fixed, const std::string& dimension) const {
  return "SUM(" + array + "[" + (fixed.empty() ? "" : fixed + ", ") + dimension + "!])";
}

void MdlText::write(const std::string& lhs, const std::string& rhs, const Variable& variable) {
  m_text += lhs + " = " + rhs;
  m_text += "\n\t~\t" + clean(variable.units) + "\n\t~\t" + clean(variable.doc) + "\n\t|\n\n";
}

}  // namespace gapsim
