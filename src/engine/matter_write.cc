// Creating, editing and acting on matters. Each write is one transaction:
// the matter row (optimistic version check), its deadlines, parties, links,
// search tokens, the timeline event and the audit record.
#include <algorithm>
#include <set>

#include "engine/field_checks.h"
#include "engine/guards.h"
#include "engine/matter_internal.h"
#include "engine/text_index.h"

namespace fazhi::engine {

using store::Transaction;
using store::Value;

Status SaveDeadline(Transaction& tx, int64_t matter_id, const DeadlineRecord& d) {
  auto del = tx.Exec("DELETE FROM matter_deadlines WHERE matter_id = ? AND name = ?", {matter_id, d.name});
  if (!del.ok()) return del.status();
  auto r = tx.Exec(
      "INSERT INTO matter_deadlines (matter_id, name, status, started_on, due_on, remaining, "
      "suspended_on, extended, stopped_on, anchor_on, anchor_days, anchor_ext) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {matter_id, d.name, d.status, d.started_on, d.due_on, static_cast<int64_t>(d.remaining),
       d.suspended_on, static_cast<int64_t>(d.extended), d.stopped_on, d.anchor_on,
       static_cast<int64_t>(d.anchor_days), static_cast<int64_t>(d.anchor_ext)});
  return r.ok() ? Status::Ok() : r.status();
}

// The earliest due date of the running deadlines, or NULL.
Value EarliestDue(const std::vector<DeadlineRecord>& deadlines) {
  std::string best;
  for (const auto& d : deadlines)
    if (d.status == "running" && (best.empty() || d.due_on < best)) best = d.due_on;
  return best.empty() ? Value() : Value(best);
}

namespace {

bool AnySuspended(const std::vector<DeadlineRecord>& deadlines) {
  return std::any_of(deadlines.begin(), deadlines.end(), [](const auto& d) { return d.status == "suspended"; });
}

// A field that chooses a deadline's length (or holds its due date) changed
// from `before` to `after`: running and suspended periods follow it. Moved due dates are
// added to `diff` as "deadline.NAME": [old, new].
Status FollowLengths(const KindDef& kind, const calendar::Calendar& cal, const Json& before,
                     const Json& after, std::vector<DeadlineRecord>* deadlines, Json* diff) {
  for (auto& d : *deadlines) {
    const DeadlineDef* def = kind.Deadline(d.name);
    if (!def) continue;
    if (!def->due_field.empty()) {  // due on a date field: follows it while running
      const Json now = after.value(def->due_field, Json());
      if (d.status != "running" || now == before.value(def->due_field, Json()) || !now.is_string()) continue;
      const std::string old_due = d.due_on;
      d.due_on = now.get<std::string>();
      if (d.due_on != old_due) (*diff)["deadline." + d.name] = Json::array({old_due, d.due_on});
      continue;
    }
    if (def->length_by.empty()) continue;
    const int delta = DeadlineLength(*def, after) - DeadlineLength(*def, before);
    if (delta == 0) continue;
    const std::string old_due = d.due_on;
    FAZHI_RETURN_IF_ERROR(ChangeDeadlineLength(*def, cal, delta, &d));
    if (d.due_on != old_due) (*diff)["deadline." + d.name] = Json::array({old_due, d.due_on});
  }
  return Status::Ok();
}

// The keys of a JSON object.
std::set<std::string> Keys(const Json& object) {
  std::set<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) keys.insert(it.key());
  return keys;
}

Json Diff(const Json& before, const Json& changes) {
  Json diff = Json::object();
  for (auto it = changes.begin(); it != changes.end(); ++it) {
    Json old = before.contains(it.key()) ? before[it.key()] : Json(nullptr);
    if (old != it.value()) diff[it.key()] = Json::array({old, it.value()});
  }
  return diff;
}

}  // namespace

int DeadlineLength(const DeadlineDef& def, const Json& data) {
  if (def.length_by.empty()) return def.length;
  auto it = data.find(def.length_by);
  return def.LengthFor(it != data.end() && it->is_string() ? it->get<std::string>() : "");
}

