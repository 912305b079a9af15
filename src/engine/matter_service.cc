// Shared machinery of the matter engine: loading, access decisions, views,
// events, audit, numbering, parties, links and the search index.
#include "engine/matter_service.h"

#include <algorithm>
#include <set>

#include "base/personal_data.h"
#include "engine/matter_internal.h"
#include "engine/text_index.h"
#include "identity/scope.h"

namespace fazhi::engine {

using store::Transaction;
using store::Value;

KindRegistry::KindRegistry(std::vector<KindDef> kinds) : kinds_(std::move(kinds)) {}

const KindDef* KindRegistry::Find(const std::string& kind) const {
  for (const auto& k : kinds_)
    if (k.kind == kind) return &k;
  return nullptr;
}

MatterService::MatterService(store::Database& db, const Clock& clock, IdGenerator& ids,
                             const audit::AuditLog& audit, calendar::CalendarStore& calendar,
                             const KindRegistry& kinds, const FieldCipher& cipher,
                             AttachmentStore& attachments)
    : db_(db), clock_(clock), ids_(ids), audit_(audit), calendar_(calendar), kinds_(kinds), cipher_(cipher),
      attachments_(attachments), caches_(std::make_unique<Caches>()) {}

MatterService::~MatterService() = default;

std::string KindVersionedStateLabel(const KindDef* kind, const std::string& state) {
  return kind ? kind->StateLabel(state) : state;
}

MatterSummary SummaryFromRow(const store::Row& r, const KindRegistry& kinds,
                             const calendar::Calendar* cal, const calendar::Date& today) {
  MatterSummary s;
  s.id = r.Int(0);
  s.kind = r.Text(1);
  const KindDef* kind = kinds.Find(s.kind);
  s.kind_label = kind ? kind->label : s.kind;
  s.number = r.Text(2);
  s.title = r.Text(3);
  s.org_id = r.Int(4);
  s.org_name = r.Text(5);
  s.state = r.Text(6);
  s.state_label = KindVersionedStateLabel(kind, s.state);
  s.outcome = r.Text(7);
  s.assignee_id = r.Int(8);
  s.assignee_name = r.Text(9);
  s.due_on = r.IsNull(10) ? "" : r.Text(10);
  s.suspended = r.Int(11) != 0;
  s.version = r.Int(12);
  s.received_at = r.Int(13);
  s.updated_at = r.Int(14);
  s.closed_at = r.IsNull(15) ? 0 : r.Int(15);
  s.creator_id = r.Int(16);
  SetLight(&s, kinds, cal, today);
  return s;
}

Light SummaryLight(const MatterSummary& s, const KindRegistry& kinds, const calendar::Calendar* cal,
                   const calendar::Date& today) {
  Light light;
  if (s.suspended) {
    light.color = "paused";
  } else if (!s.due_on.empty() && cal) {
    const KindDef* kind = kinds.Find(s.kind);
    DeadlineRecord d;
    d.status = "running";
    d.due_on = s.due_on;
    int warn = kind && !kind->deadlines.empty() ? kind->deadlines.front().warn : 3;
    light = TrafficLight(d, warn, *cal, today);
  }
  return light;
}

void SetLight(MatterSummary* s, const KindRegistry& kinds, const calendar::Calendar* cal,
              const calendar::Date& today) {
  s->light = SummaryLight(*s, kinds, cal, today);
}

Status MatterService::LoadedFromRow(const store::Row& r, size_t at, const KindRegistry& kinds, Loaded* m) {
  m->id = r.Int(at + 0);
  m->kind = kinds.Find(r.Text(at + 1));
  if (!m->kind) return Status("not_found", "事项类型已不存在：" + r.Text(at + 1));
  m->kind_version = static_cast<int>(r.Int(at + 2));
  m->number = r.Text(at + 3);
  m->title = r.Text(at + 4);
  m->org_id = r.Int(at + 5);
  m->org_path = r.Text(at + 6);
  m->creator_id = r.Int(at + 7);
  m->state = r.Text(at + 8);
  m->outcome = r.Text(at + 9);
  m->assignee_id = r.Int(at + 10);
  m->received_at = r.Int(at + 11);
  m->due_on = r.IsNull(at + 12) ? "" : r.Text(at + 12);
  m->closed_at = r.IsNull(at + 13) ? 0 : r.Int(at + 13);
  m->suspended = r.Int(at + 14) != 0;
  m->suspended_days = static_cast<int>(r.Int(at + 15));
  m->extended_days = static_cast<int>(r.Int(at + 16));
  m->version = r.Int(at + 17);
  m->data = Json::parse(r.Text(at + 18), nullptr, false);
  if (m->data.is_discarded()) m->data = Json::object();
  m->created_at = r.Int(at + 19);
  m->updated_at = r.Int(at + 20);
  return Status::Ok();
}

Status MatterService::LoadDeadlines(Transaction& tx, Loaded* m) {
  auto dl = tx.Query(
      "SELECT name, status, started_on, due_on, remaining, suspended_on, extended, stopped_on, "
      "anchor_on, anchor_days, anchor_ext FROM matter_deadlines WHERE matter_id = ? ORDER BY name",
      {m->id});
  if (!dl.ok()) return dl.status();
  for (const auto& d : dl->rows) {
    DeadlineRecord rec;
    rec.name = d.Text(0);
    rec.status = d.Text(1);
    rec.started_on = d.Text(2);
    rec.due_on = d.Text(3);
    rec.remaining = static_cast<int>(d.Int(4));
    rec.suspended_on = d.Text(5);
    rec.extended = static_cast<int>(d.Int(6));
    rec.stopped_on = d.Text(7);
    rec.anchor_on = d.Text(8);
    rec.anchor_days = static_cast<int>(d.Int(9));
    rec.anchor_ext = static_cast<int>(d.Int(10));
    m->deadlines.push_back(rec);
  }
  return Status::Ok();
}

Result<MatterService::Loaded> MatterService::Load(Transaction& tx, int64_t id) {
  auto rows = tx.Query(std::string("SELECT ") + kMatterColumns + " FROM matters m WHERE m.id = ?", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status("not_found", "事项不存在或无权查看");
  Loaded m;
  FAZHI_RETURN_IF_ERROR(LoadedFromRow(rows->rows[0], 0, kinds_, &m));
  FAZHI_RETURN_IF_ERROR(LoadDeadlines(tx, &m));
  return m;
}

bool MatterService::CanRead(const identity::Principal& p, const Loaded& m) const {
  if (!p.Can("matter:read")) return false;
  if (m.creator_id == p.user_id || (m.assignee_id != 0 && m.assignee_id == p.user_id)) return true;
  identity::RecordOwner owner{m.org_id, m.org_path, m.assignee_id};
  for (const auto& a : p.assignments)
    if (a.permissions.count("matter:read") && identity::ScopeCovers(a, p, p.org_path, owner)) return true;
  return false;
}

bool MatterService::MayAct(const identity::Principal& p, const Loaded& m, const ActionDef& a) const {
  if (std::find(a.from.begin(), a.from.end(), m.state) == a.from.end()) return false;
  if (a.assignee_only && (m.assignee_id == 0 || m.assignee_id != p.user_id)) return false;
  identity::RecordOwner owner{m.org_id, m.org_path, m.assignee_id};
  for (const auto& asg : p.assignments) {
    if (std::find(a.roles.begin(), a.roles.end(), asg.role) == a.roles.end()) continue;
    if (identity::ScopeCovers(asg, p, p.org_path, owner)) return true;
    // The creator may act on their own submission with a role named by the action.
    if (m.creator_id == p.user_id) return true;
  }
  return false;
}

std::string MatterService::ScopeSql(const identity::Principal& p, std::vector<Value>* params) const {
  return MatterScopeSql(p, params);
}

std::string MatterScopeSql(const identity::Principal& p, std::vector<Value>* params) {
  for (const auto& a : p.assignments)
    if (a.permissions.count("matter:read") && a.scope == identity::Scope::kAll) return "1 = 1";
  std::vector<std::string> parts = {"m.creator_id = ?", "m.assignee_id = ?"};
  params->push_back(p.user_id);
  params->push_back(p.user_id);
  for (const auto& a : p.assignments) {
    if (!a.permissions.count("matter:read")) continue;
    switch (a.scope) {
      case identity::Scope::kAll:  // handled above
        break;
      case identity::Scope::kOrg:
        parts.push_back("m.org_id = ?");
        params->push_back(p.org_id);
        break;
      case identity::Scope::kOrgAndBelow: {
        // A range instead of LIKE 'path%': the same rows, and SQLite keeps the
        // prepared statement (a LIKE pattern parameter forces a re-prepare).
        parts.push_back("(m.org_path >= ? AND m.org_path < ?)");
        params->push_back(p.org_path);
        std::string upper = p.org_path;
        if (!upper.empty()) upper.back() = static_cast<char>(upper.back() + 1);
        params->push_back(upper);
        break;
      }
      case identity::Scope::kOrgs:
        for (int64_t org : a.org_ids) {
          parts.push_back("m.org_id = ?");
          params->push_back(org);
        }
        break;
      case identity::Scope::kSelf:
        break;
    }
  }
  std::string sql;
  for (const auto& part : parts) sql += (sql.empty() ? "(" : " OR ") + part;
  return sql + ")";
}

Result<MatterService::Snapshot> MatterService::LoadSnapshot(Transaction& tx, int64_t id) {
  Snapshot s;
  // The summary (with org and assignee names) and the matter from one read
  // of the row: the summary's columns, then the matter's.
  auto rows = tx.Query(std::string("SELECT ") + kSummaryColumns + ", " + kMatterColumns + kSummaryJoins +
                           " WHERE m.id = ?",
                       {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status("not_found", "事项不存在或无权查看");
  s.summary = SummaryFromRow(rows->rows[0], kinds_, nullptr, calendar::Date());
  FAZHI_RETURN_IF_ERROR(LoadedFromRow(rows->rows[0], kSummaryColumnCount, kinds_, &s.m));
  FAZHI_RETURN_IF_ERROR(LoadDeadlines(tx, &s.m));
  auto links = tx.Query(
      "SELECT l.to_id, l.field, 'out', t.kind, t.title, t.state, t.number FROM matter_links l "
      "JOIN matters t ON t.id = l.to_id WHERE l.from_id = ? "
      "UNION ALL SELECT l.from_id, l.field, 'in', t.kind, t.title, t.state, t.number FROM matter_links l "
      "JOIN matters t ON t.id = l.from_id WHERE l.to_id = ?",
      {id, id});
  if (!links.ok()) return links.status();
  for (const auto& r : links->rows)
    s.links.push_back({r.Int(0), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(1), r.Text(2)});
  auto files = tx.Query(
      "SELECT id, name, content_type, sha256, size, created_at FROM attachments WHERE matter_id = ? ORDER BY id",
      {id});
  if (!files.ok()) return files.status();
  for (const auto& r : files->rows)
    s.attachments.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5)});
  std::set<int64_t> named;
  UserIdsIn(*s.m.kind, s.m.data, &named);
  auto people = PeopleByIds(tx, named);
  if (!people.ok()) return people.status();
  s.people = std::move(people).value();
  return s;
}

MatterView MatterService::View(const identity::Principal& p, const Snapshot& s) const {
  MatterView v;
  auto cal = calendar_.Current();
  const calendar::Date today = ChinaDate(clock_.NowMs());
  const Loaded& m = s.m;
  static_cast<MatterSummary&>(v) = s.summary;
  SetLight(&v, kinds_, cal.get(), today);
  v.fields = m.data;
  for (const auto& rec : m.deadlines) {
    const DeadlineDef* def = m.kind->Deadline(rec.name);
    if (!def) continue;
    DeadlineView d;
    d.name = rec.name;
    d.label = def->label.empty() ? def->name : def->label;
    d.status = rec.status;
    d.started_on = rec.started_on;
    d.due_on = rec.due_on;
    d.unit = def->unit;
    d.length = DeadlineLength(*def, m.data);
    d.due_field = def->due_field;
    d.extended = rec.extended;
    d.extendable = def->extendable;
    if (cal) d.light = TrafficLight(rec, def->warn, *cal, today);
    v.deadlines.push_back(d);
  }
  for (const auto& a : m.kind->actions) {
    if (!MayAct(p, m, a)) continue;
    v.actions.push_back({a.name, a.label, a.require, a.fields, EffectName(a.effect)});
  }
  v.can_edit = !m.kind->IsFinal(m.state) && (m.creator_id == p.user_id || !v.actions.empty());
  v.links = s.links;
  v.attachments = s.attachments;
  v.people = s.people;
  return v;
}

Status MatterService::AppendEvent(Transaction& tx, const identity::Principal& p, int64_t matter_id,
                                  const std::string& action, const std::string& from,
                                  const std::string& to, const std::string& note, const Json& diff) {
  auto seq = tx.Query("SELECT COALESCE(MAX(seq), 0) + 1 FROM matter_events WHERE matter_id = ?", {matter_id});
  if (!seq.ok()) return seq.status();
  auto r = tx.Exec(
      "INSERT INTO matter_events (id, matter_id, seq, at, user_id, username, action, from_state, "
      "to_state, note, diff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {ids_.Next(), matter_id, seq->rows[0].Int(0), clock_.NowMs(), p.user_id, p.username, action,
       from, to, note, diff.dump()});
  return r.ok() ? Status::Ok() : r.status();
}

