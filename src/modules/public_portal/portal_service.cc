#include "modules/public_portal/portal_service.h"

#include "base/personal_data.h"
#include "engine/text_index.h"

namespace fazhi::portal {

using store::Transaction;
using store::Value;

namespace {

constexpr const char* kEntryColumns =
    "SELECT m.id, m.kind, m.number, m.title, m.state, o.name, m.updated_at, m.data, "
    "(SELECT MIN(d.due_on) FROM matter_deadlines d WHERE d.matter_id = m.id AND d.status = 'running') "
    "FROM matters m JOIN orgs o ON o.id = m.org_id ";

std::string Placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

Comment CommentFromRow(const store::Row& r) {
  Comment c;
  c.id = r.Int(0);
  c.matter_id = r.Int(1);
  c.author = r.Text(2);
  c.contact_masked = r.Text(3);
  c.content = r.Text(4);
  c.status = r.Text(5);
  c.reply = r.Text(6);
  c.created_at = r.Int(7);
  c.moderated_at = r.Int(8);
  return c;
}

constexpr const char* kCommentColumns =
    "SELECT id, matter_id, author, contact_masked, content, status, reply, created_at, moderated_at "
    "FROM public_comments ";

}  // namespace

PortalService::PortalService(store::Database& db, const Clock& clock, IdGenerator& ids,
                             const audit::AuditLog& audit, const FieldCipher& cipher,
                             const engine::KindRegistry& kinds, engine::MatterService& matters,
                             PortalConfig config)
    : db_(db), clock_(clock), ids_(ids), audit_(audit), cipher_(cipher), kinds_(kinds), matters_(matters),
      config_(std::move(config)) {}

PublicEntry PortalService::EntryFromRow(Transaction& tx, const store::Row& r,
                                        const std::vector<std::string>& fields) {
  PublicEntry e;
  e.id = r.Int(0);
  e.kind = r.Text(1);
  const engine::KindDef* kind = kinds_.Find(e.kind);
  e.kind_label = kind ? kind->label : e.kind;
  e.number = r.Text(2);
  e.title = r.Text(3);
  e.state = r.Text(4);
  e.state_label = kind ? kind->StateLabel(e.state) : e.state;
  e.org_name = r.Text(5);
  e.updated_at = r.Int(6);
  e.closes_on = r.IsNull(8) ? "" : r.Text(8);
  Json data = Json::parse(r.Text(7), nullptr, false);
  e.fields = Json::object();
  for (const auto& key : fields) {
    const engine::FieldDef* f = kind ? kind->Field(key) : nullptr;
    if (!f) continue;
    Json value = data.is_object() && data.contains(key) ? data[key] : Json(nullptr);
    if (f->type == engine::FieldType::kOrg && value.is_string()) {
      auto org = tx.Query("SELECT name FROM orgs WHERE id = ?", {IdFromString(value.get<std::string>())});
      value = org.ok() && !org->empty() ? Json(org->rows[0].Text(0)) : Json(nullptr);
    }
    e.fields[key] = {{"label", f->label}, {"value", value}};
  }
  return e;
}

Result<Page<PublicEntry>> PortalService::ListRegister(const std::string& id, const std::string& q, int page,
                                                      int page_size) {
  const RegisterDef* reg = config_.Register(id);
  if (!reg) return Status("not_found", "公开目录不存在");
  Page<PublicEntry> out;
  Status st = db_.Read([&](Transaction& tx) {
    std::vector<Value> params = {reg->kind};
    std::string where = "WHERE m.kind = ? AND m.state IN (" + Placeholders(reg->states.size()) + ")";
    for (const auto& s : reg->states) params.push_back(s);
    if (!q.empty()) {
      // Public search covers titles and numbers only (never unpublished fields).
      where += " AND (m.title LIKE ? OR m.number LIKE ?)";
      params.push_back("%" + q + "%");
      params.push_back("%" + q + "%");
    }
    auto count = tx.Query("SELECT COUNT(*) FROM matters m " + where, params);
    if (!count.ok()) return count.status();
    out.total = count->rows[0].Int(0);
    params.push_back(static_cast<int64_t>(page_size));
    params.push_back(static_cast<int64_t>((page - 1) * page_size));
    auto rows = tx.Query(std::string(kEntryColumns) + where + " ORDER BY m.updated_at DESC, m.id DESC LIMIT ? OFFSET ?",
                         params);
    if (!rows.ok()) return rows.status();
    for (const auto& r : rows->rows) out.items.push_back(EntryFromRow(tx, r, reg->fields));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<PublicEntry>> PortalService::OpenConsultations() {
  std::vector<PublicEntry> out;
  Status st = db_.Read([&](Transaction& tx) {
    for (const auto& c : config_.consultations) {
      auto rows = tx.Query(std::string(kEntryColumns) + "WHERE m.kind = ? AND m.state = ? ORDER BY m.updated_at DESC",
                           {c.kind, c.state});
      if (!rows.ok()) return rows.status();
      for (const auto& r : rows->rows) out.push_back(EntryFromRow(tx, r, c.fields));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::pair<PublicEntry, std::vector<Comment>>> PortalService::Consultation(int64_t matter_id) {
  std::pair<PublicEntry, std::vector<Comment>> out;
  Status st = db_.Read([&](Transaction& tx) {
    auto rows = tx.Query(std::string(kEntryColumns) + "WHERE m.id = ?", {matter_id});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status("not_found", "征求意见事项不存在或已结束");
    const ConsultationDef* c = config_.Consultation(rows->rows[0].Text(1), rows->rows[0].Text(4));
    if (!c) return Status("not_found", "征求意见事项不存在或已结束");
    out.first = EntryFromRow(tx, rows->rows[0], c->fields);
    auto comments = tx.Query(std::string(kCommentColumns) + "WHERE matter_id = ? AND status = 'approved' ORDER BY id",
                             {matter_id});
    if (!comments.ok()) return comments.status();
    for (const auto& r : comments->rows) {
      Comment cm = CommentFromRow(r);
      cm.author = MaskName(cm.author);
      cm.contact_masked.clear();
      out.second.push_back(std::move(cm));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<int64_t> PortalService::SubmitComment(int64_t matter_id, const std::string& author,
                                             const std::string& contact, const std::string& content,
                                             const std::string& ip) {
  const size_t author_len = engine::DecodeUtf8(author).size();
  const size_t content_len = engine::DecodeUtf8(content).size();
  if (author_len == 0 || author_len > 50) return Status("validation_failed", "请填写姓名或单位名称（不超过 50 字）");
  if (content_len < 5 || content_len > 5000) return Status("validation_failed", "意见内容须为 5 至 5000 字");
  if (!contact.empty() && !IsValidMobile(contact)) return Status("validation_failed", "联系电话须为有效的手机号码");
  const int64_t id = ids_.Next();
  Status st = db_.Write([&](Transaction& tx) {
    auto m = tx.Query("SELECT kind, state FROM matters WHERE id = ?", {matter_id});
    if (!m.ok()) return m.status();
    if (m->empty() || !config_.Consultation(m->rows[0].Text(0), m->rows[0].Text(1)))
      return Status("not_found", "征求意见事项不存在或已结束");
    auto r = tx.Exec(
        "INSERT INTO public_comments (id, matter_id, author, contact_enc, contact_masked, content, status, ip, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
        {id, matter_id, author, contact.empty() ? std::string() : cipher_.Encrypt(contact),
         contact.empty() ? std::string() : MaskPhone(contact), content, ip, clock_.NowMs()});
    if (!r.ok()) return r.status();
    return Audit(tx, "public", 0, ip, "public.comment", "matter:" + std::to_string(matter_id),
                 "comment:" + std::to_string(id));
  });
  if (!st.ok()) return st;
  return id;
}

Result<std::vector<Comment>> PortalService::CommentsForStaff(const identity::Principal& p, int64_t matter_id) {
  auto m = matters_.Get(p, matter_id);  // scope check: 404 outside it
  if (!m.ok()) return m.status();
  std::vector<Comment> out;
  Status st = db_.Read([&](Transaction& tx) {
    auto rows = tx.Query(std::string(kCommentColumns) + "WHERE matter_id = ? ORDER BY id", {matter_id});
    if (!rows.ok()) return rows.status();
    for (const auto& r : rows->rows) out.push_back(CommentFromRow(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Comment> PortalService::Moderate(const identity::Principal& p, int64_t comment_id, const std::string& decision,
                                        const std::string& reply, const std::string& ip) {
  if (decision != "approve" && decision != "reject") return Status("validation_failed", "审核结果只能为 approve 或 reject");
  if (engine::DecodeUtf8(reply).size() > 5000) return Status("validation_failed", "答复不超过 5000 字");
  int64_t matter_id = 0;
  Status st = db_.Read([&](Transaction& tx) {
    auto r = tx.Query("SELECT matter_id FROM public_comments WHERE id = ?", {comment_id});
    if (!r.ok()) return r.status();
    if (r->empty()) return Status("not_found", "意见不存在");
    matter_id = r->rows[0].Int(0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  auto m = matters_.Get(p, matter_id);
  if (!m.ok()) return Status("not_found", "意见不存在");
  // Only those who handle the matter now (or created it) moderate its comments.
  if (m->actions.empty() && m->creator_id != p.user_id) return Status("forbidden", "只有该事项的承办人员可以审核公众意见");
  Comment out;
  st = db_.Write([&](Transaction& tx) {
    auto r = tx.Exec(
        "UPDATE public_comments SET status = ?, reply = ?, moderated_by = ?, moderated_at = ? WHERE id = ?",
        {std::string(decision == "approve" ? "approved" : "rejected"), reply, p.user_id, clock_.NowMs(), comment_id});
    if (!r.ok()) return r.status();
    auto row = tx.Query(std::string(kCommentColumns) + "WHERE id = ?", {comment_id});
    if (!row.ok()) return row.status();
    out = CommentFromRow(row->rows[0]);
    return Audit(tx, p.username, p.user_id, ip, "public.comment_" + decision, "comment:" + std::to_string(comment_id),
                 "matter:" + std::to_string(matter_id));
  });
  if (!st.ok()) return st;
  return out;
}

Status PortalService::Audit(Transaction& tx, const std::string& user, int64_t user_id, const std::string& ip,
                            const std::string& action, const std::string& object, const std::string& detail) {
  audit::Record r;
  r.at_ms = clock_.NowMs();
  r.user_id = user_id;
  r.username = user;
  r.ip = ip;
  r.action = action;
  r.object = object;
  r.result = "success";
  r.detail = detail;
  return audit_.Append(tx, r);
}

}  // namespace fazhi::portal
