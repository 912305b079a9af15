// The matter views written as text keep the API's shapes: each is compared,
// parsed, with the nlohmann value the API has always returned for it.
#include "api/matter_json.h"

#include <gtest/gtest.h>

#include "base/ids.h"

namespace fazhi::api {
namespace {

engine::MatterSummary Summary() {
  engine::MatterSummary s;
  s.id = 384346196088049664;
  s.kind = "test_case";
  s.kind_label = "测试事项";
  s.number = "示审〔2026〕3号";
  s.title = "关于\"示范县\"的审查\n第二行";
  s.state = "accepted";
  s.state_label = "已受理";
  s.outcome = "";
  s.org_id = 5;
  s.org_name = "合法性审查办公室";
  s.assignee_id = 0;
  s.creator_id = 9;
  s.due_on = "2026-03-13";
  s.light.color = "yellow";
  s.light.days_left = 2;
  s.light.has_days = true;
  s.version = 3;
  s.received_at = 1772416800000;
  s.updated_at = 1772416800001;
  return s;
}

Json LightJson(const engine::Light& l) {
  return {{"color", l.color}, {"daysLeft", l.has_days ? Json(l.days_left) : Json(nullptr)}};
}

Json ExpectedSummary(const engine::MatterSummary& s) {
  return {{"id", IdToString(s.id)},
          {"kind", s.kind},
          {"kindLabel", s.kind_label},
          {"number", s.number},
          {"title", s.title},
          {"orgId", IdToString(s.org_id)},
          {"orgName", s.org_name},
          {"state", s.state},
          {"stateLabel", s.state_label},
          {"outcome", s.outcome},
          {"assigneeId", s.assignee_id ? Json(IdToString(s.assignee_id)) : Json(nullptr)},
          {"assigneeName", s.assignee_name},
          {"creatorId", IdToString(s.creator_id)},
          {"dueOn", s.due_on.empty() ? Json(nullptr) : Json(s.due_on)},
          {"light", LightJson(s.light)},
          {"suspended", s.suspended},
          {"version", s.version},
          {"receivedAt", s.received_at},
          {"updatedAt", s.updated_at},
          {"closedAt", s.closed_at ? Json(s.closed_at) : Json(nullptr)}};
}

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

TEST(MatterJson, SummaryKeepsItsShapeAndText) {
  engine::MatterSummary s = Summary();
  JsonWriter w;
  WriteSummary(w, s);
  EXPECT_EQ(w.text(), Dump(ExpectedSummary(s)));  // same members, same order, same text
  // Nulls the other way round.
  s.assignee_id = 77;
  s.assignee_name = "赵律师";
  s.due_on = "";
  s.light = engine::Light();
  s.closed_at = 1772416800002;
  s.suspended = true;
  JsonWriter w2;
  WriteSummaries(w2, {s, Summary()});
  EXPECT_EQ(Json::parse(w2.text()), Json::array({ExpectedSummary(s), ExpectedSummary(Summary())}));
  // A shared page's rows with today's lights instead of their own.
  engine::Light red;
  red.color = "red";
  red.days_left = -2;
  red.has_days = true;
  JsonWriter w3;
  WriteSummaries(w3, {s, Summary()}, {red, engine::Light()});
  engine::MatterSummary s_red = s, plain = Summary();
  s_red.light = red;
  plain.light = engine::Light();
  EXPECT_EQ(w3.text(), Dump(Json::array({ExpectedSummary(s_red), ExpectedSummary(plain)})));
}

TEST(MatterJson, MatterViewKeepsItsShape) {
  engine::MatterView v;
  static_cast<engine::MatterSummary&>(v) = Summary();
  v.fields = Json{{"category", "其他"}, {"party", {{"name", "张*"}}}};
  engine::DeadlineView d;
  d.name = "handling";
  d.label = "办理期限";
  d.status = "running";
  d.started_on = "2026-03-02";
  d.due_on = "2026-03-13";
  d.unit = "working_day";
  d.length = 9;
  d.extendable = 5;
  d.light.color = "green";
  v.deadlines.push_back(d);
  v.actions.push_back({"assign", "分流", {"assignee"}, {"category"}, "none"});
  v.links.push_back({12, "test_case", "关联", "submitted", "", "basis", "out"});
  v.attachments.push_back({13, "送审稿.pdf", "application/pdf", "ab12", 2048, 1772416800003});
  v.people.push_back({31, "赵律师", "明理律师事务所"});
  v.can_edit = true;
  JsonWriter w;
  WriteMatter(w, v);

  Json expected = ExpectedSummary(v);
  expected["fields"] = v.fields;
  expected["deadlines"] = Json::array({{{"name", d.name}, {"label", d.label}, {"status", d.status},
                                        {"startedOn", d.started_on}, {"dueOn", d.due_on}, {"unit", d.unit},
                                        {"length", d.length}, {"extended", d.extended},
                                        {"extendable", d.extendable}, {"light", LightJson(d.light)}}});
  expected["actions"] = Json::array({{{"name", "assign"}, {"label", "分流"}, {"require", {"assignee"}},
                                      {"fields", {"category"}}, {"effect", "none"}}});
  expected["links"] = Json::array({{{"id", "12"}, {"kind", "test_case"}, {"title", "关联"}, {"state", "submitted"},
                                    {"number", ""}, {"field", "basis"}, {"direction", "out"}}});
  expected["attachments"] = Json::array({{{"id", "13"}, {"name", "送审稿.pdf"}, {"contentType", "application/pdf"},
                                          {"sha256", "ab12"}, {"size", 2048}, {"createdAt", 1772416800003},
                                          {"url", "/api/v1/attachments/13"}}});
  expected["people"] = Json::array({{{"id", "31"}, {"name", "赵律师"}, {"orgName", "明理律师事务所"}}});
  expected["canEdit"] = true;
  EXPECT_EQ(Json::parse(w.text()), expected);
}

TEST(MatterJson, EventKeepsItsShape) {
  engine::EventView e;
  e.id = 21;
  e.seq = 2;
  e.at = 1772416800004;
  e.user_id = 9;
  e.username = "clerk";
  e.action = "accept";
  e.action_label = "受理";
  e.from_state = "submitted";
  e.to_state = "accepted";
  e.note = "同意\t受理";
  e.diff = R"({"title":["旧","新"]})";
  e.display_name = "王审查";
  JsonWriter w;
  WriteEvent(w, e);
  Json expected = {{"id", "21"}, {"seq", 2}, {"at", e.at}, {"userId", "9"}, {"username", "clerk"},
                   {"action", "accept"}, {"actionLabel", "受理"}, {"fromState", "submitted"},
                   {"toState", "accepted"}, {"note", e.note}, {"diff", Json::parse(e.diff)},
                   {"displayName", "王审查"}};
  EXPECT_EQ(w.text(), Dump(expected));
}

}  // namespace
}  // namespace fazhi::api