Status MatterService::Audit(Transaction& tx, const identity::Principal& p, const std::string& ip,
                            const std::string& action, int64_t matter_id, const std::string& detail) {
  audit::Record r;
  r.at_ms = clock_.NowMs();
  r.user_id = p.user_id;
  r.username = p.username;
  r.ip = ip;
  r.action = action;
  r.object = "matter:" + std::to_string(matter_id);
  r.result = "success";
  r.detail = detail;
  return audit_.Append(tx, r);
}

Result<std::string> MatterService::NextNumber(Transaction& tx, const KindDef& kind, int64_t org_id) {
  const calendar::Date today = ChinaDate(clock_.NowMs());
  auto ins = tx.Exec(
      "INSERT INTO number_sequences (org_id, kind, year, next_value) VALUES (?, ?, ?, 0) "
      "ON CONFLICT (org_id, kind, year) DO NOTHING",
      {org_id, kind.kind, static_cast<int64_t>(today.year)});
  if (!ins.ok()) return ins.status();
  auto seq = tx.Query(
      "UPDATE number_sequences SET next_value = next_value + 1 WHERE org_id = ? AND kind = ? AND "
      "year = ? RETURNING next_value",
      {org_id, kind.kind, static_cast<int64_t>(today.year)});
  if (!seq.ok()) return seq.status();
  const int64_t n = seq->rows[0].Int(0);
  auto org = tx.Query("SELECT short_name, code FROM orgs WHERE id = ?", {org_id});
  if (!org.ok()) return org.status();
  const std::string short_name = org->empty() ? "" : org->rows[0].Text(0);
  const std::string code = org->empty() ? "" : org->rows[0].Text(1);
  std::string out;
  const std::string& pat = kind.number_pattern;
  for (size_t i = 0; i < pat.size();) {
    if (pat[i] != '{') {
      out += pat[i++];
      continue;
    }
    size_t end = pat.find('}', i);
    if (end == std::string::npos) break;
    const std::string key = pat.substr(i + 1, end - i - 1);
    if (key == "year") out += std::to_string(today.year);
    else if (key == "org.short") out += short_name;
    else if (key == "org.code") out += code;
    else if (key == "kind.label") out += kind.label;
    else if (key == "seq") out += std::to_string(n);
    else if (key.rfind("seq:", 0) == 0) {
      std::string digits = std::to_string(n);
      int width = std::atoi(key.substr(4).c_str());
      if (static_cast<int>(digits.size()) < width) digits.insert(0, width - digits.size(), '0');
      out += digits;
    }
    i = end + 1;
  }
  return out;
}

