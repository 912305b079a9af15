#include "modules/public_portal/portal_config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>

namespace fazhi::portal {
namespace {

Status Bad(const std::string& file, const YAML::Node& n, const std::string& what) {
  return Status("invalid_definition", file + ":" + std::to_string(n.Mark().line + 1) + ": " + what);
}

std::vector<std::string> Strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence())
    for (const auto& v : n) out.push_back(v.as<std::string>());
  return out;
}

Status CheckFields(const std::string& file, const YAML::Node& n, const engine::KindDef& kind,
                   const std::vector<std::string>& fields) {
  for (const auto& f : fields) {
    const engine::FieldDef* def = kind.Field(f);
    if (!def) return Bad(file, n, "kind " + kind.kind + " has no field '" + f + "'");
    if (def->type == engine::FieldType::kParty)
      return Bad(file, n, "field '" + f + "' holds personal data and cannot be published");
  }
  return Status::Ok();
}

Status LoadFile(const std::string& file, const engine::KindRegistry& kinds, PortalConfig* out) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const std::exception& e) {
    return Status("invalid_definition", file + ": " + e.what());
  }
  try {
    for (const auto& key : root) {
      const std::string k = key.first.as<std::string>();
      if (k != "registers" && k != "consultations") return Bad(file, key.first, "unknown key '" + k + "'");
    }
    for (const auto& n : root["registers"]) {
      RegisterDef r{n["id"].as<std::string>(""), n["label"].as<std::string>(""), n["kind"].as<std::string>(""),
                    Strings(n["states"]), Strings(n["fields"])};
      if (r.id.empty() || r.label.empty()) return Bad(file, n, "a register needs id and label");
      const engine::KindDef* kind = kinds.Find(r.kind);
      if (!kind) return Bad(file, n, "unknown kind '" + r.kind + "'");
      if (r.states.empty()) return Bad(file, n, "a register needs states");
      for (const auto& s : r.states)
        if (!kind->HasState(s)) return Bad(file, n, "kind " + r.kind + " has no state '" + s + "'");
      FAZHI_RETURN_IF_ERROR(CheckFields(file, n, *kind, r.fields));
      if (out->Register(r.id)) return Bad(file, n, "duplicate register '" + r.id + "'");
      out->registers.push_back(std::move(r));
    }
    for (const auto& n : root["consultations"]) {
      ConsultationDef c{n["kind"].as<std::string>(""), n["state"].as<std::string>(""), Strings(n["fields"])};
      const engine::KindDef* kind = kinds.Find(c.kind);
      if (!kind) return Bad(file, n, "unknown kind '" + c.kind + "'");
      if (!kind->HasState(c.state)) return Bad(file, n, "kind " + c.kind + " has no state '" + c.state + "'");
      FAZHI_RETURN_IF_ERROR(CheckFields(file, n, *kind, c.fields));
      out->consultations.push_back(std::move(c));
    }
  } catch (const std::exception& e) {
    return Status("invalid_definition", file + ": " + e.what());
  }
  return Status::Ok();
}

}  // namespace

const RegisterDef* PortalConfig::Register(const std::string& id) const {
  for (const auto& r : registers)
    if (r.id == id) return &r;
  return nullptr;
}

const ConsultationDef* PortalConfig::Consultation(const std::string& kind, const std::string& state) const {
  for (const auto& c : consultations)
    if (c.kind == kind && c.state == state) return &c;
  return nullptr;
}

Result<PortalConfig> LoadPortalConfig(const std::string& dir, const engine::KindRegistry& kinds) {
  PortalConfig config;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return config;
  std::vector<std::string> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".yaml") files.push_back(it->path().string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) FAZHI_RETURN_IF_ERROR(LoadFile(f, kinds, &config));
  return config;
}

}  // namespace fazhi::portal