Status StartPeriod(const DeadlineDef& def, const calendar::Calendar& cal, const calendar::Date& today,
                   const Json& data, DeadlineRecord* r) {
  if (def.due_field.empty()) return StartDeadline(def, cal, today, r, DeadlineLength(def, data));
  auto it = data.find(def.due_field);
  if (it != data.end() && it->is_string() && !it->get<std::string>().empty())
    StartDatedDeadline(today, it->get<std::string>(), r);
  return Status::Ok();
}

Result<MatterView> MatterService::Create(const identity::Principal& p, const NewMatter& in,
                                         const std::string& ip, FieldErrors* errors) {
  const KindDef* kind = kinds_.Find(in.kind);
  if (!kind) {
    (*errors)["kind"] = "事项类型不存在";
    return Status("validation_failed", "事项类型不存在：" + in.kind);
  }
  if (!p.Can("matter:create")) return Status("forbidden", "没有报送事项的权限");
  if (!MayCreate(p, *kind)) return Status("forbidden", "没有报送“" + kind->label + "”的权限");
  if (in.title.empty() || DecodeUtf8(in.title).size() > 200) (*errors)["title"] = "请填写标题（不超过 200 字）";
  Json fields;
  ValidateFields(*kind, in.fields, AllFieldKeys(*kind), RequiredAtCreation(*kind), &fields, errors);
  EvaluateChecks(*kind, fields, AllFieldKeys(*kind), errors);
  auto cal = calendar_.Current();
  if (!cal) return Status("calendar_missing", "工作日历未加载");
  const int64_t now = clock_.NowMs();
  const calendar::Date today = ChinaDate(now);
  const int64_t id = ids_.Next();
  Loaded loaded;
  Status st = db_.Write([&](Transaction& tx) {
    auto handling = HandlingOrg(tx, *kind, in.org_id, p.org_id, errors);
    if (!handling.ok()) return handling.status();
    const int64_t org_id = handling.value();
    auto org = tx.Query("SELECT path FROM orgs WHERE id = ?", {org_id});
    if (!org.ok()) return org.status();
    if (org->empty()) (*errors)["orgId"] = "承办单位不存在";
    FAZHI_RETURN_IF_ERROR(CheckReferences(tx, p, *kind, fields, id, errors));
    if (!errors->empty()) return Status("validation_failed", "请检查填写的内容");
    std::string number;
    if (!kind->number_pattern.empty() && kind->number_on == "create") {
      auto n = NextNumber(tx, *kind, org_id);
      if (!n.ok()) return n.status();
      number = n.value();
    }
    std::vector<DeadlineRecord> deadlines;
    for (const auto& def : kind->deadlines) {
      DeadlineRecord d;
      d.name = def.name;
      if (def.starts == "create") FAZHI_RETURN_IF_ERROR(StartPeriod(def, *cal, today, fields, &d));
      deadlines.push_back(d);
    }
    const auto parties = MaskParties(*kind, id, &fields);
    auto r = tx.Exec(
        "INSERT INTO matters (id, kind, kind_version, number, title, org_id, org_path, creator_id, state, "
        "outcome, assignee_id, received_at, due_on, suspended, version, data, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, ?, ?, 0, 1, ?, ?, ?)",
        {id, kind->kind, static_cast<int64_t>(kind->version), number, in.title, org_id, org->rows[0].Text(0),
         p.user_id, kind->initial, now, EarliestDue(deadlines), fields.dump(), now, now});
    if (!r.ok()) return r.status();
    FAZHI_RETURN_IF_ERROR(InsertParties(tx, parties));
    for (const auto& d : deadlines) FAZHI_RETURN_IF_ERROR(SaveDeadline(tx, id, d));
    FAZHI_RETURN_IF_ERROR(SaveLinks(tx, *kind, id, fields));
    FAZHI_RETURN_IF_ERROR(Reindex(tx, id, in.title, fields));
    FAZHI_RETURN_IF_ERROR(AppendEvent(tx, p, id, "create", "", kind->initial, "", Diff(Json::object(), fields)));
    return Audit(tx, p, ip, "matter.create", id, kind->kind);
  });
  if (!st.ok()) return st;
  return Get(AfterWrite(p), id);
}