bool MatterService::CanReadId(Transaction& tx, const identity::Principal& p, int64_t matter_id) {
  auto m = Load(tx, matter_id);
  return m.ok() && CanRead(p, *m);
}

Status MatterService::CheckReferences(Transaction& tx, const identity::Principal& p, const KindDef& kind,
                                      const Json& fields, int64_t matter_id, FieldErrors* errors) {
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    const FieldDef* f = kind.Field(it.key());
    if (!f || !it.value().is_string()) continue;
    const int64_t ref = IdFromString(it.value().get<std::string>());
    std::string sql;
    std::vector<Value> params = {ref};
    switch (f->type) {
      case FieldType::kOrg: sql = "SELECT 1 FROM orgs WHERE id = ?"; break;
      case FieldType::kUser: sql = "SELECT 1 FROM users WHERE id = ? AND status = 'active'"; break;
      case FieldType::kAttachment:
        sql = "SELECT 1 FROM attachments WHERE id = ? AND matter_id = ?";
        params.push_back(matter_id);
        break;
      case FieldType::kMatterLink:
        sql = f->link_kind.empty() ? "SELECT 1 FROM matters WHERE id = ?"
                                   : "SELECT 1 FROM matters WHERE id = ? AND kind = ?";
        if (!f->link_kind.empty()) params.push_back(f->link_kind);
        if (ref == matter_id) (*errors)[f->key] = f->label + "不能关联自身";
        break;
      default: continue;
    }
    auto rows = tx.Query(sql, params);
    if (!rows.ok()) return rows.status();
    if (rows->empty() && !errors->count(f->key))
      (*errors)[f->key] = f->type == FieldType::kUser ? f->label + "所选人员不存在或已停用" : f->label + "引用的对象不存在";
    if (!rows->empty() && f->type == FieldType::kUser && !f->roles.empty())
      FAZHI_RETURN_IF_ERROR(CheckHoldsRole(tx, ref, f->roles, f->key, "所选人员不能作为“" + f->label + "”，须为：", errors));
    if (!rows->empty() && f->type == FieldType::kMatterLink && !errors->count(f->key) && !CanReadId(tx, p, ref))
      (*errors)[f->key] = f->label + "引用的事项不存在或无权查看";
  }
  return Status::Ok();
}

