#include "app/platform.h"

#include <algorithm>

#include <unistd.h>

#include "app/definitions.h"
#include "calendar/calendar_loader.h"

namespace fazhi::app {

Result<std::unique_ptr<Platform>> BuildPlatform(const Config& config) {
  auto p = std::make_unique<Platform>();
  p->clock = std::make_unique<OffsetClock>();
  if (config.test_clock && !config.test_clock_start.empty()) {
    // Tests run on a fixed date so statutory periods stay inside the calendar's years.
    auto day = calendar::Date::Parse(config.test_clock_start);
    if (!day.ok()) return Status("usage", "--test-clock-start: " + day.status().message());
    const int64_t target = day->ToDays() * 86400000 + 1 * 3600 * 1000;  // 09:00 in UTC+8
    p->clock->Advance(target - p->clock->NowMs());
  }
  // Node id from the process id: distinct across nodes on one host; across
  // hosts the time component and the database's unique keys keep ids apart.
  p->ids = std::make_unique<IdGenerator>(*p->clock, static_cast<int>(::getpid() & 0x3FF));

  // A connection for every handler thread (worker and read pools), so that a
  // handler never waits for one held by a thread that is off the CPU.
  store::Options db_options;
  db_options.read_connections = std::max(db_options.read_connections, config.worker_threads + config.ReadThreads());
  auto db = store::Open(config.db, db_options);
  if (!db.ok()) return Status(db.status().code(), "cannot open database " + config.db + ": " + db.status().message());
  p->db = std::move(db).value();
  auto applied = p->db->Migrate();
  if (!applied.ok()) return Status(applied.status().code(), "migration failed: " + applied.status().message());
  p->migrations_applied = applied.value();

  auto cipher = FieldCipher::LoadOrCreate(config.key_file);
  if (!cipher.ok()) return Status(cipher.status().code(), "key file " + config.key_file + ": " + cipher.status().message());
  p->cipher = std::make_unique<FieldCipher>(std::move(cipher).value());

  auto policy = PasswordPolicy::LoadCommonList(config.definitions + "/security/common-passwords.txt");
  if (!policy.ok()) return policy.status();
  p->password_policy = std::make_unique<PasswordPolicy>(std::move(policy).value());

  auto catalog = identity::LoadCatalog(config.definitions);
  if (!catalog.ok()) return catalog.status();

  p->audit = std::make_unique<audit::AuditLog>(config.audit_checkpoint);

  identity::IdentityOptions opt;
  opt.idle_ms = int64_t{config.session_idle_minutes} * 60 * 1000;
  opt.lifetime_ms = int64_t{config.session_lifetime_hours} * 3600 * 1000;
  opt.lockout_ms = int64_t{config.lockout_minutes} * 60 * 1000;
  opt.password_max_age_ms = int64_t{config.password_max_age_days} * 24 * 3600 * 1000;
  p->identity = std::make_unique<identity::IdentityService>(*p->db, *p->clock, *p->ids, *p->audit,
                                                            *p->cipher, *p->password_policy,
                                                            std::move(catalog).value(), opt);
  if (Status st = p->identity->SeedCatalog(); !st.ok()) return Status(st.code(), "seeding roles: " + st.message());

  auto years = calendar::LoadCalendarDir(config.definitions + "/calendar");
  if (!years.ok()) return years.status();
  p->calendar = std::make_unique<calendar::CalendarStore>(*p->db, *p->audit, *p->clock);
  if (Status st = p->calendar->SeedFromDefinitions(years.value()); !st.ok()) return st;

  std::vector<std::string> roles;
  for (const auto& r : p->identity->catalog().roles) roles.push_back(r.code);
  auto definitions = LoadKindsAndMetrics(config, roles);
  if (!definitions.ok()) return definitions.status();
  p->kinds = std::move(definitions->kinds);
  p->metric_defs = std::move(definitions->metrics);
  p->attachments = std::make_unique<engine::AttachmentStore>(config.attachments);
  p->matters = std::make_unique<engine::MatterService>(*p->db, *p->clock, *p->ids, *p->audit, *p->calendar,
                                                       *p->kinds, *p->cipher, *p->attachments);
  // A calendar edit counts running deadlines again in the same transaction.
  p->calendar->OnEdit([matters = p->matters.get()](store::Transaction& tx, const calendar::Calendar& edited,
                                                   const identity::Principal& actor) {
    return matters->RecountDeadlines(tx, edited, actor);
  });
  auto portal_config = portal::LoadPortalConfig(config.definitions + "/public", *p->kinds);
  if (!portal_config.ok()) return portal_config.status();
  p->portal = std::make_unique<portal::PortalService>(*p->db, *p->clock, *p->ids, *p->audit, *p->cipher, *p->kinds,
                                                      *p->matters, std::move(portal_config).value());
  p->rate_limiter = std::make_unique<http::RateLimiter>(*p->clock);

  p->metrics = std::make_unique<metrics::MetricService>(*p->db, *p->kinds, *p->metric_defs, *p->calendar, *p->clock);
  return p;
}

}  // namespace fazhi::app
