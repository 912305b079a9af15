// `fazhi org add --code CODE --name NAME --type TYPE [--parent CODE]
//  [--short-name S]`: creates an organisation from the command line, so a
// deployment without demo data can create its first org and account.
#include <iostream>

#include "app/commands.h"
#include "app/platform.h"

namespace fazhi::app {

int RunOrgCommand(const Config& config) {
  auto get = [&](const char* key) { return config.Extra(key); };
  if (config.arguments.size() != 1 || config.arguments[0] != "add" || get("code").empty() ||
      get("name").empty() || get("type").empty()) {
    std::cerr << "usage: fazhi org add --code CODE --name NAME "
                 "--type government|department|township|office|law_firm [--parent CODE] "
                 "[--short-name S]\n";
    return 2;
  }
  auto built = BuildPlatform(config);
  if (!built.ok()) {
    std::cerr << "fazhi: " << built.status().message() << "\n";
    return 1;
  }
  Platform& p = *built.value();
  identity::NewOrg org;
  org.code = get("code");
  org.name = get("name");
  org.type = get("type");
  org.short_name = get("short-name");
  if (!get("parent").empty()) {
    auto parent = p.identity->OrgIdByCode(get("parent"));
    if (!parent.ok()) {
      std::cerr << "fazhi: " << parent.status().message() << "\n";
      return 1;
    }
    org.parent_id = parent.value();
  }
  identity::Principal cli;
  cli.username = "cli";
  auto created = p.identity->CreateOrg(cli, org, "local");
  if (!created.ok()) {
    std::cerr << "fazhi: " << created.status().message() << "\n";
    return 1;
  }
  (void)p.audit->Checkpoint(*p.db);
  std::cout << "created org " << created->code << " (id " << created->id << ")\n";
  return 0;
}

}  // namespace fazhi::app
