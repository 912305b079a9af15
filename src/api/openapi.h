// GET /api/v1/openapi.json: an OpenAPI 3 description generated from the
// route registry, so it cannot drift from what the server serves. Each
// operation carries x-access (public | session | permission) and
// x-permission, which the role x endpoint test reads.
#pragma once

#include "api/api.h"

namespace fazhi::api {

void AddOpenApiRoute(Api& api);

}  // namespace fazhi::api
