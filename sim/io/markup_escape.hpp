// Text inside HTML or XML markup.
#pragma once

#include <string>
#include <string_view>

namespace gapsim {

// `text` with '&', '<', '>' and '"' written as entities, so that it reads back as itself in
// an element's text or in a quoted attribute.
std::string markup_escaped(std::string_view text);

}  // namespace gapsim
