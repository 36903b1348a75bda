#include "ingest/congress_network_reader.h"

#include <vector>

#include "ingest/json_fields.h"
#include "ingest/json_records.h"

namespace crowdlens {
namespace {

using namespace std::string_view_literals;

using simdjson::ondemand::json_type;
using simdjson::ondemand::value;

template <typename T>
std::vector<std::vector<T>> ReadNested(value lists) {
  std::vector<std::vector<T>> out;
  for (value row : lists.get_array()) {
    std::vector<T>& items = out.emplace_back();
    for (value item : row.get_array()) {
      if constexpr (std::is_same_v<T, double>) {
        items.push_back(item.get_double());
      } else {
        items.push_back(item.get_int64());
      }
    }
  }
  return out;
}

void ReadNetwork(value network, const ReadOptions& options, BatchEmitter& emitter) {
  if (network.type() == json_type::array) {
    for (value element : network.get_array()) ReadNetwork(element, options, emitter);
    return;
  }
  std::vector<std::vector<int64_t>> out_lists;
  std::vector<std::vector<double>> out_weights;
  std::vector<std::string> usernames;
  for (auto field : network.get_object()) {
    std::string_view key = field.unescaped_key();
    if (key == "outList"sv) {
      out_lists = ReadNested<int64_t>(field.value());
    } else if (key == "outWeight"sv) {
      out_weights = ReadNested<double>(field.value());
    } else if (key == "usernameList"sv) {
      for (value name : field.value().get_array()) usernames.push_back(std::string(json::Trim(name.get_string())));
    }
  }
  if (usernames.empty() || out_lists.size() != usernames.size() || out_weights.size() != usernames.size()) {
    throw RecordError("usernameList, outList and outWeight must be parallel arrays of the same length");
  }
  auto node_id = [&](size_t index) { return "@" + json::AsciiLower(usernames[index]); };
  for (size_t index = 0; index < usernames.size(); ++index) {
    emitter.batch().accounts.push_back(Account{.platform = "twitter", .platform_id = node_id(index),
                                               .handle = usernames[index], .observed_at = options.import_time});
  }
  for (size_t source = 0; source < usernames.size(); ++source) {
    if (out_weights[source].size() != out_lists[source].size()) {
      throw RecordError("outList[" + std::to_string(source) + "] and outWeight[" + std::to_string(source) +
                        "] differ in length");
    }
    for (size_t position = 0; position < out_lists[source].size(); ++position) {
      int64_t target = out_lists[source][position];
      if (target < 0 || static_cast<size_t>(target) >= usernames.size()) {
        throw RecordError("outList[" + std::to_string(source) + "] names node " + std::to_string(target) +
                          ", past the " + std::to_string(usernames.size()) + " in usernameList");
      }
      emitter.batch().edges.push_back(Edge{.platform = "twitter",
                                           .source_id = node_id(source),
                                           .target_id = node_id(static_cast<size_t>(target)),
                                           .relation = Relation::kMention,
                                           .weight = out_weights[source][position],
                                           .observed_at = options.import_time});
    }
  }
}

}  // namespace

Status ReadCongressNetwork(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                           BatchEmitter& emitter) {
  CROWDLENS_RETURN_IF_ERROR(ForEachJsonRecord(source, buffer, emitter, [&](value record, const JsonRecordPosition&) {
    RecordScope scope(emitter);
    ReadNetwork(record, options, emitter);
    scope.Commit();
  }));
  return emitter.Finish();
}

}  // namespace crowdlens
