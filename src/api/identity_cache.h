// IdentityCache: values derived from immutable shared objects (the engine's
// read-cache entries), kept per object while that very object lives.
//
// Keyed by the object's address; each entry holds a weak reference and is
// used only when it still leads to the object asked about, so an object
// created later at a dead one's address never finds the dead one's value.
// Bounded (least recently used entries go first); thread-safe.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace fazhi::api {

template <typename T, typename V>
class IdentityCache {
 public:
  explicit IdentityCache(size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const V> Find(const std::shared_ptr<const T>& object) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(object.get());
    if (it == index_.end()) return nullptr;
    if (it->second->owner.lock() != object) {  // another object at a dead one's address
      lru_.erase(it->second);
      index_.erase(it);
      return nullptr;
    }
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->value;
  }

  void Put(const std::shared_ptr<const T>& object, std::shared_ptr<const V> value) {
    if (capacity_ == 0) return;
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = index_.find(object.get()); it != index_.end()) {
      lru_.erase(it->second);
      index_.erase(it);
    }
    lru_.push_front(Entry{object.get(), object, std::move(value)});
    index_.emplace(object.get(), lru_.begin());
    while (lru_.size() > capacity_) {
      index_.erase(lru_.back().key);
      lru_.pop_back();
    }
  }

  size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return lru_.size();
  }

 private:
  struct Entry {
    const void* key;
    std::weak_ptr<const T> owner;
    std::shared_ptr<const V> value;
  };
  const size_t capacity_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first; GUARDED_BY(mu_)
  std::unordered_map<const void*, typename std::list<Entry>::iterator> index_;  // GUARDED_BY(mu_)
};

}  // namespace fazhi::api
