// SummaryTextCache: the JSON text of the rows of shared list pages
// (engine::ListPage), written once per page instead of on every request.
//
// A shared page never changes (the engine's read cache hands out the same
// immutable page while the content version stands), so its rows' text is a
// function of the page; only each row's traffic light depends on the day and
// is written on every request, between the two parts of the row's text
// (SummaryTextParts). Kept per page while the page lives (IdentityCache).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "api/identity_cache.h"
#include "api/json_writer.h"
#include "engine/matter_service.h"

namespace fazhi::api {

class SummaryTextCache {
 public:
  explicit SummaryTextCache(size_t capacity) : texts_(capacity) {}

  // Writes the page's rows as an array, each with lights[i] as its light:
  // the same text as WriteSummaries(w, page.items, lights).
  void WriteRows(JsonWriter& w, const engine::ListPage& listed);

  size_t size() const { return texts_.size(); }

 private:
  struct Text {
    std::vector<std::string> before, after;  // per row, around its light
  };
  IdentityCache<Page<engine::MatterSummary>, Text> texts_;
};

}  // namespace fazhi::api
