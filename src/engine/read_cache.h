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
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/lru_map.h"
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
  explicit ReadCache(size_t capacity) : map_(capacity) {}

  // The value stored for key under `version`; nothing when there is none or
  // it was stored under another version (left for Put to replace: a reader
  // of an older snapshot must not drop what a newer one stored).
  std::shared_ptr<const V> Find(const Key& key, int64_t version) {
    std::lock_guard<std::mutex> lock(mu_);
    const Entry* e = map_.Use(key, [version](const Entry& x) { return x.version == version; });
    return e ? e->value : nullptr;
  }

  void Put(const Key& key, int64_t version, std::shared_ptr<const V> value) {
    std::lock_guard<std::mutex> lock(mu_);
    map_.Put(key, Entry{version, std::move(value)});
  }

  size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return map_.size();
  }

 private:
  struct Entry {
    int64_t version;
    std::shared_ptr<const V> value;
  };
  mutable std::mutex mu_;
  LruMap<Key, Entry> map_;  // GUARDED_BY(mu_)
};

}  // namespace fazhi::engine
