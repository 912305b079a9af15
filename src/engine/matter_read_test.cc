// MatterService reads on both backends. Lists against a plain reference: the
// caller's readable matters filtered, sorted and paged exactly as the API
// documents, whichever way the service reads them (the default order in two
// index-ordered parts, searches in bigram-index order, counts capped). The
// timeline: stored diffs go out as stored, broken ones as no change.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "base/field_cipher.h"
#include "base/temp_dir.h"
#include "engine/attachment_store.h"
#include "engine/matter_service.h"
#include "engine/text_index.h"
#include "identity/catalog.h"
#include "store/test_database.h"

#ifndef FAZHI_DEFAULT_SOURCE_DIR
#define FAZHI_DEFAULT_SOURCE_DIR "."
#endif

namespace fazhi::engine {
namespace {

using store::Value;

struct Row {
  int64_t id = 0;
  std::string state, due_on, title;  // due_on "" = NULL
  int64_t org_id = 0, creator_id = 0, assignee_id = 0;
};

identity::Principal Clerk(identity::Scope scope) {
  identity::Principal p;
  p.user_id = 7;
  p.username = "clerk";
  p.org_id = 2;
  p.org_path = "/1/2/";
  identity::Assignment a;
  a.role = "review_clerk";
  a.scope = scope;
  a.permissions = {"matter:read"};
  p.assignments.push_back(a);
  p.permissions = a.permissions;
  return p;
}

std::string PathOf(int64_t org) { return org == 1 ? "/1/" : org == 2 ? "/1/2/" : org == 3 ? "/1/2/3/" : "/4/"; }

class MatterReadTest : public ::testing::TestWithParam<store::Dialect> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    auto created = store::TestDatabase::Create(GetParam(), std::string("matter_read_") + info->name());
    ASSERT_TRUE(created.ok()) << created.status().message();
    test_db_ = std::move(*created);
    ASSERT_TRUE(db().Migrate().ok());
    auto catalog = identity::LoadCatalog(std::string(FAZHI_DEFAULT_SOURCE_DIR) + "/definitions");
    ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
    std::vector<std::string> roles;
    for (const auto& r : catalog->roles) roles.push_back(r.code);
    auto loaded = LoadKinds(std::string(FAZHI_DEFAULT_SOURCE_DIR) + "/definitions/kinds-test", roles);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    kinds_ = std::make_unique<KindRegistry>(std::move(loaded).value());
    dir_ = MakeTempDir("fazhi-matter-list");
    auto cipher = FieldCipher::LoadOrCreate((dir_ / "key").string());
    ASSERT_TRUE(cipher.ok());
    cipher_ = std::make_unique<FieldCipher>(std::move(cipher).value());
    audit_ = std::make_unique<audit::AuditLog>((dir_ / "checkpoint").string());
    calendar_ = std::make_unique<calendar::CalendarStore>(db(), *audit_, clock_);
    attachments_ = std::make_unique<AttachmentStore>((dir_ / "attachments").string());
    service_ = std::make_unique<MatterService>(db(), clock_, ids_, *audit_, *calendar_, *kinds_, *cipher_,
                                               *attachments_);
  }
  void TearDown() override {
    service_.reset();
    attachments_.reset();
    calendar_.reset();
    test_db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  store::Database& db() { return test_db_->db(); }

  // Orgs 1 ⊃ 2 ⊃ 3 and 4; `n` test_case matters with repeated due dates
  // (ties), missing ones, four states, and titles made of a few words
  // (after `prefix`).
  void Seed(int n, uint32_t seed, const std::string& prefix = "") {
    std::mt19937 rnd(seed);
    const char* words[] = {"合法性", "审查", "规范", "文件", "示范县", "决策", "顾问", "合同"};
    const char* states[] = {"submitted", "accepted", "assigned", "closed"};
    ASSERT_TRUE(db().Write([&](store::Transaction& tx) -> Status {
      for (int64_t org : {1, 2, 3, 4}) {
        auto r = tx.Exec("INSERT INTO orgs (id, parent_id, code, name, short_name, type, path, created_at) "
                         "VALUES (?, ?, ?, ?, '', 'department', ?, 0)",
                         {org, org == 2 ? Value(int64_t{1}) : org == 3 ? Value(int64_t{2}) : Value(),
                          "O" + std::to_string(org), "单位" + std::to_string(org), PathOf(org)});
        if (!r.ok()) return r.status();
      }
      for (int i = 0; i < n; ++i) {
        Row m;
        m.id = 1000 + i;
        m.state = states[rnd() % 4];
        if (rnd() % 5 != 0) m.due_on = "2026-03-" + std::to_string(10 + rnd() % 6);
        m.org_id = 1 + rnd() % 4;
        m.creator_id = rnd() % 6 == 0 ? 7 : 8;
        m.assignee_id = rnd() % 9 == 0 ? 7 : 0;
        m.title = prefix + words[rnd() % 8] + words[rnd() % 8] + std::to_string(i);
        auto r = tx.Exec(
            "INSERT INTO matters (id, kind, kind_version, number, title, org_id, org_path, creator_id, state, "
            "assignee_id, received_at, due_on, created_at, updated_at) VALUES (?, 'test_case', 1, '', ?, ?, ?, ?, ?, "
            "?, ?, ?, 0, ?)",
            {m.id, m.title, m.org_id, PathOf(m.org_id), m.creator_id, m.state, m.assignee_id, int64_t{i},
             m.due_on.empty() ? Value() : Value(m.due_on), int64_t{n - i}});
        if (!r.ok()) return r.status();
        r = tx.dialect() == store::Dialect::kSqlite
                ? tx.Exec("INSERT INTO matter_search (rowid, tokens) VALUES (?, ?)", {m.id, IndexTokens(m.title)})
                : tx.Exec("INSERT INTO matter_search (matter_id, tokens) VALUES (?, ?)", {m.id, IndexTokens(m.title)});
        if (!r.ok()) return r.status();
        rows_.push_back(m);
      }
      return Status::Ok();
    }).ok());
  }

  // What the clerk with an org_and_below scope over org 2 may read.
  static bool Readable(const Row& m) {
    return m.creator_id == 7 || m.assignee_id == 7 || m.org_id == 2 || m.org_id == 3;
  }

  // Every page of `q` joined together, and the totals reported with them.
  std::vector<int64_t> AllPages(ListQuery q, std::vector<int64_t>* totals, bool* capped = nullptr) {
    std::vector<int64_t> ids;
    const identity::Principal p = Clerk(identity::Scope::kOrgAndBelow);
    for (q.page = 1;; ++q.page) {
      auto page = service_->List(p, q);
      EXPECT_TRUE(page.ok()) << page.status().ToString();
      if (!page.ok()) break;
      totals->push_back(page->total);
      if (capped) *capped = page->total_capped;
      for (const auto& s : page->items) ids.push_back(s.id);
      if (static_cast<int>(page->items.size()) < q.page_size) break;
    }
    return ids;
  }

  ManualClock clock_{1772416800000};  // 2026-03-02
  IdGenerator ids_{clock_, 1};
  std::unique_ptr<store::TestDatabase> test_db_;
  std::unique_ptr<KindRegistry> kinds_;
  std::filesystem::path dir_;
  std::unique_ptr<FieldCipher> cipher_;
  std::unique_ptr<audit::AuditLog> audit_;
  std::unique_ptr<calendar::CalendarStore> calendar_;
  std::unique_ptr<AttachmentStore> attachments_;
  std::unique_ptr<MatterService> service_;
  std::vector<Row> rows_;
};

TEST_P(MatterReadTest, DefaultOrderIsDueDateWithUndatedLastAndNewestFirstAmongEquals) {
  Seed(180, 1);
  for (const std::string state : {"", "accepted", "closed"}) {
    std::vector<Row> expected;
    for (const auto& m : rows_)
      if (Readable(m) && (state.empty() || m.state == state)) expected.push_back(m);
    std::sort(expected.begin(), expected.end(), [](const Row& a, const Row& b) {
      if (a.due_on.empty() != b.due_on.empty()) return b.due_on.empty();
      if (a.due_on != b.due_on) return a.due_on < b.due_on;
      return a.id > b.id;
    });
    std::vector<int64_t> want;
    for (const auto& m : expected) want.push_back(m.id);
    for (int size : {1, 7, 20, 200}) {
      ListQuery q;
      q.kind = "test_case";
      q.state = state;
      q.page_size = size;
      std::vector<int64_t> totals;
      EXPECT_EQ(AllPages(q, &totals), want) << "state " << state << ", page size " << size;
      for (int64_t t : totals) EXPECT_EQ(t, static_cast<int64_t>(want.size()));
    }
  }
  // A page past the end is empty but still carries the total.
  ListQuery q;
  q.kind = "test_case";
  q.page = 1000;
  auto far = service_->List(Clerk(identity::Scope::kOrgAndBelow), q);
  ASSERT_TRUE(far.ok());
  EXPECT_TRUE(far->items.empty());
  EXPECT_GT(far->total, 0);
}

TEST_P(MatterReadTest, OtherOrdersMatchTheReference) {
  Seed(120, 2);
  std::vector<Row> readable;
  for (const auto& m : rows_)
    if (Readable(m)) readable.push_back(m);
  // due_on descending: undated still last, newest first among equals.
  std::vector<Row> by_due_desc = readable;
  std::sort(by_due_desc.begin(), by_due_desc.end(), [](const Row& a, const Row& b) {
    if (a.due_on.empty() != b.due_on.empty()) return b.due_on.empty();
    if (a.due_on != b.due_on) return a.due_on > b.due_on;
    return a.id > b.id;
  });
  std::vector<int64_t> want;
  for (const auto& m : by_due_desc) want.push_back(m.id);
  ListQuery q;
  q.order = "desc";
  q.page_size = 9;
  std::vector<int64_t> totals;
  EXPECT_EQ(AllPages(q, &totals), want);
  // updated_at ascending = id descending in this sample.
  q = ListQuery();
  q.sort = "updated_at";
  q.page_size = 11;
  want.clear();
  for (const auto& m : readable) want.push_back(m.id);
  std::sort(want.rbegin(), want.rend());
  EXPECT_EQ(AllPages(q, &totals), want);
}

TEST_P(MatterReadTest, SearchListsReadableHitsNewestFirst) {
  Seed(150, 3);
  for (const std::string word : {"审查", "示范县", "合同顾问", "规"}) {
    std::vector<int64_t> want;
    for (const auto& m : rows_)
      if (Readable(m) && m.title.find(word) != std::string::npos) want.push_back(m.id);
    std::sort(want.rbegin(), want.rend());
    ListQuery q;
    q.q = word;
    q.sort = "";
    q.page_size = 6;
    std::vector<int64_t> totals;
    bool capped = true;
    EXPECT_EQ(AllPages(q, &totals, &capped), want) << word;
    EXPECT_FALSE(capped);
    for (int64_t t : totals) EXPECT_EQ(t, static_cast<int64_t>(want.size())) << word;
    // With an explicit order the same hits come sorted by it.
    q.sort = "due_on";
    q.order = "asc";
    std::vector<int64_t> sorted = AllPages(q, &totals);
    std::sort(sorted.rbegin(), sorted.rend());
    EXPECT_EQ(sorted, want) << word;
  }
}

TEST_P(MatterReadTest, SearchCountsAreCappedAFewPagesAhead) {
  Seed(1100, 4, "示范县");
  const identity::Principal all = Clerk(identity::Scope::kAll);
  ListQuery q;
  q.q = "示范县";
  q.sort = "";
  auto page = service_->List(all, q);
  ASSERT_TRUE(page.ok());
  // Counted up to ten pages of 20 (the minimum, 200), and said so.
  EXPECT_EQ(page->total, 200);
  EXPECT_TRUE(page->total_capped);
  ASSERT_EQ(page->items.size(), 20u);
  for (size_t i = 1; i < page->items.size(); ++i) EXPECT_GT(page->items[i - 1].id, page->items[i].id);
  for (const auto& s : page->items) EXPECT_NE(s.title.find("示范县"), std::string::npos);
  // Further pages count further: page 30 of 20 counts to 580 + 200.
  q.page = 30;
  page = service_->List(all, q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 780);
  EXPECT_TRUE(page->total_capped);
  ASSERT_EQ(page->items.size(), 20u);
  EXPECT_EQ(page->items[0].id, rows_.back().id - 580);  // newest first: the 581st newest
  // Near the end the true count is reached.
  q.page = 50;
  page = service_->List(all, q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 1100);
  EXPECT_FALSE(page->total_capped);
  EXPECT_EQ(page->items.size(), 20u);
  q.page = 56;
  page = service_->List(all, q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 1100);
  EXPECT_EQ(page->items.size(), 0u);
}

TEST_P(MatterReadTest, TimelineKeepsStoredDiffsAndHidesBrokenOnes) {
  Seed(3, 5);
  const char* diffs[] = {R"({"title":["旧","新"],"n":[1,2]})", "not json", "[1,2]", "{\"open\":", ""};
  ASSERT_TRUE(db().Write([&](store::Transaction& tx) -> Status {
    for (int i = 0; i < 5; ++i) {
      auto r = tx.Exec("INSERT INTO matter_events (id, matter_id, seq, at, user_id, username, action, from_state, "
                       "to_state, note, diff) VALUES (?, ?, ?, 0, 7, 'clerk', 'update', 's', 's', '', ?)",
                       {int64_t{5000 + i}, rows_[0].id, int64_t{i + 1}, std::string(diffs[i])});
      if (!r.ok()) return r.status();
    }
    return Status::Ok();
  }).ok());
  identity::Principal all = Clerk(identity::Scope::kAll);
  auto events = service_->Events(all, rows_[0].id);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->events.size(), 5u);
  EXPECT_EQ(events->events[0].diff, diffs[0]);
  for (int i = 1; i < 5; ++i) EXPECT_EQ(events->events[i].diff, "{}") << diffs[i];
  EXPECT_EQ(events->events[0].action_label, "修改");
  EXPECT_TRUE(events->people.empty());
  // Someone who may not read the matter learns nothing, not even that it exists.
  identity::Principal stranger = Clerk(identity::Scope::kSelf);
  stranger.user_id = 99;
  EXPECT_EQ(service_->Events(stranger, rows_[0].id).status().code(), "not_found");
  EXPECT_EQ(service_->Events(all, 424242).status().code(), "not_found");
}

