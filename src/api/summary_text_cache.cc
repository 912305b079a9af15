#include "api/summary_text_cache.h"

#include "api/matter_json.h"

namespace fazhi::api {

void SummaryTextCache::WriteRows(JsonWriter& w, const engine::ListPage& listed) {
  const auto& items = listed.page->items;
  std::shared_ptr<const Text> text = texts_.Find(listed.page);
  if (!text) {
    auto made = std::make_shared<Text>();
    made->before.resize(items.size());
    made->after.resize(items.size());
    for (size_t i = 0; i < items.size(); ++i) SummaryTextParts(items[i], &made->before[i], &made->after[i]);
    text = made;
    texts_.Put(listed.page, text);
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
