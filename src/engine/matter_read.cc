// Reading matters: detail, the inbox, the timeline, audited reveal of party
// data, and attachments (lists and search: matter_list.cc).
#include <algorithm>
#include <set>

#include "base/crypto.h"
#include "base/json_syntax.h"
#include "engine/matter_internal.h"
#include "engine/text_index.h"
#include "identity/scope.h"

namespace fazhi::engine {

using store::Transaction;
using store::Value;

// A matter's snapshot is read once per content version (the one read with the
// caller's session, else our own); who may see it, what they may do and the
// day's lights are decided on every request.
Result<MatterView> MatterService::Get(const identity::Principal& p, int64_t id) {
  std::shared_ptr<const Snapshot> snap;
  if (p.content_version) snap = caches_->matters.Find(id, *p.content_version);
  Status st = snap ? Status::Ok() : db_.Read([&](Transaction& tx) {
    auto version = ContentVersion(tx);
    if (!version.ok()) return version.status();
    if ((snap = caches_->matters.Find(id, *version))) return Status::Ok();
    auto loaded = LoadSnapshot(tx, id);
    if (!loaded.ok()) return loaded.status();
    snap = std::make_shared<const Snapshot>(std::move(loaded).value());
    caches_->matters.Put(id, *version, snap);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!CanRead(p, snap->m)) return Status("not_found", "事项不存在或无权查看");
  return View(p, *snap);
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

namespace {

// A stored diff goes out as it is when it is a JSON object (the engine writes
// nothing else); anything else is shown as no change.
std::string DiffText(std::string text) { return IsJsonObject(text) ? text : "{}"; }

}  // namespace

// The timeline is read once per content version, in one statement with the
// matter's access columns and the actors' names; access is decided on every
// request.
Result<Timeline> MatterService::Events(const identity::Principal& p, int64_t id) {
  auto shared = EventsShared(p, id);
  if (!shared.ok()) return shared.status();
  return **shared;
}

Result<std::shared_ptr<const Timeline>> MatterService::EventsShared(const identity::Principal& p, int64_t id) {
  std::shared_ptr<const CachedTimeline> cached;
  if (p.content_version) cached = caches_->timelines.Find(id, *p.content_version);
  Status st = cached ? Status::Ok() : db_.Read([&](Transaction& tx) {
    auto version = ContentVersion(tx);
    if (!version.ok()) return version.status();
    if ((cached = caches_->timelines.Find(id, *version))) return Status::Ok();
    auto rows = tx.Query(
        "SELECT m.kind, m.state, m.org_id, m.org_path, m.creator_id, m.assignee_id, e.id, e.seq, e.at, "
        "e.user_id, e.username, e.action, e.from_state, e.to_state, e.note, e.diff, COALESCE(u.display_name, '') "
        "FROM matters m LEFT JOIN matter_events e ON e.matter_id = m.id LEFT JOIN users u ON u.id = e.user_id "
        "WHERE m.id = ? ORDER BY e.seq",
        {id});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status("not_found", "事项不存在或无权查看");
    auto t = std::make_shared<CachedTimeline>();
    const auto& first = rows->rows[0];
    t->access.id = id;
    t->access.kind = kinds_.Find(first.Text(0));
    if (!t->access.kind) return Status("not_found", "事项类型已不存在：" + first.Text(0));
    t->access.state = first.Text(1);
    t->access.org_id = first.Int(2);
    t->access.org_path = first.Text(3);
    t->access.creator_id = first.Int(4);
    t->access.assignee_id = first.Int(5);
    std::set<int64_t> named;  // people the diffs name (user fields, assignee)
    for (const auto& r : rows->rows) {
      if (r.IsNull(6)) continue;  // no events (the outer join's empty side)
      EventView e;
      e.id = r.Int(6);
      e.seq = static_cast<int>(r.Int(7));
      e.at = r.Int(8);
      e.user_id = r.Int(9);
      e.username = r.Text(10);
      e.action = r.Text(11);
      const ActionDef* a = t->access.kind->Action(e.action);
      e.action_label = a                        ? a->label
                       : e.action == "create"     ? "创建"
                       : e.action == "update"     ? "修改"
                       : e.action == kRecountEvent ? "期限重算（工作日历调整）"
                                                   : e.action;
      e.from_state = r.Text(12);
      e.to_state = r.Text(13);
      e.note = r.Text(14);
      e.diff = DiffText(r.Text(15));
      e.display_name = r.Text(16);
      UserIdsInDiff(*t->access.kind, e.diff, &named);
      t->timeline.events.push_back(std::move(e));
    }
    auto people = PeopleByIds(tx, named);
    if (!people.ok()) return people.status();
    t->timeline.people = std::move(people).value();
    cached = t;
    caches_->timelines.Put(id, *version, cached);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!CanRead(p, cached->access)) return Status("not_found", "事项不存在或无权查看");
  // Shares the cached entry's ownership: the timeline lives as long as it does.
  return std::shared_ptr<const Timeline>(cached, &cached->timeline);
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
