// Demo years: legality reviews (合法性审查) of lists, policies and agreements.
// Reviews of normative documents and major decisions are generated with the
// matters they serve (demo_documents.cc, demo_decisions.cc).
#include <algorithm>

#include "metrics/demo_plan.h"

namespace fazhi::metrics::demo {

using engine::Json;

namespace {

const std::vector<std::string> kPolicySubjects = {
    "促进民营经济高质量发展", "支持中小微企业稳岗扩岗", "加快发展现代设施农业", "推进城乡供水一体化",
    "加强城镇燃气安全管理",   "推进城镇老旧小区改造",   "鼓励高校毕业生就业创业", "完善居家社区养老服务",
    "推进义务教育优质均衡发展", "加强耕地保护和用途管制", "持续优化营商环境",       "推进数字政府建设",
    "深入打好污染防治攻坚战", "规范农村集体资产管理",   "推进全民健身设施建设",   "加强食品安全全链条监管",
    "推进生活垃圾分类",       "促进文化和旅游融合发展", "强化安全生产责任落实",   "提振和扩大消费"};
const std::vector<std::string> kPolicyForms = {"若干措施", "实施方案", "实施意见", "工作方案", "三年行动计划"};
const std::vector<std::string> kAgreements = {
    "城区集中供热特许经营协议",     "工业园区污水处理厂委托运营合同", "国有建设用地使用权出让合同",
    "农贸市场提升改造合作协议",     "公共自行车系统服务采购合同",     "城区道路清扫保洁服务合同",
    "新材料产业项目招商引资协议",   "保障性租赁住房代建协议",         "分布式光伏发电项目投资协议",
    "智慧停车项目特许经营协议",     "农村饮水安全工程运营维护合同",   "国有林场经营管理委托协议",
    "县城供水厂提标改造EPC合同",    "政府购买社会救助服务合同",       "冷链物流园区建设合作协议"};
const std::vector<std::string> kConclusionReasons = {
    "主体适格，内容符合上位法规定，程序合法。", "个别条款表述不够严谨，建议按审查意见修改后实施。",
    "部分条款增设了上位法没有规定的义务，应予删除。"};

std::string ReviewTitle(Plan& plan, const std::string& category, const OrgRef& org, int year, int n) {
  if (category == "权责清单")
    return org.name + "权责清单动态调整（" + std::to_string(year) + "年第" + std::to_string(n) + "批）";
  if (category == "三定规定") return org.name + "职能配置、内设机构和人员编制规定（第" + std::to_string(n) + "次修订）";
  if (category == "政策文件") return "关于" + plan.OneOf(kPolicySubjects) + "的" + plan.OneOf(kPolicyForms);
  if (category == "行政协议") return plan.OneOf(kAgreements);
  return "其他事项合法性审查";
}

// The submitting units of each category.
std::vector<std::string> Submitters(const std::string& category) {
  if (category == "行政协议") return {"GOV", "ZRZY", "ZJJ", "CGZ", "STHJ"};
  if (category == "政策文件") return {"GOV", "SCJG", "JYJ", "ZJJ", "STHJ", "ZRZY"};
  return {"SCJG", "STHJ", "ZRZY", "ZJJ", "JYJ", "CGZ"};
}

// The item of the review catalogue (definitions/lists/review_catalogue.yaml)
// a review of the category is listed under: of the items of that category,
// the first when the county government itself submits it, else the last;
// "" when the loaded catalogue has none (a county may edit its list), and the
// review is then registered without one.
std::string CatalogueItem(const engine::KindDef& kind, const std::string& category, bool by_government) {
  const engine::FieldDef* field = kind.Field("catalogue_item");
  if (field == nullptr) return "";
  std::string found;
  for (const auto& option : field->options) {
    auto attrs = field->option_attrs.find(option);
    if (attrs == field->option_attrs.end()) continue;
    auto c = attrs->second.find("category");
    if (c == attrs->second.end() || c->second != category) continue;
    found = option;
    if (by_government) break;
  }
  return found;
}

}  // namespace

Result<Review> AddReview(Plan& plan, const ReviewSpec& spec) {
  const Actor& clerk = plan.User("clerk");
  const Actor& chief = plan.User("chief");
  const Actor& who = plan.Chance(45) ? chief : plan.User("counsel");
  Script s;
  s.kind = plan.Kind("legality_review");
  s.title = spec.title;
  s.org = &plan.Org("JUS-LR");
  // Registered by the office's clerk on the unit's behalf: the unit's demo
  // account would otherwise find every past review in its inbox (feedback
  // may be repeated on an issued review).
  s.creator = clerk;
  s.fields = {{"category", spec.category},
              {"submitting_org", IdToString(spec.submitting->id)},
              {"explanation", "本件由" + spec.submitting->name + "起草，已按规定征求相关部门意见。"}};
  if (std::string item = CatalogueItem(*s.kind, spec.category, spec.submitting->code == "GOV"); !item.empty())
    s.fields["catalogue_item"] = item;
  Cursor c(plan, spec.received);
  c.Begin(&s);
  const Actor& submitter = *spec.submitter;
  if (spec.returned) {
    s.steps.push_back(
        c.After(1, "return", clerk, Json::object(), "材料不齐全，缺少起草说明和征求意见情况，请补正后重新报送"));
    s.steps.push_back(c.After(plan.Between(2, 4), "resubmit", submitter,
                              {{"explanation", "已补充起草说明和征求意见采纳情况。"}}));
  }
  s.steps.push_back(c.After(plan.Between(0, 1), "accept", clerk));
  Step assign = c.After(plan.Between(0, 1), "assign", clerk, Json::object(), "按分流规则分配");
  assign.assignee = who.id;
  s.steps.push_back(assign);
  if (spec.extended && plan.HasCalendar(c.day().year)) {
    s.steps.push_back(c.After(plan.Between(2, 4), "request_extension", clerk, Json::object(),
                              "涉及问题复杂，需征求相关部门意见"));
    s.steps.push_back(c.After(1, "extend", chief, Json::object(), "同意延长审查期限"));
  }
  const int pick = plan.Pick(100);
  const std::string conclusion = pick < 70 ? "合法" : pick < 97 ? "修改后合法" : "不合法";
  const std::string& reasons = kConclusionReasons[conclusion == "合法" ? 0 : conclusion == "修改后合法" ? 1 : 2];
  s.steps.push_back(c.After(spec.late ? plan.Between(15, 18) : plan.Between(2, 7), "draft", who,
                            {{"conclusion", conclusion}, {"reasons", reasons}}));
  s.steps.push_back(c.After(plan.Between(1, 2), "approve", chief));
  s.steps.push_back(c.After(plan.Between(0, 1), "issue", clerk));
  const Date issued = c.day();
  const int adopt = plan.Pick(100);
  Json feedback = {{"adoption", adopt < 86 ? "已采纳" : adopt < 96 ? "部分采纳" : "未采纳"}};
  if (adopt >= 86) feedback["adoption_note"] = "已根据审查意见对相关条款作了调整，其余条款经研究暂不修改。";
  s.steps.push_back(c.After(plan.Between(3, 9), "feedback", submitter, feedback));
  auto id = plan.builder().Add(s);
  if (!id.ok()) return id.status();
  return Review{id.value(), issued};
}

namespace {

struct YearPlan {
  int year;
  std::vector<std::pair<std::string, int>> categories;  // category, reviews issued in the year
  int withdrawn, spill_over;                           // spill_over: received in December, issued next year
};

Status AddYear(Plan& plan, const YearPlan& y) {
  std::vector<std::string> queue;
  for (const auto& [category, n] : y.categories) queue.insert(queue.end(), n, category);
  // A fixed shuffle, so categories interleave through the year.
  for (size_t i = queue.size(); i > 1; --i)
    std::swap(queue[i - 1], queue[static_cast<size_t>(plan.Pick(static_cast<int>(i)))]);
  const auto days = plan.Spread(Day(y.year, 1, 2), Day(y.year, 11, 15), static_cast<int>(queue.size()));
  std::map<std::string, int> serial;
  for (size_t i = 0; i < queue.size(); ++i) {
    const std::string& category = queue[i];
    const OrgRef& org = plan.Org(plan.OneOf(Submitters(category)));
    ReviewSpec spec;
    spec.category = category;
    spec.title = ReviewTitle(plan, category, org, y.year, ++serial[category + org.code]);
    spec.submitting = &org;
    spec.received = days[i];
    spec.late = plan.Chance(4);
    spec.extended = !spec.late && plan.Chance(5);
    spec.returned = plan.Chance(5);
    spec.submitter = &plan.User(org.code == "ZJJ" ? "undertaker" : "unit");
    auto review = AddReview(plan, spec);
    if (!review.ok()) return review.status();
    if (review->issued.year != y.year)
      return Status(codes::kInternal, "demo review “" + spec.title + "” issued outside " + std::to_string(y.year));
  }
  for (int i = 0; i < y.spill_over; ++i) {
    ReviewSpec spec;
    spec.category = "政策文件";
    spec.submitting = &plan.Org("GOV");
    spec.title = ReviewTitle(plan, spec.category, *spec.submitting, y.year, i + 1);
    spec.received = Day(y.year, 12, 18 + 2 * i);
    spec.late = true;  // issued after the new year
    spec.submitter = &plan.User("unit");
    auto review = AddReview(plan, spec);
    if (!review.ok()) return review.status();
    if (review->issued.year != y.year + 1) return Status(codes::kInternal, "demo spill-over review issued in its year");
  }
  for (int i = 0; i < y.withdrawn; ++i) {
    Script s;
    s.kind = plan.Kind("legality_review");
    s.org = &plan.Org("JUS-LR");
    s.creator = plan.User("clerk");
    const OrgRef& org = plan.Org("SCJG");
    s.title = ReviewTitle(plan, "政策文件", org, y.year, i + 1);
    s.fields = {{"category", "政策文件"}, {"submitting_org", IdToString(org.id)}};
    Cursor c(plan, Day(y.year, 4 + 3 * i, 10));
    c.Begin(&s);
    s.steps.push_back(c.After(plan.Between(1, 3), "withdraw", plan.User("unit"), Json::object(),
                              "文件起草工作暂停，申请撤回送审"));
    auto id = plan.builder().Add(s);
    if (!id.ok()) return id.status();
  }
  return Status::Ok();
}

}  // namespace

Status AddLegalityReviews(Plan& plan) {
  // 2024: 40 + 35 = 75 权责清单/三定规定, 95 政策文件, 57 行政协议 (the reports'
  // figures); reviews of decisions and normative documents come with them.
  FAZHI_RETURN_IF_ERROR(
      AddYear(plan, {2023, {{"权责清单", 18}, {"三定规定", 14}, {"政策文件", 61}, {"行政协议", 38}}, 1, 0}));
  return AddYear(plan, {2024, {{"权责清单", 40}, {"三定规定", 35}, {"政策文件", 95}, {"行政协议", 57}}, 2, 2});
}

}  // namespace fazhi::metrics::demo
