// portal_config: what the public portal publishes, read from
// definitions/public/*.yaml and checked against the loaded kinds at
// start-up (unknown kinds, states or fields, and any personal-data field,
// are errors naming file:line).
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "engine/matter_service.h"

namespace fazhi::portal {

struct RegisterDef {
  std::string id, label, kind;
  std::vector<std::string> states, fields;
};

struct ConsultationDef {
  std::string kind, state;
  std::vector<std::string> fields;
};

struct PortalConfig {
  std::vector<RegisterDef> registers;
  std::vector<ConsultationDef> consultations;
  const RegisterDef* Register(const std::string& id) const;
  const ConsultationDef* Consultation(const std::string& kind, const std::string& state) const;
};

// Reads every *.yaml in dir (missing dir = empty config).
Result<PortalConfig> LoadPortalConfig(const std::string& dir, const engine::KindRegistry& kinds);

}  // namespace fazhi::portal
