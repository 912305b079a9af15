// audit_log: the append-only, hash-chained security audit trail (安全审计).
//
// Every sign-in, failure, lock, sign-out, permission change, admin action and
// (later) every matter transition, export and personal-data reveal appends a
// Record inside the SAME write transaction as the change it describes, so a
// failed audit write fails the business write.
//
// Chain: hash(seq) = hex(SM3(hash(seq-1) ‖ Canonical(record))), with the
// all-zero hash before seq 1. Canonical() is a length-prefixed encoding of
// every stored field, so no two different records encode alike.
// There is no UPDATE or DELETE path in the code; the schema adds triggers that
// refuse both. The head (seq, hash) is also checkpointed to a file outside the
// database, so a truncated tail is detectable.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "store/database.h"

namespace fazhi::audit {

struct Record {
  int64_t at_ms = 0;        // UTC epoch ms
  int64_t user_id = 0;      // 0 when unknown (failed sign-in of an unknown name)
  std::string username;     // as typed / as known
  std::string ip;
  std::string action;       // e.g. "session.sign_in", "user.create", "role.permissions"
  std::string object;       // e.g. "user:123", "role:review_clerk"
  std::string result;       // "success" | "failure"
  std::string detail;       // free text / JSON, never a clear personal-data value
};

struct StoredRecord : Record {
  int64_t seq = 0;
  std::string prev_hash;  // hex
  std::string hash;       // hex
};

// Canonical encoding of the fields a hash covers: a version tag, then seq,
// at_ms, user_id (decimal text), username, ip, action, object, result and
// detail, each written as `<byte length>:<bytes>,` (a netstring). prev_hash
// and hash are not part of it.
// The SELECT list (and table) that RecordFromRow decodes.
inline constexpr const char* kSelectRecords =
    "SELECT seq, at, user_id, username, ip, action, object, result, detail, prev_hash, hash "
    "FROM audit_log";
StoredRecord RecordFromRow(const store::Row& row);

std::string Canonical(const StoredRecord& r);
// hex(SM3(prev_hash_hex ‖ Canonical(r))), where prev_hash_hex is the 64
// lower-case hex characters of the previous hash, taken as text.
std::string ChainHash(const std::string& prev_hash_hex, const StoredRecord& r);
// The primitive under ChainHash: lower-case hex of SM3(data).
std::string HashHex(std::string_view data);
inline const std::string kGenesisHash(64, '0');

struct Filter {
  int page = 1;
  int page_size = 20;
  std::string username;  // exact
  std::string action;    // prefix
  std::string result;    // exact
  int64_t from_ms = 0;   // inclusive, 0 = open
  int64_t to_ms = 0;     // exclusive, 0 = open
};

class AuditLog {
 public:
  // checkpoint_path: file outside the database holding the last checkpointed head.
  explicit AuditLog(std::string checkpoint_path);

  // Appends r inside the caller's write transaction (PostgreSQL: serialised
  // across nodes by locking the audit_head row). On error the caller must
  // fail its transaction (the store does so when a statement failed).
  // Call it as the last step of the transaction: on PostgreSQL the head lock
  // is held until commit, so appending early holds up every other auditing
  // writer for longer and, when the transaction then locks more rows in
  // another order than a concurrent one, can deadlock.
  // Errors: invalid_argument (empty action), database errors.
  Status Append(store::Transaction& tx, const Record& r) const;

  // Newest first. Returns the page and the total count of matching records.
  // Errors: invalid_argument when page < 1 or page_size is outside 1..200.
  Result<std::pair<std::vector<StoredRecord>, int64_t>> List(store::Database& db,
                                                             const Filter& f) const;

  // Writes the current head to the checkpoint file atomically (temp file,
  // fsync, rename) as "<seq> <hash>\n", mode 0600, creating the directory.
  // A no-op when the log is empty. Safe to call from any thread or node.
  Status Checkpoint(store::Database& db) const;

  const std::string& checkpoint_path() const { return checkpoint_path_; }

 private:
  std::string checkpoint_path_;
};

struct VerifyReport {
  bool ok = true;
  int64_t count = 0;          // records checked
  int64_t first_bad_seq = 0;  // when !ok
  std::string problem;        // human-readable, when !ok
};

// Walks the whole chain in seq order: sequence numbers must be 1..N without
// gaps, each prev_hash must equal the previous hash, each hash must recompute,
// audit_head must match the last row, and the checkpoint (if the file exists)
// must name a row that exists with the same hash. Of all problems found, the
// one with the lowest seq is reported. The checkpoint file is read before the
// database snapshot is taken, so a concurrent Checkpoint cannot cause a false
// alarm. Errors (not a verdict): the database or the checkpoint file cannot
// be read (io_error), the checkpoint file is malformed (invalid_argument).
//
// Limit: the chain is not keyed, so someone who can write the database can
// rewrite every hash after a change; only the checkpoint (kept outside the
// database) catches that, and then at the checkpoint's seq.
Result<VerifyReport> Verify(store::Database& db, const std::string& checkpoint_path);

}  // namespace fazhi::audit
