// People for `user` fields (法律顾问, 平台账号 …): a lookup for business users
// who may create or edit matters naming people. Only id, display name and org
// name are ever answered.
#pragma once

#include "api/api.h"
#include "engine/matter_service.h"

namespace fazhi::api {

// GET /api/v1/users/lookup?q=&role=&limit= → {items: [{id, name, orgName}]}:
// active users holding a business role (or one of the comma-separated role
// codes), whose name or org name contains q, by name; limit 1–50 (20).
// 403 forbidden unless engine::MayNamePeople; 400 invalid_query for a bad
// limit, role list or a q over 50 characters.
void AddPeopleRoutes(Api& api, engine::MatterService& service);

}  // namespace fazhi::api
