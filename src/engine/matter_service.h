// MatterService: the matter engine (事项引擎). Every kind of work — legality
// review, reconsideration, supervision … — is a matter of a kind defined in
// YAML; this service creates matters, moves them through their actions under
// role, scope, state, required-field and guard checks, keeps their
// deadlines, numbers (文号), links, parties and attachments, and writes each
// change with its event and its audit record in one transaction. Writes are
// optimistic: a stale version is a version_conflict, never a lost update.
//
// Errors: not_found (also for matters outside the caller's scope),
// forbidden, version_conflict, state_conflict, guard_failed,
// validation_failed (+FieldErrors), precondition_required.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "base/clock.h"
#include "base/field_cipher.h"
#include "base/ids.h"
#include "base/page.h"
#include "calendar/calendar_store.h"
#include "engine/attachment_store.h"
#include "engine/deadline_clock.h"
#include "engine/field_values.h"
#include "engine/kind.h"
#include "identity/principal.h"
#include "store/database.h"

namespace fazhi::engine {

// The SQL condition (over `matters m`) for the matters a principal may read:
// their own submissions and assignments, plus what each role assignment
// granting matter:read covers. Appends its parameters. Used by every list,
// search and drill-down.
std::string MatterScopeSql(const identity::Principal& p, std::vector<store::Value>* params);

// Whether the principal may create matters of this kind (matter:create and,
// when the kind lists create_roles, one of those roles).
bool MayCreate(const identity::Principal& p, const KindDef& kind);

// The length of `def` that applies to a matter with these field values
// (length_by / lengths, else `length`).
int DeadlineLength(const DeadlineDef& def, const Json& data);
// Starts `def` today for a matter with these field values: counted with
// DeadlineLength, or, for a due_field deadline, due on the field's date (left
// pending while the field is empty; it starts when the field is set).
Status StartPeriod(const DeadlineDef& def, const calendar::Calendar& cal, const calendar::Date& today,
                   const Json& data, DeadlineRecord* r);

class KindRegistry {
 public:
  explicit KindRegistry(std::vector<KindDef> kinds);
  const KindDef* Find(const std::string& kind) const;
  const std::vector<KindDef>& All() const { return kinds_; }

 private:
  std::vector<KindDef> kinds_;
};

// Whether the principal may look up people to name them in `user` fields:
// it may create, or holds a role acting on (and so may edit), matters of a
// kind that has a user field. Administrators never may.
bool MayNamePeople(const identity::Principal& p, const KindRegistry& kinds);

struct DeadlineView {
  std::string name, label, status, started_on, due_on, unit;
  std::string due_field;  // the date field it is due on ("" = counted)
  int length = 0, extended = 0, extendable = 0;
  Light light;
};

struct ActionView {
  std::string name, label;
  std::vector<std::string> require, fields;
  std::string effect;
};

struct MatterSummary {
  int64_t id = 0;
  std::string kind, kind_label, number, title, state, state_label, outcome;
  int64_t org_id = 0;
  std::string org_name;
  int64_t assignee_id = 0;
  std::string assignee_name;
  int64_t creator_id = 0;
  std::string due_on;
  Light light;
  bool suspended = false;
  int64_t version = 0;
  int64_t received_at = 0, updated_at = 0, closed_at = 0;
};

struct LinkView {
  int64_t id = 0;
  std::string kind, title, state, number, field, direction;  // direction: out | in
};

struct AttachmentView {
  int64_t id = 0;
  std::string name, content_type, sha256;
  int64_t size = 0, created_at = 0;
};

// A person a matter names (user fields, the timeline) or the lookup offers:
// the display name and the org's name, nothing else about them.
struct PersonRef {
  int64_t id = 0;
  std::string name, org_name;
};

struct PeopleQuery {
  std::string q;                   // part of the name or of the org's name ("" = any)
  std::vector<std::string> roles;  // holders of one of these roles (empty = any business role)
  int limit = 20;
};

struct MatterView : MatterSummary {
  Json fields;
  std::vector<DeadlineView> deadlines;
  std::vector<ActionView> actions;  // what the caller may do now
  std::vector<LinkView> links;
  std::vector<AttachmentView> attachments;
  std::vector<PersonRef> people;  // the users its user fields name
  bool can_edit = false;
  // False only in the answer to an action that took the matter out of the
  // actor's view (申请回避 by an external counsel): id, kind, state and
  // version are set, nothing else.
  bool readable = true;
};

struct EventView {
  int64_t id = 0, at = 0, user_id = 0;
  int seq = 0;
  std::string username, action, action_label, from_state, to_state, note;
  std::string display_name;  // the actor's name now ("" when the account is gone)
  std::string diff;  // the field changes: a JSON object as stored ("{}" when it is not one)
};

// A page of a list as it was read, shared with the read cache (never
// changed: its rows' own lights are stale), and each row's light for today.
struct ListPage {
  std::shared_ptr<const Page<MatterSummary>> page;
  std::vector<Light> lights;  // lights[i] belongs to page->items[i]
};

// A matter's timeline, with the people its diffs name (user fields, assignee).
struct Timeline {
  std::vector<EventView> events;
  std::vector<PersonRef> people;
};

struct ListQuery {
  std::string kind, state, q, due, sort = "due_on", order = "asc";
  int64_t org_id = 0;
  bool assignee_me = false;
  int page = 1, page_size = 20;
};

// Someone an action may assign a matter to (分流), with their current load.
struct Candidate {
  int64_t id = 0;
  std::string name, org_name;
  std::vector<std::string> roles;  // role names that qualify them
  int64_t open_matters = 0;        // assigned to them and not closed
};

struct NewMatter {
  std::string kind, title;
  int64_t org_id = 0;  // handling org; 0 = the creator's org
  Json fields;
};

struct ActionRequest {
  std::string action;
  int64_t expected_version = 0;
  Json fields;
  std::string note;
  int64_t assignee_id = 0;
  std::vector<int64_t> links;  // matters to link (guards look at links)
};


class MatterService {
 public:
  MatterService(store::Database& db, const Clock& clock, IdGenerator& ids,
                const audit::AuditLog& audit, calendar::CalendarStore& calendar,
                const KindRegistry& kinds, const FieldCipher& cipher, AttachmentStore& attachments);
  ~MatterService();

