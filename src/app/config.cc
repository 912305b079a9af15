#include "app/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <thread>
#include <type_traits>

namespace fazhi::app {
namespace {

Status Usage(const std::string& message) { return Status("usage", message); }

template <typename Int>
bool ParseInt(const std::string& s, Int min, Int max, Int* out) {
  Int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < min || v > max) return false;
  *out = v;
  return true;
}

bool ParseBool(const std::string& s, bool* out) {
  if (s == "1" || s == "true" || s == "yes" || s == "on") return *out = true, true;
  if (s == "0" || s == "false" || s == "no" || s == "off") return *out = false, true;
  return false;
}

// Applies one setting by its long option name. Unknown names are errors.
Status Apply(Config* c, const std::string& name, const std::string& value, const std::string& origin) {
  auto bad = [&](const std::string& what) {
    return Usage(origin + ": invalid value for " + name + " ('" + value + "'): " + what);
  };
  auto set_int = [&](auto* field, auto min, auto max) -> Status {
    if (!ParseInt<std::remove_pointer_t<decltype(field)>>(value, min, max, field))
      return bad("expected an integer in [" + std::to_string(min) + ", " + std::to_string(max) + "]");
    return Status::Ok();
  };
  auto set_bool = [&](bool* field) -> Status {
    if (!ParseBool(value, field)) return bad("expected true or false");
    return Status::Ok();
  };
  if (name == "db") {
    if (value.empty()) return bad("empty");
    c->db = value;
  } else if (name == "listen") {
    c->listen = value;
    if (c->ListenPort() < 0) return bad("expected HOST:PORT");
  } else if (name == "web-root") {
    c->web_root = value;
  } else if (name == "attachments") {
    c->attachments = value;
  } else if (name == "attachment-max-bytes") {
    return set_int(&c->attachment_max_bytes, int64_t{1}, int64_t{1} << 40);
  } else if (name == "definitions") {
    c->definitions = value;
  } else if (name == "key-file") {
    c->key_file = value;
  } else if (name == "audit-checkpoint") {
    c->audit_checkpoint = value;
  } else if (name == "log-level") {
    static const std::vector<std::string> kLevels = {"trace", "debug", "info", "warn", "error", "off"};
    if (std::find(kLevels.begin(), kLevels.end(), value) == kLevels.end())
      return bad("expected trace|debug|info|warn|error|off");
    c->log_level = value;
  } else if (name == "demo") {
    return set_bool(&c->demo);
  } else if (name == "tls") {
    return set_bool(&c->tls);
  } else if (name == "access-log") {
    return set_bool(&c->access_log);
  } else if (name == "test-clock-start") {
    if (value.size() != 10 || value[4] != '-' || value[7] != '-') return bad("expected YYYY-MM-DD");
    c->test_clock_start = value;
  } else if (name == "test-clock") {
    return set_bool(&c->test_clock);
  } else if (name == "io-threads") {
    return set_int(&c->io_threads, 0, 256);
  } else if (name == "worker-threads") {
    return set_int(&c->worker_threads, 1, 1024);
  } else if (name == "read-threads") {
    return set_int(&c->read_threads, 0, 1024);
  } else if (name == "session-idle-minutes") {
    return set_int(&c->session_idle_minutes, 1, 24 * 60);
  } else if (name == "session-lifetime-hours") {
    return set_int(&c->session_lifetime_hours, 1, 24 * 30);
  } else if (name == "lockout-minutes") {
    return set_int(&c->lockout_minutes, 1, 24 * 60);
  } else if (name == "password-max-age-days") {
    return set_int(&c->password_max_age_days, 0, 3650);
  } else {
    return Usage(origin + ": unknown option '" + name + "'");
  }
  return Status::Ok();
}

const std::vector<std::string> kBoolOptions = {"demo", "tls", "access-log", "test-clock"};
const std::vector<std::string> kSettings = {
    "db", "listen", "web-root", "definitions", "attachments", "attachment-max-bytes", "key-file", "audit-checkpoint", "log-level", "demo", "tls",
    "access-log", "test-clock", "test-clock-start", "io-threads", "worker-threads", "read-threads", "session-idle-minutes",
    "session-lifetime-hours", "lockout-minutes", "password-max-age-days"};

// Options of sub-commands (not settings); a value follows unless listed as a flag.
const std::vector<std::string> kCommandOptions = {"username", "org", "role", "scope", "display-name",
                                                  "code", "name", "type", "parent", "short-name",
                                                  "from", "days", "unit", "matters", "seed", "year",
                                                  "out"};
const std::vector<std::string> kCommandFlags = {"password-stdin", "json"};

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string EnvName(const std::string& option) {
  std::string n = "FAZHI_";
  for (char ch : option) n += ch == '-' ? '_' : static_cast<char>(std::toupper(ch));
  return n;
}

Status ApplyFile(Config* c, const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const std::exception& e) {
    return Usage("cannot read config file " + path + ": " + e.what());
  }
  if (!root || root.IsNull()) return Status::Ok();
  if (!root.IsMap()) return Usage(path + ": expected a mapping of option: value");
  for (const auto& item : root) {
    std::string key = item.first.as<std::string>();
    std::replace(key.begin(), key.end(), '_', '-');
    if (!item.second.IsScalar())
      return Usage(path + ":" + std::to_string(item.second.Mark().line + 1) + ": " + key +
                   " must be a single value");
    FAZHI_RETURN_IF_ERROR(Apply(c, key, item.second.as<std::string>(),
                                path + ":" + std::to_string(item.first.Mark().line + 1)));
  }
  return Status::Ok();
}

}  // namespace

