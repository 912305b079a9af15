// R4 tamper: someone with direct database access drops the append-only
// triggers and changes, deletes, reorders, inserts or truncates audit rows.
// Verify must name the first bad seq every time. Both backends.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "audit/audit_test_fixture.h"

namespace fazhi::audit {
namespace {

using testutil::AuditDbTest;
using testutil::MakeRecord;

constexpr int kRecords = 10;

class TamperTest : public AuditDbTest {
 protected:
  void SetUp() override {
    AuditDbTest::SetUp();
    if (HasFatalFailure()) return;
    AppendMany(1, kRecords);
    ASSERT_TRUE(log().Checkpoint(db()).ok());
    DropTriggers();
    VerifyReport r = Check();
    ASSERT_TRUE(r.ok) << r.problem;
    ASSERT_EQ(r.count, kRecords);
  }

  StoredRecord Row(int64_t seq) {
    store::Rows rows = Query(std::string(kSelectRecords) + " WHERE seq = ?", {seq});
    return rows.empty() ? StoredRecord() : RecordFromRow(rows.rows[0]);
  }

  // Overwrites every column but seq of row `seq` with r's values.
  void Overwrite(int64_t seq, const StoredRecord& r) {
    Status s = Sql(
        "UPDATE audit_log SET at = ?, user_id = ?, username = ?, ip = ?, action = ?, object = ?, "
        "result = ?, detail = ?, prev_hash = ?, hash = ? WHERE seq = ?",
        {r.at_ms, r.user_id, r.username, r.ip, r.action, r.object, r.result, r.detail, r.prev_hash,
         r.hash, seq});
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  void Insert(const StoredRecord& r) {
    Status s = Sql(
        "INSERT INTO audit_log (seq, at, user_id, username, ip, action, object, result, detail, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {r.seq, r.at_ms, r.user_id, r.username, r.ip, r.action, r.object, r.result, r.detail,
         r.prev_hash, r.hash});
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  void SetHead(int64_t seq, const std::string& hash) {
    ASSERT_TRUE(Sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {seq, hash}).ok());
  }

  // Moves rows from..last up by one seq, highest first (keys stay unique).
  void ShiftUp(int64_t from, int64_t last) {
    for (int64_t seq = last; seq >= from; --seq) {
      ASSERT_TRUE(Sql("UPDATE audit_log SET seq = ? WHERE seq = ?", {seq + 1, seq}).ok());
    }
  }

  void ExpectBrokenAt(int64_t seq) {
    VerifyReport r = Check();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_seq, seq) << r.problem;
    EXPECT_FALSE(r.problem.empty());
  }

