// Demo years: major decisions on the annual catalogue (each with its
// legality review), the counsel's service contracts and their work log.
#include "metrics/demo_plan.h"

namespace fazhi::metrics::demo {

using engine::Json;

namespace {

struct DecisionSpec {
  std::string title, org;
  int year = 0;
  bool experts = true, risks = true, report_party = false;
  Date evaluate;   // {} = not evaluated (yet)
  bool terminate = false;
};

Status AddDecision(Plan& plan, const DecisionSpec& d) {
  const Actor& undertaker = plan.User("undertaker");
  const Actor& leader = plan.User("leader");
  const OrgRef& org = plan.Org(d.org);
  Script s;
  s.kind = plan.Kind("major_decision");
  s.title = d.title;
  s.org = &org;
  s.creator = undertaker;
  s.fields = {{"catalogue_year", d.year},
              {"undertaking_org", IdToString(org.id)},
              {"planned_date", std::to_string(d.year) + "-09-30"},
              {"background", "列入" + std::to_string(d.year) + "年度重大行政决策事项目录。"}};
  Cursor c(plan, Day(d.year, 2, 19 + plan.Pick(5)));
  c.Begin(&s);
  s.steps.push_back(c.After(plan.Between(5, 10), "start", undertaker));
  if (d.terminate) {
    s.steps.push_back(c.After(plan.Between(15, 25), "terminate", undertaker, Json::object(),
                              "因上级政策调整，经县人民政府同意终止决策程序"));
    auto id = plan.builder().Add(s);
    return id.ok() ? Status::Ok() : id.status();
  }
  s.steps.push_back(c.After(plan.Between(10, 20), "draft_plan", undertaker,
                            {{"plan_summary", "明确目标任务、实施步骤和保障措施。"}}));
  s.steps.push_back(c.After(plan.Between(5, 10), "consult", undertaker,
                            {{"consultation", "已与相关部门、乡镇协商一致。"}}));
  s.steps.push_back(c.After(plan.Between(2, 5), "open_comment", undertaker));
  s.steps.push_back(c.AfterDays(plan.Between(31, 34), "close_comment", undertaker,
                                {{"comment_summary", "公开征求意见30日，收到意见" +
                                                         std::to_string(plan.Between(8, 60)) +
                                                         "条，已逐条研究并公布采纳情况。"}}));
  if (d.experts) {
    s.steps.push_back(c.After(plan.Between(3, 10), "expert_review", undertaker,
                              {{"expert_opinion", "专家组认为方案总体可行，建议完善配套措施。"}}));
  } else {
    s.steps.push_back(c.After(plan.Between(3, 10), "waive_expert_review", undertaker, Json::object(),
                              "不涉及专业性、技术性较强的问题"));
  }
  if (d.risks) {
    s.steps.push_back(c.After(plan.Between(3, 10), "risk_assessment", undertaker,
                              {{"risk_level", "低风险"}, {"risk_report", "社会稳定风险评估结论为低风险。"}}));
  } else {
    s.steps.push_back(c.After(plan.Between(3, 10), "waive_risk_assessment", undertaker, Json::object(),
                              "不涉及社会稳定、公共安全等风险"));
  }
  ReviewSpec rs;
  rs.category = "重大行政决策";
  rs.title = "《" + d.title + "》（草案）";
  rs.submitting = &org;
  rs.received = plan.AddWorkingDays(c.day(), plan.Between(1, 2));
  rs.submitter = &undertaker;
  auto review = AddReview(plan, rs);
  if (!review.ok()) return review.status();
  if (review->issued.year != d.year) return Status(codes::kInternal, "demo decision review outside its year");
  c.JumpTo(rs.received);
  s.steps.push_back(c.After(0, "request_review", undertaker, {{"review", IdToString(review->id)}}));
  c.JumpTo(review->issued);
  const int wait = plan.Between(3, 8);
  Step decide = c.After(wait, "collective_decision", leader, {{"meeting_type", "常务会议"}});
  decide.fields["meeting_date"] = decide.day.ToString();
  s.steps.push_back(decide);
  if (d.report_party)
    s.steps.push_back(c.After(plan.Between(1, 3), "report_party", leader, Json::object(), "已向县委常委会请示报告"));
  s.steps.push_back(c.After(plan.Between(3, 7), "publish", undertaker, {{"publication", "示范县人民政府门户网站"}}));
  s.steps.push_back(c.After(plan.Between(5, 10), "archive", undertaker,
                            {{"archive_no", "JC-" + std::to_string(d.year) + "-" +
                                                std::to_string(plan.Between(1, 9))}}));
  s.steps.push_back(c.After(plan.Between(3, 5), "implement", undertaker,
                            {{"evaluation_due", c.day().AddDays(365).ToString()}}));
  if (d.evaluate.year) {
    c.JumpTo(d.evaluate);
    s.steps.push_back(c.After(0, "evaluate", undertaker,
                              {{"evaluation_conclusion", "继续执行"},
                               {"evaluation_report", "决策执行效果良好，群众满意度较高。"}}));
    s.steps.push_back(c.After(plan.Between(5, 10), "complete", undertaker));
  }
  auto id = plan.builder().Add(s);
  return id.ok() ? Status::Ok() : id.status();
}

}  // namespace

Status AddMajorDecisions(Plan& plan) {
  const std::vector<DecisionSpec> all = {
      {"示范县生活垃圾分类实施方案", "ZJJ", 2023, true, true, true, Day(2024, 10, 16), false},
      {"示范县中小学校布局调整规划（2023—2030年）", "JYJ", 2023, true, false, false, {}, false},
      {"示范县城区农贸市场迁建方案", "ZJJ", 2023, false, false, false, {}, true},
      {"示范县巡游出租汽车运力投放方案", "ZJJ", 2024, true, true, true, {}, false},
      {"示范县城区集中供热价格调整方案", "ZJJ", 2024, true, true, false, {}, false},
      {"示范县城镇老旧小区改造三年行动计划（2024—2026年）", "ZJJ", 2024, false, false, false, {}, false},
  };
  for (const auto& d : all) FAZHI_RETURN_IF_ERROR(AddDecision(plan, d));
  return Status::Ok();
}

namespace {

const std::vector<std::string> kOpinionSubjects = {
    "县政府常务会议议题", "重大项目招商引资协议", "征收补偿安置方案", "信访疑难案件处理",
    "国有资产处置方案",   "行政应诉案件",         "政府采购合同",     "政策文件起草"};
const std::vector<std::string> kMeetings = {
    "县政府常务会议", "重大项目推进会", "信访联席会议", "安全生产专题会", "征地拆迁协调会"};
const std::vector<std::string> kTrainings = {
    "领导干部学法讲座", "行政执法人员培训", "合同管理专题培训", "民法典宣讲", "行政复议应诉培训"};

struct WorkPlan {
  int year;
  std::vector<std::pair<std::string, int>> types;  // work_type, confirmed records
  int voided;
};

Status AddWorkYear(Plan& plan, const WorkPlan& w) {
  const Actor& clerk = plan.User("clerk");
  const Actor& chief = plan.User("chief");
  const std::vector<const Actor*> counsel = {&plan.User("counsel"), &chief};
  for (const auto& [type, n] : w.types) {
    const auto days = plan.Spread(Day(w.year, 1, 2), Day(w.year, 12, 27), n + (type == "法律意见" ? w.voided : 0));
    for (size_t i = 0; i < days.size(); ++i) {
      const Actor& who = *counsel[static_cast<size_t>(plan.Pick(3) == 0 ? 1 : 0)];
      std::string title;
      if (type == "法律意见") title = "就" + plan.OneOf(kOpinionSubjects) + "出具法律意见";
      else if (type == "合同审查") title = "审查" + plan.OneOf(kOpinionSubjects) + "相关合同";
      else if (type == "会议") title = "参加" + plan.OneOf(kMeetings);
      else title = "参加" + plan.OneOf(kTrainings);
      Script s;
      s.kind = plan.Kind("counsel_work");
      s.title = title;
      s.org = &plan.Org("JUS-LR");
      s.creator = clerk;
      s.fields = {{"work_type", type},
                  {"counsel", IdToString(who.id)},
                  {"work_date", days[i].ToString()},
                  {"hours", plan.Between(1, 8)},
                  {"summary", title + "。"}};
      Cursor c(plan, plan.AddWorkingDays(days[i], plan.Between(0, 2)));
      c.Begin(&s);
      if (i >= static_cast<size_t>(n)) {
        s.steps.push_back(c.After(plan.Between(0, 2), "void", clerk, Json::object(), "重复登记，予以作废"));
      } else {
        s.steps.push_back(c.After(plan.Between(1, 5), "confirm", chief));
      }
      auto id = plan.builder().Add(s);
      if (!id.ok()) return id.status();
    }
  }
  return Status::Ok();
}

struct ContractSpec {
  std::string counsel, role, user;  // user "" = no platform account
  int year;
  bool expires;
};

Status AddContract(Plan& plan, const ContractSpec& k) {
  const Actor& clerk = plan.User("clerk");
  Script s;
  s.kind = plan.Kind("counsel_contract");
  s.title = std::to_string(k.year) + "年度政府法律顾问服务合同（" + k.counsel + "）";
  s.org = &plan.Org("JUS-LR");
  s.creator = clerk;
  s.fields = {{"counsel_name", k.counsel},
              {"counsel_role", k.role},
              {"firm", IdToString(plan.Org("LAW1").id)},
              {"contract_no", "FLGW-" + std::to_string(k.year) + "-" + std::to_string(plan.Between(1, 9))},
              {"service_start", std::to_string(k.year) + "-03-01"},
              {"service_end", k.year == 2023 ? "2024-02-29" : "2026-02-28"},
              {"fee", plan.Between(6, 12) * 10000},
              {"scope", "为县政府重大决策、重大合同、涉法事务提供法律服务。"}};
  if (!k.user.empty()) s.fields["counsel_user"] = IdToString(plan.User(k.user).id);
  Cursor c(plan, Day(k.year, 2, 20));
  c.Begin(&s);
  if (k.expires) {
    c.JumpTo(Day(k.year + 1, 3, 1));
    s.steps.push_back(c.After(0, "expire", clerk));
  }
  auto id = plan.builder().Add(s);
  return id.ok() ? Status::Ok() : id.status();
}

}  // namespace

Status AddCounselWork(Plan& plan) {
  // 2024 (新一轮购买服务): 221 + 91 = 312 opinions, 58 + 31 = 89 meetings and trainings.
  for (const ContractSpec& k : std::vector<ContractSpec>{{"赵律师", "外聘法律顾问", "counsel", 2023, true},
                                                         {"钱律师", "外聘法律顾问", "", 2023, true},
                                                         {"赵律师", "外聘法律顾问", "counsel", 2024, false},
                                                         {"孙律师", "外聘法律顾问", "", 2024, false},
                                                         {"李顾问", "政府总法律顾问", "chief", 2024, false}})
    FAZHI_RETURN_IF_ERROR(AddContract(plan, k));
  FAZHI_RETURN_IF_ERROR(
      AddWorkYear(plan, {2023, {{"法律意见", 140}, {"合同审查", 52}, {"会议", 40}, {"培训", 16}}, 2}));
  return AddWorkYear(plan, {2024, {{"法律意见", 221}, {"合同审查", 91}, {"会议", 58}, {"培训", 31}}, 3});
}

}  // namespace fazhi::metrics::demo
