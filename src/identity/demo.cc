#include "identity/demo.h"

#include <yaml-cpp/yaml.h>

#include <map>

namespace fazhi::identity {

Result<bool> DemoSeeder::Run(IdentityService& s, const std::string& demo_yaml) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(demo_yaml);
  } catch (const std::exception& e) {
    return Status("invalid_definition", std::string("cannot read demo definition: ") + e.what());
  }
  bool created = false;
  Status st = s.db_.Write([&](store::Transaction& tx) {
    const auto orgs = root["orgs"];
    if (!orgs || orgs.size() == 0) return Status("invalid_definition", "demo.yaml: no orgs");
    auto exists = tx.Query("SELECT 1 FROM orgs WHERE code = ?", {orgs[0]["code"].as<std::string>()});
    if (!exists.ok()) return exists.status();
    if (!exists->empty()) return Status::Ok();
    std::map<std::string, int64_t> org_ids;
    for (const auto& o : orgs) {
      NewOrg org;
      org.code = o["code"].as<std::string>();
      org.name = o["name"].as<std::string>();
      org.short_name = o["short"].as<std::string>("");
      org.type = o["type"].as<std::string>();
      if (o["parent"]) {
        auto it = org_ids.find(o["parent"].as<std::string>());
        if (it == org_ids.end())
          return Status("invalid_definition", "demo.yaml: unknown parent of " + org.code);
        org.parent_id = it->second;
      }
      auto id = s.CreateOrgRaw(tx, org);
      if (!id.ok()) return id.status();
      org_ids[org.code] = id.value();
    }
    const std::string password = root["password"].as<std::string>();
    const std::string totp = root["admin_totp_secret"].as<std::string>();
    for (const auto& u : root["users"]) {
      NewUser nu;
      nu.username = u["username"].as<std::string>();
      nu.display_name = u["name"].as<std::string>();
      nu.password = password;
      auto org = org_ids.find(u["org"].as<std::string>());
      if (org == org_ids.end()) return Status("invalid_definition", "demo.yaml: unknown org of " + nu.username);
      nu.org_id = org->second;
      bool admin = false;
      for (const auto& r : u["roles"]) {
        Assignment a;
        a.role = r["role"].as<std::string>();
        if (!ParseScope(r["scope"].as<std::string>("self"), &a.scope))
          return Status("invalid_definition", "demo.yaml: bad scope for " + nu.username);
        const RoleDef* def = s.catalog_.FindRole(a.role);
        if (def && !def->admin_kind.empty()) admin = true;
        nu.roles.push_back(a);
      }
      FieldErrors errors;
      int64_t id = 0;
      auto v = s.InsertUser(tx, nu, /*must_change=*/false, &errors, &id);
      if (!v.ok()) {
        std::string detail = v.status().message();
        for (const auto& [f, m] : errors) detail += "; " + f + ": " + m;
        return Status("invalid_definition", "demo.yaml: user " + nu.username + ": " + detail);
      }
      if (admin) {
        auto w = tx.Exec("UPDATE users SET totp_secret = ?, totp_enabled = 1 WHERE id = ?",
                         {s.cipher_.Encrypt(totp), id});
        if (!w.ok()) return w.status();
      }
    }
    Principal system;
    system.username = "system";
    created = true;
    return s.Audit(tx, &system, "local", "demo.seed", "demo", "success",
                   std::to_string(org_ids.size()) + " orgs");
  });
  if (!st.ok()) return st;
  return created;
}

}  // namespace fazhi::identity
