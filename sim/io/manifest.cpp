// The manifest reads as INI: header lines are comments, then the resolved scenario with
// one section per scenario section (data paths as written, relative to their scenario file).
#include "io/manifest.hpp"

#include "io/sha256.hpp"

namespace gapsim {
namespace {

void add_hashes(std::string& out, const std::vector<std::string>& files, const ReadFile& read) {
  for (const std::string& file : files) {
    const std::optional<std::string> contents = read(file);
    out += "# sha256 " + (contents ? sha256_hex(*contents) : std::string("(unreadable)")) + "  " + file + "\n";
  }
}

}  // namespace

std::string manifest_text(const RawScenario& raw, const BuiltScenario& built, const ReadFile& read) {
  std::string out = "# gapsim manifest: what produced this directory\n";
  out += "# program gapsim " GAPSIM_VERSION "\n";
  out += "# scenario " + raw.name + " from " + raw.path + "\n";
  out += "# inputs (scenario files, bases first, then data files)\n";
  add_hashes(out, raw.files, read);
  add_hashes(out, built.data_files, read);
  out += "# resolved scenario: every key, with the file and line that set it or 'default'\n";
  std::string section = "";
  for (const ResolvedSetting& setting : built.resolved) {
    const std::size_t dot = setting.key.rfind('.');
    const std::string key_section = dot == std::string::npos ? "" : setting.key.substr(0, dot);
    if (key_section != section) {
      section = key_section;
      out += "\n[" + section + "]\n";
    }
    out += setting.key.substr(dot == std::string::npos ? 0 : dot + 1) + " = " + setting.value + "  # " +
           setting.origin + "\n";
  }
  return out;
}

std::string command_manifest_text(const std::string& command, const std::vector<std::string>& args,
                                  const std::vector<std::string>& inputs, const ReadFile& read) {
  std::string out = "# gapsim manifest: what produced this directory\n";
  out += "# program gapsim " GAPSIM_VERSION "\n";
  out += "# command gapsim " + command;
  for (const std::string& word : args) {
    out += " " + word;
  }
  out += "\n# inputs\n";
  add_hashes(out, inputs, read);
  return out;
}

}  // namespace gapsim
