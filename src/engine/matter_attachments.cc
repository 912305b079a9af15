// Attachments of matters: files added from disk (an upload spooled by the
// server) into the content-addressed AttachmentStore, and audited downloads.
#include "engine/attachment_store.h"
#include "engine/matter_internal.h"
#include "engine/text_index.h"

namespace fazhi::engine {

using store::Transaction;

Result<MatterService::Loaded> MatterService::LoadForAttach(Transaction& tx, const identity::Principal& p,
                                                           int64_t matter_id) {
  auto m = Load(tx, matter_id);
  if (!m.ok()) return m.status();
  if (!CanRead(p, *m)) return Status("not_found", "事项不存在或无权查看");
  bool may = m->creator_id == p.user_id;
  for (const auto& a : m->kind->actions) may = may || MayAct(p, *m, a);
  if (!may) return Status("forbidden", "当前状态下无权上传附件");
  return m;
}

Result<AttachmentView> MatterService::AddAttachment(const identity::Principal& p, int64_t matter_id,
                                                    const std::string& name, const std::string& path,
                                                    const std::string& ip) {
  if (name.empty() || DecodeUtf8(name).size() > 200 || name.find('/') != std::string::npos ||
      name.find('\\') != std::string::npos)
    return Status("validation_failed", "文件名无效");
  // Who may attach is known before the file is read or stored; the write
  // below checks again inside its transaction.
  FAZHI_RETURN_IF_ERROR(db_.Read([&](Transaction& tx) { return LoadForAttach(tx, p, matter_id).status(); }));
  if (path.empty()) return Status("validation_failed", "文件为空");
  auto scanned = ScanFile(path, name);
  if (!scanned.ok()) return scanned.status();
  if (scanned->size == 0) return Status("validation_failed", "文件为空");
  if (scanned->content_type.empty())
    return Status("unsupported_media_type", "不支持的文件类型（仅限 PDF、图片、Word/Excel、文本）");
  AttachmentView v;
  v.id = ids_.Next();
  v.name = name;
  v.content_type = scanned->content_type;
  v.sha256 = scanned->sha256;
  v.size = static_cast<int64_t>(scanned->size);
  v.created_at = clock_.NowMs();
  auto placed = attachments_.Place(path, v.sha256);
  if (!placed.ok()) return placed.status();
  Status st = db_.Write([&](Transaction& tx) {
    auto m = LoadForAttach(tx, p, matter_id);
    if (!m.ok()) return m.status();
    auto r = tx.Exec(
        "INSERT INTO attachments (id, matter_id, name, size, content_type, sha256, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {v.id, matter_id, v.name, v.size, v.content_type, v.sha256, p.user_id, v.created_at});
    if (!r.ok()) return r.status();
    FAZHI_RETURN_IF_ERROR(Reindex(tx, matter_id, m->title, m->data));
    FAZHI_RETURN_IF_ERROR(AppendEvent(tx, p, matter_id, "attach", m->state, m->state, name,
                                      Json{{"attachment", Json::array({nullptr, name})}}));
    return Audit(tx, p, ip, "matter.attach", matter_id, v.sha256);
  });
  if (!st.ok()) {
    // No row: take the file back out unless a stored row (or a read error,
    // to be safe) says the same content is in use.
    placed->Discard([&] {
      bool used = true;
      Status read = db_.Read([&](Transaction& tx) {
        auto rows = tx.Query("SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1", {v.sha256});
        if (!rows.ok()) return rows.status();
        used = !rows->empty();
        return Status::Ok();
      });
      return used || !read.ok();
    });
    return st;
  }
  return v;
}

Result<std::pair<AttachmentView, std::string>> MatterService::OpenAttachment(const identity::Principal& p,
                                                                              int64_t id, const std::string& ip) {
  AttachmentView v;
  int64_t matter_id = 0;
  Status st = db_.Read([&](Transaction& tx) {
    auto rows = tx.Query("SELECT id, name, content_type, sha256, size, created_at, matter_id FROM attachments WHERE id = ?", {id});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status("not_found", "附件不存在");
    const auto& r = rows->rows[0];
    v = {r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5)};
    matter_id = r.Int(6);
    auto m = Load(tx, matter_id);
    if (!m.ok()) return m.status();
    if (!CanRead(p, *m)) return Status("not_found", "附件不存在");
    return Status::Ok();
  });
  if (!st.ok()) return st;
  FAZHI_RETURN_IF_ERROR(RecordExport(p, matter_id, "attachment:" + IdToString(v.id), ip));
  return std::make_pair(v, attachments_.PathOf(v.sha256));
}

}  // namespace fazhi::engine
