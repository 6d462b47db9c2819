// XMILE 1.0 text. Names and equations are written as they are, with '<', '>' and '&'
// escaped; a group is an XML comment, as XMILE's groups belong to its diagrams.
#include "export/xmile_text.hpp"

#include <stdexcept>

#include "io/markup_escape.hpp"

namespace gapsim {
namespace {

// Text inside an XML comment may not hold "--".
std::string comment(std::string text) {
  for (std::size_t at = text.find("--"); at != std::string::npos; at = text.find("--", at)) {
    text.replace(at, 2, "- -");
  }
  return "<!-- " + text + " -->";
}

}  // namespace

void XmileText::control(const std::string& name, int steps, int report_steps, const std::string& about) {
  m_header = "  <header>\n    <vendor>gapsim</vendor>\n    <product version=\"" GAPSIM_VERSION
             "\">gapsim</product>\n    <name>" +
             markup_escaped(name) + "</name>\n  </header>\n  " + comment(about) +
             "\n  <sim_specs method=\"Euler\" time_units=\"step\">\n    <start>0</start>\n    <stop>" +
             std::to_string(steps) + "</stop>\n    <dt>1</dt>\n  </sim_specs>\n";
  // XMILE 1.0 has no save interval: rows are read every report_steps steps (a constant of
  // the model).
  static_cast<void>(report_steps);
}

void XmileText::group(const std::string& title, const std::string& about) {
  m_variables += "      " + comment(title + ": " + about) + "\n";
}

void XmileText::dimension(const std::string& name, const std::vector<std::string>& elements) {
  m_dimensions += "    <dim name=\"" + markup_escaped(name) + "\">";
  for (const std::string& element : elements) {
    m_dimensions += "<elem name=\"" + markup_escaped(element) + "\"/>";
  }
  m_dimensions += "</dim>\n";
}

void XmileText::subrange(const std::string& name, const std::vector<std::string>&, const std::string&) {
  throw std::logic_error("XMILE 1.0 maps no subranges (" + name + "): write the elements' equations");
}

void XmileText::equation(const Variable& variable, const std::string& expression) {
  const char* tag = variable.kind == VariableKind::flow ? "flow" : "aux";
  m_variables += opening(tag, variable);
  m_variables += "        <eqn>" + markup_escaped(expression) + "</eqn>\n";
  m_variables += closing(tag, variable);
}

void XmileText::element_equations(const Variable& variable, const std::vector<ElementEquation>& equations) {
  const char* tag = variable.kind == VariableKind::flow ? "flow" : "aux";
  m_variables += opening(tag, variable);
  for (const ElementEquation& equation : equations) {
    m_variables += "        <element subscript=\"" + markup_escaped(equation.subscripts) + "\"><eqn>" +
                   markup_escaped(equation.expression) + "</eqn></element>\n";
  }
  m_variables += closing(tag, variable);
}

void XmileText::constants(const Variable& variable, const std::vector<double>& values,
                          const std::vector<std::string>& elements) {
  std::vector<ElementEquation> equations;
  for (std::size_t i = 0; i < values.size(); ++i) {
    equations.push_back({elements[i], number_text(values[i])});
  }
  element_equations(variable, equations);
}

void XmileText::stock(const Variable& variable, const std::string& initial, const std::vector<std::string>& inflows) {
  m_variables += opening("stock", variable);
  m_variables += "        <eqn>" + markup_escaped(initial) + "</eqn>\n";
  for (const std::string& inflow : inflows) {
    m_variables += "        <inflow>" + markup_escaped(inflow) + "</inflow>\n";
  }
  m_variables += closing("stock", variable);
}

void XmileText::lookup(const Variable& variable, const std::vector<std::pair<double, double>>& points) {
  std::string xs;
  std::string ys;
  for (const auto& [x, y] : points) {
    if (!xs.empty()) {  // appended piece by piece: "," + std::string trips GCC 12's false -Wrestrict
      xs += ',';
      ys += ',';
    }
    xs += number_text(x);
    ys += number_text(y);
  }
  m_variables += "      <gf name=\"" + markup_escaped(variable.name) + "\">\n        <xpts>" + xs +
                 "</xpts>\n        <ypts>" + ys + "</ypts>\n";
  m_variables += closing("gf", variable);
}

std::string XmileText::text() const {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
         "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n" +
         m_header + "  <dimensions>\n" + m_dimensions + "  </dimensions>\n  <model>\n    <variables>\n" + m_variables +
         "    </variables>\n  </model>\n</xmile>\n";
}

std::string XmileText::if_then_else(const std::string& condition, const std::string& then_value,
                                    const std::string& else_value) const {
  return "(IF " + condition + " THEN " + then_value + " ELSE " + else_value + ")";
}

// XMILE 1.0 has MOD as an infix operator, which not every reader takes: INT says the same.
std::string XmileText::is_multiple(const std::string& value, const std::string& divisor) const {
  return "INT((" + value + ") / " + divisor + ") * " + divisor + " = " + value;
}

std::string XmileText::safe_divide(const std::string& numerator, const std::string& denominator) const {
  return "SAFEDIV(" + numerator + ", " + denominator + ")";  // 0 where the denominator is 0
}

std::string XmileText::initial(const std::string& expression) const { return "INIT(" + expression + ")"; }

std::string XmileText::sum(const std::string& array, const std::string& fixed, const std::string&) const {
  return "SUM(" + array + "[" + (fixed.empty() ? "" : fixed + ", ") + "*])";
}

std::string XmileText::opening(const std::string& tag, const Variable& variable) const {
  std::string text = "      <" + tag + " name=\"" + markup_escaped(variable.name) + "\">\n";
  if (!variable.dimensions.empty()) {
    text += "        <dimensions>";
    for (const std::string& dimension : variable.dimensions) {
      text += "<dim name=\"" + markup_escaped(dimension) + "\"/>";
    }
    text += "</dimensions>\n";
  }
  return text;
}

std::string XmileText::closing(const std::string& tag, const Variable& variable) const {
  return "        <units>" + markup_escaped(variable.units) + "</units>\n        <doc>" + markup_escaped(variable.doc) +
         "</doc>\n      </" + tag + ">\n";
}

}  // namespace gapsim
