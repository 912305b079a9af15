#include "app/metrics_command.h"

#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>

#include "app/definitions.h"
#include "identity/catalog.h"
#include "metrics/compiler.h"
#include "metrics/metric_service.h"
#include "store/database.h"

namespace fazhi::app {
namespace {

constexpr const char* kUsage = "usage: fazhi metrics sql --year YYYY [--org CODE] [--demo] [--db sqlite:PATH]\n";

// A parameter as the shell's .parameter set reads it: an SQL literal of the
// same type (a REAL keeps its decimal point).
std::string Literal(const store::Value& v) {
  if (std::holds_alternative<int64_t>(v)) return std::to_string(std::get<int64_t>(v));
  if (std::holds_alternative<double>(v)) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", std::get<double>(v));
    std::string s = buf;
    if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
    return s;
  }
  if (std::holds_alternative<std::string>(v)) {
    std::string s = "'";
    for (char c : std::get<std::string>(v)) s += c == '\'' ? std::string("''") : std::string(1, c);
    return s + "'";
  }
  return "NULL";
}

}  // namespace

int RunMetricsCommand(const Config& config) { return RunMetricsCommand(config, std::cout, std::cerr); }

int RunMetricsCommand(const Config& config, std::ostream& out, std::ostream& err) {
  const std::string sub = config.arguments.empty() ? "" : config.arguments[0];
  int year = 0;
  const std::string year_text = config.Extra("year");
  auto [end, ec] = std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
  if (sub != "sql" || config.arguments.size() != 1 || year_text.empty() || ec != std::errc() ||
      end != year_text.data() + year_text.size()) {
    if (!sub.empty() && sub != "sql") err << "fazhi: unknown metrics command '" << sub << "'\n";
    err << kUsage;
    return 2;
  }
  auto catalog = identity::LoadCatalog(config.definitions);
  if (!catalog.ok()) {
    err << "fazhi: " << catalog.status().message() << "\n";
    return 1;
  }
  std::vector<std::string> roles;
  for (const auto& r : catalog->roles) roles.push_back(r.code);
  auto definitions = LoadKindsAndMetrics(config, roles);
  if (!definitions.ok()) {
    err << "fazhi: " << definitions.status().message() << "\n";
    return 1;
  }
  auto db = store::Open(config.db);
  if (!db.ok()) {
    err << "fazhi: cannot open database: " << db.status().message() << "\n";
    return 1;
  }
  std::string org_path;
  const std::string org = config.Extra("org");
  Status st = (*db)->Read([&](store::Transaction& tx) -> Status {
    if (org.empty()) return Status::Ok();
    auto rows = tx.Query("SELECT path FROM orgs WHERE code = ?", {org});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status("not_found", "no org with code " + org);
    org_path = rows->rows[0].Text(0);
    return Status::Ok();
  });
  if (!st.ok()) {
    err << "fazhi: " << st.message() << "\n";
    return 1;
  }
  auto sql = metrics::CompileCounts(metrics::CountedFilters(*definitions->metrics), year, org_path,
                                    (*db)->dialect());
  if (!sql.ok()) {
    err << "fazhi: " << sql.status().message() << "\n";
    return 1;
  }
  out << ".parameter init\n";
  for (size_t i = 0; i < sql->params.size(); ++i)
    out << ".parameter set ?" << i + 1 << " " << Literal(sql->params[i]) << "\n";
  out << sql->text << ";\n";
  return 0;
}

}  // namespace fazhi::app