// Lists, details and timelines are kept in memory under the content version
// (read_cache.h). Every change below is made with plain SQL, as another app
// node, the CLI or a manual fix would make it: nothing in this process hears
// of it, and every read after it must still show it.
class ReadCacheTest : public MatterReadTest {
 protected:
  void Exec(const std::string& sql, const std::vector<Value>& params = {}) {
    ASSERT_TRUE(db().Write([&](store::Transaction& tx) -> Status {
      auto r = tx.Exec(sql, params);
      return r.ok() ? Status::Ok() : r.status();
    }).ok()) << sql;
  }
  // The first page of the clerk's (all scope) test_case list, read twice so
  // the second answer comes from the cache when nothing changed.
  Page<MatterSummary> ListTwice(const ListQuery& q, const identity::Principal& p) {
    auto first = service_->List(p, q);
    EXPECT_TRUE(first.ok()) << first.status().ToString();
    auto second = service_->List(p, q);
    EXPECT_TRUE(second.ok()) << second.status().ToString();
    if (!first.ok() || !second.ok()) return {};
    EXPECT_EQ(Ids(*first), Ids(*second));
    return *second;
  }
  static std::vector<int64_t> Ids(const Page<MatterSummary>& page) {
    std::vector<int64_t> ids;
    for (const auto& s : page.items) ids.push_back(s.id);
    return ids;
  }
  static const MatterSummary* Find(const Page<MatterSummary>& page, int64_t id) {
    for (const auto& s : page.items)
      if (s.id == id) return &s;
    return nullptr;
  }
  MatterView Detail(int64_t id) {
    auto v = service_->Get(Clerk(identity::Scope::kAll), id);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : MatterView();
  }
};