  Result<MatterView> Create(const identity::Principal& p, const NewMatter& m, const std::string& ip,
                            FieldErrors* errors);
  Result<MatterView> Get(const identity::Principal& p, int64_t id);
  Result<Page<MatterSummary>> List(const identity::Principal& p, const ListQuery& q);
  // The same page without a copy of its rows (for writing it out).
  Result<ListPage> ListShared(const identity::Principal& p, const ListQuery& q);
  Result<Page<MatterSummary>> Inbox(const identity::Principal& p, int limit);
  Result<MatterView> Update(const identity::Principal& p, int64_t id, int64_t expected_version,
                            const std::string& title, const Json& fields, const std::string& ip,
                            FieldErrors* errors);
  Result<MatterView> Act(const identity::Principal& p, int64_t id, const ActionRequest& req,
                         const std::string& ip, FieldErrors* errors);
  // The users `action` may assign matter `id` to, least loaded first: active
  // holders of the action's assignee_roles (without them: of any role acting
  // on the kind). Errors: not_found, forbidden (caller may not take the
  // action now), not_an_assign_action (it takes no assignee).
  Result<std::vector<Candidate>> Candidates(const identity::Principal& p, int64_t id,
                                            const std::string& action);
  Result<Timeline> Events(const identity::Principal& p, int64_t id);
  // The same timeline shared with the read cache, without a copy (never
  // changed while anyone holds it).
  Result<std::shared_ptr<const Timeline>> EventsShared(const identity::Principal& p, int64_t id);
  // Active people holding a business role (or one of q.roles), by name or org
  // name, for user fields. Errors: forbidden (MayNamePeople is false).
  Result<std::vector<PersonRef>> LookUpPeople(const identity::Principal& p, const PeopleQuery& q);
  Result<std::string> RevealParty(const identity::Principal& p, int64_t id, const std::string& field,
                                  const std::string& part, const std::string& ip);
  // Adds the file at `path` (an upload the server spooled to disk) to the
  // matter as `name`. The file is read in chunks (SHA-256, type by content,
  // never held in memory) and moved into the attachment store, or left where
  // it is when the same content is stored already: the caller removes
  // whatever remains at `path`. The row, the event and the audit record are
  // one transaction; on any error there is no row and no file this call put
  // into the store. Errors besides the usual: validation_failed (name, empty
  // file), unsupported_media_type, io_error.
  Result<AttachmentView> AddAttachment(const identity::Principal& p, int64_t matter_id,
                                       const std::string& name, const std::string& path,
                                       const std::string& ip);
  // The attachment's metadata and stored file path, if the caller may read
  // its matter; the export is audited first.
  Result<std::pair<AttachmentView, std::string>> OpenAttachment(const identity::Principal& p,
                                                                int64_t id, const std::string& ip);

