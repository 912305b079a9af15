#include "calendar/calendar_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

namespace fazhi::calendar {
namespace {

Status Bad(const std::string& file, int line, const std::string& what) {
  return Status("invalid_definition", file + ":" + std::to_string(line) + ": " + what);
}

// 1-based; nodes without a position (an empty document) count as line 1.
int LineOf(const YAML::Node& node) { return std::max(node.Mark().line, 0) + 1; }

// Reads one list of dates; each entry must be a strict date not seen before.
// `lines` records each date's line for later checks.
Status ReadDates(const std::string& file, const YAML::Node& key, const YAML::Node& list,
                 const std::string& label, std::set<Date>* out, std::map<Date, int>* lines) {
  if (!list.IsSequence()) {
    return Bad(file, LineOf(key), label + " 应为日期列表，如 [2024-01-01, 2024-02-10]");
  }
  for (const YAML::Node& item : list) {
    if (!item.IsScalar()) return Bad(file, LineOf(item), label + " 的每一项应为一个日期");
    Result<Date> d = Date::Parse(item.Scalar());
    if (!d.ok()) return Bad(file, LineOf(item), label + "：" + d.status().message());
    if (!out->insert(*d).second) {
      return Bad(file, LineOf(item), label + " 中日期 " + d->ToString() + " 重复");
    }
    lines->emplace(*d, LineOf(item));
  }
  return Status::Ok();
}

Result<YearData> ParseRoot(const YAML::Node& root, const std::string& file) {
  if (!root.IsMap()) {
    return Bad(file, LineOf(root), "应为包含 year、holidays、makeup_workdays 的映射");
  }
  // Flags, not Node truthiness: a default-constructed YAML::Node counts as defined.
  bool has_year = false, has_holidays = false, has_makeup = false;
  YAML::Node year_key, year_value, holidays_key, holidays, makeup_key, makeup;
  for (const auto& entry : root) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    const bool seen = (key == "year" && has_year) || (key == "holidays" && has_holidays) ||
                      (key == "makeup_workdays" && has_makeup);
    if (seen) return Bad(file, LineOf(entry.first), "键“" + key + "”重复");
    if (key == "year") {
      has_year = true;
      year_key = entry.first;
      year_value = entry.second;
    } else if (key == "holidays") {
      has_holidays = true;
      holidays_key = entry.first;
      holidays = entry.second;
    } else if (key == "makeup_workdays") {
      has_makeup = true;
      makeup_key = entry.first;
      makeup = entry.second;
    } else {
      return Bad(file, LineOf(entry.first),
                 "未知的键“" + key + "”（只允许 year、holidays、makeup_workdays）");
    }
  }
  const int root_line = LineOf(root);
  if (!has_year) return Bad(file, root_line, "缺少 year");
  if (!has_holidays) return Bad(file, root_line, "缺少 holidays（法定节假日列表）");
  if (!has_makeup) return Bad(file, root_line, "缺少 makeup_workdays（调休上班日列表，可为 []）");

  YearData data;
  const std::string y = year_value.IsScalar() ? year_value.Scalar() : "";
  if (y.size() != 4 ||
      !std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      y == "0000") {
    return Bad(file, LineOf(year_key), "year 应为四位数字年份，如 2024");
  }
  data.year = std::stoi(y);

  std::map<Date, int> lines;
  FAZHI_RETURN_IF_ERROR(
      ReadDates(file, holidays_key, holidays, "holidays", &data.holidays, &lines));
  std::map<Date, int> makeup_lines;
  FAZHI_RETURN_IF_ERROR(
      ReadDates(file, makeup_key, makeup, "makeup_workdays", &data.makeup, &makeup_lines));

  // The checks of Calendar::SetYear, repeated here to name the line.
  for (const auto& [d, line] : lines) {
    if (d.year != data.year)
      return Bad(file, line, "日期 " + d.ToString() + " 不属于 " + y + " 年");
  }
  for (const auto& [d, line] : makeup_lines) {
    if (d.year != data.year)
      return Bad(file, line, "日期 " + d.ToString() + " 不属于 " + y + " 年");
    if (data.holidays.count(d) > 0) {
      return Bad(file, line, "日期 " + d.ToString() + " 不能既是法定节假日又是调休上班日");
    }
    if (!d.IsWeekend()) {
      return Bad(file, line, "调休上班日 " + d.ToString() + " 不是周六或周日");
    }
  }
  Calendar check;
  if (Status st = check.SetYear(data); !st.ok()) return Bad(file, root_line, st.message());
  return data;
}

}  // namespace

Result<YearData> ParseCalendarYaml(const std::string& text, const std::string& file) {
  try {
    return ParseRoot(YAML::Load(text), file);
  } catch (const YAML::Exception& e) {
    return Bad(file, e.mark.line + 1, "YAML 格式错误：" + e.msg);
  } catch (const std::exception& e) {
    return Bad(file, 1, std::string("无法解析：") + e.what());
  }
}

Result<std::vector<YearData>> LoadCalendarDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  fs::directory_iterator it(dir, ec);
  if (ec) return Status("io_error", "无法读取工作日历目录 " + dir + "：" + ec.message());
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) return Status("io_error", "无法读取工作日历目录 " + dir + "：" + ec.message());
    if (it->path().extension() == ".yaml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());

  std::vector<YearData> years;
  for (const fs::path& path : files) {
    const std::string file = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in.is_open()) return Status("io_error", "无法读取工作日历文件 " + file);
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return Status("io_error", "无法读取工作日历文件 " + file);
    Result<YearData> year = ParseCalendarYaml(text.str(), file);
    if (!year.ok()) return year.status();
    if (path.stem().string() != std::to_string(year->year)) {
      // Name the year key's line; re-parse cheaply only on this error path.
      int line = 1;
      try {
        line = LineOf(YAML::Load(text.str())["year"]);
      } catch (const std::exception&) {
      }
      return Bad(file, line,
                 "文件名应与年份一致：year 为 " + std::to_string(year->year) + "，文件名应为 " +
                     std::to_string(year->year) + ".yaml");
    }
    years.push_back(std::move(year).value());
  }
  return years;
}

}  // namespace fazhi::calendar
