#include "app/calendar_command.h"

#include <iostream>
#include <string>

#include "calendar/calendar.h"
#include "calendar/calendar_loader.h"

namespace fazhi::app {
namespace {

constexpr const char* kUsage =
    "usage: fazhi calendar deadline --from YYYY-MM-DD --days N --unit working_day|calendar_day\n"
    "                               [--definitions DIR]\n";

std::string Extra(const Config& config, const std::string& key) {
  auto it = config.extra.find(key);
  return it == config.extra.end() ? "" : it->second;
}

}  // namespace

int RunCalendarCommand(const Config& config) {
  return RunCalendarCommand(config, std::cout, std::cerr);
}

int RunCalendarCommand(const Config& config, std::ostream& out, std::ostream& err) {
  const std::string sub = config.arguments.empty() ? "" : config.arguments[0];
  if (sub != "deadline" || config.arguments.size() != 1) {
    if (!sub.empty() && sub != "deadline")
      err << "fazhi: unknown calendar command '" << sub << "'\n";
    err << kUsage;
    return 2;
  }
  calendar::PeriodArgs args;
  std::string field;
  Status parsed = calendar::ParsePeriodArgs(Extra(config, "from"), Extra(config, "days"),
                                            Extra(config, "unit"), &args, &field);
  if (!parsed.ok()) {
    err << "fazhi: invalid --" << field << ": " << parsed.message() << "\n" << kUsage;
    return 2;
  }

  const std::string dir = config.definitions + "/calendar";
  auto years = calendar::LoadCalendarDir(dir);
  if (!years.ok()) {
    err << "fazhi: cannot load the calendar definitions: " << years.status().message() << "\n";
    return 1;
  }
  calendar::Calendar cal;
  for (const calendar::YearData& year : years.value()) {
    if (Status st = cal.SetYear(year); !st.ok()) {
      err << "fazhi: " << dir << ": " << st.message() << "\n";
      return 1;
    }
  }
  Result<calendar::Date> due = cal.Due(args.from, args.days, args.unit);
  if (!due.ok()) {
    err << "fazhi: " << due.status().message() << " (" << due.status().code() << ")\n";
    return 1;
  }
  out << due->ToString() << "\n";
  return 0;
}

}  // namespace fazhi::app