  // Audits an export of a matter (an issued document or file download) by a
  // caller who may read it; the export must not be served when this fails.
  Status RecordExport(const identity::Principal& p, int64_t matter_id, const std::string& what,
                      const std::string& ip);

  // After a calendar edit, inside its transaction: counts every running
  // deadline with an anchor again under `cal`; on each matter whose due date
  // moved, saves it (version + 1) and appends a timeline event by `actor`.
  // Returns the ids of those matters. The caller audits the edit.
  Result<std::vector<int64_t>> RecountDeadlines(store::Transaction& tx, const calendar::Calendar& cal,
                                                const identity::Principal& actor);

  const KindRegistry& kinds() const { return kinds_; }

 private:
  struct Loaded;
  struct Snapshot;
  struct CachedTimeline;
  struct Caches;
  Result<Loaded> Load(store::Transaction& tx, int64_t id);
  // The matter of row r from column `at` on (kMatterColumns), without its
  // deadlines; not_found when its kind no longer exists.
  static Status LoadedFromRow(const store::Row& r, size_t at, const KindRegistry& kinds, Loaded* m);
  static Status LoadDeadlines(store::Transaction& tx, Loaded* m);
  bool CanRead(const identity::Principal& p, const Loaded& m) const;
  bool MayAct(const identity::Principal& p, const Loaded& m, const ActionDef& a) const;
  // The matter, if the caller may read it and add files to it now.
  Result<Loaded> LoadForAttach(store::Transaction& tx, const identity::Principal& p, int64_t matter_id);
  // What the detail shows whoever reads it (read by Get, kept in caches_).
  Result<Snapshot> LoadSnapshot(store::Transaction& tx, int64_t id);
  // The caller's view of a snapshot: their actions, and today's lights.
  MatterView View(const identity::Principal& p, const Snapshot& s) const;
  // Referenced orgs, users, attachments and matters must exist; a linked
  // matter must also be one the caller may read (a link can satisfy a guard,
  // so linking someone else's matter by id must not work).
  Status CheckReferences(store::Transaction& tx, const identity::Principal& p, const KindDef& kind,
                         const Json& fields, int64_t matter_id, FieldErrors* errors);
  bool CanReadId(store::Transaction& tx, const identity::Principal& p, int64_t matter_id);
  // Parties are personal data: MaskParties replaces each party object in
  // `fields` by its masked form (no clear value may reach the matters row)
  // and returns the encrypted rows, which InsertParties writes once the
  // matter row exists.
  std::vector<std::vector<store::Value>> MaskParties(const KindDef& kind, int64_t matter_id, Json* fields);
  Status InsertParties(store::Transaction& tx, const std::vector<std::vector<store::Value>>& rows);
  Status SaveLinks(store::Transaction& tx, const KindDef& kind, int64_t matter_id, const Json& fields);
  Status Reindex(store::Transaction& tx, int64_t matter_id, const std::string& title,
                 const Json& data);
  Status AppendEvent(store::Transaction& tx, const identity::Principal& p, int64_t matter_id,
                     const std::string& action, const std::string& from, const std::string& to,
                     const std::string& note, const Json& diff);
  Status Audit(store::Transaction& tx, const identity::Principal& p, const std::string& ip,
               const std::string& action, int64_t matter_id, const std::string& detail);
  Result<std::string> NextNumber(store::Transaction& tx, const KindDef& kind, int64_t org_id);
  std::string ScopeSql(const identity::Principal& p, std::vector<store::Value>* params) const;

  store::Database& db_;
  const Clock& clock_;
  IdGenerator& ids_;
  const audit::AuditLog& audit_;
  calendar::CalendarStore& calendar_;
  const KindRegistry& kinds_;
  const FieldCipher& cipher_;
  AttachmentStore& attachments_;
  std::unique_ptr<Caches> caches_;  // reads kept under the content version
};

}  // namespace fazhi::engine
