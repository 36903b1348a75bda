#include "store/reach_config.h"

#include <toml++/toml.h>

#include <filesystem>

#include "store/config_file.h"

namespace crowdlens {
namespace {

std::string Where(const std::string& path, const toml::node& node) {
  return path + " line " + std::to_string(node.source().begin.line);
}

// A positive number (integer or float) at `node`, or an error naming the key and the line.
Result<double> PositiveNumber(const std::string& path, const std::string& key, const toml::node& node) {
  std::optional<double> number = node.value<double>();
  if (!number || !(*number > 0)) {
    return DataError(Where(path, node) + ": " + key + " must be a positive number, e.g. " + key + " = 200");
  }
  return *number;
}

// Reads posts_per_session and sessions_per_day of `table` into `habit`.
Status ReadHabit(const std::string& path, const std::string& prefix, const toml::table& table, ReadingHabit& habit) {
  for (const auto& [key, value] : table) {
    const std::string name(key.str());
    if (name == "posts_per_session" || name == "sessions_per_day") {
      Result<double> number = PositiveNumber(path, prefix + name, value);
      if (!number.ok()) return number.status();
      (name == "posts_per_session" ? habit.posts_per_session : habit.sessions_per_day) = *number;
    } else if (prefix != "reach." || (name != "segments" && name != "min_posts_for_rate" &&
                                      name != "min_posts_for_hours" && name != "max_window_hours")) {
      return DataError(Where(path, value) + ": unknown key " + prefix + name +
                       "; the keys are posts_per_session and sessions_per_day" +
                       (prefix == "reach." ? ", min_posts_for_rate, min_posts_for_hours, max_window_hours and "
                                             "[reach.segments.NAME]"
                                           : ""));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<ReachConfig> LoadReachConfig(const std::string& path) {
  ReachConfig config;
  Result<std::optional<toml::table>> parsed = ParseConfigFile(path);
  if (!parsed.ok()) return parsed.status();
  if (!*parsed) return config;
  const toml::table& table = **parsed;
  const toml::node* reach_node = table.get("reach");
  if (reach_node == nullptr) return config;
  const toml::table* reach = reach_node->as_table();
  if (reach == nullptr) return DataError(Where(path, *reach_node) + ": reach must be a table: [reach]");
  CROWDLENS_RETURN_IF_ERROR(ReadHabit(path, "reach.", *reach, config.habit));

  for (const char* key : {"min_posts_for_rate", "min_posts_for_hours"}) {
    if (const toml::node* node = reach->get(key)) {
      std::optional<int64_t> count = node->value<int64_t>();
      if (!count || *count < 1 || *count > 1000000) {
        return DataError(Where(path, *node) + ": reach." + key + " must be a whole number of posts of 1 or more");
      }
      (std::string(key) == "min_posts_for_rate" ? config.min_posts_for_rate : config.min_posts_for_hours) =
          static_cast<int>(*count);
    }
  }
  if (const toml::node* node = reach->get("max_window_hours")) {
    Result<double> hours = PositiveNumber(path, "reach.max_window_hours", *node);
    if (!hours.ok()) return hours.status();
    if (*hours > 168) return DataError(Where(path, *node) + ": reach.max_window_hours must be at most 168 (a week)");
    config.max_window_hours = *hours;
  }

  if (const toml::node* segments_node = reach->get("segments")) {
    const toml::table* segments = segments_node->as_table();
    if (segments == nullptr) {
      return DataError(Where(path, *segments_node) + ": reach.segments must hold tables: [reach.segments.NAME]");
    }
    for (const auto& [name, value] : *segments) {
      const std::string segment(name.str());
      const toml::table* habit_table = value.as_table();
      if (habit_table == nullptr) {
        return DataError(Where(path, value) + ": reach.segments." + segment + " must be a table: [reach.segments." +
                         segment + "] with posts_per_session = ...");
      }
      // A segment starts from the workspace's habit and changes what it names.
      ReadingHabit habit = config.habit;
      CROWDLENS_RETURN_IF_ERROR(ReadHabit(path, "reach.segments." + segment + ".", *habit_table, habit));
      config.segment_habits[segment] = habit;
      config.segment_lines[segment] = static_cast<int>(value.source().begin.line);
    }
  }
  return config;
}

}  // namespace crowdlens
