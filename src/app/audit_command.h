// `fazhi audit ...`: operator commands for the security audit log.
//
//   fazhi audit verify [--db URL] [--audit-checkpoint PATH]
//       Walks the whole chain (see audit::Verify). Prints
//       "audit chain ok: N records" and returns 0, or
//       "audit chain broken at seq S: <problem>" and returns 1.
//   fazhi audit checkpoint [--db URL] [--audit-checkpoint PATH]
//       Writes the current head to the checkpoint file (for cron or before
//       a backup); returns 0, or 1 on error.
// Both open the database and apply pending migrations first. A missing or
// unknown sub-command prints usage and returns 2; errors that prevent a
// verdict (database unreachable, unreadable checkpoint) return 1.
#pragma once

#include <iosfwd>

#include "app/config.h"

namespace fazhi::app {

int RunAuditCommand(const Config& config);

// As above, writing to the given streams (for tests).
int RunAuditCommand(const Config& config, std::ostream& out, std::ostream& err);

}  // namespace fazhi::app
