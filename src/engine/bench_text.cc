// Wording of the benchmark dataset: phrase lists, titles, field values and
// the benchmark county's orgs and people (see bench_generator.h).
#include "engine/bench_text.h"

#include <algorithm>
#include <cmath>

#include "base/ids.h"
#include "engine/text_index.h"

namespace fazhi::engine::bench {
namespace text {

using calendar::Date;

namespace {

constexpr const char* kTopics[] = {
    "城市道路停车", "餐饮业油烟污染防治", "农村宅基地", "城镇燃气", "住宅小区物业服务", "城市养犬",
    "建筑垃圾", "户外广告设施", "校外培训机构", "农贸市场", "公共租赁住房", "河道采砂", "森林防火",
    "烟花爆竹燃放", "生活垃圾分类", "历史文化街区保护", "电动自行车", "城乡供水", "殡葬",
    "农村集体资产", "政府投资项目", "行政执法公示", "城市绿化", "地下管线", "占道经营", "网络预约出租汽车",
    "渣土运输", "畜禽养殖污染防治", "饮用水水源保护", "城市排水", "既有住宅加装电梯", "农村公路养护",
    "中小企业发展专项资金", "人才引进", "高标准农田建设", "地质灾害防治", "村级组织运转经费", "城市照明"};
constexpr const char* kDocTypes[] = {"管理办法", "实施办法", "实施细则", "暂行规定", "实施意见",
                                     "管理规定", "工作规则", "考核办法", "补助办法", "奖励办法"};
constexpr const char* kDecisions[] = {
    "城区中小学布局调整方案", "城市公共交通票价调整", "老旧小区改造三年行动计划", "集中供热价格调整",
    "国土空间总体规划", "城区污水处理费标准调整", "农村生活垃圾治理方案", "县医院迁建工程",
    "城区停车收费标准调整", "殡葬改革实施方案", "乡村振兴示范片区建设规划", "全域旅游发展规划",
    "城市防洪排涝工程", "工业园区扩区方案", "城区学前教育资源配置方案"};
constexpr const char* kContracts[] = {"特许经营协议", "政府购买服务合同", "房屋征收补偿协议", "招商引资协议",
                                      "委托运营合同", "建设工程施工合同", "合作框架协议", "国有资产租赁合同",
                                      "政府和社会资本合作项目合同"};
constexpr const char* kProjects[] = {"第二污水处理厂", "城乡供水一体化", "生活垃圾焚烧发电", "城东片区棚户区改造",
                                     "县城燃气管网", "工业园区标准化厂房", "智慧停车", "农产品冷链物流园",
                                     "城北公交首末站", "县人民医院新院区", "滨河公园", "高铁站前广场"};
constexpr const char* kPlaces[] = {"城北新区", "东湖片区", "经济开发区", "高铁站片区",
                                   "老城区", "滨河新城", "南部工业园", "城西组团"};
constexpr const char* kViolations[] = {
    "销售不合格产品", "未取得排污许可证排放污染物", "未按规定安装油烟净化设施", "违法占用耕地建房", "无证经营",
    "超限超载运输", "生产经营超过保质期食品", "发布虚假广告", "未按规定设置安全警示标志", "擅自改变房屋用途",
    "非法采砂", "违规处置建筑垃圾", "拒不执行停产整治决定", "价格欺诈", "使用未经检验的特种设备"};
constexpr const char* kTrade[] = {"宏达", "鑫源", "恒通", "华泰", "永盛", "金桥", "瑞丰", "兴隆", "顺发", "德润",
                                  "广源", "博远", "天成", "嘉禾", "绿源", "盛世", "利民", "安泰", "众诚", "聚宝"};
constexpr const char* kIndustry[] = {"建材", "商贸", "物流", "餐饮管理", "建筑工程", "农业开发", "房地产开发",
                                     "食品", "汽车维修", "化工", "医药连锁", "石材", "生态养殖", "环保科技"};
constexpr const char* kDescriptions[] = {
    "{s}由承办单位起草，已按规定公开征求意见，现报请进行合法性审查。",
    "{s}涉及群众切身利益，已组织专家论证和风险评估，请予审查。",
    "报送单位提交了{s}及起草说明、征求意见情况等材料。",
    "{s}拟近期提请县政府常务会议审议，请在规定期限内出具审查意见。"};
constexpr const char* kOpinions[] = {
    "经审查，{s}的制定主体、权限和程序符合规定，建议提交审议。",
    "建议删除{s}中增设行政许可和减损当事人权益的条款，修改后可提交审议。",
    "{s}部分条款与上位法不一致，建议进一步明确责任主体和监管措施。",
    "经审查，{s}事实清楚、证据确凿、适用依据正确、程序合法。"};
constexpr const char* kNotes[] = {"材料需补充，请于5个工作日内补正。", "因案情复杂，申请延长审查期限。",
                                  "已电话联系报送单位核实情况。", "请承办人抓紧办理。", "同意。",
                                  "送审材料不齐全，请补充起草说明。"};
constexpr const char* kSurnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文";
constexpr const char* kGiven = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉萍辉海燕鹏飞雪梅晓东春林婷浩宇欣然佳怡子涵俊凯";

struct NamedOrg {
  const char* name;
  const char* short_name;
};
constexpr NamedOrg kDepartments[] = {
    {"发展和改革局", "县发改局"}, {"财政局", "县财政局"}, {"人力资源和社会保障局", "县人社局"},
    {"交通运输局", "县交通局"}, {"农业农村局", "县农业农村局"}, {"水利局", "县水利局"}, {"商务局", "县商务局"},
    {"文化和旅游局", "县文旅局"}, {"卫生健康委员会", "县卫健委"}, {"退役军人事务局", "县退役军人局"},
    {"应急管理局", "县应急局"}, {"审计局", "县审计局"}, {"统计局", "县统计局"}, {"医疗保障局", "县医保局"},
    {"林业局", "县林业局"}, {"城市管理局", "县城管局"}, {"民政局", "县民政局"}, {"公安局", "县公安局"},
    {"科学技术局", "县科技局"}, {"工业和信息化局", "县工信局"}, {"乡村振兴局", "县乡村振兴局"},
    {"信访局", "县信访局"}, {"行政审批服务局", "县审批局"}, {"机关事务管理局", "县机关事务局"},
    {"档案馆", "县档案馆"}, {"粮食和物资储备局", "县粮储局"}, {"供销合作社联合社", "县供销社"},
    {"地方金融监督管理局", "县金融局"}, {"人民防空办公室", "县人防办"}, {"气象局", "县气象局"},
    {"民族宗教事务局", "县民宗局"}, {"投资促进局", "县投促局"}, {"住房公积金管理中心", "县公积金中心"},
    {"不动产登记中心", "县不动产中心"}, {"公共资源交易中心", "县公共资源交易中心"},
    {"经济开发区管理委员会", "开发区管委会"}, {"综合行政执法局", "县综合执法局"}, {"体育运动中心", "县体育中心"},
    {"融媒体中心", "县融媒体中心"}, {"政务服务管理办公室", "县政务办"}, {"国有资产事务中心", "县国资中心"},
    {"交通运输综合行政执法大队", "县交通执法大队"}, {"农业综合行政执法大队", "县农业执法大队"},
    {"文化市场综合行政执法大队", "县文化执法大队"}, {"消防救援大队", "县消防大队"}};
constexpr const char* kTownships[] = {"城南镇", "城北镇", "东关镇", "西关镇", "河口镇", "青山镇", "石桥镇",
                                      "柳林镇", "白马镇", "龙泉镇", "新集镇", "双河镇", "丰乐镇", "太平镇",
                                      "永安镇", "黄庄乡", "李家乡", "马集乡", "桃源乡", "清水乡",
                                      "红星街道", "东城街道", "西城街道", "南湖街道", "北关街道"};


template <size_t N>
std::string Pick(std::mt19937_64& rng, const char* const (&list)[N]) { return list[Below(rng, N)]; }

template <typename T, size_t N>
constexpr size_t Count(const T (&)[N]) { return N; }


// One CJK character (3 UTF-8 bytes) of a string of them.
std::string CharOf(std::mt19937_64& rng, const std::string& chars) {
  return chars.substr(Below(rng, chars.size() / 3) * 3, 3);
}

std::string Replace(std::string text, const std::string& subject) {
  size_t at = text.find("{s}");
  return at == std::string::npos ? text : text.replace(at, 3, subject);
}

// At most max_chars code points (text fields have a length limit).
std::string Truncate(const std::string& s, int max_chars) {
  auto cps = DecodeUtf8(s);
  if (max_chars <= 0 || static_cast<int>(cps.size()) <= max_chars) return s;
  cps.resize(static_cast<size_t>(max_chars));
  return EncodeUtf8(cps);
}



// A subject of legality-review work, with the title of its review.
TitleParts ReviewSubject(std::mt19937_64& rng, const std::vector<BenchOrg>& orgs, int year) {
  const double r = Unit01(rng);
  TitleParts t;
  if (r < 0.30) {
    t.subject = "示范县" + Pick(rng, kTopics) + Pick(rng, kDocTypes);
    if (Chance(rng, 0.2)) t.subject += "（" + std::to_string(year - static_cast<int>(Below(rng, 6))) + "年修订）";
    t.title = "关于《" + t.subject + "》的合法性审查";
    t.category = "行政规范性文件";
  } else if (r < 0.40) {
    t.subject = Pick(rng, kDecisions);
    t.title = "关于" + t.subject + "重大行政决策事项的合法性审查";
    t.category = "重大行政决策";
  } else if (r < 0.50) {
    t.subject = Pick(rng, kPlaces) + "XK" + std::to_string(year) + "-" + std::to_string(1 + Below(rng, 40)) +
                "号地块国有土地使用权出让合同";
    t.title = "关于" + t.subject + "的合法性审查";
    t.category = "行政协议";
  } else if (r < 0.65) {
    t.subject = Pick(rng, kProjects) + "项目" + Pick(rng, kContracts);
    t.title = "关于" + t.subject + "的合法性审查";
    t.category = "行政协议";
  } else if (r < 0.95) {
    t.subject = "示范县" + Pick(rng, kTrade) + Pick(rng, kIndustry) + (Chance(rng, 0.7) ? "有限公司" : "有限责任公司") +
                Pick(rng, kViolations) + "案";
    t.title = "关于" + t.subject + "行政处罚决定书的法制审核";
    t.category = "其他";
  } else {
    t.subject = orgs[Below(rng, orgs.size())].name + std::to_string(year) + "年度权责清单调整";
    t.title = "关于" + t.subject + "的合法性审查";
    t.category = "其他";
  }
  return t;
}

bool Mentions(const FieldDef& f, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (f.key.find(w) != std::string::npos || f.label.find(w) != std::string::npos) return true;
  return false;
}

}  // namespace

std::string PersonName(std::mt19937_64& rng) {
  std::string name = CharOf(rng, kSurnames) + CharOf(rng, kGiven);
  if (Chance(rng, 0.6)) name += CharOf(rng, kGiven);
  return name;
}

// 7 → "007".
std::string Padded(size_t n) {
  std::string digits = std::to_string(n);
  return std::string(digits.size() < 3 ? 3 - digits.size() : 0, '0') + digits;
}

// The title of a matter of `kind`: wording per known kind, else
// "关于<a review subject>的<kind label>".
TitleParts MakeTitle(std::mt19937_64& rng, const KindDef& kind, const std::vector<BenchOrg>& orgs, int year) {
  const std::string& k = kind.kind;
  TitleParts t;
  if (k == "normative_document" || k == "filing_review") {
    const BenchOrg& org = orgs[Below(rng, orgs.size())];
    t.subject = (k == "filing_review" ? org.name : std::string("示范县")) + Pick(rng, kTopics) + Pick(rng, kDocTypes);
    t.title = k == "filing_review" ? "《" + t.subject + "》备案审查" : t.subject;
    t.category = "行政规范性文件";
  } else if (k == "major_decision") {
    t.subject = Pick(rng, kDecisions);
    t.title = std::to_string(year) + "年度" + t.subject;
    t.category = "重大行政决策";
  } else if (k == "counsel_contract") {
    t.subject = std::string(Chance(rng, 0.5) ? "常年" : "专项") + "法律顾问服务";
    t.title = std::to_string(year) + "年度" + t.subject + "合同";
  } else if (k == "counsel_work") {
    const TitleParts review = ReviewSubject(rng, orgs, year);
    constexpr const char* kWork[] = {"出具法律意见：", "参与论证：", "审查合同：", "列席会议研究："};
    t.subject = review.subject;
    t.title = Pick(rng, kWork) + review.subject;
  } else {
    t = ReviewSubject(rng, orgs, year);
    if (k != "legality_review" && k != "test_case") t.title = "关于" + t.subject + "的" + kind.label;
  }
  return t;
}

// A plausible value for a field, or null to leave it out.
Json FieldValue(std::mt19937_64& rng, const FieldDef& f, const TitleParts& t, const GeneratorSetup& s, const Date& day) {
  const int max_chars = f.max ? static_cast<int>(*f.max) : 0;
  switch (f.type) {
    case FieldType::kText:
      // By what the field is about (key or label), else the subject.
      if (Mentions(f, {"name", "姓名", "签发人", "signer"})) return PersonName(rng);
      if (Mentions(f, {"_no", "number", "编号", "文号", "登记号", "归档号"}))
        return Truncate("示政发〔" + std::to_string(day.year) + "〕" + std::to_string(1 + Below(rng, 60)) + "号", max_chars);
      if (Mentions(f, {"meeting", "会议"})) return "县人民政府第" + std::to_string(1 + Below(rng, 40)) + "次常务会议";
      if (Mentions(f, {"publication", "载体"})) return std::string(Chance(rng, 0.5) ? "示范县人民政府网站" : "示范县人民政府公报");
      if (Mentions(f, {"机关", "filed_to"})) return std::string("市人民政府");
      return Truncate(t.subject, max_chars);
    case FieldType::kLongText:
      return Truncate(Replace(f.key.find("opinion") != std::string::npos ? Pick(rng, kOpinions) : Pick(rng, kDescriptions),
                              t.subject),
                      max_chars);
    case FieldType::kNumber: {
      const int64_t lo = f.min ? static_cast<int64_t>(std::ceil(*f.min)) : 1;
      if (lo >= 1900 && f.max && *f.max <= 2100) return int64_t{day.year};  // a year
      const int64_t hi = std::min<int64_t>(f.max ? static_cast<int64_t>(*f.max) : 200, lo + 199);
      return lo + static_cast<int64_t>(Below(rng, static_cast<uint64_t>(std::max<int64_t>(1, hi - lo + 1))));
    }
    case FieldType::kMoney: {
      const double lo = f.min.value_or(0), hi = std::min(f.max.value_or(5e6), lo + 5e6);
      return std::round((lo + Unit01(rng) * (hi - lo)) * 100) / 100;
    }
    case FieldType::kDate:
      if (Mentions(f, {"start", "起"})) return day.ToString();
      if (Mentions(f, {"end", "until", "止", "至"})) return day.AddDays(365 + static_cast<int64_t>(Below(rng, 730))).ToString();
      return day.AddDays(10 + static_cast<int64_t>(Below(rng, 60))).ToString();
    case FieldType::kEnum:
      if (f.options.empty()) return nullptr;
      if (std::find(f.options.begin(), f.options.end(), t.category) != f.options.end()) return t.category;
      return f.options[Below(rng, f.options.size())];
    case FieldType::kOrg: return IdToString(s.all_orgs[Below(rng, s.all_orgs.size())].id);
    case FieldType::kUser: return IdToString(s.staff[Below(rng, s.staff.size())].id);
    case FieldType::kParty:
      if (!f.required) return nullptr;
      // Masked form only: generated data never holds clear personal data.
      return Json{{"name", CharOf(rng, kSurnames) + "*"}, {"idNumber", "110101********" + std::to_string(1000 + Below(rng, 9000))},
                  {"phone", "138****" + std::to_string(1000 + Below(rng, 9000))}};
    default: return nullptr;  // attachment, matter_link: left empty
  }
}


std::string NoteText(std::mt19937_64& rng) { return Pick(rng, kNotes); }

}  // namespace text

using namespace text;  // NOLINT: this file's vocabulary

std::vector<BenchOrg> MakeOrgs(const BenchOrg& parent, ReservedIds* ids) {
  std::vector<BenchOrg> out;
  auto add = [&](const BenchOrg& under, const std::string& name, const std::string& short_name,
                 const std::string& type) {
    BenchOrg o;
    o.id = ids->Next();
    o.parent_id = under.id;
    o.code = "BD-" + Padded(out.size() + 1);
    o.name = name;
    o.short_name = short_name;
    o.type = type;
    o.path = under.path + std::to_string(o.id) + "/";
    out.push_back(o);
  };
  for (const auto& d : kDepartments) add(parent, std::string("示范县") + d.name, d.short_name, "department");
  for (const std::string t : kTownships)
    add(parent, t + (t.ends_with("街道") ? "办事处" : "人民政府"), t, "township");
  // Offices below: a 司法所 in each of the first townships, 法规科 in departments.
  const size_t departments = Count(kDepartments);
  for (size_t i = 0; out.size() < 100; ++i) {
    if (i < 18) {
      const BenchOrg town = out[departments + i];
      const std::string base = town.short_name.substr(0, town.short_name.size() - 3);  // drop 镇/乡/… (one char)
      add(town, town.short_name + "司法所", base + "司法所", "office");
    } else {
      const BenchOrg dept = out[i - 18];
      add(dept, dept.name + "法规科", dept.short_name + "法规科", "office");
    }
  }
  return out;
}

std::vector<BenchUser> MakeSubmitters(const std::vector<BenchOrg>& orgs, uint64_t seed, ReservedIds* ids) {
  std::mt19937_64 rng(seed ^ 0x5eedfa2c0ffeeULL);
  std::vector<BenchUser> out;
  for (size_t i = 0; i < orgs.size(); ++i) {
    BenchUser u;
    u.id = ids->Next();
    u.org_id = orgs[i].id;
    u.username = "bd" + Padded(i + 1);
    u.display_name = PersonName(rng);
    out.push_back(u);
  }
  return out;
}

}  // namespace fazhi::engine::bench
