// An exported model in XMILE 1.0 (OASIS), the interchange format Stella and simlin read:
// dimensions, stocks with their inflows, flows, auxiliaries and graphical functions, arrays
// given element by element where their elements differ.
#pragma once

#include "export/model_text.hpp"

namespace gapsim {

class XmileText final : public ModelText {
 public:
  void control(const std::string& name, int steps, int report_steps, const std::string& about) override;
  void group(const std::string& title, const std::string& about) override;
  void dimension(const std::string& name, const std::vector<std::string>& elements) override;
  bool maps_subranges() const override { return false; }  // XMILE 1.0 has no mappings
  void subrange(const std::string& name, const std::vector<std::string>& elements,
                const std::string& mapped_to) override;
  void equation(const Variable& variable, const std::string& expression) override;
  void element_equations(const Variable& variable, const std::vector<ElementEquation>& equations) override;
  void constants(const Variable& variable, const std::vector<double>& values,
                 const std::vector<std::string>& elements) override;
  void stock(const Variable& variable, const std::string& initial, const std::vector<std::string>& inflows) override;
  void lookup(const Variable& variable, const std::vector<std::pair<double, double>>& points) override;
  std::string text() const override;

  std::string time() const override { return "TIME"; }
  std::string if_then_else(const std::string& condition, const std::string& then_value,
                           const std::string& else_value) const override;
  std::string is_multiple(const std::string& value, const std::string& divisor) const override;
  std::string safe_divide(const std::string& numerator, const std::string& denominator) const override;
  std::string initial(const std::string& expression) const override;
  std::string sum(const std::string& array, const std::string& fixed, const std::string& dimension) const override;

 private:
  // A variable's opening tag with its <dimensions>, and its <units>, <doc> and closing tag.
  std::string opening(const std::string& tag, const Variable& variable) const;
  std::string closing(const std::string& tag, const Variable& variable) const;

  std::string m_header;
  std::string m_dimensions;
  std::string m_variables;
};

}  // namespace gapsim
