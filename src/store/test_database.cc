#include "store/test_database.h"
#include "base/temp_dir.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <system_error>

namespace fazhi::store {
namespace {

std::string Sanitize(std::string_view name, size_t max) {
  std::string out;
  for (char c : name) {
    if (out.size() >= max) break;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += '_';
    }
  }
  return out;
}

std::string UniqueSuffix() {
  return std::to_string(getpid()) + "_" + std::to_string(std::random_device()() % 1000000000);
}

Status DropSchema(Database& admin, const std::string& schema) {
  return admin.Write([&](Transaction& tx) {
    return tx.ExecScript("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  });
}

}  // namespace

std::string PgTestHowTo() {
  return std::string("PostgreSQL tests need a server: set ") + TestDatabase::kPgUrlVariable +
         ". Start a throwaway one (PostgreSQL 15) from the repository root with\n"
         "    export FAZHI_TEST_PG_URL=$(scripts/pgtemp start build/pgtemp)\n"
         "and stop it later with: scripts/pgtemp stop build/pgtemp";
}

Result<std::unique_ptr<TestDatabase>> TestDatabase::Create(Dialect dialect, std::string_view name,
                                                           const Options& options) {
  std::unique_ptr<TestDatabase> t(new TestDatabase());
  t->options_ = options;
  if (dialect == Dialect::kSqlite) {
    const std::string pattern = MakeTempDir("fazhi-" + Sanitize(name, 40)).string();
    if (pattern.empty()) return Status(codes::kIo, "cannot create a temporary directory for " + std::string(name));
    t->temp_dir_ = pattern;
    t->url_ = "sqlite:" + pattern + "/test.db";
  } else {
    const char* url = std::getenv(kPgUrlVariable);
    if (url == nullptr || *url == '\0') return Status(codes::kInvalid, PgTestHowTo());
    Options admin_options;
    admin_options.read_connections = 1;
    Result<std::unique_ptr<Database>> admin = Open(url, admin_options);
    if (!admin.ok()) {
      return Status(admin.status().code(), admin.status().message() + "\n" + PgTestHowTo());
    }
    t->admin_ = std::move(*admin);
    t->schema_ = "t_" + Sanitize(name, 40) + "_" + UniqueSuffix();
    FAZHI_RETURN_IF_ERROR(DropSchema(*t->admin_, t->schema_));
    FAZHI_RETURN_IF_ERROR(t->admin_->Write(
        [&](Transaction& tx) { return tx.ExecScript("CREATE SCHEMA " + t->schema_); }));
    std::string u = url;
    t->url_ = u + (u.find('?') == std::string::npos ? "?" : "&") +
              "options=-csearch_path%3D" + t->schema_;
  }
  FAZHI_RETURN_IF_ERROR(t->Reopen());
  return t;
}

Status TestDatabase::Reopen() {
  db_.reset();
  Result<std::unique_ptr<Database>> db = Open(url_, options_);
  if (!db.ok()) return db.status();
  db_ = std::move(*db);
  return Status::Ok();
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (admin_ && !schema_.empty()) DropSchema(*admin_, schema_).ok();
  if (!temp_dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(temp_dir_, ec);
  }
}

}  // namespace fazhi::store
