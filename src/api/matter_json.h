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
// A summary's text in two parts around the value of its light: WriteSummary
// writes before + the light + after. For rows whose text is kept while only
// their light changes (SummaryTextCache).
void SummaryTextParts(const engine::MatterSummary& s, std::string* before, std::string* after);
// A light as a value ({"color":…,"daysLeft":…}).
void WriteLightValue(JsonWriter& w, const engine::Light& light);
void WriteMatter(JsonWriter& w, const engine::MatterView& v);
void WriteEvent(JsonWriter& w, const engine::EventView& e);
void WriteAttachment(JsonWriter& w, const engine::AttachmentView& a);
// An array of people: {id, name, orgName}.
void WritePeople(JsonWriter& w, const std::vector<engine::PersonRef>& people);

}  // namespace fazhi::api