Result<MatterView> MatterService::Update(const identity::Principal& p, int64_t id, int64_t expected_version,
                                         const std::string& title, const Json& input, const std::string& ip,
                                         FieldErrors* errors) {
  auto cal = calendar_.Current();
  Status st = db_.Write([&](Transaction& tx) {
    auto m = Load(tx, id);
    if (!m.ok()) return m.status();
    if (!CanRead(p, *m)) return Status("not_found", "事项不存在或无权查看");
    if (m->version != expected_version)
      return Status("version_conflict", "事项已被他人修改，请刷新后重试");
    bool may_edit = m->creator_id == p.user_id;
    for (const auto& a : m->kind->actions) may_edit = may_edit || MayAct(p, *m, a);
    if (!may_edit || m->kind->IsFinal(m->state)) return Status("forbidden", "当前状态下无权修改该事项");
    if (!title.empty() && DecodeUtf8(title).size() > 200) (*errors)["title"] = "标题不超过 200 字";
    Json fields;
    ValidateFields(*m->kind, input, AllFieldKeys(*m->kind), {}, &fields, errors);
    FAZHI_RETURN_IF_ERROR(CheckReferences(tx, p, *m->kind, fields, id, errors));
    Json data = m->data;
    for (auto it = fields.begin(); it != fields.end(); ++it) data[it.key()] = it.value();
    EvaluateChecks(*m->kind, data, Keys(fields), errors);
    if (!errors->empty()) return Status("validation_failed", "请检查填写的内容");
    FAZHI_RETURN_IF_ERROR(InsertParties(tx, MaskParties(*m->kind, id, &fields)));
    Json diff = Diff(m->data, fields);
    for (auto it = fields.begin(); it != fields.end(); ++it) data[it.key()] = it.value();  // masked parties
    FAZHI_RETURN_IF_ERROR(FollowLengths(*m->kind, *cal, m->data, data, &m->deadlines, &diff));
    for (const auto& d : m->deadlines) FAZHI_RETURN_IF_ERROR(SaveDeadline(tx, id, d));
    const std::string new_title = title.empty() ? m->title : title;
    if (new_title != m->title) diff["title"] = Json::array({m->title, new_title});
    auto r = tx.Exec(
        "UPDATE matters SET title = ?, data = ?, due_on = ?, version = version + 1, updated_at = ? "
        "WHERE id = ? AND version = ?",
        {new_title, data.dump(), EarliestDue(m->deadlines), clock_.NowMs(), id, expected_version});
    if (!r.ok()) return r.status();
    if (r.value() == 0) return Status("version_conflict", "事项已被他人修改，请刷新后重试");
    FAZHI_RETURN_IF_ERROR(SaveLinks(tx, *m->kind, id, fields));
    FAZHI_RETURN_IF_ERROR(Reindex(tx, id, new_title, data));
    FAZHI_RETURN_IF_ERROR(AppendEvent(tx, p, id, "update", m->state, m->state, "", diff));
    return Audit(tx, p, ip, "matter.update", id, diff.dump());
  });
  if (!st.ok()) return st;
  return Get(AfterWrite(p), id);
}

