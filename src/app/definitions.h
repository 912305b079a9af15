// The kinds and metrics named in the definitions directory (plus the test
// kinds and their metrics with --demo): what `serve` and the `metrics`
// command both need, loaded the same way for both.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/config.h"
#include "base/result.h"
#include "engine/matter_service.h"
#include "metrics/metric.h"

namespace fazhi::app {

struct KindsAndMetrics {
  std::unique_ptr<engine::KindRegistry> kinds;
  std::unique_ptr<metrics::MetricRegistry> metrics;
};

// `roles`: the role codes kind definitions may name.
Result<KindsAndMetrics> LoadKindsAndMetrics(const Config& config, const std::vector<std::string>& roles);

}  // namespace fazhi::app