TEST_P(ReadCacheTest, ListsFollowChangesMadeElsewhere) {
  Seed(40, 7);
  const identity::Principal all = Clerk(identity::Scope::kAll);
  ListQuery q;
  q.kind = "test_case";
  q.page_size = 10;
  Page<MatterSummary> page = ListTwice(q, all);
  ASSERT_EQ(page.items.size(), 10u);
  const int64_t first = page.items[0].id;
  const int64_t total = page.total;

  Exec("UPDATE matters SET title = ? WHERE id = ?", {std::string("改过的标题"), first});
  page = ListTwice(q, all);
  ASSERT_NE(Find(page, first), nullptr);
  EXPECT_EQ(Find(page, first)->title, "改过的标题");

  // A later due date moves it off the first page.
  Exec("UPDATE matters SET due_on = '2099-01-01' WHERE id = ?", {first});
  page = ListTwice(q, all);
  EXPECT_EQ(Find(page, first), nullptr);
  EXPECT_EQ(page.total, total);

  // Org names and assignee names are part of the rows.
  const int64_t org = page.items[0].org_id;
  Exec("UPDATE orgs SET name = '改名后的单位' WHERE id = ?", {org});
  page = ListTwice(q, all);
  EXPECT_EQ(page.items[0].org_name, "改名后的单位");
  Exec("UPDATE matters SET assignee_id = 7 WHERE id = ?", {page.items[0].id});
  Exec("INSERT INTO users (id, username, display_name, org_id, password_hash, password_changed_at, created_at, "
       "updated_at) VALUES (7, 'clerk', '王审查', 2, 'x', 0, 0, 0)");
  page = ListTwice(q, all);
  EXPECT_EQ(page.items[0].assignee_name, "王审查");
  Exec("UPDATE users SET display_name = '王审查员' WHERE id = 7");
  page = ListTwice(q, all);
  EXPECT_EQ(page.items[0].assignee_name, "王审查员");

  // A state filter: a matter leaving the state leaves the list and the total.
  q.state = page.items[0].state;
  page = ListTwice(q, all);
  const int64_t in_state = page.total;
  ASSERT_GT(in_state, 0);
  Exec("UPDATE matters SET state = 'returned' WHERE id = ?", {page.items[0].id});
  EXPECT_EQ(ListTwice(q, all).total, in_state - 1);

  // A new matter, and a deleted one.
  Exec("INSERT INTO matters (id, kind, kind_version, number, title, org_id, org_path, creator_id, state, assignee_id, "
       "received_at, due_on, created_at, updated_at) VALUES (9000, 'test_case', 1, '', '新事项', 2, '/1/2/', 8, ?, 0, "
       "0, '2000-01-01', 0, 0)",
       {q.state});
  page = ListTwice(q, all);
  EXPECT_EQ(page.total, in_state);
  EXPECT_EQ(page.items[0].id, 9000);
  Exec("DELETE FROM matters WHERE id = 9000");
  page = ListTwice(q, all);
  EXPECT_EQ(page.total, in_state - 1);
  EXPECT_EQ(Find(page, 9000), nullptr);
}

