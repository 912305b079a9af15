// `fazhi metrics sql --year YYYY [--org CODE] [--demo] [--db sqlite:PATH]`:
// the statement behind GET /api/v1/metrics?year= (every figure of the year in
// one SELECT), printed as a sqlite3 shell script that binds the same
// parameters (.parameter set ?N …) and runs it. bench/run times the shell on
// it as the peer of W4. --demo adds the test kinds' metrics, as serve --demo
// does. Exit codes: 0; 1 database, definitions or unknown org; 2 usage.
#pragma once

#include <iosfwd>

#include "app/config.h"

namespace fazhi::app {

int RunMetricsCommand(const Config& config);
int RunMetricsCommand(const Config& config, std::ostream& out, std::ostream& err);

}  // namespace fazhi::app
