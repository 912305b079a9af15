// ParseMetrics / LoadMetrics: reads metric definitions with yaml-cpp and
// checks every name they use against the loaded kinds, reporting FILE:LINE.
// yaml-cpp throws; ParseMetrics catches everything and returns a Status.
#include "metrics/metric.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

namespace fazhi::metrics {

const char* MetricTypeName(MetricType t) { return t == MetricType::kRatio ? "ratio" : "count"; }

namespace {

constexpr char kInvalid[] = "invalid_metric";
constexpr size_t kMaxFileBytes = 1 << 20;

int LineOf(const YAML::Node& n) { return std::max(n.Mark().line + 1, 1); }

bool IsMetricId(const std::string& s) {
  if (s.empty() || s.size() > 64 || s[0] < 'a' || s[0] > 'z' || s.back() == '.') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The state of reading one file.
struct Reader {
  const std::string& file;
  const engine::KindRegistry& kinds;

  Status Err(const YAML::Node& at, const std::string& what) const {
    return Status(kInvalid, file + ":" + std::to_string(LineOf(at)) + ": " + what);
  }

  // A mapping whose keys are all in `allowed`, none twice.
  Status Map(const YAML::Node& n, const std::string& what, std::initializer_list<const char*> allowed) const {
    if (!n.IsMap()) return Err(n, what + " must be a mapping");
    std::set<std::string> seen;
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!it->first.IsScalar()) return Err(it->first, "keys in " + what + " must be names");
      const std::string key = it->first.Scalar();
      if (!seen.insert(key).second) return Err(it->first, "duplicate key '" + key + "' in " + what);
      if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) {
        std::string list;
        for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        return Err(it->first, "unknown key '" + key + "' in " + what + " (allowed: " + list + ")");
      }
    }
    return Status::Ok();
  }

  // A non-empty string value of `key`; missing is an error only when required.
  Status Text(const YAML::Node& map, const char* key, const std::string& what, bool required,
              std::string* out) const {
    const YAML::Node n = map[key];
    if (!n.IsDefined() || n.IsNull()) {
      return required ? Err(map, what + " needs '" + key + "'") : Status::Ok();
    }
    if (!n.IsScalar() || n.Scalar().empty()) return Err(n, what + ": '" + key + "' must be a non-empty string");
    if (n.Scalar().size() > 600) return Err(n, what + ": '" + key + "' is too long");
    *out = n.Scalar();
    return Status::Ok();
  }

  // A string or a list of strings.
  Status Strings(const YAML::Node& n, const std::string& what, std::vector<std::string>* out) const {
    if (n.IsScalar()) {
      out->push_back(n.Scalar());
      return Status::Ok();
    }
    if (!n.IsSequence() || n.size() == 0) return Err(n, what + " must be a string or a non-empty list");
    if (n.size() > 200) return Err(n, what + " has more than 200 entries");
    for (const auto& item : n) {
      if (!item.IsScalar() || item.Scalar().empty()) return Err(item, "every entry of " + what + " must be a string");
      out->push_back(item.Scalar());
    }
    return Status::Ok();
  }

  const engine::KindDef* Kind(const YAML::Node& at, const std::string& name, Status* st) const {
    const engine::KindDef* k = kinds.Find(name);
    if (!k) *st = Err(at, "unknown kind '" + name + "'");
    return k;
  }

  Status States(const YAML::Node& n, const engine::KindDef& k, const std::string& what,
                std::vector<std::string>* out) const {
    FAZHI_RETURN_IF_ERROR(Strings(n, what, out));
    for (size_t i = 0; i < out->size(); ++i)
      if (!k.HasState((*out)[i]))
        return Err(n.IsSequence() ? n[i] : n, what + ": kind '" + k.kind + "' has no state '" + (*out)[i] + "'");
    return Status::Ok();
  }

  Status Action(const YAML::Node& at, const engine::KindDef& k, const std::string& action,
                const std::string& what) const {
    if (action == "create" || k.Action(action)) return Status::Ok();
    return Err(at, what + ": kind '" + k.kind + "' has no action '" + action + "'");
  }

