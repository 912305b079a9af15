#include "api/matter_json.h"

#include "base/ids.h"

namespace fazhi::api {
namespace {

void WriteLight(JsonWriter& w, const engine::Light& l) {
  w.BeginObject().Field("color", l.color).Key("daysLeft");
  if (l.has_days) {
    w.Int(l.days_left);
  } else {
    w.Null();
  }
  w.EndObject();
}

void WriteId(JsonWriter& w, int64_t id) { w.IntString(id); }  // as IdToString writes it
void WriteIdOrNull(JsonWriter& w, int64_t id) { id ? WriteId(w, id) : (void)w.Null(); }

void WriteStrings(JsonWriter& w, const std::vector<std::string>& items) {
  w.BeginArray();
  for (const auto& s : items) w.String(s);
  w.EndArray();
}

// The members of a summary, without the braces (the matter view adds its own),
// with `light` as its light; *light_text gets where the light's text starts
// and ends.
void WriteSummaryMembers(JsonWriter& w, const engine::MatterSummary& s, const engine::Light& light,
                         std::pair<size_t, size_t>* light_text = nullptr) {
  WriteIdOrNull(w.Key("assigneeId"), s.assignee_id);
  w.Field("assigneeName", s.assignee_name);
  w.Key("closedAt");
  s.closed_at ? w.Int(s.closed_at) : w.Null();
  WriteId(w.Key("creatorId"), s.creator_id);
  w.Key("dueOn");
  s.due_on.empty() ? w.Null() : w.String(s.due_on);
  WriteId(w.Key("id"), s.id);
  w.Field("kind", s.kind).Field("kindLabel", s.kind_label);
  w.Key("light");
  if (light_text) light_text->first = w.text().size();
  WriteLight(w, light);
  if (light_text) light_text->second = w.text().size();
  w.Field("number", s.number);
  WriteId(w.Key("orgId"), s.org_id);
  w.Field("orgName", s.org_name)
      .Field("outcome", s.outcome)
      .Field("receivedAt", s.received_at)
      .Field("state", s.state)
      .Field("stateLabel", s.state_label)
      .Field("suspended", s.suspended)
      .Field("title", s.title)
      .Field("updatedAt", s.updated_at)
      .Field("version", s.version);
}

}  // namespace

Json KindJson(const engine::KindDef& k) {
  Json fields = Json::array();
  for (const auto& f : k.fields) {
    Json j = {{"key", f.key}, {"label", f.label}, {"type", engine::FieldTypeName(f.type)}, {"required", f.required}};
    if (!f.options.empty()) j["options"] = f.options;
    if (f.min) j["min"] = *f.min;
    if (f.max) j["max"] = *f.max;
    if (!f.link_kind.empty()) j["linkKind"] = f.link_kind;
    if (!f.roles.empty()) j["roles"] = f.roles;
    if (!f.options_from.empty()) {
      j["optionsFrom"] = f.options_from;
      j["optionAttrs"] = f.option_attrs;
    }
    fields.push_back(j);
  }
  Json states = Json::array();
  for (const auto& s : k.states)
    states.push_back({{"name", s.name}, {"label", s.label.empty() ? s.name : s.label}, {"final", k.IsFinal(s.name)}});
  Json actions = Json::array();
  for (const auto& a : k.actions)
    actions.push_back({{"name", a.name}, {"label", a.label}, {"from", a.from}, {"to", a.to}, {"roles", a.roles},
                       {"require", a.require}, {"fields", a.fields}, {"effect", engine::EffectName(a.effect)},
                       {"assigneeRoles", a.assignee_roles}, {"assigneeOnly", a.assignee_only},
                       {"set", a.set}, {"style", a.style.empty() ? "default" : a.style}});
  Json deadlines = Json::array();
  for (const auto& d : k.deadlines) {
    Json j = {{"name", d.name}, {"label", d.label.empty() ? d.name : d.label}, {"length", d.length},
              {"unit", d.unit}, {"extendable", d.extendable}, {"starts", d.starts}, {"ends", d.ends}};
    if (!d.due_field.empty()) j["dueField"] = d.due_field;
    if (!d.length_by.empty()) {
      j["lengthBy"] = d.length_by;
      j["lengths"] = d.lengths;
    }
    deadlines.push_back(j);
  }
  Json checks = Json::array();
  for (const auto& c : k.checks) {
    Json j = {{"field", c.field}, {"op", engine::CheckOpName(c.op)}, {"other", c.other},
              {"plus", {{"years", c.years}, {"months", c.months}, {"days", c.days}}}, {"when", c.when}};
    if (!c.message.empty()) j["message"] = c.message;
    if (!c.attr.empty()) j["attr"] = c.attr;
    checks.push_back(j);
  }
  return {{"kind", k.kind},       {"label", k.label},   {"version", k.version},     {"titleLabel", k.title_label},
          {"initial", k.initial}, {"final", k.final_states}, {"fields", fields}, {"states", states},
          {"actions", actions},   {"deadlines", deadlines}, {"numbered", !k.number_pattern.empty()},
          {"createRoles", k.create_roles}, {"handledBy", k.handled_by}, {"checks", checks}};
}

void WriteSummary(JsonWriter& w, const engine::MatterSummary& s) {
  w.BeginObject();
  WriteSummaryMembers(w, s, s.light);
  w.EndObject();
}

void WriteSummaries(JsonWriter& w, const std::vector<engine::MatterSummary>& items) {
  w.BeginArray();
  for (const auto& s : items) WriteSummary(w, s);
  w.EndArray();
}

void SummaryTextParts(const engine::MatterSummary& s, std::string* before, std::string* after) {
  JsonWriter w(1024);
  std::pair<size_t, size_t> light;
  w.BeginObject();
  WriteSummaryMembers(w, s, s.light, &light);
  w.EndObject();
  const std::string_view text = w.text();
  *before = std::string(text.substr(0, light.first));
  *after = std::string(text.substr(light.second));
}

void WriteLightValue(JsonWriter& w, const engine::Light& light) { WriteLight(w, light); }

void WriteSummaries(JsonWriter& w, const std::vector<engine::MatterSummary>& items,
                    const std::vector<engine::Light>& lights) {
  w.BeginArray();
  for (size_t i = 0; i < items.size(); ++i) {
    w.BeginObject();
    WriteSummaryMembers(w, items[i], i < lights.size() ? lights[i] : items[i].light);
    w.EndObject();
  }
  w.EndArray();
}

void WriteAttachment(JsonWriter& w, const engine::AttachmentView& a) {
  w.BeginObject().Field("contentType", a.content_type).Field("createdAt", a.created_at);
  WriteId(w.Key("id"), a.id);
  w.Field("name", a.name)
      .Field("sha256", a.sha256)
      .Field("size", a.size)
      .Field("url", "/api/v1/attachments/" + IdToString(a.id))
      .EndObject();
}

void WriteMatter(JsonWriter& w, const engine::MatterView& v) {
  w.BeginObject();
  WriteSummaryMembers(w, v, v.light);
  w.Key("actions").BeginArray();
  for (const auto& a : v.actions) {
    w.BeginObject().Field("effect", a.effect);
    WriteStrings(w.Key("fields"), a.fields);
    w.Field("label", a.label).Field("name", a.name);
    WriteStrings(w.Key("require"), a.require);
    w.EndObject();
  }
  w.EndArray();
  w.Key("attachments").BeginArray();
  for (const auto& a : v.attachments) WriteAttachment(w, a);
  w.EndArray();
  w.Field("canEdit", v.can_edit);
  w.Key("deadlines").BeginArray();
  for (const auto& d : v.deadlines) {
    w.BeginObject();
    if (!d.due_field.empty()) w.Field("dueField", d.due_field);
    w.Field("dueOn", d.due_on)
        .Field("extendable", d.extendable)
        .Field("extended", d.extended)
        .Field("label", d.label)
        .Field("length", d.length);
    WriteLight(w.Key("light"), d.light);
    w.Field("name", d.name)
        .Field("startedOn", d.started_on)
        .Field("status", d.status)
        .Field("unit", d.unit)
        .EndObject();
  }
  w.EndArray();
  w.Key("fields").Value(v.fields);
  w.Key("links").BeginArray();
  for (const auto& l : v.links) {
    w.BeginObject().Field("direction", l.direction).Field("field", l.field);
    WriteId(w.Key("id"), l.id);
    w.Field("kind", l.kind).Field("number", l.number).Field("state", l.state).Field("title", l.title).EndObject();
  }
  w.EndArray();
  WritePeople(w.Key("people"), v.people);
  w.EndObject();
}

void WritePeople(JsonWriter& w, const std::vector<engine::PersonRef>& people) {
  w.BeginArray();
  for (const auto& p : people) {
    w.BeginObject();
    WriteId(w.Key("id"), p.id);
    w.Field("name", p.name).Field("orgName", p.org_name).EndObject();
  }
  w.EndArray();
}

void WriteEvent(JsonWriter& w, const engine::EventView& e) {
  w.BeginObject().Field("action", e.action).Field("actionLabel", e.action_label).Field("at", e.at);
  w.Key("diff").Raw(e.diff);  // a JSON object, checked by the engine
  w.Field("displayName", e.display_name).Field("fromState", e.from_state);
  WriteId(w.Key("id"), e.id);
  w.Field("note", e.note).Field("seq", e.seq).Field("toState", e.to_state);
  WriteId(w.Key("userId"), e.user_id);
  w.Field("username", e.username).EndObject();
}

}  // namespace fazhi::api
