#include "api/health_routes.h"

#include "api/errors.h"
#include "api/json.h"

namespace fazhi::api {

void AddHealthRoutes(Api& api, store::Database& db) {
  api.Public("GET", "/api/v1/health", [&db](Call&) {
    return JsonResponse(200, Json{{"status", "ok"},
                                  {"db", store::DialectName(db.dialect())},
                                  {"version", FAZHI_VERSION}});
  });
}

}  // namespace fazhi::api
