#include "calendar/calendar_store.h"

#include <map>
#include <utility>

namespace fazhi::calendar {
namespace {

constexpr const char* kHoliday = "holiday";
constexpr const char* kMakeup = "makeup_workday";

Status NoHolidays(int year) {
  return Status(
      "validation_failed",
      std::to_string(year) + " 年至少应列出一个法定节假日（如元旦），否则无法与缺少数据的年份区分");
}

// The checks every stored year must pass (see the header).
Status Validate(const YearData& data) {
  Calendar scratch;
  FAZHI_RETURN_IF_ERROR(scratch.SetYear(data));
  if (data.holidays.empty()) return NoHolidays(data.year);
  return Status::Ok();
}

// Inserts the rows of one year. `if_absent` skips days another writer stored
// first (concurrent seeding on several nodes).
Status InsertYear(store::Transaction& tx, const YearData& data, bool if_absent) {
  const std::string sql =
      std::string("INSERT INTO calendar_days (day, year, type) VALUES (?, ?, ?)") +
      (if_absent ? " ON CONFLICT (day) DO NOTHING" : "");
  for (const auto& [dates, type] :
       {std::pair{&data.holidays, kHoliday}, std::pair{&data.makeup, kMakeup}}) {
    for (const Date& d : *dates) {
      auto done = tx.Exec(sql, {d.ToString(), int64_t{data.year}, std::string(type)});
      if (!done.ok()) return done.status();
    }
  }
  return Status::Ok();
}

}  // namespace

CalendarStore::CalendarStore(store::Database& db, const audit::AuditLog& audit, const Clock& clock)
    : db_(db), audit_(audit), clock_(clock), snapshot_(std::make_shared<const Calendar>()) {}

std::shared_ptr<const Calendar> CalendarStore::Current() const {
  std::lock_guard<std::mutex> lock(snapshot_mu_);
  return snapshot_;
}

void CalendarStore::Publish(Calendar next) {
  std::lock_guard<std::mutex> lock(snapshot_mu_);
  if (*snapshot_ == next) return;
  snapshot_ = std::make_shared<const Calendar>(std::move(next));
  version_.fetch_add(1);
}

Result<Calendar> CalendarStore::LoadAll() {
  std::map<int, YearData> years;
  Status read = db_.Read([&](store::Transaction& tx) -> Status {
    auto rows = tx.Query("SELECT day, year, type FROM calendar_days ORDER BY day");
    if (!rows.ok()) return rows.status();
    for (const store::Row& row : rows->rows) {
      const std::string day = row.Text(0);
      Result<Date> d = Date::Parse(day);
      const int year = static_cast<int>(row.Int(1));
      if (!d.ok() || d->year != year) {
        return Status("invalid_definition", "数据库 calendar_days 中的日期 " + day + " 与年份 " +
                                                std::to_string(year) + " 不符");
      }
      YearData& data = years[year];
      data.year = year;
      (row.Text(2) == kHoliday ? data.holidays : data.makeup).insert(*d);
    }
    return Status::Ok();
  });
  if (!read.ok()) return read;
  Calendar calendar;
  for (const auto& [year, data] : years) {
    if (Status st = calendar.SetYear(data); !st.ok()) {
      return Status("invalid_definition",
                    "数据库中 " + std::to_string(year) + " 年的工作日历无效：" + st.message());
    }
  }
  return calendar;
}

Status CalendarStore::ReloadLocked() {
  Result<Calendar> loaded = LoadAll();
  if (!loaded.ok()) return loaded.status();
  Publish(std::move(loaded).value());
  return Status::Ok();
}

Status CalendarStore::Reload() {
  std::lock_guard<std::mutex> lock(edit_mu_);
  return ReloadLocked();
}

Status CalendarStore::SeedFromDefinitions(const std::vector<YearData>& years) {
  std::lock_guard<std::mutex> lock(edit_mu_);
  for (const YearData& data : years) FAZHI_RETURN_IF_ERROR(Validate(data));
  Status wrote = db_.Write([&](store::Transaction& tx) -> Status {
    for (const YearData& data : years) {
      auto present =
          tx.Query("SELECT COUNT(*) FROM calendar_days WHERE year = ?", {int64_t{data.year}});
      if (!present.ok()) return present.status();
      if (present->rows.at(0).Int(0) > 0) continue;
      FAZHI_RETURN_IF_ERROR(InsertYear(tx, data, /*if_absent=*/true));
    }
    return Status::Ok();
  });
  if (!wrote.ok()) return wrote;
  return ReloadLocked();
}

Status CalendarStore::SetYear(const identity::Principal& actor, const std::string& ip,
                              const YearData& data) {
  std::lock_guard<std::mutex> lock(edit_mu_);
  FAZHI_RETURN_IF_ERROR(Validate(data));
  Calendar next = *Current();
  FAZHI_RETURN_IF_ERROR(next.SetYear(data));

  Status wrote = db_.Write([&](store::Transaction& tx) -> Status {
    const std::vector<store::Value> year = {int64_t{data.year}};
    auto before = tx.Query(
        "SELECT type, COUNT(*) FROM calendar_days WHERE year = ? GROUP BY type ORDER BY type",
        year);
    if (!before.ok()) return before.status();
    int64_t old_holidays = 0, old_makeup = 0;
    for (const store::Row& row : before->rows) {
      (row.Text(0) == kHoliday ? old_holidays : old_makeup) = row.Int(1);
    }
    auto deleted = tx.Exec("DELETE FROM calendar_days WHERE year = ?", year);
    if (!deleted.ok()) return deleted.status();
    FAZHI_RETURN_IF_ERROR(InsertYear(tx, data, /*if_absent=*/false));
    // Matters whose deadlines the edit moved (ids, at most 100 listed).
    size_t recounted = 0;
    std::string recounted_ids;
    if (on_edit_) {
      auto changed = on_edit_(tx, next, actor);
      if (!changed.ok()) return changed.status();
      recounted = changed->size();
      for (size_t i = 0; i < changed->size() && i < 100; ++i)
        recounted_ids += (i ? ",\"" : "\"") + std::to_string((*changed)[i]) + "\"";
    }

    audit::Record r;
    r.at_ms = clock_.NowMs();
    r.user_id = actor.user_id;
    r.username = actor.username;
    r.ip = ip;
    r.action = "calendar.update";
    r.object = "calendar:" + std::to_string(data.year);
    r.result = "success";
    r.detail = "{\"year\":" + std::to_string(data.year) +
               ",\"holidays\":" + std::to_string(data.holidays.size()) +
               ",\"makeupWorkdays\":" + std::to_string(data.makeup.size()) +
               ",\"previous\":{\"holidays\":" + std::to_string(old_holidays) +
               ",\"makeupWorkdays\":" + std::to_string(old_makeup) + "}" +
               ",\"recounted\":" + std::to_string(recounted) + ",\"recountedIds\":[" +
               recounted_ids + "]}";
    return audit_.Append(tx, r);  // last: see AuditLog::Append
  });
  if (!wrote.ok()) return wrote;
  Publish(std::move(next));
  return Status::Ok();
}

}  // namespace fazhi::calendar
