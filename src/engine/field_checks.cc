#include "engine/field_checks.h"

#include <algorithm>
#include <cstdlib>

#include "calendar/calendar.h"

namespace fazhi::engine {
namespace {

using Op = CheckDef::Op;

std::string LabelOf(const KindDef& kind, const std::string& key) {
  const FieldDef* f = kind.Field(key);
  return f ? f->label : key;
}

// "后5年6个月" / "前30日" / "" for the offset of a check.
std::string OffsetText(const CheckDef& c) {
  if (c.years == 0 && c.months == 0 && c.days == 0) return "";
  const bool back = c.years < 0 || c.months < 0 || c.days < 0;
  std::string out = back ? "前" : "后";
  if (c.years) out += std::to_string(std::abs(c.years)) + "年";
  if (c.months) out += std::to_string(std::abs(c.months)) + "个月";
  if (c.days) out += std::to_string(std::abs(c.days)) + "日";
  return out;
}

// "文件性质为暂行、试行的，" for the `when` conditions of a check.
std::string WhenText(const KindDef& kind, const CheckDef& c) {
  std::string out;
  for (const auto& [key, options] : c.when) {
    std::string list;
    for (const auto& o : options) list += (list.empty() ? "" : "、") + o;
    out += (out.empty() ? "" : "且") + LabelOf(kind, key) + "为" + list;
  }
  return out.empty() ? "" : out + "的，";
}

bool WhenHolds(const CheckDef& c, const Json& after) {
  for (const auto& [key, options] : c.when) {
    auto it = after.find(key);
    if (it == after.end() || !it->is_string()) return false;
    if (std::find(options.begin(), options.end(), it->get<std::string>()) == options.end()) return false;
  }
  return true;
}

// -1, 0, 1 as a < b, a == b, a > b.
template <typename T>
int Compare(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

bool Holds(Op op, int cmp) {
  switch (op) {
    case Op::kNotBefore: return cmp >= 0;
    case Op::kNotAfter: return cmp <= 0;
    case Op::kBefore: return cmp < 0;
    case Op::kAfter: return cmp > 0;
    case Op::kMatches: return cmp == 0;
  }
  return true;
}

std::string NumberText(double d) {
  Json j = d;
  if (d == static_cast<double>(static_cast<long long>(d))) j = static_cast<long long>(d);
  return j.dump();
}

}  // namespace

std::string ShiftDate(const std::string& date, int years, int months, int days) {
  auto parsed = calendar::Date::Parse(date);
  if (!parsed.ok()) return "";
  calendar::Date d = parsed.value();
  const int total = d.year * 12 + (d.month - 1) + years * 12 + months;
  d.year = total / 12;
  d.month = total % 12 + 1;
  if (d.year < 1 || d.year > 9999) return "";
  d.day = std::min(d.day, calendar::Date::DaysInMonth(d.year, d.month));
  d = d.AddDays(days);
  if (d.year < 1 || d.year > 9999) return "";
  return d.ToString();
}

std::string CheckMessage(const KindDef& kind, const CheckDef& c, const std::string& limit) {
  if (!c.message.empty()) return c.message;
  if (c.op == Op::kMatches)  // limit: the value the chosen option requires
    return LabelOf(kind, c.field) + "所选事项对应的" + LabelOf(kind, c.other) + "为「" + limit + "」，与所填" +
           LabelOf(kind, c.other) + "不一致";
  const FieldDef* f = kind.Field(c.field);
  const bool dates = f && f->type == FieldType::kDate;
  const char* verb = "";
  switch (c.op) {
    case Op::kNotBefore: verb = dates ? "不得早于" : "不得小于"; break;
    case Op::kNotAfter: verb = dates ? "不得晚于" : "不得大于"; break;
    case Op::kBefore: verb = dates ? "须早于" : "须小于"; break;
    case Op::kAfter: verb = dates ? "须晚于" : "须大于"; break;
    case Op::kMatches: break;
  }
  return WhenText(kind, c) + LabelOf(kind, c.field) + verb + LabelOf(kind, c.other) + OffsetText(c) +
         (limit.empty() ? "" : "（" + limit + "）");
}

void EvaluateChecks(const KindDef& kind, const Json& after, const std::set<std::string>& changed,
                    FieldErrors* errors) {
  for (const auto& c : kind.checks) {
    bool touched = changed.count(c.field) || changed.count(c.other);
    for (const auto& w : c.when) touched = touched || changed.count(w.first);
    if (!touched || errors->count(c.field) || errors->count(c.other)) continue;
    if (!WhenHolds(c, after)) continue;
    auto a = after.find(c.field), b = after.find(c.other);
    if (a == after.end() || b == after.end()) continue;
    int cmp = 0;
    std::string limit;
    if (c.op == Op::kMatches) {
      if (!a->is_string() || !b->is_string()) continue;
      const FieldDef* f = kind.Field(c.field);
      if (!f) continue;
      auto item = f->option_attrs.find(a->get<std::string>());
      if (item == f->option_attrs.end()) continue;  // not an option: the value check reports it
      auto attr = item->second.find(c.attr);
      if (attr == item->second.end()) continue;           // the item does not say
      limit = attr->second;
      cmp = limit == b->get<std::string>() ? 0 : 1;
    } else if (a->is_string() && b->is_string()) {
      limit = ShiftDate(b->get<std::string>(), c.years, c.months, c.days);
      if (limit.empty() || !calendar::Date::Parse(a->get<std::string>()).ok()) continue;
      cmp = Compare(a->get<std::string>(), limit);  // YYYY-MM-DD sorts as the dates do
    } else if (a->is_number() && b->is_number()) {
      cmp = Compare(a->get<double>(), b->get<double>());
      limit = NumberText(b->get<double>());
    } else {
      continue;  // a missing (null) or foreign value: nothing to compare
    }
    if (Holds(c.op, cmp)) continue;
    const std::string& key = !changed.count(c.field) && changed.count(c.other) ? c.other : c.field;
    (*errors)[key] = CheckMessage(kind, c, limit);
  }
}

}  // namespace fazhi::engine
