// The shared design of a paired study (docs/MODEL.md, section 14.3).
#include "study/shared_design.hpp"

#include <algorithm>
#include <cassert>
#include <string>

#include "study/study_inputs.hpp"

namespace gapsim {

void share_design(std::span<StudyPlan> plans, std::span<const std::vector<UncertainInput>* const> inputs,
                  std::size_t reference) {
  assert(reference < inputs.size() && inputs.size() == plans.size());
  struct Group {
    std::string label;
    int first = 0;  // its first coordinate in the shared design
  };
  std::vector<Group> groups;
  int dimensions = 0;
  // The reference's inputs, then the others' new ones.
  std::vector<std::size_t> order{reference};
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (i != reference) {
      order.push_back(i);
    }
  }
  for (const std::size_t i : order) {
    const std::vector<int> sizes = design_groups(*inputs[i]);
    for (std::size_t j = 0; j < inputs[i]->size(); ++j) {
      const std::string& label = (*inputs[i])[j].key.label;
      if (std::ranges::find(groups, label, &Group::label) == groups.end()) {
        groups.push_back({label, dimensions});
        dimensions += sizes[j];
      }
    }
  }
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::vector<int> sizes = design_groups(*inputs[i]);
    plans[i].shared_dimensions = dimensions;
    plans[i].shared_coordinates.clear();
    for (std::size_t j = 0; j < inputs[i]->size(); ++j) {
      const auto group = std::ranges::find(groups, (*inputs[i])[j].key.label, &Group::label);
      for (int c = 0; c < sizes[j]; ++c) {
        plans[i].shared_coordinates.push_back(group->first + c);
      }
    }
  }
}

}  // namespace gapsim
