#include "app/bench_data_command.h"

#include <charconv>
#include <chrono>
#include <future>
#include <iostream>
#include <map>
#include <set>

#include "app/platform.h"
#include "engine/bench_generator.h"
#include "identity/demo.h"

namespace fazhi::app {
namespace {

using engine::bench::BenchOrg;
using engine::bench::BenchUser;
using engine::bench::GeneratedMatter;
using store::Transaction;
using store::Value;

constexpr int64_t kMattersPerWrite = 5000;

bool ParseCount(const std::string& s, int64_t min, int64_t max, int64_t* out) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < min || v > max) return false;
  *out = v;
  return true;
}

// Multi-row INSERTs: `head` is "INSERT INTO t (a, b, …) VALUES ", each row
// `columns` values; up to `per_statement` rows a statement (the statement
// text repeats, so both adapters reuse the prepared statement).
class RowInserter {
 public:
  RowInserter(std::string head, size_t columns, size_t per_statement)
      : head_(std::move(head)), columns_(columns), per_statement_(per_statement) {}

  void Add(std::vector<Value> row) {
    for (auto& v : row) values_.push_back(std::move(v));
  }

  Status Flush(Transaction& tx) {
    const size_t rows = values_.size() / columns_;
    for (size_t first = 0; first < rows; first += per_statement_) {
      const size_t n = std::min(per_statement_, rows - first);
      std::vector<Value> params(std::make_move_iterator(values_.begin() + first * columns_),
                                std::make_move_iterator(values_.begin() + (first + n) * columns_));
      auto r = tx.Exec(Sql(n), params);
      if (!r.ok()) return r.status();
    }
    values_.clear();
    return Status::Ok();
  }

 private:
  const std::string& Sql(size_t n) {
    std::string& sql = sql_[n];
    if (sql.empty()) {
      std::string row = "(";
      for (size_t c = 0; c < columns_; ++c) row += c ? ", ?" : "?";
      row += ")";
      sql = head_;
      for (size_t i = 0; i < n; ++i) sql += (i ? ", " : "") + row;
    }
    return sql;
  }

  std::string head_;
  size_t columns_, per_statement_;
  std::vector<Value> values_;
  std::map<size_t, std::string> sql_;
};

Value NullIfEmpty(const std::string& s) { return s.empty() ? Value() : Value(s); }
Value NullIfZero(int64_t v) { return v == 0 ? Value() : Value(v); }

// The writers of one batch; statements of ≤ ~4,000 parameters each.
struct Inserters {
  explicit Inserters(store::Dialect d)
      : matters("INSERT INTO matters (id, kind, kind_version, number, title, org_id, org_path, creator_id, state, "
                "outcome, assignee_id, received_at, due_on, closed_at, suspended, suspended_days, extended_days, "
                "version, data, created_at, updated_at) VALUES ",
                21, 190),
        events("INSERT INTO matter_events (id, matter_id, seq, at, user_id, username, action, from_state, to_state, "
               "note, diff) VALUES ",
               11, 360),
        search(d == store::Dialect::kSqlite ? "INSERT INTO matter_search (rowid, tokens) VALUES "
                                            : "INSERT INTO matter_search (matter_id, tokens) VALUES ",
               2, 500),
        deadlines("INSERT INTO matter_deadlines (matter_id, name, status, started_on, due_on, remaining, "
                  "suspended_on, extended, stopped_on) VALUES ",
                  9, 440) {}

  void Add(const GeneratedMatter& m) {
    matters.Add({m.id, m.kind, static_cast<int64_t>(m.kind_version), m.number, m.title, m.org_id, m.org_path,
                 m.creator_id, m.state, m.outcome, m.assignee_id, m.received_at, NullIfEmpty(m.due_on),
                 NullIfZero(m.closed_at), int64_t{0}, int64_t{0}, static_cast<int64_t>(m.extended_days), m.version,
                 m.data, m.created_at, m.updated_at});
    for (const auto& e : m.events)
      events.Add({e.id, m.id, static_cast<int64_t>(e.seq), e.at, e.user_id, e.username, e.action, e.from_state,
                  e.to_state, e.note, e.diff});
    search.Add({m.id, m.tokens});
    for (const auto& d : m.deadlines)
      deadlines.Add({m.id, d.name, d.status, d.started_on, d.due_on, static_cast<int64_t>(d.remaining),
                     d.suspended_on, static_cast<int64_t>(d.extended), d.stopped_on});
  }

  Status Flush(Transaction& tx) {
    FAZHI_RETURN_IF_ERROR(matters.Flush(tx));
    FAZHI_RETURN_IF_ERROR(events.Flush(tx));
    FAZHI_RETURN_IF_ERROR(search.Flush(tx));
    return deadlines.Flush(tx);
  }

  RowInserter matters, events, search, deadlines;
};

// The demo county as stored, and the people who act in it.
struct County {
  std::vector<BenchOrg> orgs;
  BenchOrg gov, review_office;
  std::vector<BenchUser> staff;          // demo accounts with business roles
  std::map<int64_t, std::vector<BenchUser>> creators_by_org;  // who may submit matters, per org
};

