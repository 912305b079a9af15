// fazhi_sqlite_peer: the W3 peer of bench/run (QUALITY.md) — a bare SQLite
// insert loop with the durability and batching fazhi's writer uses, on the
// same disk, so W3 can be stated as a ratio.
//
//   fazhi_sqlite_peer DB_PATH SECONDS BATCH
//
// Opens (creates) DB_PATH with journal_mode=WAL and synchronous=FULL, then
// for SECONDS commits transactions (BEGIN IMMEDIATE … COMMIT) of BATCH
// operations each. One operation inserts what a fazhi transition appends: a
// timeline row shaped like matter_events and an audit row shaped like
// audit_log (same columns, indexes and typical sizes, a 64-hex-digit hash),
// nothing else — no reads, no updates, no hashing. BATCH stands for fazhi's
// group commit, which puts every write waiting at that moment (about one
// per client connection) into one transaction.
// Prints one line: "ops_per_s N rows_per_s N transactions N". Exit 1 on a
// SQLite error (message on stderr), 2 on bad arguments.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS events (id INTEGER NOT NULL PRIMARY KEY, matter_id BIGINT NOT NULL,"
    " seq INTEGER NOT NULL, at BIGINT NOT NULL, user_id BIGINT NOT NULL, username TEXT NOT NULL,"
    " action TEXT NOT NULL, from_state TEXT NOT NULL, to_state TEXT NOT NULL, note TEXT NOT NULL,"
    " diff TEXT NOT NULL, UNIQUE (matter_id, seq));"
    "CREATE INDEX IF NOT EXISTS events_action ON events (action, at);"
    "CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY, at BIGINT NOT NULL, user_id BIGINT NOT NULL,"
    " username TEXT NOT NULL, ip TEXT NOT NULL, action TEXT NOT NULL, object TEXT NOT NULL,"
    " result TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS audit_at ON audit (at);"
    "CREATE INDEX IF NOT EXISTS audit_username ON audit (username, seq);"
    "CREATE INDEX IF NOT EXISTS audit_action ON audit (action, seq);";

bool Check(sqlite3* db, int rc, const char* what) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
  std::fprintf(stderr, "fazhi_sqlite_peer: %s: %s\n", what, sqlite3_errmsg(db));
  return false;
}

// 64 hex digits that change with n (the size of an SM3 hash in hex).
std::string Hash(uint64_t n) {
  std::string out(64, '0');
  static const char* kHex = "0123456789abcdef";
  uint64_t x = n * 0x9E3779B97F4A7C15ULL;
  for (size_t i = 0; i < out.size(); ++i) {
    out[i] = kHex[x & 0xF];
    x = (x >> 4) | (x << 60);
    if (i % 16 == 15) x ^= x * 0xBF58476D1CE4E5B9ULL + i;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: fazhi_sqlite_peer DB_PATH SECONDS BATCH\n");
    return 2;
  }
  const double seconds = std::atof(argv[2]);
  const int batch = std::atoi(argv[3]);
  if (seconds <= 0 || batch <= 0) {
    std::fprintf(stderr, "fazhi_sqlite_peer: SECONDS and BATCH must be positive\n");
    return 2;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
    std::fprintf(stderr, "fazhi_sqlite_peer: cannot open %s\n", argv[1]);
    return 1;
  }
  if (!Check(db, sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", nullptr, nullptr, nullptr),
             "pragmas") ||
      !Check(db, sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr), "schema")) {
    return 1;
  }
  sqlite3_stmt* event = nullptr;
  sqlite3_stmt* audit = nullptr;
  if (!Check(db, sqlite3_prepare_v2(db,
                                    "INSERT INTO events (id, matter_id, seq, at, user_id, username, action, "
                                    "from_state, to_state, note, diff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                    -1, &event, nullptr),
             "prepare") ||
      !Check(db, sqlite3_prepare_v2(db,
                                    "INSERT INTO audit (at, user_id, username, ip, action, object, result, detail, "
                                    "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                    -1, &audit, nullptr),
             "prepare")) {
    return 1;
  }
  sqlite3_int64 base = 0;
  {
    sqlite3_stmt* max = nullptr;
    sqlite3_prepare_v2(db, "SELECT COALESCE(MAX(id), 0) FROM events", -1, &max, nullptr);
    if (sqlite3_step(max) == SQLITE_ROW) base = sqlite3_column_int64(max, 0);
    sqlite3_finalize(max);
  }
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto end = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  uint64_t ops = 0, transactions = 0;
  std::string prev = Hash(0);
  while (Clock::now() < end) {
    if (!Check(db, sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), "begin")) return 1;
    for (int i = 0; i < batch; ++i, ++ops) {
      const sqlite3_int64 id = base + static_cast<sqlite3_int64>(ops) + 1;
      const sqlite3_int64 now = 1795132800000 + id;
      const std::string hash = Hash(ops + 1);
      sqlite3_bind_int64(event, 1, id);
      sqlite3_bind_int64(event, 2, 384345019732496387 + id / 4);
      sqlite3_bind_int64(event, 3, id % 4 + 1);  // (matter_id, seq) unique
      sqlite3_bind_int64(event, 4, now);
      sqlite3_bind_int64(event, 5, 384345020764295168);
      sqlite3_bind_text(event, 6, "clerk", -1, SQLITE_STATIC);
      sqlite3_bind_text(event, 7, "request_extension", -1, SQLITE_STATIC);
      sqlite3_bind_text(event, 8, "accepted", -1, SQLITE_STATIC);
      sqlite3_bind_text(event, 9, "accepted", -1, SQLITE_STATIC);
      sqlite3_bind_text(event, 10, "压测", -1, SQLITE_STATIC);
      sqlite3_bind_text(event, 11, "{}", -1, SQLITE_STATIC);
      const std::string object = "matter:" + std::to_string(384345019732496387 + id / 4);
      sqlite3_bind_int64(audit, 1, now);
      sqlite3_bind_int64(audit, 2, 384345020764295168);
      sqlite3_bind_text(audit, 3, "clerk", -1, SQLITE_STATIC);
      sqlite3_bind_text(audit, 4, "127.0.0.1", -1, SQLITE_STATIC);
      sqlite3_bind_text(audit, 5, "matter.action.request_extension", -1, SQLITE_STATIC);
      sqlite3_bind_text(audit, 6, object.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(audit, 7, "success", -1, SQLITE_STATIC);
      sqlite3_bind_text(audit, 8, "accepted->accepted", -1, SQLITE_STATIC);
      sqlite3_bind_text(audit, 9, prev.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(audit, 10, hash.c_str(), -1, SQLITE_TRANSIENT);
      if (!Check(db, sqlite3_step(event), "insert event") || !Check(db, sqlite3_step(audit), "insert audit"))
        return 1;
      sqlite3_reset(event);
      sqlite3_reset(audit);
      prev = hash;
    }
    if (!Check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), "commit")) return 1;
    ++transactions;
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("ops_per_s %.0f rows_per_s %.0f transactions %llu\n", ops / elapsed, 2 * ops / elapsed,
              static_cast<unsigned long long>(transactions));
  sqlite3_finalize(event);
  sqlite3_finalize(audit);
  sqlite3_close(db);
  return 0;
}
