// JSON shapes of identity objects (ids as strings).
#pragma once

#include "api/json.h"
#include "identity/identity_service.h"

namespace fazhi::api {

Json UserJson(const identity::UserView& u);
Json MeJson(const identity::UserView& u, const identity::Principal& p);
Json OrgJson(const identity::OrgView& o);
Json RoleJson(const identity::RoleView& r);
// Parses [{role, scope, orgIds?}]; "validation_failed" Status on bad input.
Status ParseAssignments(const Json& arr, std::vector<identity::Assignment>* out);
// Parses page/pageSize query parameters (defaults 1/20, pageSize ≤ 200).
Status ParsePaging(const http::Request& req, int* page, int* page_size);
// Path parameter {id} as an id, or 0.
int64_t PathId(const http::Request& req, const char* name = "id");

}  // namespace fazhi::api