TEST_P(ReadCacheTest, EachCallerGetsTheirOwnScope) {
  Seed(60, 8);
  ListQuery q;
  q.kind = "test_case";
  q.page_size = 200;
  const identity::Principal all = Clerk(identity::Scope::kAll);
  const identity::Principal below = Clerk(identity::Scope::kOrgAndBelow);
  identity::Principal other = below;  // the same role over another subtree
  other.user_id = 9;
  other.org_id = 4;
  other.org_path = "/4/";
  std::vector<int64_t> want_below, want_other;
  for (const auto& m : rows_) {
    if (Readable(m)) want_below.push_back(m.id);
    if (m.org_id == 4 || m.creator_id == 9 || m.assignee_id == 9) want_other.push_back(m.id);
  }
  for (int round = 0; round < 2; ++round) {  // the second round from the cache
    auto a = service_->List(all, q), b = service_->List(below, q), c = service_->List(other, q);
    ASSERT_TRUE(a.ok() && b.ok() && c.ok());
    EXPECT_EQ(a->total, static_cast<int64_t>(rows_.size()));
    std::vector<int64_t> got_b = Ids(*b), got_c = Ids(*c);
    std::sort(got_b.begin(), got_b.end());
    std::sort(got_c.begin(), got_c.end());
    EXPECT_EQ(got_b, want_below);
    EXPECT_EQ(got_c, want_other);
  }
  // assignee=me under an all scope is the caller's own list.
  q.assignee_me = true;
  identity::Principal all9 = all;
  all9.user_id = 9;
  auto mine7 = service_->List(all, q), mine9 = service_->List(all9, q);
  ASSERT_TRUE(mine7.ok() && mine9.ok());
  for (const auto& s : mine7->items) EXPECT_EQ(s.assignee_id, 7);
  EXPECT_TRUE(mine9->items.empty());
}

