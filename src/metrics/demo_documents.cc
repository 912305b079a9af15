// Demo years: the county's normative documents (each with its legality
// review, publication, filing and cleanup) and the filings of lower levels
// reviewed by the Justice Bureau (备案审查).
#include "metrics/demo_plan.h"

namespace fazhi::metrics::demo {

using engine::Json;

namespace {

struct Cleanup {
  std::string action;  // confirm_valid | amend | abolish | invalidate
  Date day;
};

struct DocSpec {
  std::string title, org, validity = "正式";
  bool enterprise = false, late_filing = false;
  Date created;
  Date deliberate_after;  // at the earliest (besides the review's issue)
  std::vector<Cleanup> cleanups;
};

struct Doc {
  Review review;
  Date issued;
};

std::string CleanupResult(const std::string& action) {
  if (action == "confirm_valid") return "继续有效";
  if (action == "amend") return "修改";
  if (action == "abolish") return "废止";
  return "宣布失效";
}

Result<Doc> AddDocument(Plan& plan, const DocSpec& d) {
  const OrgRef& org = plan.Org(d.org);
  const Actor& drafter = plan.User(d.org == "GOV" ? "leader" : "undertaker");
  const Actor& leader = plan.User("leader");
  Script s;
  s.kind = plan.Kind("normative_document");
  s.title = d.title;
  s.org = &org;
  s.creator = drafter;
  s.fields = {{"issuer_level", d.org == "GOV" ? "县人民政府" : "政府工作部门"},
              {"enterprise_related", d.enterprise ? "是" : "否"},
              {"validity_type", d.validity},
              {"drafting_note", "依据上位法和本县实际起草。"}};
  Cursor c(plan, d.created);
  c.Begin(&s);
  s.steps.push_back(c.After(plan.Between(1, 3), "open_comment", drafter));
  const int comments = plan.Between(3, 25);
  s.steps.push_back(c.After(plan.Between(8, 9), "close_comment", drafter,
                            {{"comment_summary", "共收到意见" + std::to_string(comments) + "条，采纳" +
                                                     std::to_string(comments * 2 / 3) + "条。"}}));
  ReviewSpec rs;
  rs.category = "行政规范性文件";
  rs.title = "《" + d.title + "》（送审稿）";
  rs.submitting = &org;
  rs.received = plan.AddWorkingDays(c.day(), plan.Between(1, 3));
  rs.submitter = &plan.User("unit");
  auto review = AddReview(plan, rs);
  if (!review.ok()) return review.status();
  c.JumpTo(rs.received);
  s.steps.push_back(c.After(0, "submit_review", drafter, {{"review", IdToString(review->id)}}));
  c.JumpTo(std::max(review->issued, d.deliberate_after));
  const int wait = plan.Between(2, 6);
  const Date meeting = plan.AddWorkingDays(c.day(), wait);
  s.steps.push_back(c.After(wait, "deliberate", leader,
                            {{"meeting", "县人民政府第" + std::to_string(plan.Between(3, 40)) + "次常务会议"},
                             {"meeting_date", meeting.ToString()}}));
  s.steps.push_back(c.After(plan.Between(1, 4), "issue", leader, {{"signer", "吴县长"}}));
  const Date issued = c.day();
  s.steps.push_back(c.After(plan.Between(2, 5), "publish", drafter,
                            {{"publication", "示范县人民政府公报"},
                             {"published_on", c.day().ToString()},
                             {"valid_until", c.day().AddDays(d.validity == "正式" ? 5 * 365 : 2 * 365).ToString()}}));
  s.steps.push_back(c.AfterDays(d.late_filing ? 36 : plan.Between(6, 24), "file", drafter,
                                {{"filed_to", "示范市人民政府、示范县人大常委会"},
                                 {"filing_number", "备" + std::to_string(c.day().year) + "-" +
                                                       std::to_string(plan.Between(10, 99))}}));
  for (const auto& cl : d.cleanups) {
    c.JumpTo(cl.day);
    Json fields = {{"cleanup_result", CleanupResult(cl.action)},
                   {"cleanup_campaign", std::to_string(cl.day.year) + "年涉及不平等对待企业政策清理"}};
    if (cl.action != "confirm_valid")
      fields["cleanup_reason"] = "含有限制外地经营者、给予特定经营者优惠等妨碍公平竞争的内容";
    s.steps.push_back(c.After(0, cl.action, plan.User("filer"), fields));
  }
  auto id = plan.builder().Add(s);
  if (!id.ok()) return id.status();
  return Doc{review.value(), issued};
}

Status Expect(bool ok, const std::string& title, const std::string& what) {
  return ok ? Status::Ok() : Status(codes::kInternal, "demo document “" + title + "”: " + what);
}

}  // namespace

Status AddNormativeDocuments(Plan& plan) {
  // Documents of 2021–2022 that the 2023 and 2024 cleanups deal with.
  const std::vector<std::pair<std::string, std::vector<Cleanup>>> legacy = {
      {"示范县外来投资企业税收奖励暂行办法", {{"abolish", Day(2024, 9, 10)}}},
      {"示范县本地企业产品优先采购暂行规定", {{"abolish", Day(2024, 9, 10)}}},
      {"示范县外地建筑企业进县施工备案管理规定", {{"invalidate", Day(2024, 9, 24)}}},
      {"示范县商贸企业扶持资金管理办法", {{"invalidate", Day(2024, 9, 24)}}},
      {"示范县招商引资优惠政策若干规定", {{"invalidate", Day(2024, 10, 15)}}},
      {"示范县工业企业用地奖补暂行办法", {{"invalidate", Day(2024, 10, 15)}}},
      {"示范县农产品收购经营者准入规定", {{"invalidate", Day(2023, 11, 20)}}},
  };
  const auto legacy_days = plan.Spread(Day(2021, 2, 1), Day(2022, 6, 30), static_cast<int>(legacy.size()));
  for (size_t i = 0; i < legacy.size(); ++i) {
    // Not in SCJG or JUS: the demo accounts there (unit, filer) would find
    // every valid document in their inbox (cleanup actions).
    DocSpec d{legacy[i].first, i % 3 == 2 ? "ZRZY" : "GOV", i % 2 ? "暂行" : "正式", true, false,
              legacy_days[i], legacy_days[i], legacy[i].second};
    auto doc = AddDocument(plan, d);
    if (!doc.ok()) return doc.status();
  }
  // 2023: six documents, cleaned up in the 2024 campaign (four kept, one amended).
  const std::vector<std::string> y2023 = {"示范县城市绿化管理办法",         "示范县养犬管理规定",
                                          "示范县建筑垃圾管理办法",         "示范县公共资源交易管理办法",
                                          "示范县市场主体信用分级分类监管办法", "示范县殡葬管理实施办法"};
  const auto days2023 = plan.Spread(Day(2023, 1, 9), Day(2023, 7, 31), 6);
  for (size_t i = 0; i < y2023.size(); ++i) {
    DocSpec d{y2023[i], i % 2 ? "ZJJ" : "GOV", "正式", i == 3 || i == 4, false, days2023[i], days2023[i], {}};
    if (i < 4) d.cleanups.push_back({"confirm_valid", Day(2024, 10, 8 + static_cast<int>(i))});
    if (i == 4) d.cleanups.push_back({"amend", Day(2024, 10, 22)});
    auto doc = AddDocument(plan, d);
    if (!doc.ok()) return doc.status();
    FAZHI_RETURN_IF_ERROR(Expect(doc->issued.year == 2023, d.title, "not issued in 2023"));
  }
  // 2024: ten documents; seven reviewed late in 2023, three in 2024; one
  // filed after the 30-day period.
  const std::vector<std::string> y2024 = {
      "示范县城镇燃气安全管理办法",     "示范县农村宅基地管理暂行办法",   "示范县城市道路挖掘管理规定",
      "示范县政府投资项目管理办法",     "示范县住房公积金缴存管理规定",   "示范县城区停车场管理办法",
      "示范县困难群众医疗救助实施办法", "示范县农村集体资产管理办法",     "示范县集体土地征收补偿安置办法",
      "示范县行政执法公示办法"};
  const auto created_prev = plan.Spread(Day(2023, 8, 14), Day(2023, 10, 16), 7);
  const auto deliberate_prev = plan.Spread(Day(2024, 1, 8), Day(2024, 4, 15), 7);
  const auto created_cur = plan.Spread(Day(2024, 4, 1), Day(2024, 8, 30), 3);
  for (size_t i = 0; i < y2024.size(); ++i) {
    const bool prev = i < 7;
    DocSpec d{y2024[i], i % 3 == 1 ? "ZJJ" : "GOV", i == 1 ? "暂行" : "正式", i % 4 == 0, i == 5,
              prev ? created_prev[i] : created_cur[i - 7], prev ? deliberate_prev[i] : created_cur[i - 7], {}};
    auto doc = AddDocument(plan, d);
    if (!doc.ok()) return doc.status();
    FAZHI_RETURN_IF_ERROR(Expect(doc->issued.year == 2024, d.title, "not issued in 2024"));
    FAZHI_RETURN_IF_ERROR(Expect(doc->review.issued.year == (prev ? 2023 : 2024), d.title, "review in another year"));
  }
  return Status::Ok();
}

Status AddFilingReviews(Plan& plan) {
  const std::vector<std::pair<std::string, std::string>> filings = {
      {"CGZ", "城关镇村规民约备案管理办法"},       {"SCJG", "市场监管行政处罚裁量权基准"},
      {"STHJ", "生态环境行政处罚裁量基准规定"},     {"ZRZY", "国有建设用地供应管理规定"},
      {"JYJ", "民办学校年度检查办法"},             {"CGZ", "城关镇农村人居环境整治奖补办法"},
      {"ZJJ", "物业服务企业信用评价办法"},         {"SCJG", "食品小作坊登记管理办法"},
      {"STHJ", "排污许可证后监管办法"},             {"JYJ", "校外培训机构监督管理办法"}};
  const Actor& filer = plan.User("filer");
  for (int year : {2023, 2024}) {
    const int n = year == 2024 ? 10 : 6;
    const auto days = plan.Spread(Day(year, 2, 1), Day(year, 11, 20), n + (year == 2023 ? 1 : 0));
    for (size_t i = 0; i < days.size(); ++i) {
      const auto& [code, name] = filings[i % filings.size()];
      const OrgRef& from = plan.Org(code);
      Script s;
      s.kind = plan.Kind("filing_review");
      s.title = name;
      s.org = &plan.Org("JUS");
      s.creator = filer;
      s.fields = {{"filing_org", IdToString(from.id)},
                  {"doc_number", from.short_name + "规〔" + std::to_string(year) + "〕" + std::to_string(i + 1) + "号"},
                  {"published_on", days[i].AddDays(-plan.Between(5, 20)).ToString()}};
      Cursor c(plan, days[i]);
      c.Begin(&s);
      if (static_cast<int>(i) == n) {  // 2023: one filing returned as incomplete
        s.steps.push_back(c.After(plan.Between(1, 3), "return", filer, Json::object(), "报备材料不齐全，缺少起草说明"));
      } else {
        s.steps.push_back(
            c.AfterDays(plan.Between(1, 6), "check", filer, {{"formal_note", "报备材料齐全，符合要求。"}}));
        const int pick = plan.Pick(10);
        const std::string opinion = pick < 8 ? "无异议" : pick < 9 ? "建议修改" : "纠正";
        s.steps.push_back(c.After(plan.Between(5, 12), "opine", filer,
                                  {{"opinion", opinion}, {"opinion_text", "经审查，" + opinion + "。"}}));
        if (opinion != "无异议")
          s.steps.push_back(c.After(plan.Between(10, 20), "follow_up", filer,
                                    {{"rectification", "制定机关已按审查意见修改并重新公布。"}}));
      }
      auto id = plan.builder().Add(s);
      if (!id.ok()) return id.status();
    }
  }
  return Status::Ok();
}

}  // namespace fazhi::metrics::demo
