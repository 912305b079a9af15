#include "app/audit_command.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <system_error>

#include "audit/audit_log.h"
#include "store/database.h"

namespace fazhi::app {
namespace {

constexpr const char* kUsage =
    "usage: fazhi audit verify [--db URL] [--audit-checkpoint PATH]\n"
    "       fazhi audit checkpoint [--db URL] [--audit-checkpoint PATH]\n";

std::unique_ptr<store::Database> OpenMigrated(const Config& config, std::ostream& err) {
  auto db = store::Open(config.db);
  if (!db.ok()) {
    err << "fazhi: cannot open database: " << db.status().message() << "\n";
    return nullptr;
  }
  auto applied = (*db)->Migrate();
  if (!applied.ok()) {
    err << "fazhi: migration failed: " << applied.status().message() << "\n";
    return nullptr;
  }
  return std::move(*db);
}

}  // namespace

int RunAuditCommand(const Config& config) { return RunAuditCommand(config, std::cout, std::cerr); }

int RunAuditCommand(const Config& config, std::ostream& out, std::ostream& err) {
  const std::string sub = config.arguments.empty() ? "" : config.arguments[0];
  const bool known = sub == "verify" || sub == "checkpoint";
  if (!known || config.arguments.size() != 1) {
    if (!known && !sub.empty()) err << "fazhi: unknown audit command '" << sub << "'\n";
    err << kUsage;
    return 2;
  }
  std::unique_ptr<store::Database> db = OpenMigrated(config, err);
  if (!db) return 1;

  if (sub == "checkpoint") {
    audit::AuditLog log(config.audit_checkpoint);
    Status s = log.Checkpoint(*db);
    if (!s.ok()) {
      err << "fazhi: audit checkpoint failed: " << s.message() << "\n";
      return 1;
    }
    out << "audit checkpoint written to " << config.audit_checkpoint << "\n";
    return 0;
  }

  std::error_code ec;
  if (!std::filesystem::exists(config.audit_checkpoint, ec)) {
    err << "fazhi: note: no audit checkpoint at " << config.audit_checkpoint
        << "; a truncated tail is detectable only through audit_head\n";
  }
  auto report = audit::Verify(*db, config.audit_checkpoint);
  if (!report.ok()) {
    err << "fazhi: audit verify failed: " << report.status().message() << "\n";
    return 1;
  }
  if (!report->ok) {
    out << "audit chain broken at seq " << report->first_bad_seq << ": " << report->problem << "\n";
    return 1;
  }
  out << "audit chain ok: " << report->count << " records\n";
  return 0;
}

}  // namespace fazhi::app
