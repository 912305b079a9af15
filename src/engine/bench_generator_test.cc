#include "engine/bench_generator.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "base/ids.h"
#include "calendar/calendar_loader.h"
#include "engine/field_values.h"
#include "engine/text_index.h"

namespace fazhi::engine::bench {
namespace {

using calendar::Date;
using calendar::Unit;

std::string SourceDir() {
  const char* env = std::getenv("FAZHI_SOURCE_DIR");
  return env != nullptr ? env : FAZHI_DEFAULT_SOURCE_DIR;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The test kind (definitions/kinds-test/test_case.yaml) and the official calendar.
class BenchGeneratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> roles;
    std::ifstream in(SourceDir() + "/definitions/identity/roles.yaml");
    for (std::string line; std::getline(in, line);)
      if (size_t at = line.find("- code: "); at != std::string::npos) roles.push_back(line.substr(at + 8));
    auto kind = ParseKind(ReadFile(SourceDir() + "/definitions/kinds-test/test_case.yaml"), "test_case.yaml", roles);
    ASSERT_TRUE(kind.ok()) << kind.status().message();
    kind_ = kind.value();
    auto years = calendar::LoadCalendarDir(SourceDir() + "/definitions/calendar");
    ASSERT_TRUE(years.ok()) << years.status().message();
    for (const auto& y : years.value()) ASSERT_TRUE(calendar_.SetYear(y).ok());
  }

  GeneratorSetup MakeSetup(ReservedIds* ids) {
    BenchOrg gov{1, 0, "GOV", "示范县人民政府", "示范县政府", "government", "/1/"};
    BenchOrg office{2, 1, "JUS-LR", "合法性审查办公室", "审查办", "office", "/1/2/"};
    orgs_ = MakeOrgs(gov, ids);
    auto submitters = MakeSubmitters(orgs_, 7, ids);
    GeneratorSetup s;
    s.kinds = {&kind_};
    s.calendar = &calendar_;
    s.staff = {{10, 2, "clerk", "王审查", {"review_clerk"}},
               {11, 1, "chief", "李顾问", {"chief_counsel"}},
               {12, 1, "counsel", "赵律师", {"external_counsel"}},
               {13, 1, "unit", "陈报送", {"unit_submitter"}}};
    s.handling.push_back({office, 3, {s.staff[0]}});
    for (size_t i = 0; i < orgs_.size(); ++i) s.handling.push_back({orgs_[i], 0.1, {submitters[i]}});
    s.all_orgs = orgs_;
    return s;
  }

  std::vector<GeneratedMatter> Generate(uint64_t seed, int64_t total, int64_t batch) {
    ReservedIds ids;
    MatterGenerator g(MakeSetup(&ids), seed, total, &ids);
    std::vector<GeneratedMatter> all;
    for (;;) {
      auto part = g.Next(batch);
      if (part.empty()) break;
      for (auto& m : part) all.push_back(std::move(m));
    }
    sequences_ = g.sequences();
    return all;
  }

