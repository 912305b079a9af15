#include "modules/review_catalogue/catalogue_check.h"

#include <algorithm>

namespace fazhi::review_catalogue {
namespace {

Status Error(const engine::OptionList& list, const engine::OptionItem& item, const std::string& what) {
  return Status("invalid_definition", list.source_file + ":" + std::to_string(item.line) + ": item '" +
                                          item.label + "': " + what);
}

const engine::KindDef* FindKind(const std::vector<engine::KindDef>& kinds, const std::string& name) {
  for (const auto& k : kinds)
    if (k.kind == name) return &k;
  return nullptr;
}

bool RequiresIssuedReview(const engine::ActionDef& action) {
  return std::any_of(action.guards.begin(), action.guards.end(), [](const engine::GuardDef& g) {
    return g.elapsed.empty() && g.linked_kind == kReviewKind &&
           g.state_in == std::vector<std::string>{"issued"};
  });
}

}  // namespace

Status CheckCatalogue(const engine::OptionList& list, const std::vector<engine::KindDef>& kinds) {
  const engine::KindDef* review = FindKind(kinds, kReviewKind);
  const engine::FieldDef* category = review ? review->Field("category") : nullptr;
  if (!category)
    return Status("invalid_definition", list.source_file +
                                            ":1: the catalogue needs kind legality_review with a "
                                            "category field");
  for (const auto& item : list.items) {
    const std::string cat = item.Attr("category");
    if (std::find(category->options.begin(), category->options.end(), cat) == category->options.end())
      return Error(list, item, "category '" + cat + "' is not an option of legality_review.category");
    for (const auto& [key, value] : item.attrs) {
      if (key != "category" && key != "kind" && key != "decision")
        return Error(list, item, "unknown attribute '" + key + "' (allowed: category, kind, decision)");
    }
    const std::string kind = item.Attr("kind"), decision = item.Attr("decision");
    if (kind.empty() && decision.empty()) continue;
    if (kind.empty() || decision.empty())
      return Error(list, item, "kind and decision go together");
    const engine::KindDef* k = FindKind(kinds, kind);
    if (!k) return Error(list, item, "unknown kind '" + kind + "'");
    const engine::ActionDef* action = k->Action(decision);
    if (!action) return Error(list, item, "kind '" + kind + "' has no action '" + decision + "'");
    if (!RequiresIssuedReview(*action))
      return Error(list, item,
                   "action '" + decision + "' of kind '" + kind +
                       "' has no guard requiring a linked legality_review in state issued, so such "
                       "matters could be decided without review");
  }
  return Status::Ok();
}

}  // namespace fazhi::review_catalogue