TEST_P(ReadCacheTest, LightsAreForTodayEvenFromTheCache) {
  Seed(10, 9);
  const identity::Principal all = Clerk(identity::Scope::kAll);
  Exec("UPDATE matters SET due_on = '2026-03-05', suspended = 0, state = 'accepted' WHERE id = ?", {rows_[0].id});
  Exec("INSERT INTO matter_deadlines (matter_id, name, status, started_on, due_on) "
       "VALUES (?, 'handling', 'running', '2026-02-20', '2026-03-05')",
       {rows_[0].id});
  ListQuery q;
  q.kind = "test_case";
  q.state = "accepted";
  Page<MatterSummary> page = ListTwice(q, all);
  ASSERT_NE(Find(page, rows_[0].id), nullptr);
  EXPECT_NE(Find(page, rows_[0].id)->light.color, "red");
  MatterView v = Detail(rows_[0].id);
  ASSERT_EQ(v.deadlines.size(), 1u);
  EXPECT_NE(v.light.color, "red");
  EXPECT_NE(v.deadlines[0].light.color, "red");
  clock_.Advance(7 * 24 * 3600 * 1000LL);  // 2026-03-09: past due, nothing written
  page = ListTwice(q, all);
  EXPECT_EQ(Find(page, rows_[0].id)->light.color, "red");
  auto shared = service_->ListShared(all, q);  // the cached rows, lights beside them
  ASSERT_TRUE(shared.ok());
  ASSERT_EQ(shared->lights.size(), shared->page->items.size());
  for (size_t i = 0; i < shared->lights.size(); ++i) {
    if (shared->page->items[i].id == rows_[0].id) {
      EXPECT_EQ(shared->lights[i].color, "red");
    }
  }
  v = Detail(rows_[0].id);
  EXPECT_EQ(v.light.color, "red");
  EXPECT_EQ(v.deadlines[0].light.color, "red");
  // due=overdue filters on today too.
  q.due = "overdue";
  page = ListTwice(q, all);
  EXPECT_NE(Find(page, rows_[0].id), nullptr);
}