  KindDef kind_;
  calendar::Calendar calendar_;
  std::vector<BenchOrg> orgs_;
  std::map<std::tuple<int64_t, std::string, int>, int64_t> sequences_;
};

std::string Fingerprint(const GeneratedMatter& m) {
  std::string s = std::to_string(m.id) + m.title + m.state + m.data + m.number + m.due_on + m.tokens +
                  std::to_string(m.received_at) + std::to_string(m.org_id) + std::to_string(m.assignee_id);
  for (const auto& e : m.events) s += std::to_string(e.id) + e.action + e.diff + e.note + std::to_string(e.at);
  for (const auto& d : m.deadlines) s += d.name + d.status + d.due_on;
  return s;
}

TEST(ReservedIds, PositiveUniqueAndInThePast) {
  ReservedIds ids;
  std::set<int64_t> seen;
  for (int i = 0; i < 10000; ++i) {
    const int64_t id = ids.Next();
    EXPECT_GT(id, 0);
    EXPECT_EQ(IdGenerator::Node(id), 1023);
    EXPECT_LT(IdGenerator::TimestampMs(id), IdGenerator::kEpochMs + 10);
    EXPECT_TRUE(seen.insert(id).second);
  }
}

TEST(DueWithFallback, UsesTheCalendarWhereItHasDataAndWeekdaysElsewhere) {
  calendar::Calendar cal;
  auto years = calendar::LoadCalendarDir(SourceDir() + "/definitions/calendar");
  ASSERT_TRUE(years.ok());
  for (const auto& y : years.value()) ASSERT_TRUE(cal.SetYear(y).ok());
  auto d = [](const char* s) { return Date::Parse(s).value(); };
  // 2024: the National Day break is skipped (calendar).
  EXPECT_EQ(DueWithFallback(&cal, d("2024-09-30"), 1, Unit::kWorkingDay), cal.Due(d("2024-09-30"), 1, Unit::kWorkingDay).value());
  EXPECT_GT(DueWithFallback(&cal, d("2024-09-30"), 1, Unit::kWorkingDay), d("2024-10-07"));
  // 2019 has no data: Monday–Friday count.
  EXPECT_EQ(DueWithFallback(&cal, d("2019-09-27"), 1, Unit::kWorkingDay), d("2019-09-30"));
  EXPECT_EQ(DueWithFallback(nullptr, d("2019-09-27"), 6, Unit::kWorkingDay), d("2019-10-07"));
  EXPECT_EQ(DueWithFallback(nullptr, d("2019-09-27"), 1, Unit::kCalendarDay), d("2019-09-30"));  // Sat → Mon
  EXPECT_EQ(DueWithFallback(nullptr, d("2019-09-27"), 3, Unit::kCalendarDay), d("2019-09-30"));
}

TEST_F(BenchGeneratorTest, OrgsAreAHundredUniqueChildrenOfTheParent) {
  ReservedIds ids;
  MakeSetup(&ids);
  ASSERT_EQ(orgs_.size(), 100u);
  std::set<std::string> codes, names;
  std::map<int64_t, std::string> paths = {{1, "/1/"}};
  for (const auto& o : orgs_) {
    EXPECT_TRUE(codes.insert(o.code).second) << o.code;
    EXPECT_TRUE(names.insert(o.name).second) << o.name;
    ASSERT_TRUE(paths.count(o.parent_id)) << o.name;
    EXPECT_EQ(o.path, paths[o.parent_id] + std::to_string(o.id) + "/");
    paths[o.id] = o.path;
  }
  EXPECT_EQ(orgs_.front().name, "示范县发展和改革局");
  EXPECT_TRUE(names.count("城南镇人民政府"));
  EXPECT_TRUE(names.count("城南镇司法所"));
}

TEST_F(BenchGeneratorTest, SameSeedSameDataWhateverTheBatches) {
  const auto a = Generate(42, 500, 500), b = Generate(42, 500, 7), c = Generate(43, 500, 500);
  ASSERT_EQ(a.size(), 500u);
  ASSERT_EQ(b.size(), 500u);
  int differs = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(Fingerprint(a[i]), Fingerprint(b[i])) << i;
    differs += a[i].title != c[i].title;
  }
  EXPECT_GT(differs, 250);
}

TEST_F(BenchGeneratorTest, MattersLookLikeTheServiceWroteThem) {
  const auto all = Generate(1, 20000, 5000);
  std::set<int64_t> ids;
  std::map<std::string, int> states;
  int64_t previous_received = 0;
  int with_deadlines = 0, running_handling = 0, from_2017 = 0, from_2026 = 0;
  for (const auto& m : all) {
    EXPECT_TRUE(ids.insert(m.id).second);
    EXPECT_EQ(m.kind, "test_case");
    EXPECT_GE(m.received_at, kStartMs);
    EXPECT_LT(m.updated_at, kAsOfMs);
    EXPECT_GE(m.received_at + 86400000, previous_received) << "matters come in order of receipt";
    previous_received = m.received_at;
    const Date day = ChinaDate(m.received_at);
    from_2017 += day.year == 2017;
    from_2026 += day.year == 2026;
    EXPECT_TRUE(calendar_.HasYear(day.year) ? calendar_.IsWorkingDay(day).value() : !day.IsWeekend())
        << day.ToString();
    ++states[m.state];
    ASSERT_FALSE(m.title.empty());
    EXPECT_LE(DecodeUtf8(m.title).size(), 200u);
    // Timeline: create first, seq 1..n, version = n, times in order.
    ASSERT_GE(m.events.size(), 1u);
    EXPECT_LE(m.events.size(), 7u);
    EXPECT_EQ(m.version, static_cast<int64_t>(m.events.size()));
    EXPECT_EQ(m.events[0].action, "create");
    EXPECT_EQ(m.events[0].to_state, "submitted");
    EXPECT_EQ(m.events.back().to_state, m.state);
    for (size_t i = 0; i < m.events.size(); ++i) {
      EXPECT_EQ(m.events[i].seq, static_cast<int>(i) + 1);
      EXPECT_TRUE(ids.insert(m.events[i].id).second);
      if (i == 0) continue;
      EXPECT_GE(m.events[i].at, m.events[i - 1].at);
      EXPECT_EQ(m.events[i].from_state, m.events[i - 1].to_state);
    }
    // Required fields, and fields the data would have after its actions.
    const Json data = Json::parse(m.data);
    for (const char* key : {"subject", "category", "submitting_org"}) EXPECT_TRUE(data.contains(key)) << key;
    EXPECT_FALSE(data.contains("party"));
    if (m.state == "closed") {
      EXPECT_TRUE(data.contains("conclusion"));
      EXPECT_EQ(m.outcome, data["conclusion"].get<std::string>());
      EXPECT_NE(m.number.find("测〔"), std::string::npos) << m.number;
      EXPECT_GT(m.closed_at, 0);
    }
    if (m.state == "assigned" || m.state == "drafted") {
      EXPECT_NE(m.assignee_id, 0);
    }
    // Search tokens as Reindex makes them.
    std::string text = m.title;
    for (auto it = data.begin(); it != data.end(); ++it) text += " " + DisplayText(it.value());
    EXPECT_EQ(m.tokens, IndexTokens(text));
    // Deadlines: present only when one runs; due_on is the earliest running.
    if (!m.deadlines.empty()) ++with_deadlines;
    bool open = m.state == "accepted" || m.state == "assigned" || m.state == "drafted";
    for (const auto& d : m.deadlines) {
      if (d.name != "handling" || d.status != "running") continue;
      ++running_handling;
      EXPECT_LE(m.due_on, d.due_on);
      auto start = Date::Parse(d.started_on).value();
      if (d.extended == 0 && calendar_.HasYear(start.year) && calendar_.HasYear(start.year + 1)) {
        EXPECT_EQ(d.due_on, calendar_.Due(start, 7, Unit::kWorkingDay).value().ToString());
      }
    }
    if (open) {
      EXPECT_FALSE(m.due_on.empty()) << m.state;
    }
  }
  // Most matters are final; some are open at every step; 10 years covered.
  EXPECT_GT(states["closed"] + states["returned"], 18000);
  EXPECT_GT(states["returned"], 500);
  for (const char* s : {"submitted", "accepted", "assigned", "drafted", "approved"}) EXPECT_GT(states[s], 0) << s;
  EXPECT_GT(running_handling, 20);
  EXPECT_GT(with_deadlines, running_handling);
  EXPECT_GT(from_2017, 1000);
  EXPECT_GT(from_2026, from_2017);
  // 文号 sequences: one per closed matter, per (org, kind, year).
  int64_t numbered = 0;
  for (const auto& [key, last] : sequences_) numbered += last;
  EXPECT_EQ(numbered, states["closed"]);
}

