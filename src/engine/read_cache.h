// ReadCache: results of matter reads kept in memory, each under the database's
// content version it was read with, and used only while that version is the
// current one.
//
// The content version (table content_version, migration 0012) is a random
// token that triggers replace in the same transaction as every change to the
// tables matter reads show: matters, matter_deadlines, matter_events,
// matter_links, attachments, orgs and users' display names, whichever node,
// CLI or manual fix makes it. A reader reads the token in the same snapshot
// as the rows it would otherwise read (ContentVersion), or takes the one read
// with the caller's session (identity::Principal::content_version), so an
// entry found under that token is exactly what the queries returned in that
// snapshot, which was current during the request. What depends
// on the caller or on the day (access, actions, traffic lights) is never
// cached: callers compute it on each request.
//
// Bounded: least recently used entries go first. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "store/database.h"

namespace fazhi::engine {

// The content version in the transaction's snapshot.
Result<int64_t> ContentVersion(store::Transaction& tx);

// A cache key made of SQL text and its parameters: distinct inputs give
// distinct keys (each parameter is typed and length-prefixed).
std::string SqlCacheKey(std::string_view sql, const std::vector<store::Value>& params);

template <typename Key, typename V>
class ReadCache {
 public:
  explicit ReadCache(size_t capacity) : capacity_(capacity) {}

  // The value stored for key under `version`; nothing when there is none or
  // it was stored under another version (left for Put to replace: a reader
  // of an older snapshot must not drop what a newer one stored).
  std::shared_ptr<const V> Find(const Key& key, int64_t version) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(key);
    if (it == index_.end() || it->second->version != version) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->value;
  }

  void Put(const Key& key, int64_t version, std::shared_ptr<const V> value) {
    if (capacity_ == 0) return;
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = index_.find(key); it != index_.end()) {
      lru_.erase(it->second);
      index_.erase(it);
    }
    lru_.push_front(Entry{key, version, std::move(value)});
    index_.emplace(key, lru_.begin());
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
    Key key;
    int64_t version;
    std::shared_ptr<const V> value;
  };
  const size_t capacity_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first; GUARDED_BY(mu_)
  std::unordered_map<Key, typename std::list<Entry>::iterator> index_;  // GUARDED_BY(mu_)
};

}  // namespace fazhi::engine
