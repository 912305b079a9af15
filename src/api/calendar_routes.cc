#include "api/calendar_routes.h"

#include <set>
#include <string>
#include <vector>

#include "api/errors.h"

namespace fazhi::api {
namespace {

http::Response FieldError(const Status& st, const std::string& field) {
  return ErrorResponse(st, Json{{"fields", Json{{field, st.message()}}}});
}

// The {year} path parameter: exactly four digits (as the dates carry).
bool PathYear(const http::Request& req, int* year) {
  const std::string text = req.Param("year");
  if (text.size() != 4) return false;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v < 1) return false;
  *year = v;
  return true;
}

http::Response YearNotFound(const std::string& text) {
  return ErrorResponse(404, "not_found", "没有 " + text + " 年的工作日历数据");
}

Status ParseDateList(const Json& body, const char* key, int year, std::set<calendar::Date>* out) {
  auto it = body.find(key);
  const std::string name = key;
  if (it == body.end() || !it->is_array()) {
    return Status("validation_failed", name + " 必须是日期列表（可为空列表）");
  }
  for (const Json& item : *it) {
    if (!item.is_string())
      return Status("validation_failed", name + " 的每一项必须是 YYYY-MM-DD 日期字符串");
    Result<calendar::Date> d = calendar::Date::Parse(item.get<std::string>());
    if (!d.ok()) return Status("validation_failed", name + "：" + d.status().message());
    if (d->year != year) {
      return Status("validation_failed",
                    name + "：日期 " + d->ToString() + " 不属于 " + std::to_string(year) + " 年");
    }
    if (!out->insert(*d).second) {
      return Status("validation_failed", name + "：日期 " + d->ToString() + " 重复");
    }
  }
  return Status::Ok();
}

}  // namespace

Json CalendarYearJson(const calendar::Calendar& cal, int year) {
  Json days = Json::array();
  const calendar::Date first{year, 1, 1};
  for (calendar::Date d = first; d.year == year; d = d.AddDays(1)) {
    Result<calendar::DayType> type = cal.TypeOf(d);
    days.push_back(Json{{"date", d.ToString()},
                        {"type", type.ok() ? calendar::DayTypeName(*type) : "unknown"},
                        {"weekday", d.Weekday()}});
  }
  Json holidays = Json::array(), makeup = Json::array();
  if (const calendar::YearData* data = cal.Year(year)) {
    for (const calendar::Date& d : data->holidays) holidays.push_back(d.ToString());
    for (const calendar::Date& d : data->makeup) makeup.push_back(d.ToString());
  }
  return Json{{"year", year}, {"days", days}, {"holidays", holidays}, {"makeupWorkdays", makeup}};
}

Status ParseCalendarYearBody(const Json& body, int year, calendar::YearData* out,
                             std::string* field) {
  calendar::YearData data;
  data.year = year;
  *field = "holidays";
  FAZHI_RETURN_IF_ERROR(ParseDateList(body, "holidays", year, &data.holidays));
  *field = "makeupWorkdays";
  FAZHI_RETURN_IF_ERROR(ParseDateList(body, "makeupWorkdays", year, &data.makeup));
  field->clear();
  *out = std::move(data);
  return Status::Ok();
}

void AddCalendarRoutes(Api& api, calendar::CalendarStore& store) {
  // Registered before {year}; the router prefers literal segments anyway.
  api.Session("GET", "/api/v1/calendar/deadline", [&store](Call& c) {
    calendar::PeriodArgs args;
    std::string field;
    Status st = calendar::ParsePeriodArgs(c.req.Query("from"), c.req.Query("days"),
                                          c.req.Query("unit"), &args, &field);
    if (!st.ok()) return FieldError(st, field);
    Result<calendar::Date> due = store.Current()->Due(args.from, args.days, args.unit);
    if (!due.ok()) return ErrorResponse(due.status());
    return JsonResponse(200, Json{{"due", due->ToString()},
                                  {"from", args.from.ToString()},
                                  {"days", args.days},
                                  {"unit", calendar::UnitName(args.unit)}});
  });

  api.Session("GET", "/api/v1/calendar/{year}", [&store](Call& c) {
    int year = 0;
    if (!PathYear(c.req, &year)) return YearNotFound(c.req.Param("year"));
    std::shared_ptr<const calendar::Calendar> cal = store.Current();
    if (!cal->HasYear(year)) return YearNotFound(std::to_string(year));
    return JsonResponse(200, CalendarYearJson(*cal, year));
  });

  api.Permission("PUT", "/api/v1/calendar/{year}", "config:manage", [&store](Call& c) {
    int year = 0;
    if (!PathYear(c.req, &year)) return YearNotFound(c.req.Param("year"));
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    calendar::YearData data;
    std::string field;
    if (Status st = ParseCalendarYearBody(body, year, &data, &field); !st.ok()) {
      return FieldError(st, field);
    }
    if (Status st = store.SetYear(*c.principal, c.req.remote_ip, data); !st.ok()) {
      return ErrorResponse(st);
    }
    return JsonResponse(200, CalendarYearJson(*store.Current(), year));
  });
}

}  // namespace fazhi::api
