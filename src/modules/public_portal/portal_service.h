// PortalService: the public portal (公示公开 and 公众参与). Anyone may read the
// configured registers and open consultations and submit comments; staff who
// handle a matter moderate its comments and reply. Only configured fields are
// ever returned to the public; commenters' contacts are encrypted and shown
// masked to staff.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "base/clock.h"
#include "base/field_cipher.h"
#include "base/ids.h"
#include "base/page.h"
#include "engine/matter_service.h"
#include "modules/public_portal/portal_config.h"
#include "store/database.h"

namespace fazhi::portal {

using Json = nlohmann::json;

struct PublicEntry {
  int64_t id = 0;
  std::string kind, kind_label, number, title, state, state_label, org_name, closes_on;
  int64_t updated_at = 0;
  Json fields;  // key -> {label, value}
};

struct Comment {
  int64_t id = 0, matter_id = 0, created_at = 0, moderated_at = 0;
  std::string author, contact_masked, content, status, reply;
};

class PortalService {
 public:
  PortalService(store::Database& db, const Clock& clock, IdGenerator& ids, const audit::AuditLog& audit,
                const FieldCipher& cipher, const engine::KindRegistry& kinds, engine::MatterService& matters,
                PortalConfig config);

  const PortalConfig& config() const { return config_; }
  Result<Page<PublicEntry>> ListRegister(const std::string& id, const std::string& q, int page, int page_size);
  Result<std::vector<PublicEntry>> OpenConsultations();
  // An open consultation with its approved comments and replies.
  Result<std::pair<PublicEntry, std::vector<Comment>>> Consultation(int64_t matter_id);
  Result<int64_t> SubmitComment(int64_t matter_id, const std::string& author, const std::string& contact,
                                const std::string& content, const std::string& ip);
  // Staff side: the caller must be able to read the matter (scope).
  Result<std::vector<Comment>> CommentsForStaff(const identity::Principal& p, int64_t matter_id);
  Result<Comment> Moderate(const identity::Principal& p, int64_t comment_id, const std::string& decision,
                           const std::string& reply, const std::string& ip);

 private:
  PublicEntry EntryFromRow(store::Transaction& tx, const store::Row& r, const std::vector<std::string>& fields);
  Status Audit(store::Transaction& tx, const std::string& user, int64_t user_id, const std::string& ip,
               const std::string& action, const std::string& object, const std::string& detail);

  store::Database& db_;
  const Clock& clock_;
  IdGenerator& ids_;
  const audit::AuditLog& audit_;
  const FieldCipher& cipher_;
  const engine::KindRegistry& kinds_;
  engine::MatterService& matters_;
  PortalConfig config_;
};

}  // namespace fazhi::portal