int Config::ReadThreads() const {
  if (read_threads > 0) return read_threads;
  if (db.rfind("postgres", 0) == 0) return worker_threads;
  return 2 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

std::string Config::ListenHost() const {
  size_t colon = listen.rfind(':');
  return colon == std::string::npos ? "" : listen.substr(0, colon);
}

int Config::ListenPort() const {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return -1;
  int port = 0;
  if (!ParseInt(listen.substr(colon + 1), 0, 65535, &port)) return -1;
  return port;
}

Result<Config> ParseConfig(const std::vector<std::string>& args,
                           const std::map<std::string, std::string>& env) {
  Config c;
  // First pass: command, words and options as given.
  std::vector<std::pair<std::string, std::string>> cli;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0) {
      if (c.command.empty())
        c.command = a;
      else
        c.arguments.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value;
    size_t eq = name.find('=');
    bool has_value = eq != std::string::npos;
    if (has_value) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (name == "help") {
      c.command = "help";
      return c;
    }
    const bool is_flag = Contains(kBoolOptions, name) || Contains(kCommandFlags, name);
    if (!has_value) {
      if (is_flag) {
        value = "true";
      } else if (Contains(kSettings, name) || Contains(kCommandOptions, name) || name == "config") {
        if (i + 1 >= args.size()) return Usage("option --" + name + " needs a value");
        value = args[++i];
      } else {
        return Usage("unknown option --" + name);
      }
    }
    cli.emplace_back(name, value);
  }
  if (c.command.empty()) c.command = "serve";

  // Config file: from --config or FAZHI_CONFIG.
  for (const auto& [n, v] : cli)
    if (n == "config") c.config_file = v;
  if (c.config_file.empty() && env.count("FAZHI_CONFIG")) c.config_file = env.at("FAZHI_CONFIG");
  if (!c.config_file.empty()) FAZHI_RETURN_IF_ERROR(ApplyFile(&c, c.config_file));

  for (const auto& name : kSettings) {
    auto it = env.find(EnvName(name));
    if (it != env.end()) FAZHI_RETURN_IF_ERROR(Apply(&c, name, it->second, EnvName(name)));
  }
  for (const auto& [name, value] : cli) {
    if (name == "config") continue;
    if (Contains(kCommandOptions, name) || Contains(kCommandFlags, name)) {
      c.extra[name] = value;
      continue;
    }
    FAZHI_RETURN_IF_ERROR(Apply(&c, name, value, "--" + name));
  }
  if (c.key_file.empty()) c.key_file = "var/keys/fazhi.key";
  if (c.audit_checkpoint.empty()) c.audit_checkpoint = "var/audit/checkpoint";
  return c;
}

std::string UsageText() {
  return R"(fazhi — 法治政府建设综合管理平台

Usage:
  fazhi serve [--db sqlite:PATH | --db postgresql://...] [--listen HOST:PORT]
              [--web-root DIR] [--config FILE] [--demo]
  fazhi migrate [--db ...]
  fazhi version
  fazhi org add --code CODE --name NAME --type TYPE [--parent CODE] [--short-name S]
  fazhi user add --username U --org CODE --role R [--scope S] [--display-name N] --password-stdin
  fazhi audit verify [--db ...]
  fazhi audit checkpoint [--db ...]
  fazhi bench-data --matters N [--seed S] [--demo] [--db ...]
  fazhi calendar deadline --from YYYY-MM-DD --days N --unit working_day|calendar_day
  fazhi metrics sql --year YYYY [--org CODE] [--demo] [--db ...]

Settings (also in the --config YAML file as `name: value`, and as FAZHI_<NAME>
environment variables, e.g. FAZHI_WEB_ROOT):
  --db URL                      sqlite:var/fazhi.db (default) or postgresql://user@host:port/db
  --listen HOST:PORT            127.0.0.1:8080
  --web-root DIR                web/dist
  --definitions DIR             kinds, roles, calendars, templates (definitions)
  --attachments DIR             uploaded files, content-addressed (var/attachments);
                                uploads are spooled in DIR/spool while they arrive
  --attachment-max-bytes N      largest uploaded file in bytes (67108864 = 64 MiB)
  --key-file PATH               personal-data key file (var/keys/fazhi.key, created 0600)
  --audit-checkpoint PATH       audit head checkpoint (var/audit/checkpoint)
  --log-level LEVEL             trace|debug|info|warn|error|off (info)
  --demo                        create the demo county and accounts (once)
  --tls                         served behind TLS: Secure cookies and HSTS
  --access-log BOOL             one log line per request (true)
  --io-threads N                I/O threads (0 = one per core)
  --worker-threads N            handler threads (16)
  --read-threads N              threads for quick reads (0 = two per core on SQLite,
                                worker-threads on PostgreSQL)
  --session-idle-minutes N      30
  --session-lifetime-hours N    12
  --lockout-minutes N           30
  --password-max-age-days N     90 (0 = never expires)
)";
}

}  // namespace fazhi::app
