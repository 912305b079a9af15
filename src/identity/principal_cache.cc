#include "identity/principal_cache.h"

namespace fazhi::identity {

std::optional<Principal> PrincipalCache::Find(const std::string& token_hash, const PrincipalStamp& stamp) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(token_hash);
  if (it == index_.end()) return std::nullopt;
  if (!(it->second->stamp == stamp)) {
    lru_.erase(it->second);
    index_.erase(it);
    return std::nullopt;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->principal;
}

void PrincipalCache::Put(const std::string& token_hash, const PrincipalStamp& stamp, Principal principal) {
  if (capacity_ == 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = index_.find(token_hash); it != index_.end()) {
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.push_front(Entry{token_hash, stamp, std::move(principal)});
  index_.emplace(token_hash, lru_.begin());
  while (lru_.size() > capacity_) {
    index_.erase(lru_.back().token_hash);
    lru_.pop_back();
  }
}

void PrincipalCache::Erase(const std::string& token_hash) {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = index_.find(token_hash); it != index_.end()) {
    lru_.erase(it->second);
    index_.erase(it);
  }
}

size_t PrincipalCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lru_.size();
}

}  // namespace fazhi::identity