  Status Outcomes(const YAML::Node& n, const engine::KindDef& k, std::vector<std::string>* out) const {
    FAZHI_RETURN_IF_ERROR(Strings(n, "outcome_in", out));
    std::set<std::string> allowed;
    bool any_value = false, recorded = false;
    for (const auto& a : k.actions) {
      if (a.outcome_field.empty()) continue;
      recorded = true;
      const engine::FieldDef* f = k.Field(a.outcome_field);
      if (f && f->type == engine::FieldType::kEnum) {
        allowed.insert(f->options.begin(), f->options.end());
      } else {
        any_value = true;
      }
    }
    if (!recorded) return Err(n, "outcome_in: no action of kind '" + k.kind + "' records an outcome");
    for (size_t i = 0; i < out->size(); ++i)
      if (!any_value && !allowed.count((*out)[i]))
        return Err(n.IsSequence() ? n[i] : n,
                   "outcome_in: '" + (*out)[i] + "' is not an outcome of kind '" + k.kind + "'");
    return Status::Ok();
  }

  Status Fields(const YAML::Node& n, const engine::KindDef& k, std::vector<FieldMatch>* out) const {
    if (!n.IsMap() || n.size() == 0) return Err(n, "fields must be a non-empty mapping {key: value | [values]}");
    std::set<std::string> seen;
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!it->first.IsScalar()) return Err(it->first, "fields: keys must be field names");
      FieldMatch m;
      m.key = it->first.Scalar();
      if (!seen.insert(m.key).second) return Err(it->first, "fields: duplicate key '" + m.key + "'");
      const engine::FieldDef* f = k.Field(m.key);
      if (!f) return Err(it->first, "fields: kind '" + k.kind + "' has no field '" + m.key + "'");
      using engine::FieldType;
      const FieldType t = f->type;
      if (t != FieldType::kEnum && t != FieldType::kText && t != FieldType::kDate && t != FieldType::kOrg &&
          t != FieldType::kUser)
        return Err(it->first, "fields: field '" + m.key + "' is of type " + engine::FieldTypeName(t) +
                                  "; only enum, text, date, org and user fields can be matched");
      FAZHI_RETURN_IF_ERROR(Strings(it->second, "fields." + m.key, &m.values));
      if (t == FieldType::kEnum)
        for (size_t i = 0; i < m.values.size(); ++i)
          if (!Has(f->options, m.values[i]))
            return Err(it->second.IsSequence() ? it->second[i] : it->second,
                       "fields." + m.key + ": '" + m.values[i] + "' is not an option of field '" + m.key + "'");
      out->push_back(std::move(m));
    }
    return Status::Ok();
  }

  Status Period(const YAML::Node& map, const engine::KindDef& k, const std::string& what, metrics::Period* p) const {
    std::string text;
    FAZHI_RETURN_IF_ERROR(Text(map, "period", what, true, &text));
    const YAML::Node n = map["period"];
    if (text == "received") {
      p->basis = PeriodBasis::kReceived;
    } else if (text == "closed") {
      p->basis = PeriodBasis::kClosed;
    } else if (text.rfind("event:", 0) == 0) {
      p->basis = PeriodBasis::kEvent;
      p->action = text.substr(6);
      FAZHI_RETURN_IF_ERROR(Action(n, k, p->action, "period"));
    } else if (text.rfind("field:", 0) == 0) {
      p->field = text.substr(6);
      const engine::FieldDef* f = k.Field(p->field);
      if (!f) return Err(n, "period: kind '" + k.kind + "' has no field '" + p->field + "'");
      if (f->type == engine::FieldType::kDate) {
        p->basis = PeriodBasis::kDateField;
      } else if (f->type == engine::FieldType::kNumber) {
        p->basis = PeriodBasis::kYearField;
      } else {
        return Err(n, "period: field '" + p->field + "' must be a date or a number (a year)");
      }
    } else {
      return Err(n, what + ": period must be received, closed, event:ACTION or field:KEY, not '" + text + "'");
    }
    return Status::Ok();
  }

  Status Filter(const YAML::Node& n, const std::string& what, metrics::Filter* f) const {
    FAZHI_RETURN_IF_ERROR(Map(n, what, {"kind", "state_in", "outcome_in", "fields", "event", "deadline", "on_time",
                                        "linked", "not_linked", "period"}));
    FAZHI_RETURN_IF_ERROR(Text(n, "kind", what, true, &f->kind));
    Status st;
    const engine::KindDef* k = Kind(n["kind"], f->kind, &st);
    if (!k) return st;
    if (n["state_in"]) FAZHI_RETURN_IF_ERROR(States(n["state_in"], *k, "state_in", &f->state_in));
    if (n["outcome_in"]) FAZHI_RETURN_IF_ERROR(Outcomes(n["outcome_in"], *k, &f->outcome_in));
    if (n["fields"]) FAZHI_RETURN_IF_ERROR(Fields(n["fields"], *k, &f->fields));
    if (const YAML::Node e = n["event"]) {
      FAZHI_RETURN_IF_ERROR(Map(e, "event", {"action"}));
      FAZHI_RETURN_IF_ERROR(Text(e, "action", "event", true, &f->event_action));
      FAZHI_RETURN_IF_ERROR(Action(e["action"], *k, f->event_action, "event"));
    }
    for (const char* key : {"deadline", "on_time"}) {
      std::string* out = std::string(key) == "deadline" ? &f->deadline : &f->on_time;
      FAZHI_RETURN_IF_ERROR(Text(n, key, what, false, out));
      if (!out->empty() && !k->Deadline(*out))
        return Err(n[key], std::string(key) + ": kind '" + k->kind + "' has no deadline '" + *out + "'");
    }
    for (const char* key : {"linked", "not_linked"}) {
      const YAML::Node l = n[key];
      if (!l) continue;
      const std::string k_name = key;
      FAZHI_RETURN_IF_ERROR(Map(l, k_name, {"kind", "state_in"}));
      LinkedMatch m;
      FAZHI_RETURN_IF_ERROR(Text(l, "kind", k_name, true, &m.kind));
      const engine::KindDef* lk = Kind(l["kind"], m.kind, &st);
      if (!lk) return st;
      if (l["state_in"]) FAZHI_RETURN_IF_ERROR(States(l["state_in"], *lk, k_name + ".state_in", &m.state_in));
      (k_name == "linked" ? f->linked : f->not_linked) = std::move(m);
    }
    return Period(n, *k, what, &f->period);
  }

  Status Metric(const YAML::Node& n, const std::string& group, MetricDef* m) const {
    FAZHI_RETURN_IF_ERROR(Map(n, "a metric", {"id", "label", "unit", "type", "filter", "numerator", "denominator", "flag"}));
    FAZHI_RETURN_IF_ERROR(Text(n, "id", "a metric", true, &m->id));
    if (!IsMetricId(m->id))
      return Err(n["id"], "metric id '" + m->id + "' is not valid ([a-z][a-z0-9_.]*, at most 64 characters)");
    const std::string what = "metric '" + m->id + "'";
    FAZHI_RETURN_IF_ERROR(Text(n, "label", what, true, &m->label));
    FAZHI_RETURN_IF_ERROR(Text(n, "unit", what, true, &m->unit));
    std::string type = "count";
    FAZHI_RETURN_IF_ERROR(Text(n, "type", what, false, &type));
    if (type != "count" && type != "ratio") return Err(n["type"], what + ": type must be count or ratio");
    m->type = type == "ratio" ? MetricType::kRatio : MetricType::kCount;
    std::string flag;
    FAZHI_RETURN_IF_ERROR(Text(n, "flag", what, false, &flag));
    if (!flag.empty() && (flag != "nonzero" || m->type != MetricType::kCount))
      return Err(n["flag"], what + ": flag must be nonzero, and only on a count");
    m->flag_nonzero = !flag.empty();
    m->group = group;
    m->source_file = file;
    m->line = LineOf(n);
    if (m->type == MetricType::kCount) {
      if (n["numerator"] || n["denominator"]) return Err(n, what + ": a count has a filter, not numerator/denominator");
      if (!n["filter"]) return Err(n, what + " needs 'filter'");
      return Filter(n["filter"], what + " filter", &m->filter);
    }
    if (n["filter"]) return Err(n["filter"], what + ": a ratio has numerator and denominator, not filter");
    if (!n["numerator"] || !n["denominator"]) return Err(n, what + " needs 'numerator' and 'denominator'");
    if (m->unit != "%") return Err(n["unit"], what + ": the unit of a ratio is %");
    FAZHI_RETURN_IF_ERROR(Filter(n["numerator"], what + " numerator", &m->numerator));
    return Filter(n["denominator"], what + " denominator", &m->denominator);
  }
};

}  // namespace

