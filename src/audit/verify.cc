// Verify: one pass over audit_log in seq order, inside one read snapshot,
// page by page so memory stays flat for millions of records.
#include <optional>

#include "audit/audit_log.h"
#include "audit/checkpoint.h"

namespace fazhi::audit {
namespace {

constexpr int64_t kPageSize = 1000;


std::string Str(int64_t n) { return std::to_string(n); }

// Collects problems and keeps the one at the lowest seq (the first found
// wins a tie: the chain walk runs first and says the most).
class Findings {
 public:
  void Add(int64_t seq, std::string problem) {
    if (!seq_ || seq < *seq_) {
      seq_ = seq;
      problem_ = std::move(problem);
    }
  }
  bool any() const { return seq_.has_value(); }
  int64_t seq() const { return *seq_; }
  const std::string& problem() const { return problem_; }

 private:
  std::optional<int64_t> seq_;
  std::string problem_;
};

// The state of the walk over the rows, fed one record at a time.
class ChainWalk {
 public:
  explicit ChainWalk(std::optional<int64_t> checkpoint_seq) : checkpoint_seq_(checkpoint_seq) {}

  void Feed(const StoredRecord& r, Findings& findings) {
    ++count_;
    last_seq_ = r.seq;
    last_hash_ = r.hash;
    if (checkpoint_seq_ && r.seq == *checkpoint_seq_) checkpoint_row_hash_ = r.hash;
    if (broken_) return;  // after the first break every later link looks wrong too
    if (r.seq > expected_) {
      Fail(findings, expected_, "缺少序号 " + Str(expected_) + " 的记录（记录被删除）");
    } else if (r.seq < expected_) {
      Fail(findings, r.seq, "出现不应存在的序号 " + Str(r.seq) + "（记录被插入）");
    } else if (r.prev_hash != prev_hash_) {
      Fail(findings, r.seq, "prev_hash 与上一条记录的哈希不一致（记录被删除、调换或插入）");
    } else if (ChainHash(prev_hash_, r) != r.hash) {
      Fail(findings, r.seq, "哈希校验失败（记录内容被修改，或记录被调换、插入）");
    } else {
      prev_hash_ = r.hash;
      ++expected_;
    }
  }

  int64_t count() const { return count_; }
  int64_t last_seq() const { return last_seq_; }
  const std::string& last_hash() const { return last_hash_; }
  const std::optional<std::string>& checkpoint_row_hash() const { return checkpoint_row_hash_; }

 private:
  void Fail(Findings& findings, int64_t seq, std::string problem) {
    broken_ = true;
    findings.Add(seq, std::move(problem));
  }

  std::optional<int64_t> checkpoint_seq_;
  int64_t expected_ = 1;
  std::string prev_hash_ = kGenesisHash;
  bool broken_ = false;
  int64_t count_ = 0;
  int64_t last_seq_ = 0;
  std::string last_hash_ = kGenesisHash;
  std::optional<std::string> checkpoint_row_hash_;
};

Status Walk(store::Transaction& tx, ChainWalk& walk, Findings& findings) {
  bool first = true;
  for (;;) {
    Result<store::Rows> rows =
        first ? tx.Query(std::string(kSelectRecords) + " ORDER BY seq LIMIT ?", {kPageSize})
              : tx.Query(std::string(kSelectRecords) + " WHERE seq > ? ORDER BY seq LIMIT ?",
                         {walk.last_seq(), kPageSize});
    if (!rows.ok()) return rows.status();
    first = false;
    for (const store::Row& row : rows->rows) walk.Feed(RecordFromRow(row), findings);
    if (static_cast<int64_t>(rows->size()) < kPageSize) return Status::Ok();
  }
}

void CheckHead(int64_t head_seq, const std::string& head_hash, const ChainWalk& walk,
               Findings& findings) {
  const int64_t last = walk.last_seq();
  if (head_seq > last) {
    findings.Add(last + 1, "audit_head 指向序号 " + Str(head_seq) + "，但最后一条记录是序号 " +
                               Str(last) + "（尾部记录被删除）");
  } else if (head_seq < last) {
    findings.Add(head_seq + 1, "序号 " + Str(head_seq + 1) + " 起的记录不在 audit_head 登记的链中" +
                                   "（记录被插入）");
  } else if (head_hash != walk.last_hash()) {
    findings.Add(last, "audit_head 的哈希与最后一条记录不一致");
  }
}

void CheckCheckpoint(const ChainHead& cp, const ChainWalk& walk, Findings& findings) {
  const int64_t last = walk.last_seq();
  if (cp.seq > last) {
    findings.Add(last + 1, "外部检查点记录到序号 " + Str(cp.seq) + "，但数据库只有到序号 " +
                               Str(last) + " 的记录（尾部记录被截断）");
  } else if (!walk.checkpoint_row_hash()) {
    findings.Add(cp.seq, "外部检查点指向的序号 " + Str(cp.seq) + " 的记录不存在（记录被删除）");
  } else if (*walk.checkpoint_row_hash() != cp.hash) {
    findings.Add(cp.seq, "序号 " + Str(cp.seq) +
                             " 的哈希与外部检查点不一致（链在此处或之前被改写后重新计算）");
  }
}

}  // namespace

Result<VerifyReport> Verify(store::Database& db, const std::string& checkpoint_path) {
  // The file first: a checkpoint written after this point could name a seq
  // newer than the snapshot below and look like truncation.
  Result<std::optional<ChainHead>> checkpoint = ReadCheckpointFile(checkpoint_path);
  if (!checkpoint.ok()) return checkpoint.status();
  std::optional<int64_t> checkpoint_seq;
  if (*checkpoint) checkpoint_seq = (*checkpoint)->seq;

  ChainWalk walk(checkpoint_seq);
  Findings findings;
  Status s = db.Read([&](store::Transaction& tx) {
    Result<store::Rows> head = tx.Query("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (!head.ok()) return head.status();
    FAZHI_RETURN_IF_ERROR(Walk(tx, walk, findings));
    if (head->empty()) {
      findings.Add(walk.last_seq() + 1, "audit_head 缺少链头记录（被删除）");
    } else {
      CheckHead(head->rows[0].Int(0), head->rows[0].Text(1), walk, findings);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (*checkpoint) CheckCheckpoint(**checkpoint, walk, findings);

  VerifyReport report;
  report.count = walk.count();
  if (findings.any()) {
    report.ok = false;
    report.first_bad_seq = findings.seq();
    report.problem = findings.problem();
  }
  return report;
}

StoredRecord RecordFromRow(const store::Row& row) {
  StoredRecord r;
  r.seq = row.Int(0);
  r.at_ms = row.Int(1);
  r.user_id = row.Int(2);
  r.username = row.Text(3);
  r.ip = row.Text(4);
  r.action = row.Text(5);
  r.object = row.Text(6);
  r.result = row.Text(7);
  r.detail = row.Text(8);
  r.prev_hash = row.Text(9);
  r.hash = row.Text(10);
  return r;
}

}  // namespace fazhi::audit
