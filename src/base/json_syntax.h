// IsJsonObject: whether text is exactly one JSON object (RFC 8259; spaces
// around it allowed) with well-formed UTF-8 in its strings. For JSON stored
// by the platform itself that is sent on as it is: checking it this way
// costs a fraction of parsing it into a tree. Nesting deeper than 64 levels
// counts as not JSON.
#pragma once

#include <string_view>

namespace fazhi {

bool IsJsonObject(std::string_view text);

}  // namespace fazhi
