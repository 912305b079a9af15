// Who may look people up for user fields, decided on the real kinds
// (definitions/kinds) and the real role catalog.
#include <gtest/gtest.h>

#include "engine/matter_service.h"
#include "identity/catalog.h"

#ifndef FAZHI_DEFAULT_SOURCE_DIR
#define FAZHI_DEFAULT_SOURCE_DIR "."
#endif

namespace fazhi::engine {
namespace {

class MayNamePeopleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto catalog = identity::LoadCatalog(std::string(FAZHI_DEFAULT_SOURCE_DIR) + "/definitions");
    ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
    catalog_ = std::move(catalog).value();
    std::vector<std::string> roles;
    for (const auto& r : catalog_.roles) roles.push_back(r.code);
    auto lists = LoadOptionLists(std::string(FAZHI_DEFAULT_SOURCE_DIR) + "/definitions/lists");
    ASSERT_TRUE(lists.ok()) << lists.status().ToString();
    auto kinds = LoadKinds(std::string(FAZHI_DEFAULT_SOURCE_DIR) + "/definitions/kinds", roles, *lists);
    ASSERT_TRUE(kinds.ok()) << kinds.status().ToString();
    kinds_ = std::make_unique<KindRegistry>(std::move(kinds).value());
  }

  // A principal holding `role` with the catalog's permissions.
  identity::Principal With(const std::string& role) const {
    identity::Principal p;
    p.user_id = 1;
    identity::Assignment a;
    a.role = role;
    a.scope = identity::Scope::kAll;
    for (const auto& r : catalog_.roles)
      if (r.code == role) a.permissions = {r.permissions.begin(), r.permissions.end()};
    p.permissions = a.permissions;
    p.assignments.push_back(a);
    return p;
  }

  identity::Catalog catalog_;
  std::unique_ptr<KindRegistry> kinds_;
};

TEST_F(MayNamePeopleTest, CreatorsAndEditorsOfKindsWithUserFields) {
  // counsel_work and counsel_contract name people: the review clerk creates
  // them (create_roles), the chief counsel acts on them (and may edit them).
  for (const char* role : {"review_clerk", "chief_counsel"}) EXPECT_TRUE(MayNamePeople(With(role), *kinds_)) << role;
  // Everyone else: other creators (their kinds name no one), readers, the
  // external counsel; the three administrators hold no business role at all.
  for (const char* role : {"unit_submitter", "decision_undertaker", "filing_reviewer", "reconsideration_handler",
                           "enforcement_supervisor", "leader", "external_counsel", "counsel_assistant", "sysadmin",
                           "secadmin", "auditadmin"})
    EXPECT_FALSE(MayNamePeople(With(role), *kinds_)) << role;
  EXPECT_FALSE(MayNamePeople(identity::Principal(), *kinds_));
}

}  // namespace
}  // namespace fazhi::engine
