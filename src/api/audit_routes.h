// GET /api/v1/audit: the security audit log viewer (审计日志查询), for holders
// of "audit:read" (the audit admin of 三员分立). Read-only: the log has no
// write or delete endpoint.
//
//   ?page=1&pageSize=20          pageSize 1..200
//   &username=U                  exact
//   &action=session.             prefix
//   &result=success|failure
//   &from=MS&to=MS               epoch ms, from inclusive, to exclusive
// → {"items":[{"seq","time","userId","username","ip","action","object",
//              "result","detail","hash"}],"total","page","pageSize"}
//   newest first; seq and time are numbers, userId a string.
// Bad parameters → 400 invalid_query.
#pragma once

#include "api/api.h"
#include "api/json.h"
#include "audit/audit_log.h"
#include "store/database.h"

namespace fazhi::api {

// Parses the query parameters above. Empty values count as absent.
// Errors: "invalid_query" with a message naming the parameter.
Status ParseAuditQuery(const http::Request& req, audit::Filter* out);

// The response body for one page.
Json AuditPageJson(const std::vector<audit::StoredRecord>& items, int64_t total,
                   const audit::Filter& filter);

// Registers the route. db and log must outlive api.
void AddAuditRoutes(Api& api, store::Database& db, const audit::AuditLog& log);

}  // namespace fazhi::api