std::vector<std::vector<Value>> MatterService::MaskParties(const KindDef& kind, int64_t matter_id, Json* fields) {
  std::vector<std::vector<Value>> rows;
  for (auto it = fields->begin(); it != fields->end(); ++it) {
    const FieldDef* f = kind.Field(it.key());
    if (!f || f->type != FieldType::kParty || !it.value().is_object()) continue;
    const Json& v = it.value();
    const std::string name = v.value("name", ""), id = v.value("idNumber", ""), phone = v.value("phone", "");
    const int64_t party_id = ids_.Next();
    const std::string id_masked = id.empty() ? "" : (IsValidUscc(id) ? id : MaskIdNumber(id));
    rows.push_back({party_id, matter_id, f->key, cipher_.Encrypt(name), MaskName(name),
                    id.empty() ? std::string() : cipher_.Encrypt(id),
                    id.empty() ? std::string() : cipher_.BlindIndex(id), id_masked,
                    phone.empty() ? std::string() : cipher_.Encrypt(phone),
                    phone.empty() ? std::string() : MaskPhone(phone)});
    // The matter row keeps only masked values and the party's id.
    it.value() = Json{{"partyId", IdToString(party_id)}, {"name", MaskName(name)},
                      {"idNumber", id_masked}, {"phone", phone.empty() ? "" : MaskPhone(phone)}};
  }
  return rows;
}

