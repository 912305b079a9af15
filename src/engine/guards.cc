#include "engine/guards.h"

#include <algorithm>

#include "base/ids.h"

namespace fazhi::engine {
namespace {

bool In(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool Meets(const GuardDef& g, const LinkedMatter& m, int64_t org_id) {
  if (m.kind != g.linked_kind) return false;
  if (!g.state_in.empty() && !In(g.state_in, m.state)) return false;
  if (!g.outcome_in.empty() && !In(g.outcome_in, m.outcome)) return false;
  for (const auto& [key, options] : g.field_in) {
    auto it = m.data.is_object() ? m.data.find(key) : m.data.end();
    if (it == m.data.end() || !it->is_string() || !In(options, it->get<std::string>())) return false;
  }
  if (!g.same_org.empty()) {
    auto it = m.data.is_object() ? m.data.find(g.same_org) : m.data.end();
    if (it == m.data.end() || !it->is_string() || it->get<std::string>() != IdToString(org_id)) return false;
  }
  return true;
}

}  // namespace

bool LinkGuardHolds(const GuardDef& g, const std::vector<LinkedMatter>& linked, int64_t org_id) {
  return std::any_of(linked.begin(), linked.end(), [&](const LinkedMatter& m) { return Meets(g, m, org_id); });
}

std::optional<std::string> GuardRefusal(const ActionDef& a, const std::vector<DeadlineRecord>& deadlines,
                                        const calendar::Date& today, const std::string& note,
                                        const std::vector<LinkedMatter>& linked, int64_t org_id) {
  for (const auto& g : a.guards) {
    if (!g.elapsed.empty()) {
      auto d = std::find_if(deadlines.begin(), deadlines.end(), [&](const auto& r) { return r.name == g.elapsed; });
      const bool over = d == deadlines.end() || PeriodElapsed(*d, today);
      if (!over && !(g.unless_note && !note.empty()))
        return g.message.empty() ? "期限未满，不能执行此操作" : g.message;
      continue;
    }
    if (!LinkGuardHolds(g, linked, org_id)) return g.message.empty() ? "不满足执行条件" : g.message;
  }
  return std::nullopt;
}

}  // namespace fazhi::engine
