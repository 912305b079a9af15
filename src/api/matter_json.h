// JSON shapes of the engine's views (ids as strings). Kinds are small and
// rare and built as nlohmann values; matters, summaries, events and
// attachments are written as text with a JsonWriter (members in alphabetical
// order, as nlohmann writes its objects).
#pragma once

#include <vector>

#include "api/json.h"
#include "api/json_writer.h"
#include "engine/matter_service.h"

namespace fazhi::api {

Json KindJson(const engine::KindDef& k);
void WriteSummary(JsonWriter& w, const engine::MatterSummary& s);
// An array of summaries.
void WriteSummaries(JsonWriter& w, const std::vector<engine::MatterSummary>& items);
// An array of summaries with these lights instead of their own (lights[i]
// for items[i]: a shared page, engine::ListPage).
void WriteSummaries(JsonWriter& w, const std::vector<engine::MatterSummary>& items,
                    const std::vector<engine::Light>& lights);
void WriteMatter(JsonWriter& w, const engine::MatterView& v);
void WriteEvent(JsonWriter& w, const engine::EventView& e);
void WriteAttachment(JsonWriter& w, const engine::AttachmentView& a);

}  // namespace fazhi::api
