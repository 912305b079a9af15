// DemoSeeder: creates the demo county of definitions/identity/demo.yaml —
// orgs, accounts with the demo password, TOTP for the administrators — once.
// A database that already has the demo's root org is left alone.
#pragma once

#include <string>

#include "base/result.h"
#include "identity/identity_service.h"

namespace fazhi::identity {

class DemoSeeder {
 public:
  // Returns true when the demo was created now, false when it existed.
  static Result<bool> Run(IdentityService& service, const std::string& demo_yaml);
};

}  // namespace fazhi::identity
