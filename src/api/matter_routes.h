// The matter engine over HTTP: kinds, matters (create, list, detail, edit,
// actions, timeline, reveal), attachments and the inbox.
#pragma once

#include <string>

#include "api/api.h"
#include "engine/matter_service.h"

namespace fazhi::api {

void AddMatterRoutes(Api& api, engine::MatterService& service);

}  // namespace fazhi::api
