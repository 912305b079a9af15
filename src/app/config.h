// Config: every setting of `fazhi`, from (lowest to highest precedence)
// built-in defaults, the config file (YAML, `key: value`, keys as the long
// option names), FAZHI_* environment variables (FAZHI_WEB_ROOT for
// --web-root) and command-line options. Parsing is pure and unit-tested.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/result.h"

namespace fazhi::app {

struct Config {
  std::string command;                 // serve | migrate | version | user | audit | ...
  std::vector<std::string> arguments;  // sub-command words after the command
  std::string db = "sqlite:var/fazhi.db";
  std::string listen = "127.0.0.1:8080";
  std::string web_root = "web/dist";
  std::string definitions = "definitions";
  std::string attachments = "var/attachments";     // stored files; uploads spool in <attachments>/spool
  int64_t attachment_max_bytes = 64 * 1024 * 1024;  // cap of one uploaded file
  std::string config_file;
  std::string key_file;                // default: var/keys/fazhi.key
  std::string audit_checkpoint;        // default: var/audit/checkpoint
  std::string log_level = "info";
  bool demo = false;
  bool tls = false;                    // served behind TLS: Secure cookies, HSTS
  bool access_log = true;
  bool test_clock = false;             // exposes a clock-advance endpoint for tests
  std::string test_clock_start;        // with test_clock: start the clock at this date (YYYY-MM-DD, 09:00 CST)
  int io_threads = 0;
  int worker_threads = 16;
  int read_threads = 0;                // 0: ReadThreads() decides
  int session_idle_minutes = 30;
  int session_lifetime_hours = 12;
  int lockout_minutes = 30;
  int password_max_age_days = 90;
  // Sub-command options that are not server settings (e.g. user add --org).
  std::map<std::string, std::string> extra;

  // A sub-command option (e.g. --org) or "" when not given.
  std::string Extra(const std::string& key) const {
    auto it = extra.find(key);
    return it == extra.end() ? std::string() : it->second;
  }

  std::string ListenHost() const;
  int ListenPort() const;  // -1 when invalid
  // Threads for reads (GET/HEAD handlers that do not block): read_threads,
  // or by default two per core on SQLite (reads are short and CPU-bound:
  // more threads only take turns on the cores) and worker_threads on
  // PostgreSQL (reads wait on the network).
  int ReadThreads() const;
};

// The option names a command accepts beyond the common ones.
struct CommandSpec {
  std::vector<std::string> flags;    // boolean options without a value
  std::vector<std::string> options;  // options taking a value
};

// Parses argv (without argv[0]), env (name -> value) and reads the config
// file if one is named. Errors carry code "usage" and a message for stderr.
Result<Config> ParseConfig(const std::vector<std::string>& args,
                           const std::map<std::string, std::string>& env);

// Usage text for --help and errors.
std::string UsageText();

}  // namespace fazhi::app
