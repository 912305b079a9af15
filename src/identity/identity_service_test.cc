// IdentityService against real databases (SQLite and PostgreSQL) with a
// manual clock: session lifetime, password ageing, lockout, scopes.
#include "identity/identity_service.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "identity/demo.h"
#include "identity/scope.h"
#include "store/test_database.h"

namespace fazhi::identity {
namespace {

constexpr int64_t kMinute = 60 * 1000;
constexpr int64_t kDay = 24 * 60 * kMinute;

std::string SourceDir() {
  const char* env = std::getenv("FAZHI_SOURCE_DIR");
  return env ? env : FAZHI_DEFAULT_SOURCE_DIR;
}

class IdentityServiceTest : public ::testing::TestWithParam<store::Dialect> {
 protected:
  void SetUp() override {
    auto t = store::TestDatabase::Create(GetParam(), "identity");
    ASSERT_TRUE(t.ok()) << t.status().message();
    test_db_ = std::move(t).value();
    ASSERT_TRUE(test_db_->db().Migrate().ok());
    dir_ = std::filesystem::temp_directory_path() / ("fazhi_identity_" + std::to_string(::getpid()));
    auto cipher = FieldCipher::LoadOrCreate((dir_ / "key").string());
    ASSERT_TRUE(cipher.ok()) << cipher.status().message();
    cipher_ = std::make_unique<FieldCipher>(std::move(cipher).value());
    auto policy = PasswordPolicy::LoadCommonList(SourceDir() + "/definitions/security/common-passwords.txt");
    ASSERT_TRUE(policy.ok());
    policy_ = std::make_unique<PasswordPolicy>(std::move(policy).value());
    auto catalog = LoadCatalog(SourceDir() + "/definitions");
    ASSERT_TRUE(catalog.ok()) << catalog.status().message();
    audit_ = std::make_unique<audit::AuditLog>((dir_ / "cp").string());
    IdentityOptions opt;
    service_ = std::make_unique<IdentityService>(test_db_->db(), clock_, ids_, *audit_, *cipher_,
                                                 *policy_, std::move(catalog).value(), opt);
    ASSERT_TRUE(service_->SeedCatalog().ok());
    auto demo = DemoSeeder::Run(*service_, SourceDir() + "/definitions/identity/demo.yaml");
    ASSERT_TRUE(demo.ok()) << demo.status().message();
    ASSERT_TRUE(demo.value());
  }
  void TearDown() override {
    service_.reset();
    std::filesystem::remove_all(dir_);
  }

  Result<SignInResult> SignIn(const std::string& user, const std::string& pw = "Demo@2024") {
    SignInRequest r;
    r.username = user;
    r.password = pw;
    r.ip = "127.0.0.1";
    return service_->SignIn(r);
  }

  ManualClock clock_{1767225600000};  // 2026-01-01
  IdGenerator ids_{clock_, 1};
  std::unique_ptr<store::TestDatabase> test_db_;
  std::filesystem::path dir_;
  std::unique_ptr<FieldCipher> cipher_;
  std::unique_ptr<PasswordPolicy> policy_;
  std::unique_ptr<audit::AuditLog> audit_;
  std::unique_ptr<IdentityService> service_;
};

TEST_P(IdentityServiceTest, DemoSeedRunsOnce) {
  auto again = DemoSeeder::Run(*service_, SourceDir() + "/definitions/identity/demo.yaml");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again.value());
}

TEST_P(IdentityServiceTest, SessionHasAbsoluteLifetimeDespiteActivity) {
  auto s = SignIn("leader");
  ASSERT_TRUE(s.ok()) << s.status().message();
  for (int i = 0; i < 25; ++i) {  // active every 29 minutes for 12 hours
    clock_.Advance(29 * kMinute);
    auto p = service_->Authenticate(s->token);
    if (clock_.NowMs() - 1767225600000 < 12 * 60 * kMinute) {
      ASSERT_TRUE(p.ok()) << i;
    } else {
      ASSERT_FALSE(p.ok());
      EXPECT_EQ(p.status().code(), "session_expired");
      return;
    }
  }
  FAIL() << "session outlived its absolute lifetime";
}

TEST_P(IdentityServiceTest, PasswordsAgeAfterNinetyDays) {
  auto s = SignIn("leader");
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->principal.must_change_password);
  clock_.Advance(91 * kDay);
  auto again = SignIn("leader");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->principal.must_change_password);
  EXPECT_TRUE(again->user.must_change_password);
  ASSERT_TRUE(service_->ChangePassword(again->principal, "Demo@2024", "Fresh&Secret42", "ip").ok());
  auto fresh = SignIn("leader", "Fresh&Secret42");
  ASSERT_TRUE(fresh.ok());
  EXPECT_FALSE(fresh->principal.must_change_password);
}