Result<std::vector<MetricDef>> ParseMetrics(const std::string& yaml_text, const std::string& file,
                                            const engine::KindRegistry& kinds) {
  const Reader r{file, kinds};
  if (yaml_text.size() > kMaxFileBytes) return Status(kInvalid, file + ":1: file is larger than 1 MiB");
  try {
    std::vector<YAML::Node> docs = YAML::LoadAll(yaml_text);
    if (docs.empty() || (docs.size() == 1 && docs[0].IsNull()))
      return Status(kInvalid, file + ":1: file is empty; expected group and metrics");
    if (docs.size() > 1) return r.Err(docs[1], "more than one YAML document");
    const YAML::Node& root = docs[0];
    FAZHI_RETURN_IF_ERROR(r.Map(root, "the metrics file", {"group", "metrics"}));
    std::string group;
    FAZHI_RETURN_IF_ERROR(r.Text(root, "group", "the metrics file", true, &group));
    const YAML::Node list = root["metrics"];
    if (!list || !list.IsSequence() || list.size() == 0)
      return r.Err(list ? list : root, "'metrics' must be a non-empty list");
    std::vector<MetricDef> out;
    std::set<std::string> ids;
    for (const auto& item : list) {
      MetricDef m;
      FAZHI_RETURN_IF_ERROR(r.Metric(item, group, &m));
      if (!ids.insert(m.id).second) return r.Err(item["id"], "duplicate metric id '" + m.id + "'");
      out.push_back(std::move(m));
    }
    return out;
  } catch (const YAML::Exception& e) {
    return Status(kInvalid, file + ":" + std::to_string(e.mark.line + 1) + ": YAML error: " + e.msg);
  } catch (const std::exception& e) {
    return Status(kInvalid, file + ":1: cannot read metrics: " + e.what());
  }
}

