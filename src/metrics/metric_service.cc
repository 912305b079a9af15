#include "metrics/metric_service.h"

#include <cmath>

#include "engine/matter_internal.h"
#include "metrics/compiler.h"

namespace fazhi::metrics {

using store::Transaction;
using store::Value;

bool ParsePart(const std::string& text, Part* out) {
  if (text == "value") *out = Part::kValue;
  else if (text == "numerator") *out = Part::kNumerator;
  else if (text == "denominator") *out = Part::kDenominator;
  else return false;
  return true;
}

std::string ScopeCondition(const identity::Principal& p, std::vector<Value>* params) {
  return engine::MatterScopeSql(p, params);
}

std::vector<const Filter*> CountedFilters(const MetricRegistry& metrics) {
  std::vector<const Filter*> parts;
  for (const auto& def : metrics.All()) {
    if (def.type == MetricType::kCount) {
      parts.push_back(&def.filter);
    } else {
      parts.push_back(&def.numerator);
      parts.push_back(&def.denominator);
    }
  }
  return parts;
}

MetricService::MetricService(store::Database& db, const engine::KindRegistry& kinds, const MetricRegistry& metrics,
                             calendar::CalendarStore& calendar, const Clock& clock)
    : db_(db), kinds_(kinds), metrics_(metrics), calendar_(calendar), clock_(clock) {}

int MetricService::CurrentYear() const { return engine::ChinaDate(clock_.NowMs()).year; }

Result<std::string> MetricService::OrgPath(Transaction& tx, int64_t org_id) {
  if (org_id == 0) return std::string();
  auto rows = tx.Query("SELECT path FROM orgs WHERE id = ?", {org_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status(codes::kNotFound, "单位不存在");
  return rows->rows[0].Text(0);
}

namespace {

Status CheckYear(int year) {
  if (year < kMinYear || year > kMaxYear)
    return Status(codes::kInvalid, "年度须在 " + std::to_string(kMinYear) + "–" + std::to_string(kMaxYear) + " 之间");
  return Status::Ok();
}

}  // namespace

Result<std::vector<MetricValue>> MetricService::Compute(int year, int64_t org_id) {
  FAZHI_RETURN_IF_ERROR(CheckYear(year));
  std::vector<MetricValue> out;
  for (const auto& def : metrics_.All()) {
    MetricValue v;
    v.def = &def;
    out.push_back(v);
  }
  const std::vector<const Filter*> parts = CountedFilters(metrics_);
  if (parts.empty()) return out;
  Status st = db_.Read([&](Transaction& tx) -> Status {
    auto path = OrgPath(tx, org_id);
    if (!path.ok()) return path.status();
    auto sql = CompileCounts(parts, year, path.value(), tx.dialect());
    if (!sql.ok()) return sql.status();
    auto rows = tx.Query(sql->text, sql->params);
    if (!rows.ok()) return rows.status();
    const store::Row& r = rows->rows.at(0);
    size_t part = 0;
    for (auto& v : out) {
      if (v.def->type == MetricType::kCount) {
        v.count = r.Int(part++);
        v.value = static_cast<double>(v.count);
        continue;
      }
      v.numerator = r.Int(part++);
      v.denominator = r.Int(part++);
      if (v.denominator > 0)
        v.value = std::round(1000.0 * static_cast<double>(v.numerator) / static_cast<double>(v.denominator)) / 10.0;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Page<engine::MatterSummary>> MetricService::DrillDown(const identity::Principal& p,
                                                             const std::string& metric_id, int year, Part part,
                                                             int page, int page_size, int64_t org_id) {
  FAZHI_RETURN_IF_ERROR(CheckYear(year));
  const MetricDef* def = metrics_.Find(metric_id);
  if (!def) return Status(codes::kNotFound, "统计指标不存在：" + metric_id);
  const Filter* filter = nullptr;
  if (def->type == MetricType::kCount) {
    if (part != Part::kValue) return Status(codes::kInvalid, "计数指标没有分子、分母，part 只能为 value");
    filter = &def->filter;
  } else {
    filter = part == Part::kDenominator ? &def->denominator : &def->numerator;
  }
  if (page < 1 || page_size < 1 || page_size > 200) return Status(codes::kInvalid, "分页参数无效");
  Page<engine::MatterSummary> out;
  if (!p.Can("matter:read")) return out;  // as the matter list: no matter:read, no matters
  auto cal = calendar_.Current();
  const calendar::Date today = engine::ChinaDate(clock_.NowMs());
  Status st = db_.Read([&](Transaction& tx) -> Status {
    auto path = OrgPath(tx, org_id);
    if (!path.ok()) return path.status();
    auto cond = CompileCondition(*filter, year, path.value(), tx.dialect());
    if (!cond.ok()) return cond.status();
    std::vector<Value> params = cond->params;
    const std::string where = cond->text + " AND " + ScopeCondition(p, &params);
    auto count = tx.Query("SELECT COUNT(*) FROM matters m WHERE " + where, params);
    if (!count.ok()) return count.status();
    out.total = count->rows.at(0).Int(0);
    params.push_back(static_cast<int64_t>(page_size));
    params.push_back(static_cast<int64_t>(page - 1) * page_size);
    auto rows = tx.Query(std::string("SELECT ") + engine::kSummaryColumns + engine::kSummaryJoins + " WHERE " +
                             where + " ORDER BY m.received_at DESC, m.id DESC LIMIT ? OFFSET ?",
                         params);
    if (!rows.ok()) return rows.status();
    for (const auto& r : rows->rows) out.items.push_back(engine::SummaryFromRow(r, kinds_, cal.get(), today));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace fazhi::metrics
