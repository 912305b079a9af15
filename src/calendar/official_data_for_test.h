// Test helper: the shipped calendar (definitions/calendar) loaded into a
// Calendar, found through $FAZHI_SOURCE_DIR (set by CTest) or the source tree
// this test was built from.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "calendar/calendar.h"
#include "calendar/calendar_loader.h"

// CTest sets FAZHI_SOURCE_DIR; this fallback serves direct runs.
#ifndef FAZHI_DEFAULT_SOURCE_DIR
#define FAZHI_DEFAULT_SOURCE_DIR "."
#endif

namespace fazhi::calendar::testutil {

inline std::string SourceDir() {
  const char* env = std::getenv("FAZHI_SOURCE_DIR");
  return env != nullptr && *env != '\0' ? env : FAZHI_DEFAULT_SOURCE_DIR;
}

inline std::string OfficialDir() { return SourceDir() + "/definitions/calendar"; }

inline Calendar Official() {
  Calendar cal;
  auto years = LoadCalendarDir(OfficialDir());
  EXPECT_TRUE(years.ok()) << years.status().ToString();
  if (!years.ok()) return cal;
  for (const YearData& y : *years) EXPECT_TRUE(cal.SetYear(y).ok());
  return cal;
}

inline Date D(const std::string& text) {
  auto d = Date::Parse(text);
  EXPECT_TRUE(d.ok()) << text;
  return d.ok() ? *d : Date{};
}

}  // namespace fazhi::calendar::testutil