TEST_P(IdentityServiceTest, LockoutAfterFiveFailuresThenExpires) {
  for (int i = 0; i < 4; ++i) EXPECT_EQ(SignIn("unit", "Wrong#1234").status().code(), "invalid_credentials");
  EXPECT_EQ(SignIn("unit", "Wrong#1234").status().code(), "account_locked");
  EXPECT_EQ(SignIn("unit").status().code(), "account_locked");
  clock_.Advance(31 * kMinute);
  EXPECT_TRUE(SignIn("unit").ok());
}

TEST_P(IdentityServiceTest, ScopesFollowTheOrgTree) {
  auto clerk = SignIn("clerk");  // org_and_below at 合法性审查办公室
  auto unit = SignIn("unit");    // org at 市场监管局
  ASSERT_TRUE(clerk.ok() && unit.ok());
  auto orgs = service_->ListOrgs();
  ASSERT_TRUE(orgs.ok());
  auto find = [&](const std::string& code) {
    for (const auto& o : orgs.value())
      if (o.code == code) return o;
    return OrgView{};
  };
  const OrgView lr = find("JUS-LR"), jus = find("JUS"), scjg = find("SCJG");
  const Assignment& ca = clerk->principal.assignments.at(0);
  EXPECT_TRUE(ScopeCovers(ca, clerk->principal, lr.path, {lr.id, lr.path, 0}));
  EXPECT_FALSE(ScopeCovers(ca, clerk->principal, lr.path, {jus.id, jus.path, 0}));
  const Assignment& ua = unit->principal.assignments.at(0);
  EXPECT_TRUE(ScopeCovers(ua, unit->principal, scjg.path, {scjg.id, scjg.path, 0}));
  EXPECT_FALSE(ScopeCovers(ua, unit->principal, scjg.path, {lr.id, lr.path, 0}));
  Assignment self{"x", Scope::kSelf, {}};
  EXPECT_TRUE(ScopeCovers(self, unit->principal, "", {scjg.id, scjg.path, unit->principal.user_id}));
  EXPECT_FALSE(ScopeCovers(self, unit->principal, "", {scjg.id, scjg.path, 1}));
  Assignment listed{"x", Scope::kOrgs, {jus.id}};
  EXPECT_TRUE(ScopeCovers(listed, unit->principal, "", {jus.id, jus.path, 0}));
  EXPECT_FALSE(ScopeCovers(listed, unit->principal, "", {lr.id, lr.path, 0}));
}

TEST_P(IdentityServiceTest, EveryChangeIsAuditedInTheSameTransaction) {
  auto before = audit_->List(test_db_->db(), audit::Filter{});
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(SignIn("leader").ok());
  (void)SignIn("leader", "bad");
  auto after = audit_->List(test_db_->db(), audit::Filter{});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->second, before->second + 2);
  auto report = audit::Verify(test_db_->db(), (dir_ / "none").string());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
}

