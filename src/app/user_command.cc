// `fazhi user add --username U --org CODE --role R [--scope S]
//  [--display-name N] --password-stdin`: the only way to create the first
// account outside demo mode.
#include <iostream>
#include <string>

#include "app/commands.h"
#include "app/platform.h"

namespace fazhi::app {

int RunUserCommand(const Config& config) {
  if (config.arguments.size() != 1 || config.arguments[0] != "add") {
    std::cerr << "usage: fazhi user add --username U --org CODE --role R [--scope S] "
                 "[--display-name N] --password-stdin\n";
    return 2;
  }
  auto get = [&](const char* key) { return config.Extra(key); };
  identity::NewUser u;
  u.username = get("username");
  u.display_name = get("display-name").empty() ? u.username : get("display-name");
  const std::string org = get("org");
  const std::string role = get("role");
  if (u.username.empty() || org.empty() || role.empty() || get("password-stdin") != "true") {
    std::cerr << "fazhi: user add needs --username, --org, --role and --password-stdin\n";
    return 2;
  }
  identity::Assignment a;
  a.role = role;
  const std::string scope = get("scope").empty() ? "org" : get("scope");
  if (!identity::ParseScope(scope, &a.scope)) {
    std::cerr << "fazhi: --scope must be self, org, org_and_below or all\n";
    return 2;
  }
  u.roles.push_back(a);
  if (!std::getline(std::cin, u.password) || u.password.empty()) {
    std::cerr << "fazhi: no password on standard input\n";
    return 2;
  }
  auto built = BuildPlatform(config);
  if (!built.ok()) {
    std::cerr << "fazhi: " << built.status().message() << "\n";
    return 1;
  }
  Platform& p = *built.value();
  auto org_id = p.identity->OrgIdByCode(org);
  if (!org_id.ok()) {
    std::cerr << "fazhi: " << org_id.status().message() << "\n";
    return 1;
  }
  u.org_id = org_id.value();
  identity::FieldErrors errors;
  auto created = p.identity->CreateUserFromCli(u, &errors);
  if (!created.ok()) {
    std::cerr << "fazhi: " << created.status().message() << "\n";
    for (const auto& [field, message] : errors) std::cerr << "  " << field << ": " << message << "\n";
    return 1;
  }
  (void)p.audit->Checkpoint(*p.db);
  std::cout << "created user " << created->username << " (id " << created->id
            << "); the password must be changed at first sign-in\n";
  return 0;
}

}  // namespace fazhi::app
