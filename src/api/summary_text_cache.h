// SummaryTextCache: the JSON text of the rows of shared list pages
// (engine::ListPage), written once per page instead of on every request.
//
// A shared page never changes (the engine's read cache hands out the same
// immutable page while the content version stands), so its rows' text is a
// function of the page; only each row's traffic light depends on the day and
// is written on every request, between the two parts of the row's text
// (SummaryTextParts). Pages are known by identity: an entry keeps a weak
// reference to its page and is used only while that very page is alive, so
// a new page at the same address never finds the text of an old one.
// Bounded (least recently used entries go first); thread-safe.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "api/json_writer.h"
#include "engine/matter_service.h"

namespace fazhi::api {

class SummaryTextCache {
 public:
  explicit SummaryTextCache(size_t capacity) : capacity_(capacity) {}

  // Writes the page's rows as an array, each with lights[i] as its light:
  // the same text as WriteSummaries(w, page.items, lights).
  void WriteRows(JsonWriter& w, const engine::ListPage& listed);

  size_t size() const;

 private:
  using PagePtr = std::shared_ptr<const Page<engine::MatterSummary>>;
  struct Text {
    std::weak_ptr<const Page<engine::MatterSummary>> page;
    std::vector<std::string> before, after;  // per row, around its light
  };
  std::shared_ptr<const Text> Find(const PagePtr& page);
  void Put(const PagePtr& page, std::shared_ptr<const Text> text);

  const size_t capacity_;
  mutable std::mutex mu_;
  std::list<std::pair<const void*, std::shared_ptr<const Text>>> lru_;  // GUARDED_BY(mu_)
  std::unordered_map<const void*, decltype(lru_)::iterator> index_;    // GUARDED_BY(mu_)
};

}  // namespace fazhi::api
