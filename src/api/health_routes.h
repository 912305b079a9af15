// GET /api/v1/health: liveness plus which database backs this node.
#pragma once

#include "api/api.h"
#include "store/database.h"

namespace fazhi::api {

void AddHealthRoutes(Api& api, store::Database& db);

}  // namespace fazhi::api