TEST_P(ReadCacheTest, DetailsAndTimelinesFollowChangesMadeElsewhere) {
  Seed(5, 10);
  const int64_t id = rows_[0].id, other = rows_[1].id;
  MatterView v = Detail(id);
  v = Detail(id);
  EXPECT_EQ(v.title, rows_[0].title);
  EXPECT_TRUE(v.links.empty());
  EXPECT_TRUE(v.attachments.empty());
  EXPECT_TRUE(v.deadlines.empty());

  Exec("UPDATE matters SET title = '新标题', version = version + 1 WHERE id = ?", {id});
  EXPECT_EQ(Detail(id).title, "新标题");
  Exec("UPDATE orgs SET name = '新单位名' WHERE id = ?", {v.org_id});
  EXPECT_EQ(Detail(id).org_name, "新单位名");
  Exec("INSERT INTO matter_deadlines (matter_id, name, status, started_on, due_on) "
       "VALUES (?, 'handling', 'running', '2026-02-20', '2026-03-20')",
       {id});
  v = Detail(id);
  ASSERT_EQ(v.deadlines.size(), 1u);
  EXPECT_EQ(v.deadlines[0].due_on, "2026-03-20");
  Exec("UPDATE matter_deadlines SET due_on = '2026-03-27' WHERE matter_id = ?", {id});
  EXPECT_EQ(Detail(id).deadlines[0].due_on, "2026-03-27");
  Exec("INSERT INTO matter_links (from_id, to_id, field, created_at) VALUES (?, ?, 'review', 0)", {id, other});
  v = Detail(id);
  ASSERT_EQ(v.links.size(), 1u);
  EXPECT_EQ(v.links[0].title, rows_[1].title);
  // The linked matter's own title shows through the link.
  Exec("UPDATE matters SET title = '被关联事项新标题' WHERE id = ?", {other});
  EXPECT_EQ(Detail(id).links[0].title, "被关联事项新标题");
  Exec("INSERT INTO attachments (id, matter_id, name, size, content_type, sha256, created_by, created_at) "
       "VALUES (77, ?, '附件.pdf', 3, 'application/pdf', 'abc', 7, 0)",
       {id});
  v = Detail(id);
  ASSERT_EQ(v.attachments.size(), 1u);
  EXPECT_EQ(v.attachments[0].name, "附件.pdf");

  const identity::Principal all = Clerk(identity::Scope::kAll);
  auto events = service_->Events(all, id);
  ASSERT_TRUE(events.ok());
  EXPECT_TRUE(events->events.empty());
  ASSERT_TRUE(service_->Events(all, id).ok());
  Exec("INSERT INTO matter_events (id, matter_id, seq, at, user_id, username, action, from_state, to_state, note, "
       "diff) VALUES (6000, ?, 1, 0, 7, 'clerk', 'accept', 'submitted', 'accepted', '已受理', '{}')",
       {id});
  events = service_->Events(all, id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->events.size(), 1u);
  EXPECT_EQ(events->events[0].note, "已受理");
  Exec("UPDATE matter_events SET note = '改过的意见' WHERE id = 6000");
  events = service_->Events(all, id);
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->events[0].note, "改过的意见");
}

// The names of people (the actor of an event, whoever a user field or a
// diff names, with their org) are read with the matter and the timeline and
// kept with them: renaming a person or their org, or moving a person to
// another org, elsewhere must show on the next read.
TEST_P(ReadCacheTest, NamesOfPeopleFollowChangesMadeElsewhere) {
  Seed(1, 12);
  const int64_t id = rows_[0].id;
  const identity::Principal all = Clerk(identity::Scope::kAll);
  Exec("INSERT INTO users (id, username, display_name, org_id, password_hash, password_changed_at, created_at, "
       "updated_at) VALUES (7, 'clerk', '王审查', 4, 'x', 0, 0, 0)");
  Exec("INSERT INTO users (id, username, display_name, org_id, password_hash, password_changed_at, created_at, "
       "updated_at) VALUES (31, 'u31', '赵律师', 4, 'x', 0, 0, 0)");
  Exec("UPDATE matters SET data = ? WHERE id = ?", {std::string(R"({"contact":"31"})"), id});
  Exec("INSERT INTO matter_events (id, matter_id, seq, at, user_id, username, action, from_state, to_state, note, "
       "diff) VALUES (6100, ?, 1, 0, 7, 'clerk', 'update', 's', 's', '', ?)",
       {id, std::string(R"({"contact":[null,"31"]})")});
  auto people = [](const std::vector<PersonRef>& list) {
    std::vector<std::string> out;
    for (const auto& p : list) out.push_back(IdToString(p.id) + " " + p.name + " " + p.org_name);
    return out;
  };
  auto check = [&](const std::string& actor, const std::string& named) {
    for (int round = 0; round < 2; ++round) {  // the second round from the caches
      MatterView v = Detail(id);
      EXPECT_EQ(people(v.people), std::vector<std::string>{named}) << round;
      auto t = service_->Events(all, id);
      ASSERT_TRUE(t.ok()) << t.status().ToString();
      ASSERT_EQ(t->events.size(), 1u);
      EXPECT_EQ(t->events[0].display_name, actor) << round;
      EXPECT_EQ(people(t->people), std::vector<std::string>{named}) << round;
    }
  };
  check("王审查", "31 赵律师 单位4");
  Exec("UPDATE users SET display_name = '王审查员' WHERE id = 7");
  check("王审查员", "31 赵律师 单位4");
  Exec("UPDATE users SET display_name = '赵大律师' WHERE id = 31");
  check("王审查员", "31 赵大律师 单位4");
  Exec("UPDATE orgs SET name = '明理律师事务所' WHERE id = 4");
  check("王审查员", "31 赵大律师 明理律师事务所");
  Exec("UPDATE users SET org_id = 3 WHERE id = 31");
  check("王审查员", "31 赵大律师 单位3");
}

