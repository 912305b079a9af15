// JSON shapes of the engine's views (ids as strings).
#pragma once

#include "api/json.h"
#include "engine/matter_service.h"

namespace fazhi::api {

Json KindJson(const engine::KindDef& k);
Json SummaryJson(const engine::MatterSummary& s);
Json MatterJson(const engine::MatterView& v);
Json EventJson(const engine::EventView& e);
Json AttachmentJson(const engine::AttachmentView& a);

}  // namespace fazhi::api