Result<County> LoadCounty(Platform& p) {
  County c;
  std::set<std::string> creating_roles, admin_roles;
  for (const auto& r : p.identity->catalog().roles) {
    if (!r.admin_kind.empty()) admin_roles.insert(r.code);
    for (const auto& perm : r.permissions)
      if (perm == "matter:create") creating_roles.insert(r.code);
  }
  Status st = p.db->Read([&](Transaction& tx) {
    auto orgs = tx.Query("SELECT id, COALESCE(parent_id, 0), code, name, short_name, type, path FROM orgs ORDER BY code");
    if (!orgs.ok()) return orgs.status();
    for (const auto& r : orgs->rows) {
      BenchOrg o{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6)};
      if (o.code == "GOV") c.gov = o;
      if (o.code == "JUS-LR") c.review_office = o;
      c.orgs.push_back(o);
    }
    auto users = tx.Query(
        "SELECT u.id, u.org_id, u.username, u.display_name, a.role_code FROM users u "
        "JOIN role_assignments a ON a.user_id = u.id WHERE u.status = 'active' ORDER BY u.username, a.role_code");
    if (!users.ok()) return users.status();
    for (const auto& r : users->rows) {
      if (admin_roles.count(r.Text(4))) continue;
      if (c.staff.empty() || c.staff.back().id != r.Int(0))
        c.staff.push_back(BenchUser{r.Int(0), r.Int(1), r.Text(2), r.Text(3), {}});
      c.staff.back().roles.push_back(r.Text(4));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (c.gov.id == 0 || c.review_office.id == 0 || c.staff.empty())
    return Status("failed_precondition", "the demo county is missing (GOV, JUS-LR, accounts): run with --demo");
  for (const auto& u : c.staff)
    for (const auto& role : u.roles)
      if (creating_roles.count(role)) {
        c.creators_by_org[u.org_id].push_back(u);
        break;
      }
  return c;
}

Status WriteOrgsAndSubmitters(store::Database& db, const std::vector<BenchOrg>& orgs,
                              const std::vector<BenchUser>& users) {
  return db.Write([&](Transaction& tx) {
    for (const auto& o : orgs) {
      auto r = tx.Exec("INSERT INTO orgs (id, parent_id, code, name, short_name, type, path, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       {o.id, o.parent_id, o.code, o.name, o.short_name, o.type, o.path,
                        engine::bench::kStartMs});
      if (!r.ok()) return r.status();
    }
    for (const auto& u : users) {
      // "!" is no hash the password verifier accepts; disabled besides.
      auto r = tx.Exec("INSERT INTO users (id, username, display_name, org_id, password_hash, password_changed_at, "
                       "must_change_password, status, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, '!', ?, 0, 'disabled', ?, ?)",
                       {u.id, u.username, u.display_name, u.org_id, engine::bench::kStartMs,
                        engine::bench::kStartMs, engine::bench::kStartMs});
      if (!r.ok()) return r.status();
    }
    return Status::Ok();
  });
}

Status WriteSequences(store::Database& db, const engine::bench::MatterGenerator& gen) {
  return db.Write([&](Transaction& tx) {
    for (const auto& [key, last] : gen.sequences()) {
      const auto& [org, kind, year] = key;
      auto r = tx.Exec(
          "INSERT INTO number_sequences (org_id, kind, year, next_value) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (org_id, kind, year) DO UPDATE SET next_value = CASE WHEN "
          "number_sequences.next_value > excluded.next_value THEN number_sequences.next_value "
          "ELSE excluded.next_value END",
          {org, kind, static_cast<int64_t>(year), last});
      if (!r.ok()) return r.status();
    }
    return Status::Ok();
  });
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int RunBenchDataCommand(const Config& config) { return RunBenchDataCommand(config, std::cout, std::cerr); }

int RunBenchDataCommand(const Config& config, std::ostream& out, std::ostream& err) {
  constexpr const char* kUsage = "usage: fazhi bench-data --matters N [--seed S] [--db URL] [--demo]\n";
  int64_t total = 0, seed = 1;
  auto opt = [&](const char* name) { return config.extra.count(name) ? config.extra.at(name) : std::string(); };
  if (!config.arguments.empty() || !ParseCount(opt("matters"), 1, 100'000'000, &total) ||
      (!opt("seed").empty() && !ParseCount(opt("seed"), 0, INT64_MAX, &seed))) {
    err << kUsage;
    return 2;
  }
  const auto started = std::chrono::steady_clock::now();
  auto built = BuildPlatform(config);
  if (!built.ok()) {
    err << "fazhi: " << built.status().message() << "\n";
    return 1;
  }
  Platform& p = *built.value();
  if (config.demo) {
    auto demo = identity::DemoSeeder::Run(*p.identity, config.definitions + "/identity/demo.yaml");
    if (!demo.ok()) {
      err << "fazhi: demo data: " << demo.status().message() << "\n";
      return 1;
    }
  }
  if (p.kinds->All().empty()) {
    err << "fazhi: no matter kind is loaded (definitions/kinds is empty; --demo adds the test kind)\n";
    return 1;
  }
  auto county = LoadCounty(p);
  if (!county.ok()) {
    err << "fazhi: " << county.status().message() << "\n";
    return 1;
  }
  for (const auto& o : county->orgs)
    if (o.code == "BD-001") {
      err << "fazhi: this database already holds benchmark data (org BD-001); use an empty one\n";
      return 1;
    }

  engine::bench::ReservedIds ids;
  const auto orgs = engine::bench::MakeOrgs(county->gov, &ids);
  const auto submitters = engine::bench::MakeSubmitters(orgs, static_cast<uint64_t>(seed), &ids);
  if (Status st = WriteOrgsAndSubmitters(*p.db, orgs, submitters); !st.ok()) {
    err << "fazhi: writing orgs: " << st.message() << "\n";
    return 1;
  }

  // Who handles matters: the review office a quarter, the generated orgs
  // most of the rest (their own clerk submits), other demo units a little.
  engine::bench::GeneratorSetup setup;
  for (const auto& k : p.kinds->All()) setup.kinds.push_back(&k);
  setup.staff = county->staff;
  auto calendar_snapshot = p.calendar->Current();  // keeps setup.calendar alive
  setup.calendar = calendar_snapshot.get();
  const auto& by_org = county->creators_by_org;
  for (const auto& o : county->orgs) {
    if (o.type != "department" && o.type != "township" && o.type != "office") continue;
    if (o.id == county->review_office.id) {
      // Its clerks register most reviews; units (departments) submit some.
      std::vector<BenchUser> creators = by_org.count(o.id) ? by_org.at(o.id) : std::vector<BenchUser>();
      creators.insert(creators.end(), creators.begin(), creators.end());
      for (const auto& u : county->orgs)
        if (u.type == "department" && by_org.count(u.id)) creators.push_back(by_org.at(u.id).front());
      if (creators.empty()) creators = county->staff;
      setup.handling.push_back({o, 30, creators});
    } else if (by_org.count(o.id)) {
      setup.handling.push_back({o, 0.6, by_org.at(o.id)});
    }
    if (o.type != "office") setup.all_orgs.push_back(o);
  }
  for (size_t i = 0; i < orgs.size(); ++i) {
    setup.handling.push_back({orgs[i], orgs[i].type == "office" ? 0.35 : 0.8, {submitters[i]}});
    if (orgs[i].type != "office") setup.all_orgs.push_back(orgs[i]);
  }

  engine::bench::MatterGenerator gen(std::move(setup), static_cast<uint64_t>(seed), total, &ids);
  const store::Dialect dialect = p.db->dialect();
  int64_t written = 0, events = 0, next_report = 0;
  double generating = 0;
  auto produce = [&gen, &generating]() {
    const auto t0 = std::chrono::steady_clock::now();
    auto batch = gen.Next(kMattersPerWrite);
    generating += Seconds(t0);
    return batch;
  };
  // The next batch is generated while the current one is written.
  std::future<std::vector<GeneratedMatter>> ahead = std::async(std::launch::async, produce);
  for (;;) {
    std::vector<GeneratedMatter> batch = ahead.get();
    if (batch.empty()) break;
    ahead = std::async(std::launch::async, produce);
    Status st = p.db->Write([&](Transaction& tx) {
      Inserters rows(dialect);
      for (const auto& m : batch) rows.Add(m);
      return rows.Flush(tx);
    });
    if (!st.ok()) {
      ahead.wait();
      err << "fazhi: writing matters: " << st.message() << "\n";
      return 1;
    }
    written += static_cast<int64_t>(batch.size());
    for (const auto& m : batch) events += static_cast<int64_t>(m.events.size());
    if (written >= next_report || written == total) {
      err << "bench-data: " << written << "/" << total << " matters (" << written * 100 / total << "%), "
          << static_cast<int64_t>(Seconds(started)) << " s" << std::endl;
      next_report = written + std::max<int64_t>(1, total / 20);
    }
  }
  if (Status st = WriteSequences(*p.db, gen); !st.ok()) {
    err << "fazhi: writing number sequences: " << st.message() << "\n";
    return 1;
  }
  if (dialect == store::Dialect::kPostgres) {
    Status st = p.db->Write([](Transaction& tx) { return tx.ExecScript("ANALYZE"); });
    if (!st.ok()) err << "fazhi: note: ANALYZE failed: " << st.message() << "\n";
  }
  out << "bench-data: " << written << " matters, " << events << " events, " << orgs.size() << " orgs (seed " << seed
      << ") in " << static_cast<int64_t>(Seconds(started)) << " s (generating " << static_cast<int64_t>(generating)
      << " s, overlapped with writing)\n";
  return 0;
}

}  // namespace fazhi::app