TEST_P(ReadCacheTest, AccessIsDecidedOnEveryRead) {
  Seed(5, 11);
  // A matter of org 4, created by someone else, nobody assigned.
  const int64_t id = rows_[0].id;
  Exec("UPDATE matters SET org_id = 4, org_path = '/4/', creator_id = 8, assignee_id = 0 WHERE id = ?", {id});
  const identity::Principal all = Clerk(identity::Scope::kAll);
  const identity::Principal below = Clerk(identity::Scope::kOrgAndBelow);  // org 2 and below
  ASSERT_TRUE(service_->Get(all, id).ok());
  ASSERT_TRUE(service_->Events(all, id).ok());
  // The snapshot is cached now; the narrower caller still sees nothing.
  EXPECT_EQ(service_->Get(below, id).status().code(), "not_found");
  EXPECT_EQ(service_->Events(below, id).status().code(), "not_found");
  // Moved into org 3 (below org 2) elsewhere: now they may read it.
  Exec("UPDATE matters SET org_id = 3, org_path = '/1/2/3/' WHERE id = ?", {id});
  EXPECT_TRUE(service_->Get(below, id).ok());
  EXPECT_TRUE(service_->Events(below, id).ok());
  // Assigned to the caller: they see it whatever their scope.
  Exec("UPDATE matters SET org_id = 4, org_path = '/4/', assignee_id = 7 WHERE id = ?", {id});
  identity::Principal self = Clerk(identity::Scope::kSelf);
  EXPECT_TRUE(service_->Get(self, id).ok());
  self.user_id = 99;
  EXPECT_EQ(service_->Get(self, id).status().code(), "not_found");
}

// A request signed in by a session brings the content version read with it:
// pages are found under that version, so a request whose session was read
// before a change gets the state of that moment, the next one the new state.
TEST_P(ReadCacheTest, TheSessionsVersionFindsThePage) {
  Seed(10, 13);
  auto version = [&] {
    int64_t v = 0;
    EXPECT_TRUE(db().Read([&](store::Transaction& tx) {
      auto r = tx.Query("SELECT value FROM content_version WHERE id = 1");
      if (!r.ok()) return r.status();
      v = r->rows[0].Int(0);
      return Status::Ok();
    }).ok());
    return v;
  };
  identity::Principal p = Clerk(identity::Scope::kAll);
  ListQuery q;
  q.kind = "test_case";
  p.content_version = version();
  auto page = service_->List(p, q);
  ASSERT_TRUE(page.ok());
  const int64_t first = page->items[0].id;
  const std::string title = page->items[0].title;
  ASSERT_TRUE(service_->Get(p, first).ok());
  Exec("UPDATE matters SET title = '之后改的标题' WHERE id = ?", {first});
  // Authenticated before the change: the state then.
  page = service_->List(p, q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Find(*page, first)->title, title);
  EXPECT_EQ(service_->Get(p, first)->title, title);
  // The next request reads the new version with its session.
  p.content_version = version();
  page = service_->List(p, q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Find(*page, first)->title, "之后改的标题");
  EXPECT_EQ(service_->Get(p, first)->title, "之后改的标题");
  // A version nothing was stored under: read afresh.
  p.content_version = version() + 1;
  EXPECT_EQ(Find(*service_->List(p, q), first)->title, "之后改的标题");
}