// A second app node on the same database: another IdentityService with its
// own principal cache. What one node changes, the other's next request sees,
// even with a warm cache (R6).
class TwoNodesTest : public IdentityServiceTest {
 protected:
  void SetUp() override {
    IdentityServiceTest::SetUp();
    if (HasFatalFailure()) return;
    auto catalog = LoadCatalog(SourceDir() + "/definitions");
    ASSERT_TRUE(catalog.ok());
    other_ = std::make_unique<IdentityService>(test_db_->db(), clock_, other_ids_, *audit_, *cipher_, *policy_,
                                               std::move(catalog).value(), IdentityOptions());
  }
  void TearDown() override {
    other_.reset();
    IdentityServiceTest::TearDown();
  }
  // A security administrator acting on the other node.
  Principal Admin() {
    auto users = service_->ListUsers("secadmin", 1, 5);
    Principal p;
    if (users.ok() && !users->items.empty()) p.user_id = users->items[0].id;
    p.username = "secadmin";
    return p;
  }
  // Authenticates twice, so the principal is cached on this node.
  Result<Principal> Warm(const std::string& token) {
    (void)service_->Authenticate(token);
    return service_->Authenticate(token);
  }
  int64_t OrgId(const std::string& code) {
    auto id = service_->OrgIdByCode(code);
    return id.ok() ? id.value() : 0;
  }

  IdGenerator other_ids_{clock_, 2};
  std::unique_ptr<IdentityService> other_;
};

TEST_P(TwoNodesTest, RoleAndScopeChangesApplyToTheNextRequest) {
  auto clerk = SignIn("clerk");
  ASSERT_TRUE(clerk.ok());
  auto p = Warm(clerk->token);
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(p->Can("matter:read"));
  ASSERT_EQ(p->assignments.size(), 1u);
  EXPECT_EQ(p->assignments[0].scope, Scope::kOrgAndBelow);

  // Scope widened on the other node.
  ASSERT_TRUE(other_->SetRoles(Admin(), clerk->principal.user_id, {{"review_clerk", Scope::kAll, {}}}, "ip").ok());
  p = service_->Authenticate(clerk->token);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->assignments.size(), 1u);
  EXPECT_EQ(p->assignments[0].scope, Scope::kAll);

  // Every role removed: the next request has no permission left.
  ASSERT_TRUE(other_->SetRoles(Admin(), clerk->principal.user_id, {}, "ip").ok());
  p = service_->Authenticate(clerk->token);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->assignments.empty());
  EXPECT_FALSE(p->Can("matter:read"));
}

TEST_P(TwoNodesTest, RolePermissionAndOrgChangesApplyToTheNextRequest) {
  auto clerk = SignIn("clerk");
  ASSERT_TRUE(clerk.ok());
  auto p = Warm(clerk->token);
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(p->Can("matter:read"));
  const std::set<std::string> before = p->permissions;

  std::vector<std::string> fewer;
  for (const auto& perm : before)
    if (perm != "matter:read") fewer.push_back(perm);
  ASSERT_TRUE(other_->SetRolePermissions(Admin(), "review_clerk", fewer, "ip").ok());
  p = service_->Authenticate(clerk->token);
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p->Can("matter:read"));

  // The clerk's office moves under another bureau: its path changes.
  const std::string old_path = p->org_path;
  NewOrg move;
  auto orgs = service_->ListOrgs();
  ASSERT_TRUE(orgs.ok());
  for (const auto& o : orgs.value()) {
    if (o.id != p->org_id) continue;
    move = {OrgId("SCJG"), o.code, o.name, o.short_name, o.type};
  }
  ASSERT_NE(move.parent_id, 0);
  ASSERT_TRUE(other_->UpdateOrg(Admin(), p->org_id, move, "ip").ok());
  p = service_->Authenticate(clerk->token);
  ASSERT_TRUE(p.ok());
  EXPECT_NE(p->org_path, old_path);
  EXPECT_EQ(p->org_path.find("/" + std::to_string(OrgId("SCJG")) + "/") != std::string::npos, true) << p->org_path;
}

