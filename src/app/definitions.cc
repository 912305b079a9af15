#include "app/definitions.h"

#include "modules/review_catalogue/catalogue_check.h"

namespace fazhi::app {

Result<KindsAndMetrics> LoadKindsAndMetrics(const Config& config, const std::vector<std::string>& roles) {
  KindsAndMetrics out;
  auto lists = engine::LoadOptionLists(config.definitions + "/lists");
  if (!lists.ok()) return lists.status();
  auto kinds = engine::LoadKinds(config.definitions + "/kinds", roles, *lists);
  if (!kinds.ok()) return kinds.status();
  std::vector<engine::KindDef> all = std::move(kinds).value();
  if (config.demo) {
    // The demo also offers the test kind that exercises every engine feature.
    auto extra = engine::LoadKinds(config.definitions + "/kinds-test", roles, *lists);
    if (!extra.ok()) return extra.status();
    for (auto& k : extra.value()) {
      for (const auto& existing : all)
        if (existing.kind == k.kind) return Status("invalid_kind", "kind " + k.kind + " is defined twice");
      all.push_back(std::move(k));
    }
  }
  if (const engine::OptionList* catalogue = engine::FindOptionList(*lists, review_catalogue::kListName))
    FAZHI_RETURN_IF_ERROR(review_catalogue::CheckCatalogue(*catalogue, all));
  out.kinds = std::make_unique<engine::KindRegistry>(std::move(all));

  auto defs = metrics::LoadMetrics(config.definitions + "/metrics", *out.kinds);
  if (!defs.ok()) return defs.status();
  std::vector<metrics::MetricDef> all_metrics = std::move(defs).value();
  if (config.demo) {
    // Metrics over the test kind come with it.
    auto extra = metrics::LoadMetrics(config.definitions + "/metrics-test", *out.kinds);
    if (!extra.ok()) return extra.status();
    for (auto& m : extra.value()) {
      for (const auto& existing : all_metrics)
        if (existing.id == m.id) return Status("invalid_definition", "metric " + m.id + " is defined twice");
      all_metrics.push_back(std::move(m));
    }
  }
  out.metrics = std::make_unique<metrics::MetricRegistry>(std::move(all_metrics));
  return out;
}

}  // namespace fazhi::app
