// AppendUnique: add an item to a short list unless an equal key is there.
// Entity lists of one post (hashtags, mentions, links) hold a handful of
// items, where a linear scan beats any set.
//
//   AppendUnique(tags, std::string("news"), [](const std::string& tag) { return tag; });
#pragma once

#include <utility>
#include <vector>

namespace crowdlens {

template <typename T, typename Key>
void AppendUnique(std::vector<T>& list, T item, Key key) {
  for (const T& existing : list) {
    if (key(existing) == key(item)) return;
  }
  list.push_back(std::move(item));
}

}  // namespace crowdlens
