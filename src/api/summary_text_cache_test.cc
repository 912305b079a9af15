// Rows written from kept text are the rows written afresh, light by light,
// and a page's text never serves another page.
#include "api/summary_text_cache.h"

#include <gtest/gtest.h>

#include <random>

#include "api/matter_json.h"

namespace fazhi::api {
namespace {

engine::MatterSummary Row(std::mt19937& rnd, int i) {
  const char* titles[] = {"关于\"示范县\"规范性文件的审查", "plain \\ title", "中文《标题》\n第二行", "", "😀"};
  engine::MatterSummary s;
  s.id = 1000 + i;
  s.kind = "test_case";
  s.kind_label = "测试事项";
  s.title = titles[rnd() % 5];
  s.state = "drafted";
  s.state_label = "已拟意见";
  s.org_id = 7;
  s.org_name = "合法性审查办公室";
  s.assignee_id = rnd() % 2 ? 9 : 0;
  s.assignee_name = s.assignee_id ? "赵律师" : "";
  s.creator_id = 8;
  s.due_on = rnd() % 3 ? "2026-03-0" + std::to_string(1 + rnd() % 9) : "";
  s.suspended = rnd() % 7 == 0;
  s.version = static_cast<int64_t>(rnd() % 9);
  s.received_at = 1772416800000 + i;
  s.updated_at = 1772416800500 + i;
  s.closed_at = rnd() % 4 == 0 ? 1772416809999 : 0;
  s.light.color = "green";  // stale: the page's own lights are never written
  return s;
}

std::vector<engine::Light> Lights(std::mt19937& rnd, size_t n) {
  const char* colors[] = {"red", "yellow", "green", "paused", "none"};
  std::vector<engine::Light> lights(n);
  for (auto& l : lights) {
    l.color = colors[rnd() % 5];
    l.has_days = rnd() % 2;
    l.days_left = static_cast<int>(rnd() % 20) - 10;
  }
  return lights;
}

std::string Fresh(const engine::ListPage& listed) {
  JsonWriter w;
  w.BeginObject();
  WriteSummaries(w.Key("items"), listed.page->items, listed.lights);
  w.Field("total", int64_t{1}).EndObject();
  return w.Take();
}

std::string Kept(SummaryTextCache& cache, const engine::ListPage& listed) {
  JsonWriter w;
  w.BeginObject();
  cache.WriteRows(w.Key("items"), listed);
  w.Field("total", int64_t{1}).EndObject();
  return w.Take();
}

TEST(SummaryTextCache, RowsFromKeptTextMatchRowsWrittenAfresh) {
  std::mt19937 rnd(5);
  SummaryTextCache cache(8);
  for (int n = 0; n < 40; ++n) {
    Page<engine::MatterSummary> page;
    const int rows = static_cast<int>(rnd() % 25);
    for (int i = 0; i < rows; ++i) page.items.push_back(Row(rnd, i));
    engine::ListPage listed{std::make_shared<const Page<engine::MatterSummary>>(std::move(page)), {}};
    for (int day = 0; day < 3; ++day) {  // other days, other lights; the same kept text
      listed.lights = Lights(rnd, listed.page->items.size());
      ASSERT_EQ(Kept(cache, listed), Fresh(listed)) << n << "/" << day;
    }
  }
  EXPECT_LE(cache.size(), 8u);
}

TEST(SummaryTextCache, ANewPageNeverGetsAnOldPagesText) {
  std::mt19937 rnd(6);
  SummaryTextCache cache(4);
  for (int n = 0; n < 50; ++n) {
    // Pages made and dropped one after another are often placed at the same
    // address: each must still be written from its own rows.
    Page<engine::MatterSummary> page;
    page.items.push_back(Row(rnd, n));
    page.items[0].title = "第" + std::to_string(n) + "页";
    engine::ListPage listed{std::make_shared<const Page<engine::MatterSummary>>(std::move(page)), {}};
    listed.lights = Lights(rnd, 1);
    const std::string kept = Kept(cache, listed);
    EXPECT_EQ(kept, Fresh(listed));
    EXPECT_NE(kept.find("第" + std::to_string(n) + "页"), std::string::npos);
  }
}

}  // namespace
}  // namespace fazhi::api
