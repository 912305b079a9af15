// Platform: the composition root. Opens the database, runs migrations, loads
// keys and definitions, and builds the services, in dependency order. Shared
// by `serve` and the CLI commands; owns everything it builds.
#pragma once

#include <memory>
#include <string>

#include "app/config.h"
#include "audit/audit_log.h"
#include "base/clock.h"
#include "base/field_cipher.h"
#include "base/ids.h"
#include "calendar/calendar_store.h"
#include "engine/matter_service.h"
#include "http/rate_limiter.h"
#include "metrics/metric.h"
#include "metrics/metric_service.h"
#include "modules/public_portal/portal_service.h"
#include "identity/catalog.h"
#include "identity/identity_service.h"
#include "identity/password.h"
#include "store/database.h"

namespace fazhi::app {

struct Platform {
  std::unique_ptr<OffsetClock> clock;  // real time, plus an offset tests may move
  std::unique_ptr<IdGenerator> ids;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<FieldCipher> cipher;
  std::unique_ptr<PasswordPolicy> password_policy;
  std::unique_ptr<audit::AuditLog> audit;
  std::unique_ptr<identity::IdentityService> identity;
  std::unique_ptr<calendar::CalendarStore> calendar;
  std::unique_ptr<engine::KindRegistry> kinds;
  std::unique_ptr<engine::AttachmentStore> attachments;  // files under --attachments
  std::unique_ptr<engine::MatterService> matters;
  std::unique_ptr<portal::PortalService> portal;
  std::unique_ptr<http::RateLimiter> rate_limiter;
  std::unique_ptr<metrics::MetricRegistry> metric_defs;
  std::unique_ptr<metrics::MetricService> metrics;
  int migrations_applied = 0;
};

// Builds everything; an error names what failed (database, key file,
// definitions) for the operator.
Result<std::unique_ptr<Platform>> BuildPlatform(const Config& config);

}  // namespace fazhi::app
