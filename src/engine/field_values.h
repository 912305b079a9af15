// field_values: checks submitted kind fields against their definitions and
// produces the stored form. Pure: references (org, user, attachment, matter
// link) are only checked for shape here; the service checks they exist.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "engine/kind.h"

namespace fazhi::engine {

using Json = nlohmann::json;
using FieldErrors = std::map<std::string, std::string>;

// Validates `input` (an object of key → value). Only keys in `allowed` may
// appear (unknown keys are errors); keys in `required` must be present and
// non-empty. On success `out` holds normalised values (numbers as numbers,
// dates as "YYYY-MM-DD", ids as strings, party objects with name/idNumber/
// phone strings). Returns false and fills errors otherwise.
bool ValidateFields(const KindDef& kind, const Json& input, const std::set<std::string>& allowed,
                    const std::set<std::string>& required, Json* out, FieldErrors* errors);

// Every field key of a kind.
std::set<std::string> AllFieldKeys(const KindDef& kind);
// Keys required at creation.
std::set<std::string> RequiredAtCreation(const KindDef& kind);

// The fields an action may set (`fields`, `require`, `set`) and those the
// caller must supply (`require` without note/assignee and without the fields
// the action sets itself).
void ActionFieldKeys(const ActionDef& a, std::set<std::string>* allowed, std::set<std::string>* required);
// Records the action's fixed values (`set`) in `fields`; a different value
// sent by the caller is an error on that field.
void ApplyFixedValues(const ActionDef& a, Json* fields, FieldErrors* errors);

// A display string of a stored value (for search tokens and diffs).
std::string DisplayText(const Json& value);

}  // namespace fazhi::engine