  void RemoveCheckpoint() { std::filesystem::remove(log().checkpoint_path()); }
};

TEST_P(TamperTest, ModifiedFieldInAnyColumn) {
  const std::vector<std::string> text_columns = {"username", "ip",     "action",
                                                 "object",   "result", "detail"};
  int64_t seq = 2;
  for (const char* column : {"at", "user_id"}) {
    SCOPED_TRACE(column);
    const std::string sql =
        std::string("UPDATE audit_log SET ") + column + " = " + column + " + ? WHERE seq = ?";
    ASSERT_TRUE(Sql(sql, {int64_t{1}, seq}).ok());
    ExpectBrokenAt(seq);
    ASSERT_TRUE(Sql(sql, {int64_t{-1}, seq}).ok());
    EXPECT_TRUE(Check().ok);
    ++seq;
  }
  for (const std::string& column : text_columns) {
    SCOPED_TRACE(column);
    const std::string select = "SELECT " + column + " FROM audit_log WHERE seq = ?";
    const std::string update = "UPDATE audit_log SET " + column + " = ? WHERE seq = ?";
    const std::string original = Query(select, {seq}).rows.at(0).Text(0);
    ASSERT_TRUE(Sql(update, {original + " ", seq}).ok());
    ExpectBrokenAt(seq);
    ASSERT_TRUE(Sql(update, {original, seq}).ok());
    EXPECT_TRUE(Check().ok);
    ++seq;
  }
}

TEST_P(TamperTest, ModifiedHashOrPrevHash) {
  const StoredRecord five = Row(5);
  ASSERT_TRUE(Sql("UPDATE audit_log SET hash = ? WHERE seq = 5", {HashHex("forged")}).ok());
  ExpectBrokenAt(5);
  ASSERT_TRUE(Sql("UPDATE audit_log SET hash = ? WHERE seq = 5", {five.hash}).ok());
  ASSERT_TRUE(Sql("UPDATE audit_log SET prev_hash = ? WHERE seq = 5", {HashHex("forged")}).ok());
  ExpectBrokenAt(5);
}

TEST_P(TamperTest, ModifiedLastRow) {
  ASSERT_TRUE(
      Sql("UPDATE audit_log SET result = 'failure' WHERE seq = ?", {int64_t{kRecords}}).ok());
  ExpectBrokenAt(kRecords);
}

TEST_P(TamperTest, DeletedRow) {
  ASSERT_TRUE(Sql("DELETE FROM audit_log WHERE seq = 4").ok());
  ExpectBrokenAt(4);
  RemoveCheckpoint();
  ExpectBrokenAt(4);
}

TEST_P(TamperTest, DeletedFirstRow) {
  ASSERT_TRUE(Sql("DELETE FROM audit_log WHERE seq = 1").ok());
  ExpectBrokenAt(1);
}

TEST_P(TamperTest, DeletedRowAndRenumbered) {
  // Close the gap: 5..10 become 4..9, head moved to 9.
  ASSERT_TRUE(Sql("DELETE FROM audit_log WHERE seq = 4").ok());
  for (int64_t seq = 5; seq <= kRecords; ++seq) {
    ASSERT_TRUE(Sql("UPDATE audit_log SET seq = ? WHERE seq = ?", {seq - 1, seq}).ok());
  }
  SetHead(kRecords - 1, HashAt(kRecords - 1));
  ExpectBrokenAt(4);
}

TEST_P(TamperTest, ReorderedRows) {
  // The records of seq 4 and 5 trade places (every column but seq).
  const StoredRecord four = Row(4), five = Row(5);
  Overwrite(4, five);
  Overwrite(5, four);
  ExpectBrokenAt(4);
}

TEST_P(TamperTest, HashesSwappedBetweenSeqs) {
  const StoredRecord six = Row(6), seven = Row(7);
  ASSERT_TRUE(Sql("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = 6",
                  {seven.prev_hash, seven.hash})
                  .ok());
  ASSERT_TRUE(
      Sql("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = 7", {six.prev_hash, six.hash})
          .ok());
  ExpectBrokenAt(6);
}

TEST_P(TamperTest, InsertedRowWithForgedHash) {
  ShiftUp(5, kRecords);
  StoredRecord fake;
  static_cast<Record&>(fake) = MakeRecord(99);
  fake.seq = 5;
  fake.prev_hash = HashAt(4);
  fake.hash = HashHex("anything");
  Insert(fake);
  SetHead(kRecords + 1, HashAt(kRecords + 1));
  ExpectBrokenAt(5);
}

TEST_P(TamperTest, InsertedRowWithRecomputedHash) {
  // The attacker links the new record correctly; the chain then breaks at the
  // record that used to follow seq 4.
  ShiftUp(5, kRecords);
  StoredRecord fake;
  static_cast<Record&>(fake) = MakeRecord(99);
  fake.seq = 5;
  fake.prev_hash = HashAt(4);
  fake.hash = ChainHash(fake.prev_hash, fake);
  Insert(fake);
  SetHead(kRecords + 1, HashAt(kRecords + 1));
  ExpectBrokenAt(6);
}

TEST_P(TamperTest, InsertedAfterTheHead) {
  StoredRecord extra;
  static_cast<Record&>(extra) = MakeRecord(99);
  extra.seq = kRecords + 1;
  extra.prev_hash = HashAt(kRecords);
  extra.hash = ChainHash(extra.prev_hash, extra);
  Insert(extra);  // audit_head still says kRecords
  ExpectBrokenAt(kRecords + 1);
}

TEST_P(TamperTest, InsertedBeyondTheEnd) {
  StoredRecord extra;
  static_cast<Record&>(extra) = MakeRecord(99);
  extra.seq = kRecords + 5;
  extra.prev_hash = HashAt(kRecords);
  extra.hash = ChainHash(extra.prev_hash, extra);
  Insert(extra);
  SetHead(extra.seq, extra.hash);
  ExpectBrokenAt(kRecords + 1);
}

TEST_P(TamperTest, TruncatedTailWithHeadLeftBehind) {
  ASSERT_TRUE(Sql("DELETE FROM audit_log WHERE seq >= 9").ok());
  ExpectBrokenAt(9);
  RemoveCheckpoint();
  ExpectBrokenAt(9);  // audit_head alone still tells
}

TEST_P(TamperTest, TruncatedTailCaughtByCheckpoint) {
  // A careful attacker also moves the head back; only the file outside the
  // database still knows about seq 9 and 10.
  ASSERT_TRUE(Sql("DELETE FROM audit_log WHERE seq >= 9").ok());
  SetHead(8, HashAt(8));
  ExpectBrokenAt(9);
}

TEST_P(TamperTest, EverythingDeletedCaughtByCheckpoint) {
  ASSERT_TRUE(Sql("DELETE FROM audit_log").ok());
  SetHead(0, kGenesisHash);
  ExpectBrokenAt(1);
}

TEST_P(TamperTest, RewrittenChainCaughtByCheckpoint) {
  // Change seq 3 and recompute every hash after it, head included: the chain
  // is self-consistent again, and only the checkpoint's hash disagrees.
  ASSERT_TRUE(Sql("UPDATE audit_log SET detail = '{}' WHERE seq = 3").ok());
  std::string prev = HashAt(2);
  for (int64_t seq = 3; seq <= kRecords; ++seq) {
    StoredRecord r = Row(seq);
    r.prev_hash = prev;
    r.hash = ChainHash(prev, r);
    Overwrite(seq, r);
    prev = r.hash;
  }
  SetHead(kRecords, prev);
  ExpectBrokenAt(kRecords);
}

TEST_P(TamperTest, CheckpointFileChanged) {
  {
    std::ofstream out(log().checkpoint_path(), std::ios::trunc);
    out << kRecords << " " << HashHex("other") << "\n";
  }
  ExpectBrokenAt(kRecords);
  {
    std::ofstream out(log().checkpoint_path(), std::ios::trunc);
    out << "not a checkpoint\n";
  }
  auto r = Verify(db(), log().checkpoint_path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), codes::kInvalid);
}

TEST_P(TamperTest, HeadRowChanged) {
  SetHead(kRecords, HashHex("other"));
  ExpectBrokenAt(kRecords);
  ASSERT_TRUE(Sql("DELETE FROM audit_head").ok());
  ExpectBrokenAt(kRecords + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, TamperTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         testutil::DialectParamName);

}  // namespace
}  // namespace fazhi::audit
