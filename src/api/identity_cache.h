// IdentityCache: values derived from immutable shared objects (the engine's
// read-cache entries), kept per object while that very object lives.
//
// Keyed by the object's address; each entry holds a weak reference and is
// used only when it still leads to the object asked about, so an object
// created later at a dead one's address never finds the dead one's value.
// Bounded (least recently used entries go first); thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <utility>

#include "base/lru_map.h"

namespace fazhi::api {

template <typename T, typename V>
class IdentityCache {
 public:
  explicit IdentityCache(size_t capacity) : map_(capacity) {}

  std::shared_ptr<const V> Find(const std::shared_ptr<const T>& object) {
    std::lock_guard<std::mutex> lock(mu_);
    const Entry* e = map_.Use(object.get(), [&](const Entry& x) { return x.owner.lock() == object; });
    if (e) return e->value;
    map_.Erase(object.get());  // none, or another object's at a dead one's address
    return nullptr;
  }

  void Put(const std::shared_ptr<const T>& object, std::shared_ptr<const V> value) {
    std::lock_guard<std::mutex> lock(mu_);
    map_.Put(object.get(), Entry{object, std::move(value)});
  }

  size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return map_.size();
  }

 private:
  struct Entry {
    std::weak_ptr<const T> owner;
    std::shared_ptr<const V> value;
  };
  mutable std::mutex mu_;
  LruMap<const void*, Entry> map_;  // GUARDED_BY(mu_)
};

}  // namespace fazhi::api
