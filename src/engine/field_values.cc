#include "engine/field_values.h"

#include <algorithm>
#include <cmath>

#include "base/ids.h"
#include "base/personal_data.h"
#include "calendar/calendar.h"
#include "engine/text_index.h"

namespace fazhi::engine {
namespace {

size_t CodePoints(const std::string& s) { return DecodeUtf8(s).size(); }

bool IsEmpty(const Json& v) {
  return v.is_null() || (v.is_string() && v.get<std::string>().empty()) ||
         (v.is_object() && v.empty()) || (v.is_array() && v.empty());
}

bool IdString(const Json& v) { return v.is_string() && IdFromString(v.get<std::string>()) != 0; }

// Checks one value; returns an error message or "".
std::string Check(const FieldDef& f, const Json& v, Json* out) {
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kLongText: {
      if (!v.is_string()) return "须为文本";
      const std::string s = v.get<std::string>();
      const double max = f.max ? *f.max : (f.type == FieldType::kText ? 500 : 20000);
      if (CodePoints(s) > max) return "不能超过 " + std::to_string(static_cast<int>(max)) + " 个字";
      *out = s;
      return "";
    }
    case FieldType::kNumber:
    case FieldType::kMoney: {
      double d = 0;
      if (v.is_number()) {
        d = v.get<double>();
      } else if (v.is_string()) {
        try {
          size_t used = 0;
          d = std::stod(v.get<std::string>(), &used);
          if (used != v.get<std::string>().size()) return "须为数字";
        } catch (...) {
          return "须为数字";
        }
      } else {
        return "须为数字";
      }
      if (!std::isfinite(d)) return "须为数字";
      if (f.min && d < *f.min) return "不能小于 " + Json(*f.min).dump();
      if (f.max && d > *f.max) return "不能大于 " + Json(*f.max).dump();
      if (f.type == FieldType::kMoney) {
        if (d < 0) return "金额不能为负数";
        d = std::round(d * 100) / 100;
      }
      *out = d;
      return "";
    }
    case FieldType::kDate: {
      if (!v.is_string() || !calendar::Date::Parse(v.get<std::string>()).ok())
        return "日期格式须为 YYYY-MM-DD";
      *out = v.get<std::string>();
      return "";
    }
    case FieldType::kEnum: {
      if (!v.is_string() ||
          std::find(f.options.begin(), f.options.end(), v.get<std::string>()) == f.options.end())
        return "须为以下选项之一：" + [&] {
          std::string all;
          for (const auto& o : f.options) all += (all.empty() ? "" : "、") + o;
          return all;
        }();
      *out = v.get<std::string>();
      return "";
    }
    case FieldType::kOrg:
    case FieldType::kUser:
    case FieldType::kAttachment:
    case FieldType::kMatterLink: {
      if (!IdString(v)) return "编号无效";
      *out = v.get<std::string>();
      return "";
    }
    case FieldType::kParty: {
      if (!v.is_object()) return "须包含姓名或名称";
      Json p = Json::object();
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (it.key() != "name" && it.key() != "idNumber" && it.key() != "phone")
          return "未知的当事人信息：" + it.key();
        if (!it.value().is_string()) return "当事人信息须为文本";
      }
      const std::string name = v.value("name", "");
      if (name.empty() || CodePoints(name) > 100) return "请填写当事人姓名或名称（不超过 100 字）";
      p["name"] = name;
      const std::string id = v.value("idNumber", "");
      if (!id.empty()) {
        if (!IsValidIdNumber(id) && !IsValidUscc(id)) return "证件号码须为有效的身份证号码或统一社会信用代码";
        p["idNumber"] = id;
      }
      const std::string phone = v.value("phone", "");
      if (!phone.empty()) {
        if (!IsValidMobile(phone)) return "手机号码格式不正确";
        p["phone"] = phone;
      }
      *out = p;
      return "";
    }
  }
  return "类型未知";
}

}  // namespace

std::set<std::string> AllFieldKeys(const KindDef& kind) {
  std::set<std::string> keys;
  for (const auto& f : kind.fields) keys.insert(f.key);
  return keys;
}

std::set<std::string> RequiredAtCreation(const KindDef& kind) {
  std::set<std::string> keys;
  for (const auto& f : kind.fields)
    if (f.required) keys.insert(f.key);
  return keys;
}

bool ValidateFields(const KindDef& kind, const Json& input, const std::set<std::string>& allowed,
                    const std::set<std::string>& required, Json* out, FieldErrors* errors) {
  *out = Json::object();
  if (!input.is_null() && !input.is_object()) {
    (*errors)["fields"] = "fields 须为对象";
    return false;
  }
  if (input.is_object()) {
    for (auto it = input.begin(); it != input.end(); ++it) {
      const FieldDef* f = kind.Field(it.key());
      if (!f) {
        (*errors)[it.key()] = "未知字段";
        continue;
      }
      if (!allowed.count(it.key())) {
        (*errors)[it.key()] = "此操作不能修改该字段";
        continue;
      }
      if (IsEmpty(it.value())) {
        if (required.count(it.key())) (*errors)[it.key()] = f->label + "为必填项";
        else (*out)[it.key()] = nullptr;
        continue;
      }
      Json value;
      std::string err = Check(*f, it.value(), &value);
      if (!err.empty()) {
        (*errors)[it.key()] = f->label + err;
        continue;
      }
      (*out)[it.key()] = value;
    }
  }
  for (const auto& key : required) {
    if (errors->count(key)) continue;
    if (!out->contains(key) || (*out)[key].is_null()) {
      const FieldDef* f = kind.Field(key);
      (*errors)[key] = (f ? f->label : key) + "为必填项";
    }
  }
  return errors->empty();
}

std::string DisplayText(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return value.dump();
  if (value.is_object() && value.contains("name") && value["name"].is_string())
    return value["name"].get<std::string>();
  return "";
}

void ActionFieldKeys(const ActionDef& a, std::set<std::string>* allowed, std::set<std::string>* required) {
  allowed->insert(a.fields.begin(), a.fields.end());
  for (const auto& r : a.require) {
    if (r == "note" || r == "assignee") continue;
    allowed->insert(r);
    required->insert(r);
  }
  for (const auto& [key, value] : a.set) {
    allowed->insert(key);
    required->erase(key);
  }
}

void ApplyFixedValues(const ActionDef& a, Json* fields, FieldErrors* errors) {
  if (!fields->is_object()) *fields = Json::object();
  for (const auto& [key, value] : a.set) {
    if (fields->contains(key) && (*fields)[key] != value)
      (*errors)[key] = "“" + a.label + "”只能记录为“" + value + "”";
    (*fields)[key] = value;
  }
}

}  // namespace fazhi::engine
