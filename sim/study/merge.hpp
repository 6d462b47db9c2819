// Joining the shard directories of a Monte Carlo study into the files the whole study
// writes on one machine, byte for byte.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "io/scenario_loader.hpp"
#include "study/study_output.hpp"

namespace gapsim {

// Scenario name -> its directory in each of `dirs` (outputs of `mc --shard`), in the order
// given: every DIR/<scenario> that holds a study_state and whose name can be a scenario's
// (io/output_name.hpp; staging directories cannot). Throws InputError for a path that
// is not a directory, or when no directory holds a study.
std::map<std::string, std::vector<std::string>> find_shard_directories(const std::vector<std::string>& dirs);

// The whole study of scenario `name` from its shard directories `dirs`, in any order, read
// through `read` (study_state, manifest, runs.csv, and series_long.csv when there is one).
// Throws InputError, naming the directory, when a file cannot be read, a shard belongs to
// another study (scenario, inputs, runs, seed, sampler or series differ), is given twice,
// is missing, or the shards do not add up to the study's runs; and, naming the shard's file,
// when its study_state is malformed or fails its own checksum, when runs.csv or
// series_long.csv does not match the SHA-256 its state records, or when its bands or its
// runs.csv rows are not exactly the runs of its slice.
// REQUIRES: dirs is not empty.
StudyOutput merge_study(const std::string& name, const std::vector<std::string>& dirs, const ReadFile& read);

}  // namespace gapsim
