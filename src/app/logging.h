// Builds the process logger (spdlog, stdout, structured key=value lines).
#pragma once

#include <memory>
#include <string>

namespace spdlog {
class logger;
}

namespace fazhi::app {

std::shared_ptr<spdlog::logger> MakeLogger(const std::string& level);

}  // namespace fazhi::app
