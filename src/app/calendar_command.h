// `fazhi calendar ...`: the working-day calendar from the command line.
//
//   fazhi calendar deadline --from YYYY-MM-DD --days N --unit working_day|calendar_day
//                           [--definitions DIR]
//       Prints the due date ("2024-10-14") and returns 0. Reads the shipped
//       definitions (DIR/calendar/*.yaml) directly; no database, so edits made
//       through the web UI are not seen here.
// Exit codes: 0 success; 1 a year the period reaches has no data, or the
// definitions cannot be loaded; 2 usage errors (unknown sub-command, missing
// or invalid --from/--days/--unit). Messages go to stderr.
#pragma once

#include <iosfwd>

#include "app/config.h"

namespace fazhi::app {

int RunCalendarCommand(const Config& config);

// As above, writing to the given streams (for tests).
int RunCalendarCommand(const Config& config, std::ostream& out, std::ostream& err);

}  // namespace fazhi::app
