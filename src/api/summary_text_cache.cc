#include "api/summary_text_cache.h"

#include "api/matter_json.h"

namespace fazhi::api {

std::shared_ptr<const SummaryTextCache::Text> SummaryTextCache::Find(const PagePtr& page) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(page.get());
  if (it == index_.end()) return nullptr;
  // Another page at a dead page's address: not its text.
  if (it->second->second->page.lock() != page) {
    lru_.erase(it->second);
    index_.erase(it);
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second;
}

void SummaryTextCache::Put(const PagePtr& page, std::shared_ptr<const Text> text) {
  if (capacity_ == 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = index_.find(page.get()); it != index_.end()) {
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.emplace_front(page.get(), std::move(text));
  index_.emplace(page.get(), lru_.begin());
  while (lru_.size() > capacity_) {
    index_.erase(lru_.back().first);
    lru_.pop_back();
  }
}

size_t SummaryTextCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lru_.size();
}

void SummaryTextCache::WriteRows(JsonWriter& w, const engine::ListPage& listed) {
  const auto& items = listed.page->items;
  std::shared_ptr<const Text> text = Find(listed.page);
  if (!text) {
    auto made = std::make_shared<Text>();
    made->page = listed.page;
    made->before.resize(items.size());
    made->after.resize(items.size());
    for (size_t i = 0; i < items.size(); ++i) SummaryTextParts(items[i], &made->before[i], &made->after[i]);
    text = made;
    Put(listed.page, text);
  }
  w.BeginArray();
  for (size_t i = 0; i < items.size(); ++i) {
    w.RawUntilValue(text->before[i]);
    WriteLightValue(w, i < listed.lights.size() ? listed.lights[i] : items[i].light);
    w.RawRest(text->after[i]);
  }
  w.EndArray();
}

}  // namespace fazhi::api