// The content version comes fresh with every authentication (never from the
// principal cache): a change on the other node shows at the next request.
TEST_P(TwoNodesTest, EveryRequestCarriesTheContentVersionOfItsSnapshot) {
  auto clerk = SignIn("clerk");
  ASSERT_TRUE(clerk.ok());
  auto p = Warm(clerk->token);
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(p->content_version.has_value());
  const int64_t before = *p->content_version;
  EXPECT_EQ(*service_->Authenticate(clerk->token)->content_version, before);  // nothing changed
  NewOrg rename;
  auto orgs = service_->ListOrgs();
  ASSERT_TRUE(orgs.ok());
  for (const auto& o : orgs.value())
    if (o.id == p->org_id) rename = {o.parent_id, o.code, o.name + "（新）", o.short_name, o.type};
  ASSERT_TRUE(other_->UpdateOrg(Admin(), p->org_id, rename, "ip").ok());
  p = service_->Authenticate(clerk->token);
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(p->content_version.has_value());
  EXPECT_NE(*p->content_version, before);
}

TEST_P(TwoNodesTest, SignOutPasswordChangeAndDisablingEndSessionsAtOnce) {
  auto a = SignIn("leader");
  auto b = SignIn("leader");
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(Warm(a->token).ok());
  ASSERT_TRUE(Warm(b->token).ok());
  // The password changed in session a, on the other node: b ends, a stays.
  ASSERT_TRUE(other_->ChangePassword(a->principal, "Demo@2024", "Fresh&Secret42", "ip").ok());
  EXPECT_EQ(service_->Authenticate(b->token).status().code(), "session_expired");
  ASSERT_TRUE(service_->Authenticate(a->token).ok());
  // Signed out on the other node.
  ASSERT_TRUE(other_->SignOut(a->principal, "ip").ok());
  EXPECT_EQ(service_->Authenticate(a->token).status().code(), "session_expired");

  auto unit = SignIn("unit");
  ASSERT_TRUE(unit.ok());
  ASSERT_TRUE(Warm(unit->token).ok());
  ASSERT_TRUE(other_->SetUserStatus(Admin(), unit->principal.user_id, "disable", "ip").ok());
  EXPECT_EQ(service_->Authenticate(unit->token).status().code(), "session_expired");
}

TEST_P(TwoNodesTest, IdleTimeoutAndForcedPasswordChangeAreNotCached) {
  auto s = SignIn("leader");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(Warm(s->token).ok());
  clock_.Advance(29 * kMinute);
  ASSERT_TRUE(service_->Authenticate(s->token).ok());  // refreshes the idle clock
  clock_.Advance(29 * kMinute);
  ASSERT_TRUE(service_->Authenticate(s->token).ok());
  clock_.Advance(30 * kMinute);
  EXPECT_EQ(service_->Authenticate(s->token).status().code(), "session_expired");

  auto t = SignIn("leader");
  ASSERT_TRUE(t.ok());
  auto p = Warm(t->token);
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p->must_change_password);
  // Another node's administrator forces a change (without ending sessions,
  // as a direct edit would): the cached principal must not hide it.
  ASSERT_TRUE(test_db_->db().Write([&](store::Transaction& tx) {
    auto r = tx.Exec("UPDATE users SET must_change_password = 1 WHERE id = ?", {t->principal.user_id});
    return r.ok() ? Status::Ok() : r.status();
  }).ok());
  p = service_->Authenticate(t->token);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->must_change_password);
}

INSTANTIATE_TEST_SUITE_P(Backends, TwoNodesTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         [](const auto& info) {
                           return info.param == store::Dialect::kSqlite ? "sqlite" : "postgresql";
                         });

INSTANTIATE_TEST_SUITE_P(Backends, IdentityServiceTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         [](const auto& info) {
                           return info.param == store::Dialect::kSqlite ? "sqlite" : "postgresql";
                         });

}  // namespace
}  // namespace fazhi::identity
