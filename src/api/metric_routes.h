// Metrics over HTTP (dashboard:read): the year's figures of every metric
// definition, and the matters behind one figure.
//
//   GET /api/v1/metrics?year=YYYY[&org=ID]
//     → {"year", "metrics": [{"id", "label", "group", "type", "unit", "value",
//        "numerator"?, "denominator"?}]}; value is null for a ratio over 0.
//   GET /api/v1/metrics/{id}/matters?year=YYYY[&part=value|numerator|denominator]
//       [&org=ID][&page&pageSize]
//     → {"items": [matter summaries], "total", "page", "pageSize"}, within the
//        caller's data scope.
// year defaults to the current year (Asia/Shanghai); a year that is not four
// digits in 2000..2100 is 400, an unknown metric or org 404.
#pragma once

#include "api/api.h"
#include "metrics/metric_service.h"

namespace fazhi::api {

void AddMetricRoutes(Api& api, metrics::MetricService& service);

}  // namespace fazhi::api
