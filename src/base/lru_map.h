// LruMap: a bounded map that forgets its least recently used entries first.
// Not thread-safe: the caches built on it (engine::ReadCache,
// api::IdentityCache) hold their own lock around every call.
#pragma once

#include <cstddef>
#include <list>
#include <unordered_map>
#include <utility>

namespace fazhi {

template <typename Key, typename Entry>
class LruMap {
 public:
  explicit LruMap(size_t capacity) : capacity_(capacity) {}

  // The entry for key when `usable` accepts it, made the most recently used;
  // nullptr otherwise (a refused entry keeps its place).
  template <typename Usable>
  const Entry* Use(const Key& key, Usable usable) {
    auto it = index_.find(key);
    if (it == index_.end() || !usable(it->second->second)) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second);
    return &it->second->second;
  }

  // Stores entry for key (replacing any), then drops the least recently used
  // entries beyond the capacity. A capacity of 0 stores nothing.
  void Put(const Key& key, Entry entry) {
    if (capacity_ == 0) return;
    Erase(key);
    lru_.emplace_front(key, std::move(entry));
    index_.emplace(key, lru_.begin());
    while (lru_.size() > capacity_) {
      index_.erase(lru_.back().first);
      lru_.pop_back();
    }
  }

  void Erase(const Key& key) {
    if (auto it = index_.find(key); it != index_.end()) {
      lru_.erase(it->second);
      index_.erase(it);
    }
  }

  size_t size() const { return lru_.size(); }

 private:
  using Item = std::pair<Key, Entry>;
  const size_t capacity_;
  std::list<Item> lru_;  // most recently used first
  std::unordered_map<Key, typename std::list<Item>::iterator> index_;
};

}  // namespace fazhi