Result<MatterView> MatterService::Act(const identity::Principal& p, int64_t id, const ActionRequest& req,
                                      const std::string& ip, FieldErrors* errors) {
  auto cal = calendar_.Current();
  if (!cal) return Status("calendar_missing", "工作日历未加载");
  const int64_t now = clock_.NowMs();
  const calendar::Date today = ChinaDate(now);
  MatterView gone;  // the answer when the action takes the matter out of the actor's view
  gone.id = id;
  gone.readable = false;
  Status st = db_.Write([&](Transaction& tx) {
    auto loaded = Load(tx, id);
    if (!loaded.ok()) return loaded.status();
    Loaded& m = loaded.value();
    if (!CanRead(p, m)) return Status("not_found", "事项不存在或无权查看");
    const ActionDef* a = m.kind->Action(req.action);
    if (!a) return Status("not_found", "该事项类型没有此操作：" + req.action);
    if (m.version != req.expected_version)
      return Status("version_conflict", "事项已被他人修改，请刷新后重试");
    if (std::find(a->from.begin(), a->from.end(), m.state) == a->from.end())
      return Status("state_conflict", "事项当前状态为“" + m.kind->StateLabel(m.state) + "”，不能执行“" + a->label + "”");
    if (!MayAct(p, m, *a)) return Status("forbidden", "没有执行“" + a->label + "”的权限");

    // Fields the action may set; required ones must be present; fixed ones it sets itself.
    std::set<std::string> allowed, required;
    ActionFieldKeys(*a, &allowed, &required);
    for (const auto& r : a->require) {
      if (r == "note" && req.note.empty()) (*errors)["note"] = "请填写说明";
      if (r == "assignee" && req.assignee_id == 0) (*errors)["assignee"] = "请选择承办人";
    }
    if (req.note.size() > 20000) (*errors)["note"] = "说明过长";
    Json fields;
    ValidateFields(*m.kind, req.fields, allowed, required, &fields, errors);
    ApplyFixedValues(*a, &fields, errors);
    FAZHI_RETURN_IF_ERROR(CheckReferences(tx, p, *m.kind, fields, id, errors));
    int64_t assignee = m.assignee_id;
    if (req.assignee_id != 0) {
      auto u = tx.Query("SELECT status FROM users WHERE id = ?", {req.assignee_id});
      if (!u.ok()) return u.status();
      if (u->empty() || u->rows[0].Text(0) != "active") {
        (*errors)["assignee"] = "承办人不存在或已停用";
      } else {
        FAZHI_RETURN_IF_ERROR(CheckAssignee(tx, *a, req.assignee_id, errors));
        FAZHI_RETURN_IF_ERROR(CheckNotRecused(tx, *a, id, req.assignee_id, errors));
      }
      if (a->effect == Effect::kAssign || a->require.end() != std::find(a->require.begin(), a->require.end(), "assignee"))
        assignee = req.assignee_id;
    }
    if (a->effect == Effect::kUnassign) assignee = 0;
    for (int64_t link : req.links) {
      if (link == id || !CanReadId(tx, p, link)) (*errors)["links"] = "关联的事项不存在或无权查看";
    }
    {
      Json after = m.data;
      for (auto it = fields.begin(); it != fields.end(); ++it) after[it.key()] = it.value();
      EvaluateChecks(*m.kind, after, Keys(fields), errors);
    }
    if (!errors->empty()) return Status("validation_failed", "请检查填写的内容");
    for (int64_t link : req.links) {
      auto r = tx.Exec("INSERT INTO matter_links (from_id, to_id, field, created_at) VALUES (?, ?, '', ?) "
                       "ON CONFLICT DO NOTHING", {id, link, now});
      if (!r.ok()) return r.status();
    }
    // Guards: a minimum period is over (or a reason is given), or a linked
    // matter of a kind is in given states (outcomes, field values).
    std::vector<LinkedMatter> linked;
    if (std::any_of(a->guards.begin(), a->guards.end(), [](const auto& g) { return !g.linked_kind.empty(); })) {
      auto rows = tx.Query(
          "SELECT t.kind, t.state, t.outcome, t.data FROM matters t WHERE t.id IN (SELECT to_id FROM matter_links "
          "WHERE from_id = ? UNION SELECT from_id FROM matter_links WHERE to_id = ?)",
          {id, id});
      if (!rows.ok()) return rows.status();
      for (const auto& r : rows->rows) {
        Json data = Json::parse(r.Text(3), nullptr, false);
        linked.push_back({r.Text(0), r.Text(1), r.Text(2), data.is_discarded() ? Json::object() : std::move(data)});
      }
    }
    if (auto refusal = GuardRefusal(*a, m.deadlines, today, req.note, linked, m.org_id)) return Status("guard_failed", *refusal);

    // Deadlines. Lengths follow the field values as they will be after this action.
    Json after = m.data;
    for (auto it = fields.begin(); it != fields.end(); ++it) after[it.key()] = it.value();
    Json deadline_diff = Json::object();
    FAZHI_RETURN_IF_ERROR(FollowLengths(*m.kind, *cal, m.data, after, &m.deadlines, &deadline_diff));
    int paused = 0;
    for (auto& d : m.deadlines) {
      const DeadlineDef* def = m.kind->Deadline(d.name);
      if (!def) continue;
      if (a->deadline == d.name) {
        if (a->effect == Effect::kSuspend) FAZHI_RETURN_IF_ERROR(SuspendDeadline(*def, *cal, today, &d));
        if (a->effect == Effect::kResume) FAZHI_RETURN_IF_ERROR(ResumeDeadline(*def, *cal, today, &d, &paused));
        if (a->effect == Effect::kExtend) FAZHI_RETURN_IF_ERROR(ExtendDeadline(*def, *cal, &d));
      }
      if (std::find(def->ends.begin(), def->ends.end(), a->name) != def->ends.end()) StopDeadline(today, &d);
      if (def->starts == a->name) FAZHI_RETURN_IF_ERROR(StartPeriod(*def, *cal, today, after, &d));
      FAZHI_RETURN_IF_ERROR(SaveDeadline(tx, id, d));
    }

    FAZHI_RETURN_IF_ERROR(InsertParties(tx, MaskParties(*m.kind, id, &fields)));
    Json diff = Diff(m.data, fields);
    diff.update(deadline_diff);
    Json data = m.data;
    for (auto it = fields.begin(); it != fields.end(); ++it) data[it.key()] = it.value();
    if (assignee != m.assignee_id) diff["assignee"] = Json::array({IdToString(m.assignee_id), IdToString(assignee)});
    std::string number = m.number;
    if (!m.kind->number_pattern.empty() && m.kind->number_on == a->name && number.empty()) {
      auto n = NextNumber(tx, *m.kind, m.org_id);
      if (!n.ok()) return n.status();
      number = n.value();
      diff["number"] = Json::array({"", number});
    }
    std::string outcome = m.outcome;
    if (!a->outcome_field.empty() && data.contains(a->outcome_field))
      outcome = DisplayText(data[a->outcome_field]);
    const std::string to = a->to.empty() ? m.state : a->to;
    gone.kind = m.kind->kind;
    gone.kind_label = m.kind->label;
    gone.state = to;
    gone.state_label = m.kind->StateLabel(to);
    gone.version = req.expected_version + 1;
    // closed_at is set when the matter enters a final state, and kept after.
    const bool closing = m.kind->IsFinal(to) && !m.kind->IsFinal(m.state);
    auto r = tx.Exec(
        "UPDATE matters SET state = ?, outcome = ?, assignee_id = ?, number = ?, due_on = ?, suspended = ?, "
        "suspended_days = suspended_days + ?, extended_days = ?, closed_at = ?, data = ?, "
        "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
        {to, outcome, assignee, number, EarliestDue(m.deadlines), static_cast<int64_t>(AnySuspended(m.deadlines)),
         static_cast<int64_t>(paused),
         static_cast<int64_t>([&] {
           int total = 0;
           for (const auto& d : m.deadlines) total += d.extended;
           return total;
         }()),
         closing ? Value(now) : (m.closed_at ? Value(m.closed_at) : Value()), data.dump(), now, id,
         req.expected_version});
    if (!r.ok()) return r.status();
    if (r.value() == 0) return Status("version_conflict", "事项已被他人修改，请刷新后重试");
    FAZHI_RETURN_IF_ERROR(SaveLinks(tx, *m.kind, id, fields));
    if (!fields.empty()) FAZHI_RETURN_IF_ERROR(Reindex(tx, id, m.title, data));
    FAZHI_RETURN_IF_ERROR(AppendEvent(tx, p, id, a->name, m.state, to, req.note, diff));
    return Audit(tx, p, ip, "matter.action." + a->name, id, m.state + "->" + to);
  });
  if (!st.ok()) return st;
  auto view = Get(AfterWrite(p), id);
  if (view.ok() || view.status().code() != "not_found") return view;
  // Done, but no longer theirs to see (e.g. an external counsel who recused):
  // say what happened without showing the matter.
  return gone;
}

}  // namespace fazhi::engine
