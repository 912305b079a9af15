// The sub-commands of the `fazhi` binary. Each returns the process exit code:
// 0 success, 1 failure, 2 usage error.
#pragma once

#include "app/config.h"

namespace fazhi::app {

int RunServe(const Config& config);
int RunMigrate(const Config& config);
int RunUserCommand(const Config& config);
int RunOrgCommand(const Config& config);
int RunAuditCommand(const Config& config);

}  // namespace fazhi::app