Status MatterService::InsertParties(Transaction& tx, const std::vector<std::vector<Value>>& rows) {
  for (const auto& row : rows) {
    auto r = tx.Exec(
        "INSERT INTO matter_parties (id, matter_id, field, name_enc, name_masked, id_number_enc, "
        "id_number_index, id_number_masked, phone_enc, phone_masked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row);
    if (!r.ok()) return r.status();
  }
  return Status::Ok();
}

Status MatterService::SaveLinks(Transaction& tx, const KindDef& kind, int64_t matter_id, const Json& fields) {
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    const FieldDef* f = kind.Field(it.key());
    if (!f || f->type != FieldType::kMatterLink) continue;
    auto d = tx.Exec("DELETE FROM matter_links WHERE from_id = ? AND field = ?", {matter_id, f->key});
    if (!d.ok()) return d.status();
    if (!it.value().is_string()) continue;
    auto r = tx.Exec("INSERT INTO matter_links (from_id, to_id, field, created_at) VALUES (?, ?, ?, ?)",
                     {matter_id, IdFromString(it.value().get<std::string>()), f->key, clock_.NowMs()});
    if (!r.ok()) return r.status();
  }
  return Status::Ok();
}

Status MatterService::Reindex(Transaction& tx, int64_t matter_id, const std::string& title, const Json& data) {
  std::string text = title;
  for (auto it = data.begin(); it != data.end(); ++it) text += " " + DisplayText(it.value());
  auto files = tx.Query("SELECT name FROM attachments WHERE matter_id = ?", {matter_id});
  if (!files.ok()) return files.status();
  for (const auto& r : files->rows) text += " " + r.Text(0);
  const std::string tokens = IndexTokens(text);
  if (tx.dialect() == store::Dialect::kSqlite) {
    auto d = tx.Exec("DELETE FROM matter_search WHERE rowid = ?", {matter_id});
    if (!d.ok()) return d.status();
    auto r = tx.Exec("INSERT INTO matter_search (rowid, tokens) VALUES (?, ?)", {matter_id, tokens});
    return r.ok() ? Status::Ok() : r.status();
  }
  auto r = tx.Exec(
      "INSERT INTO matter_search (matter_id, tokens) VALUES (?, ?) ON CONFLICT (matter_id) DO UPDATE "
      "SET tokens = EXCLUDED.tokens",
      {matter_id, tokens});
  return r.ok() ? Status::Ok() : r.status();
}

}  // namespace fazhi::engine