Result<std::vector<MetricDef>> LoadMetrics(const std::string& dir, const engine::KindRegistry& kinds) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<MetricDef> all;
  if (!fs::is_directory(dir, ec)) return all;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  if (ec) return Status(kInvalid, dir + ": cannot list: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string file = path.string();
    if (fs::file_size(path, ec) > kMaxFileBytes || ec)
      return Status(kInvalid, file + ":1: unreadable or larger than 1 MiB");
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(kInvalid, file + ":1: cannot open file");
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = ParseMetrics(text.str(), file, kinds);
    if (!parsed.ok()) return parsed.status();
    for (auto& m : parsed.value()) {
      for (const auto& other : all)
        if (other.id == m.id)
          return Status(kInvalid, file + ":" + std::to_string(m.line) + ": metric id '" + m.id +
                                      "' is also defined in " + other.source_file + ":" + std::to_string(other.line));
      all.push_back(std::move(m));
    }
  }
  return all;
}

MetricRegistry::MetricRegistry(std::vector<MetricDef> metrics) : metrics_(std::move(metrics)) {
  for (size_t i = 0; i < metrics_.size(); ++i) index_.emplace(metrics_[i].id, i);
}

const MetricDef* MetricRegistry::Find(const std::string& id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &metrics_[it->second];
}

}  // namespace fazhi::metrics
