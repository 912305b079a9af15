// The public portal API under /api/public/v1 (no sign-in, rate-limited per
// client address), and the staff side of comment moderation under /api/v1.
#pragma once

#include "api/api.h"
#include "http/rate_limiter.h"
#include "modules/public_portal/portal_service.h"

namespace fazhi::api {

void AddPublicRoutes(Api& api, portal::PortalService& portal, http::RateLimiter& limiter);

}  // namespace fazhi::api
