// An exported model in Vensim's .mdl text, in the part of the language that Vensim, PySD and
// SDEverywhere all read.
#pragma once

#include "export/model_text.hpp"

namespace gapsim {

class MdlText final : public ModelText {
 public:
  void control(const std::string& name, int steps, int report_steps, const std::string& about) override;
  void group(const std::string& title, const std::string& about) override;
  void dimension(const std::string& name, const std::vector<std::string>& elements) override;
  bool maps_subranges() const override { return true; }
  void subrange(const std::string& name, const std::vector<std::string>& elements,
                const std::string& mapped_to) override;
  void equation(const Variable& variable, const std::string& expression) override;
  void element_equations(const Variable& variable, const std::vector<ElementEquation>& equations) override;
  void constants(const Variable& variable, const std::vector<double>& values,
                 const std::vector<std::string>& elements) override;
  void stock(const Variable& variable, const std::string& initial, const std::vector<std::string>& inflows) override;
  void lookup(const Variable& variable, const std::vector<std::pair<double, double>>& points) override;
  std::string text() const override { return "{UTF-8}\n" + m_text; }

  std::string time() const override { return "Time"; }
  std::string if_then_else(const std::string& condition, const std::string& then_value,
                           const std::string& else_value) const override;
  std::string is_multiple(const std::string& value, const std::string& divisor) const override;
  std::string safe_divide(const std::string& numerator, const std::string& denominator) const override;
  std::string initial(const std::string& expression) const override;
  std::string sum(const std::string& array, const std::string& fixed, const std::string& dimension) const override;

 private:
  void write(const std::string& lhs, const std::string& rhs, const Variable& variable);

  std::string m_text;
};

}  // namespace gapsim
