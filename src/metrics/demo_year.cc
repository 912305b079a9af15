// SeedDemoYears and the shared machinery of the demo-year scenarios.
#include "metrics/demo_year.h"

#include <nlohmann/json.hpp>

#include "metrics/demo_plan.h"

namespace fazhi::metrics {
namespace demo {

Status Plan::Check() const {
  // A demo database made by an older version may lack newer demo accounts.
  const std::string hint = " (a demo database from an older version? start from a new database)";
  for (const char* code : {"GOV", "JUS", "JUS-LR", "SCJG", "STHJ", "ZRZY", "ZJJ", "JYJ", "CGZ", "LAW1"})
    if (!orgs_.count(code)) return Status(codes::kNotFound, std::string("demo org missing: ") + code + hint);
  for (const char* user : {"clerk", "chief", "counsel", "unit", "leader", "undertaker", "filer"})
    if (!users_.count(user)) return Status(codes::kNotFound, std::string("demo user missing: ") + user + hint);
  for (const char* kind : {"legality_review", "normative_document", "filing_review", "major_decision", "counsel_work",
                           "counsel_contract"})
    if (!kinds_.Find(kind)) return Status(codes::kNotFound, std::string("kind not loaded: ") + kind);
  return Status::Ok();
}

bool Plan::IsWorkingDay(const Date& d) const {
  if (cal_.HasYear(d.year)) {
    auto w = cal_.IsWorkingDay(d);
    if (w.ok()) return w.value();
  }
  return !d.IsWeekend();
}

Date Plan::OnOrAfter(Date d) const {
  while (!IsWorkingDay(d)) d = d.AddDays(1);
  return d;
}

Date Plan::AddWorkingDays(Date d, int n) const {
  for (int i = 0; i < n; ++i) d = OnOrAfter(d.AddDays(1));
  return d;
}

std::vector<Date> Plan::Spread(const Date& from, const Date& to, int n) {
  std::vector<Date> out;
  const int64_t span = to.ToDays() - from.ToDays();
  for (int i = 0; i < n; ++i) {
    // The i-th of n equal slots, at a random point inside it.
    const int64_t lo = span * i / n, hi = span * (i + 1) / n;
    const int64_t offset = lo + (hi > lo ? Pick(static_cast<int>(hi - lo)) : 0);
    Date d = OnOrAfter(from.AddDays(offset));
    if (d > to) d = to;
    out.push_back(d);
  }
  return out;
}

Step Cursor::Make(const std::string& action, const Actor& actor, engine::Json fields, std::string note) {
  Step s;
  s.action = action;
  s.day = day_;
  s.minute = minute_;
  s.actor = actor;
  s.fields = std::move(fields);
  s.note = std::move(note);
  return s;
}

Step Cursor::After(int working_days, const std::string& action, const Actor& actor, engine::Json fields,
                   std::string note) {
  if (working_days > 0) {
    day_ = plan_.AddWorkingDays(day_, working_days);
    minute_ = plan_.Minute();
  } else {
    minute_ = std::min(minute_ + plan_.Between(5, 60), 23 * 60);
  }
  return Make(action, actor, std::move(fields), std::move(note));
}

Step Cursor::AfterDays(int days, const std::string& action, const Actor& actor, engine::Json fields,
                       std::string note) {
  const Date next = plan_.OnOrAfter(day_.AddDays(days));
  if (next > day_) {
    day_ = next;
    minute_ = plan_.Minute();
  } else {
    minute_ = std::min(minute_ + plan_.Between(5, 60), 23 * 60);
  }
  return Make(action, actor, std::move(fields), std::move(note));
}

void Cursor::JumpTo(const Date& day) {
  const Date next = plan_.OnOrAfter(day);
  if (next > day_) {
    day_ = next;
    minute_ = plan_.Minute();
  }
}

}  // namespace demo

namespace {

constexpr uint64_t kSeed = 20240101;

struct County {
  bool seeded = false;
  std::map<std::string, demo::OrgRef> orgs;
  std::map<std::string, demo::Actor> users;
};

Result<County> ReadCounty(store::Database& db) {
  County c;
  Status st = db.Read([&](store::Transaction& tx) -> Status {
    auto meta = tx.Query("SELECT 1 FROM app_meta WHERE key = ?", {std::string(kDemoYearKey)});
    if (!meta.ok()) return meta.status();
    c.seeded = !meta->empty();
    auto orgs = tx.Query("SELECT id, code, path, short_name, name FROM orgs");
    if (!orgs.ok()) return orgs.status();
    for (const auto& r : orgs->rows) c.orgs[r.Text(1)] = {r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4)};
    auto users = tx.Query("SELECT id, username FROM users");
    if (!users.ok()) return users.status();
    for (const auto& r : users->rows) c.users[r.Text(1)] = {r.Int(0), r.Text(1)};
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return c;
}

}  // namespace

Result<int64_t> SeedDemoYears(store::Database& db, const engine::KindRegistry& kinds, const calendar::Calendar& cal,
                              IdGenerator& ids, const Clock& clock) {
  auto county = ReadCounty(db);
  if (!county.ok()) return county.status();
  if (county->seeded) return int64_t{0};
  demo::Builder builder(cal, ids);
  demo::Plan plan(builder, kinds, cal, std::move(county->orgs), std::move(county->users), kSeed);
  FAZHI_RETURN_IF_ERROR(plan.Check());
  // Order matters only where a guard needs a matter built before.
  FAZHI_RETURN_IF_ERROR(demo::AddLegalityReviews(plan));
  FAZHI_RETURN_IF_ERROR(demo::AddNormativeDocuments(plan));
  FAZHI_RETURN_IF_ERROR(demo::AddFilingReviews(plan));
  FAZHI_RETURN_IF_ERROR(demo::AddMajorDecisions(plan));
  FAZHI_RETURN_IF_ERROR(demo::AddCounselWork(plan));
  const int64_t count = static_cast<int64_t>(builder.size());
  bool raced = false;
  Status st = db.Write([&](store::Transaction& tx) -> Status {
    // The marker first: a second node seeding at the same time stops here.
    const nlohmann::json value = {{"matters", count}, {"seededAt", clock.NowMs()}};
    auto mark = tx.Exec("INSERT INTO app_meta (key, value) VALUES (?, ?)", {std::string(kDemoYearKey), value.dump()});
    if (!mark.ok()) {
      raced = mark.status().code() == codes::kUniqueViolation;
      return mark.status();
    }
    return builder.Write(tx);
  });
  if (raced) return int64_t{0};
  if (!st.ok()) return st;
  return count;
}

}  // namespace fazhi::metrics
