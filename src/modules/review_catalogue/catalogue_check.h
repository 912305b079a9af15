// catalogue_check: the 合法性审查事项目录清单 (definitions/lists/
// review_catalogue.yaml) against the loaded kinds, at start-up. The catalogue
// says which matters must be reviewed before they are decided; for the kinds
// the platform handles, the kind's guards are what enforce it, so a
// catalogue item naming a kind must name a decision action guarded by an
// issued legality review — otherwise the server does not start.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "engine/kind.h"

namespace fazhi::review_catalogue {

inline constexpr char kListName[] = "review_catalogue";
inline constexpr char kReviewKind[] = "legality_review";

// Checks every item: `category` present and an option of
// legality_review.category; `kind` and `decision` both or neither; the kind
// loaded; the action one of its actions; and that action has a guard
// `linked: legality_review` whose state_in is exactly [issued].
// Errors (code "invalid_definition") read "FILE:LINE: what is wrong".
Status CheckCatalogue(const engine::OptionList& list, const std::vector<engine::KindDef>& kinds);

}  // namespace fazhi::review_catalogue
