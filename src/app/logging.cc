#include "app/logging.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace fazhi::app {

std::shared_ptr<spdlog::logger> MakeLogger(const std::string& level) {
  auto sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
  auto log = std::make_shared<spdlog::logger>("fazhi", sink);
  log->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
  log->set_level(spdlog::level::from_str(level));
  log->flush_on(spdlog::level::warn);
  return log;
}

}  // namespace fazhi::app
