// Reading matters: detail, lists with filters and search, the inbox, the
// timeline, audited reveal of party data and audited exports.
#include <algorithm>
#include <set>

#include "engine/matter_internal.h"
#include "engine/text_index.h"
#include "identity/scope.h"

namespace fazhi::engine {

using store::Transaction;
using store::Value;

Result<MatterView> MatterService::Get(const identity::Principal& p, int64_t id) {
  MatterView out;
  Status st = db_.Read([&](Transaction& tx) {
    auto m = Load(tx, id);
    if (!m.ok()) return m.status();
    if (!CanRead(p, *m)) return Status("not_found", "事项不存在或无权查看");
    auto v = View(tx, p, *m);
    if (!v.ok()) return v.status();
    out = std::move(v).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

namespace {

std::string SearchSql(store::Dialect d, const std::vector<std::string>& tokens, std::vector<Value>* params) {
  std::string expr;
  for (const auto& t : tokens) {
    if (d == store::Dialect::kSqlite) {
      expr += (expr.empty() ? "\"" : " AND \"") + t + "\"";
    } else {
      expr += (expr.empty() ? "" : " ") + t;
    }
  }
  params->push_back(expr);
  if (d == store::Dialect::kSqlite) return "m.id IN (SELECT rowid FROM matter_search WHERE matter_search MATCH ?)";
  return "m.id IN (SELECT matter_id FROM matter_search WHERE to_tsvector('simple', tokens) @@ "
         "plainto_tsquery('simple', ?))";
}

}  // namespace

Result<Page<MatterSummary>> MatterService::List(const identity::Principal& p, const ListQuery& q) {
  Page<MatterSummary> out;
  if (!p.Can("matter:read")) return out;
  auto cal = calendar_.Current();
  const calendar::Date today = ChinaDate(clock_.NowMs());
  Status st = db_.Read([&](Transaction& tx) {
    std::vector<Value> params;
    std::string where = ScopeSql(p, &params);
    if (!q.kind.empty()) {
      where += " AND m.kind = ?";
      params.push_back(q.kind);
    }
    if (!q.state.empty()) {
      where += " AND m.state = ?";
      params.push_back(q.state);
    }
    if (q.org_id) {
      where += " AND m.org_id = ?";
      params.push_back(q.org_id);
    }
    if (q.assignee_me) {
      where += " AND m.assignee_id = ?";
      params.push_back(p.user_id);
    }
    if (q.due == "overdue") {
      where += " AND m.due_on IS NOT NULL AND m.due_on < ? AND m.suspended = 0";
      params.push_back(today.ToString());
    } else if (q.due == "soon") {
      // Due within 3 working days (or 7 calendar days if the calendar is missing).
      std::string limit = today.AddDays(7).ToString();
      if (cal) {
        auto d = cal->AddWorkingDays(today, 3);
        if (d.ok()) limit = d->ToString();
      }
      where += " AND m.due_on IS NOT NULL AND m.due_on >= ? AND m.due_on <= ? AND m.suspended = 0";
      params.push_back(today.ToString());
      params.push_back(limit);
    }
    if (!q.q.empty()) {
      auto tokens = QueryTokens(q.q);
      if (tokens.empty()) return Status::Ok();  // nothing searchable: no hits
      where += " AND " + SearchSql(tx.dialect(), tokens, &params);
    }
    // Searches for common words can match a large share of all matters:
    // count at most kSearchCountCap of them (the UI shows "10000+").
    constexpr int64_t kSearchCountCap = 10000;
    auto count = q.q.empty()
                     ? tx.Query("SELECT COUNT(*) FROM matters m WHERE " + where, params)
                     : tx.Query("SELECT COUNT(*) FROM (SELECT 1 FROM matters m WHERE " + where + " LIMIT " +
                                    std::to_string(kSearchCountCap) + ") capped",
                                params);
    if (!count.ok()) return count.status();
    out.total = count->rows[0].Int(0);
    static const std::set<std::string> kSort = {"due_on", "received_at", "updated_at", "title", "number", "state", "id"};
    // A search without an explicit order lists the newest hits first.
    const std::string sort = kSort.count(q.sort) ? q.sort : (q.q.empty() ? "due_on" : "id");
    const std::string order = q.order == "desc" ? "DESC" : "ASC";
    const std::string dir = sort == "id" && q.sort.empty() ? "DESC" : order;
    std::string order_by = sort == "due_on" ? "(m.due_on IS NULL), m.due_on " + order : "m." + sort + " " + dir;
    params.push_back(static_cast<int64_t>(q.page_size));
    params.push_back(static_cast<int64_t>((q.page - 1) * q.page_size));
    auto rows = tx.Query(std::string("SELECT ") + kSummaryColumns + kSummaryJoins + " WHERE " + where +
                             " ORDER BY " + order_by + ", m.id DESC LIMIT ? OFFSET ?",
                         params);
    if (!rows.ok()) return rows.status();
    for (const auto& r : rows->rows) out.items.push_back(SummaryFromRow(r, kinds_, cal.get(), today));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Page<MatterSummary>> MatterService::Inbox(const identity::Principal& p, int limit) {
  Page<MatterSummary> out;
  // (kind, state) pairs where one of the caller's roles has an action.
  std::set<std::string> roles;
  for (const auto& a : p.assignments) roles.insert(a.role);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& k : kinds_.All())
    for (const auto& a : k.actions)
      if (std::any_of(a.roles.begin(), a.roles.end(), [&](const auto& r) { return roles.count(r); }))
        for (const auto& s : a.from) pairs.emplace_back(k.kind, s);
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  if (pairs.empty()) return out;
  auto cal = calendar_.Current();
  const calendar::Date today = ChinaDate(clock_.NowMs());
  Status st = db_.Read([&](Transaction& tx) {
    std::vector<Value> params;
    std::string where = ScopeSql(p, &params) + " AND (";
    for (size_t i = 0; i < pairs.size(); ++i) {
      where += (i ? " OR " : "") + std::string("(m.kind = ? AND m.state = ?)");
      params.push_back(pairs[i].first);
      params.push_back(pairs[i].second);
    }
    where += ")";
    params.push_back(static_cast<int64_t>(limit * 4));
    auto rows = tx.Query(std::string("SELECT ") + kSummaryColumns + kSummaryJoins + " WHERE " + where +
                             " ORDER BY (m.due_on IS NULL), m.due_on ASC, m.received_at ASC LIMIT ?",
                         params);
    if (!rows.ok()) return rows.status();
    for (const auto& r : rows->rows) {
      MatterSummary s = SummaryFromRow(r, kinds_, cal.get(), today);
      // Only what the caller can act on now (role + scope + assignment).
      auto m = Load(tx, s.id);
      if (!m.ok()) return m.status();
      bool actionable = false;
      for (const auto& a : m->kind->actions) actionable = actionable || MayAct(p, *m, a);
      if (actionable && static_cast<int>(out.items.size()) < limit) out.items.push_back(s);
    }
    out.total = static_cast<int64_t>(out.items.size());
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<EventView>> MatterService::Events(const identity::Principal& p, int64_t id) {
  std::vector<EventView> out;
  Status st = db_.Read([&](Transaction& tx) {
    auto m = Load(tx, id);
    if (!m.ok()) return m.status();
    if (!CanRead(p, *m)) return Status("not_found", "事项不存在或无权查看");
    auto rows = tx.Query(
        "SELECT id, seq, at, user_id, username, action, from_state, to_state, note, diff FROM matter_events "
        "WHERE matter_id = ? ORDER BY seq",
        {id});
    if (!rows.ok()) return rows.status();
    for (const auto& r : rows->rows) {
      EventView e;
      e.id = r.Int(0);
      e.seq = static_cast<int>(r.Int(1));
      e.at = r.Int(2);
      e.user_id = r.Int(3);
      e.username = r.Text(4);
      e.action = r.Text(5);
      const ActionDef* a = m->kind->Action(e.action);
      e.action_label = a                        ? a->label
                       : e.action == "create"     ? "创建"
                       : e.action == "update"     ? "修改"
                       : e.action == kRecountEvent ? "期限重算（工作日历调整）"
                                                   : e.action;
      e.from_state = r.Text(6);
      e.to_state = r.Text(7);
      e.note = r.Text(8);
      e.diff = Json::parse(r.Text(9), nullptr, false);
      if (e.diff.is_discarded()) e.diff = Json::object();
      out.push_back(std::move(e));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::string> MatterService::RevealParty(const identity::Principal& p, int64_t id, const std::string& field,
                                               const std::string& part, const std::string& ip) {
  const char* column = part == "idNumber" ? "id_number_enc" : part == "phone" ? "phone_enc" : part == "name" ? "name_enc" : nullptr;
  if (!column) return Status("validation_failed", "未知的个人信息项");
  std::string clear;
  Status st = db_.Write([&](Transaction& tx) {
    auto m = Load(tx, id);
    if (!m.ok()) return m.status();
    if (!CanRead(p, *m)) return Status("not_found", "事项不存在或无权查看");
    identity::RecordOwner owner{m->org_id, m->org_path, m->assignee_id};
    bool allowed = false;
    for (const auto& a : p.assignments)
      allowed = allowed || (a.permissions.count("personal_data:reveal") && identity::ScopeCovers(a, p, p.org_path, owner));
    if (!allowed) return Status("forbidden", "没有查看个人信息明文的权限");
    auto rows = tx.Query(std::string("SELECT ") + column +
                             " FROM matter_parties WHERE matter_id = ? AND field = ? ORDER BY id DESC LIMIT 1",
                         {id, field});
    if (!rows.ok()) return rows.status();
    if (rows->empty() || rows->rows[0].Text(0).empty()) return Status("not_found", "未登记该项个人信息");
    auto plain = cipher_.Decrypt(rows->rows[0].Text(0));
    if (!plain.ok()) return Status("internal", "个人信息解密失败");
    clear = plain.value();
    return Audit(tx, p, ip, "personal_data.reveal", id, "field=" + field + "." + part);
  });
  if (!st.ok()) return st;
  return clear;
}

Status MatterService::RecordExport(const identity::Principal& p, int64_t matter_id, const std::string& what,
                                   const std::string& ip) {
  return db_.Write([&](Transaction& tx) {
    auto m = Load(tx, matter_id);
    if (!m.ok()) return m.status();
    if (!CanRead(p, *m)) return Status("not_found", "事项不存在或无权查看");
    return Audit(tx, p, ip, "matter.export", matter_id, what);
  });
}

}  // namespace fazhi::engine
