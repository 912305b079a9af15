// Sign-in, sign-out, the current user, self-service password and TOTP, and
// the administration of users, orgs, roles and permissions.
#pragma once

#include "api/api.h"
#include "base/clock.h"
#include "identity/identity_service.h"

namespace fazhi::api {

struct IdentityRouteOptions {
  bool secure_cookie = false;
  OffsetClock* test_clock = nullptr;  // when set, POST /api/v1/testing/clock moves it
};

// The Authenticator for Api: the session cookie resolved by the service.
Authenticator SessionAuthenticator(identity::IdentityService& service);

void AddSessionRoutes(Api& api, identity::IdentityService& service,
                      const IdentityRouteOptions& options);
void AddAdminRoutes(Api& api, identity::IdentityService& service);

inline constexpr const char* kSessionCookie = "fazhi_session";

}  // namespace fazhi::api
