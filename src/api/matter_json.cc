#include "api/matter_json.h"

#include "base/ids.h"

namespace fazhi::api {
namespace {

Json LightJson(const engine::Light& l) {
  Json j = {{"color", l.color}};
  j["daysLeft"] = l.has_days ? Json(l.days_left) : Json(nullptr);
  return j;
}

Json IdOrNull(int64_t id) { return id ? Json(IdToString(id)) : Json(nullptr); }

}  // namespace

Json KindJson(const engine::KindDef& k) {
  Json fields = Json::array();
  for (const auto& f : k.fields) {
    Json j = {{"key", f.key}, {"label", f.label}, {"type", engine::FieldTypeName(f.type)}, {"required", f.required}};
    if (!f.options.empty()) j["options"] = f.options;
    if (f.min) j["min"] = *f.min;
    if (f.max) j["max"] = *f.max;
    if (!f.link_kind.empty()) j["linkKind"] = f.link_kind;
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
                       {"set", a.set}});
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
  return {{"kind", k.kind},       {"label", k.label},   {"version", k.version},     {"titleLabel", k.title_label},
          {"initial", k.initial}, {"final", k.final_states}, {"fields", fields}, {"states", states},
          {"actions", actions},   {"deadlines", deadlines}, {"numbered", !k.number_pattern.empty()},
          {"createRoles", k.create_roles}, {"handledBy", k.handled_by}};
}

Json SummaryJson(const engine::MatterSummary& s) {
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
          {"assigneeId", IdOrNull(s.assignee_id)},
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

Json AttachmentJson(const engine::AttachmentView& a) {
  return {{"id", IdToString(a.id)}, {"name", a.name},  {"contentType", a.content_type},
          {"sha256", a.sha256},     {"size", a.size}, {"createdAt", a.created_at},
          {"url", "/api/v1/attachments/" + IdToString(a.id)}};
}

Json MatterJson(const engine::MatterView& v) {
  Json j = SummaryJson(v);
  j["fields"] = v.fields;
  Json deadlines = Json::array();
  for (const auto& d : v.deadlines)
    deadlines.push_back({{"name", d.name}, {"label", d.label}, {"status", d.status}, {"startedOn", d.started_on},
                         {"dueOn", d.due_on}, {"unit", d.unit}, {"length", d.length}, {"extended", d.extended},
                         {"extendable", d.extendable}, {"light", LightJson(d.light)},
                         {"dueField", d.due_field}});
  j["deadlines"] = deadlines;
  Json actions = Json::array();
  for (const auto& a : v.actions)
    actions.push_back({{"name", a.name}, {"label", a.label}, {"require", a.require}, {"fields", a.fields}, {"effect", a.effect}});
  j["actions"] = actions;
  Json links = Json::array();
  for (const auto& l : v.links)
    links.push_back({{"id", IdToString(l.id)}, {"kind", l.kind}, {"title", l.title}, {"state", l.state},
                     {"number", l.number}, {"field", l.field}, {"direction", l.direction}});
  j["links"] = links;
  Json files = Json::array();
  for (const auto& a : v.attachments) files.push_back(AttachmentJson(a));
  j["attachments"] = files;
  j["canEdit"] = v.can_edit;
  return j;
}

Json EventJson(const engine::EventView& e) {
  return {{"id", IdToString(e.id)}, {"seq", e.seq},           {"at", e.at},
          {"userId", IdToString(e.user_id)}, {"username", e.username}, {"action", e.action},
          {"actionLabel", e.action_label}, {"fromState", e.from_state}, {"toState", e.to_state},
          {"note", e.note},         {"diff", e.diff}};
}

}  // namespace fazhi::api
