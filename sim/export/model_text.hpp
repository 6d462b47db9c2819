// How an exported model is written down. The scenario's model (scenario_model.cpp) says
// what it is made of, in these operations; each format (mdl_text, xmile_text) writes them,
// and the few expressions whose syntax differs, in its own language.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace gapsim {

// Flows are what stocks take in; XMILE tells them apart from auxiliaries, Vensim does not.
enum class VariableKind { aux, flow };

struct Variable {
  std::string name;
  std::vector<std::string> dimensions;  // the dimensions of an array; empty for a scalar
  std::string units;
  std::string doc;  // what it is, and where docs/MODEL.md states it
  VariableKind kind = VariableKind::aux;
};

// One entry of an array defined piece by piece: `subscripts` names an element, or in a
// format that maps subranges a dimension or subrange, of each of the array's dimensions.
struct ElementEquation {
  std::string subscripts;  // "qualified_tier, age20"
  std::string expression;
};

class ModelText {
 public:
  virtual ~ModelText() = default;

  // The run: steps 0 .. `steps` of TIME STEP 1, a saved row every `report_steps`, and what
  // the model is (`about`).
  virtual void control(const std::string& name, int steps, int report_steps, const std::string& about) = 0;
  virtual void group(const std::string& title, const std::string& about) = 0;
  virtual void dimension(const std::string& name, const std::vector<std::string>& elements) = 0;
  // True when the format declares subranges mapped onto each other (Vensim), so that a shift
  // by one element is one equation; otherwise the model writes it element by element.
  virtual bool maps_subranges() const = 0;
  // A subrange of `elements`, mapped onto `mapped_to` (REQUIRES: maps_subranges()).
  virtual void subrange(const std::string& name, const std::vector<std::string>& elements,
                        const std::string& mapped_to) = 0;

  // A scalar, or an array with one expression for every element (in terms of its dimensions).
  virtual void equation(const Variable& variable, const std::string& expression) = 0;
  virtual void element_equations(const Variable& variable, const std::vector<ElementEquation>& equations) = 0;
  // A one-dimensional array of numbers, in the order of its dimension's elements.
  virtual void constants(const Variable& variable, const std::vector<double>& values,
                         const std::vector<std::string>& elements) = 0;
  // A stock of `variable.dimensions`, starting at `initial`, changed by the flows `inflows`
  // (variables of the same dimensions; net flows, which may be negative).
  virtual void stock(const Variable& variable, const std::string& initial, const std::vector<std::string>& inflows) = 0;
  // A lookup of points (x, y): linear between them, flat outside; called as NAME(x).
  virtual void lookup(const Variable& variable, const std::vector<std::pair<double, double>>& points) = 0;

  virtual std::string text() const = 0;

  // Expressions whose syntax differs.
  virtual std::string time() const = 0;  // the current time [step]
  virtual std::string if_then_else(const std::string& condition, const std::string& then_value,
                                   const std::string& else_value) const = 0;
  // The condition that `value` is a whole multiple of `divisor` (both whole numbers).
  virtual std::string is_multiple(const std::string& value, const std::string& divisor) const = 0;
  // numerator / denominator, or 0 where the denominator is 0: a plain '/' would stop Vensim
  // there even inside the branch of an IF THEN ELSE not taken, as it evaluates both.
  virtual std::string safe_divide(const std::string& numerator, const std::string& denominator) const = 0;
  virtual std::string initial(const std::string& expression) const = 0;  // its value at time 0
  // The sum of `array` over `dimension`, the subscripts before it being `fixed` ("" or "qualified_tier").
  virtual std::string sum(const std::string& array, const std::string& fixed, const std::string& dimension) const = 0;
};

// A number that reads back to the same double, without an exponent where a reader would not
// write one (200000, not 2e+05).
std::string number_text(double value);

}  // namespace gapsim