TEST_F(BenchGeneratorTest, MattersSpreadOverTheHandlingOrgsByWeight) {
  const auto all = Generate(5, 4000, 4000);
  std::map<int64_t, int> per_org;
  for (const auto& m : all) ++per_org[m.org_id];
  // JUS-LR (id 2) has weight 3 of 13: about 920 of 4000.
  EXPECT_GT(per_org[2], 700);
  EXPECT_LT(per_org[2], 1150);
  EXPECT_GT(per_org.size(), 90u);
}

TEST_F(BenchGeneratorTest, EveryShippedKindGetsMattersWithItsRequiredFields) {
  std::vector<std::string> roles;
  std::ifstream in(SourceDir() + "/definitions/identity/roles.yaml");
  for (std::string line; std::getline(in, line);)
    if (size_t at = line.find("- code: "); at != std::string::npos) roles.push_back(line.substr(at + 8));
  auto lists = LoadOptionLists(SourceDir() + "/definitions/lists");
  ASSERT_TRUE(lists.ok()) << lists.status().ToString();
  auto kinds = LoadKinds(SourceDir() + "/definitions/kinds", roles, *lists);
  ASSERT_TRUE(kinds.ok()) << kinds.status().message();
  ReservedIds ids;
  GeneratorSetup setup = MakeSetup(&ids);
  setup.kinds.clear();
  for (const auto& k : kinds.value()) setup.kinds.push_back(&k);
  setup.kinds.push_back(&kind_);
  MatterGenerator g(setup, 3, 3000, &ids);
  std::map<std::string, int> per_kind;
  for (const auto& m : g.Next(3000)) {
    ++per_kind[m.kind];
    const KindDef* kind = nullptr;
    for (const auto* k : setup.kinds)
      if (k->kind == m.kind) kind = k;
    ASSERT_NE(kind, nullptr);
    EXPECT_TRUE(kind->HasState(m.state)) << m.kind << " " << m.state;
    const Json data = Json::parse(m.data);
    for (const auto& f : kind->fields) {
      const bool generated = f.type != FieldType::kAttachment && f.type != FieldType::kMatterLink;
      EXPECT_TRUE(!f.required || !generated || data.contains(f.key)) << m.kind << "." << f.key;
      if (!data.contains(f.key) || !data[f.key].is_string()) continue;
      const std::string value = data[f.key].get<std::string>();
      const bool text = f.type == FieldType::kText || f.type == FieldType::kLongText;
      EXPECT_TRUE(!f.max || !text || DecodeUtf8(value).size() <= *f.max) << m.kind << "." << f.key;
      EXPECT_TRUE(f.type != FieldType::kEnum ||
                  std::find(f.options.begin(), f.options.end(), value) != f.options.end())
          << m.kind << "." << f.key;
    }
    // No runaway walks: the longest happy path (行政规范性文件, 9 events) plus a
    // loop back through a revision and a stay action.
    EXPECT_LE(m.events.size(), 16u) << m.kind;
  }
  EXPECT_EQ(per_kind.size(), setup.kinds.size());
}

}  // namespace
}  // namespace fazhi::engine::bench