// A request's own write is read back, whatever version came with its session.
TEST_P(ReadCacheTest, AWriteReturnsWhatItWrote) {
  Seed(30, 14);
  identity::Principal p = Clerk(identity::Scope::kAll);
  int64_t id = 0, version = 0;
  for (const auto& m : rows_)
    if (m.creator_id == 7 && m.state != "closed") id = m.id;
  ASSERT_NE(id, 0);
  ASSERT_TRUE(db().Read([&](store::Transaction& tx) {
    auto r = tx.Query("SELECT value FROM content_version WHERE id = 1");
    if (!r.ok()) return r.status();
    p.content_version = r->rows[0].Int(0);  // as read with the session, before the write
    return Status::Ok();
  }).ok());
  auto before = service_->Get(p, id);
  ASSERT_TRUE(before.ok());
  version = before->version;
  FieldErrors errors;
  auto after = service_->Update(p, id, version, "自己刚改的标题", Json::object(), "127.0.0.1", &errors);
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ(after->title, "自己刚改的标题");
  EXPECT_EQ(after->version, version + 1);
}

// Two app nodes on one database: what one writes, the other reads at once.
TEST_P(ReadCacheTest, AnotherNodesWritesAreSeen) {
  Seed(5, 12);
  MatterService node_b(db(), clock_, ids_, *audit_, *calendar_, *kinds_, *cipher_, *attachments_);
  const identity::Principal all = Clerk(identity::Scope::kAll);
  ListQuery q;
  q.kind = "test_case";
  ASSERT_TRUE(node_b.List(all, q).ok());
  ASSERT_TRUE(node_b.Get(all, rows_[0].id).ok());
  ASSERT_TRUE(service_->List(all, q).ok());
  Exec("UPDATE matters SET title = '节点甲改的标题' WHERE id = ?", {rows_[0].id});
  auto page = node_b.List(all, q);
  ASSERT_TRUE(page.ok());
  ASSERT_NE(Find(*page, rows_[0].id), nullptr);
  EXPECT_EQ(Find(*page, rows_[0].id)->title, "节点甲改的标题");
  auto v = node_b.Get(all, rows_[0].id);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->title, "节点甲改的标题");
}

INSTANTIATE_TEST_SUITE_P(Backends, ReadCacheTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         [](const auto& info) { return std::string(store::DialectName(info.param)); });

// The timeline names people by their display names: the actor of each event,
// and whoever a diff names in a user field (test_case.contact) or as assignee,
// before and after — with their org, and nothing else about them.
TEST_P(MatterReadTest, TimelineNamesPeople) {
  Seed(1, 5);
  Status written = db().Write([&](store::Transaction& tx) -> Status {
    const std::pair<int64_t, const char*> users[] = {{7, "王审查"}, {31, "赵律师"}, {32, "钱律师"}, {33, "孙助理"}};
    for (const auto& [id, name] : users) {
      auto r = tx.Exec("INSERT INTO users (id, username, display_name, org_id, password_hash, password_changed_at, created_at, updated_at) "
                       "VALUES (?, ?, ?, 4, 'x', 0, 0, 0)",
                       {id, "u" + std::to_string(id), std::string(name)});
      if (!r.ok()) return r.status();
    }
    const char* diffs[] = {R"({"contact":[null,"31"]})", R"({"assignee":["0","33"],"contact":["31","32"]})",
                           R"({"title":["a","b"]})"};
    for (int i = 0; i < 3; ++i) {
      auto r = tx.Exec("INSERT INTO matter_events (id, matter_id, seq, at, user_id, username, action, from_state, "
                       "to_state, note, diff) VALUES (?, ?, ?, 0, ?, 'clerk', 'update', 's', 's', '', ?)",
                       {int64_t{6000 + i}, rows_[0].id, int64_t{i + 1}, int64_t{i == 2 ? 404 : 7}, std::string(diffs[i])});
      if (!r.ok()) return r.status();
    }
    return Status::Ok();
  });
  ASSERT_TRUE(written.ok()) << written.ToString();
  auto timeline = service_->Events(Clerk(identity::Scope::kAll), rows_[0].id);
  ASSERT_TRUE(timeline.ok()) << timeline.status().ToString();
  ASSERT_EQ(timeline->events.size(), 3u);
  EXPECT_EQ(timeline->events[0].display_name, "王审查");
  EXPECT_EQ(timeline->events[0].username, "clerk");
  EXPECT_EQ(timeline->events[2].display_name, "");  // an account that no longer exists
  std::vector<std::string> named;
  for (const auto& p : timeline->people) named.push_back(IdToString(p.id) + " " + p.name + " " + p.org_name);
  EXPECT_EQ(named, (std::vector<std::string>{"31 赵律师 单位4", "32 钱律师 单位4", "33 孙助理 单位4"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, MatterReadTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         [](const auto& info) { return std::string(store::DialectName(info.param)); });

}  // namespace
}  // namespace fazhi::engine
