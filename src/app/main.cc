// fazhi: the composition root's entry point. Parses the configuration and
// hands over to one sub-command; nothing else lives here.
#include <cstring>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "app/commands.h"
#include "app/config.h"
#include "app/calendar_command.h"
#include "app/bench_data_command.h"
#include "app/metrics_command.h"

extern char** environ;

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::map<std::string, std::string> env;
  for (char** e = environ; *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (eq && std::strncmp(*e, "FAZHI_", 6) == 0)
      env.emplace(std::string(*e, eq - *e), std::string(eq + 1));
  }
  auto config = fazhi::app::ParseConfig(args, env);
  if (!config.ok()) {
    std::cerr << "fazhi: " << config.status().message() << "\n"
              << "Run `fazhi --help` for usage.\n";
    return 2;
  }
  const std::string& cmd = config->command;
  if (cmd == "help") {
    std::cout << fazhi::app::UsageText();
    return 0;
  }
  if (cmd == "version") {
    std::cout << "fazhi " << FAZHI_VERSION << "\n";
    return 0;
  }
  if (cmd == "serve") return fazhi::app::RunServe(*config);
  if (cmd == "migrate") return fazhi::app::RunMigrate(*config);
  if (cmd == "user") return fazhi::app::RunUserCommand(*config);
  if (cmd == "org") return fazhi::app::RunOrgCommand(*config);
  if (cmd == "audit") return fazhi::app::RunAuditCommand(*config);
  if (cmd == "calendar") return fazhi::app::RunCalendarCommand(*config);
  if (cmd == "bench-data") return fazhi::app::RunBenchDataCommand(*config);
  if (cmd == "metrics") return fazhi::app::RunMetricsCommand(*config);
  std::cerr << "fazhi: unknown command '" << cmd << "'\nRun `fazhi --help` for usage.\n";
  return 2;
}
