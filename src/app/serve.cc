#include <spdlog/spdlog.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "api/api.h"
#include "api/audit_routes.h"
#include "api/health_routes.h"
#include "api/identity_routes.h"
#include "api/calendar_routes.h"
#include "api/matter_routes.h"
#include "api/people_routes.h"
#include "api/public_routes.h"
#include "api/document_routes.h"
#include "api/metric_routes.h"
#include "metrics/demo_year.h"
#include "api/openapi.h"
#include "app/commands.h"
#include "app/logging.h"
#include "app/platform.h"
#include "http/server.h"
#include "identity/demo.h"

namespace fazhi::app {

int RunMigrate(const Config& config) {
  auto db = store::Open(config.db);
  if (!db.ok()) {
    std::cerr << "fazhi: cannot open database: " << db.status().message() << "\n";
    return 1;
  }
  auto applied = (*db)->Migrate();
  if (!applied.ok()) {
    std::cerr << "fazhi: migration failed: " << applied.status().message() << "\n";
    return 1;
  }
  std::cout << "applied " << applied.value() << " migration(s)\n";
  return 0;
}

namespace {

// Writes the audit head checkpoint every few seconds and once at the end,
// and reloads the working-day calendar now and then.
class CheckpointWriter {
 public:
  CheckpointWriter(const audit::AuditLog& audit, store::Database& db, calendar::CalendarStore& cal,
                   spdlog::logger& log)
      : audit_(audit), db_(db), calendar_(cal), log_(log), thread_([this] { Loop(); }) {}
  ~CheckpointWriter() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
    Write();
  }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    int ticks = 0;
    while (!cv_.wait_for(lock, std::chrono::seconds(5), [this] { return stop_; })) {
      Write();
      // Another node may have edited the calendar: pick it up every 30 s.
      if (++ticks % 6 == 0) {
        if (Status st = calendar_.Reload(); !st.ok()) log_.error("calendar reload failed: {}", st.message());
      }
    }
  }
  void Write() {
    if (Status st = audit_.Checkpoint(db_); !st.ok())
      log_.error("audit checkpoint failed: {}", st.message());
  }
  const audit::AuditLog& audit_;
  store::Database& db_;
  calendar::CalendarStore& calendar_;
  spdlog::logger& log_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace

int RunServe(const Config& config) {
  auto log = MakeLogger(config.log_level);
  auto built = BuildPlatform(config);
  if (!built.ok()) {
    log->error("{}", built.status().message());
    std::cerr << "fazhi: " << built.status().message() << "\n";
    return 1;
  }
  Platform& p = *built.value();
  log->info("database {} ready ({} migration(s) applied)", store::DialectName(p.db->dialect()),
            p.migrations_applied);
  if (config.demo) {
    auto demo = identity::DemoSeeder::Run(*p.identity, config.definitions + "/identity/demo.yaml");
    if (!demo.ok()) {
      log->error("demo data: {}", demo.status().message());
      return 1;
    }
    log->info(demo.value() ? "demo county created" : "demo county already present");
    // The demo's 2023 and 2024 records, generated from a seed, behind the dashboard's figures.
    auto cal = p.calendar->Current();
    auto years = metrics::SeedDemoYears(*p.db, *p.kinds, *cal, *p.ids, *p.clock);
    if (!years.ok()) {
      log->error("demo years: {}", years.status().message());
      return 1;
    }
    if (years.value() > 0) log->info("demo years generated: {} matters", years.value());
  }
  if (config.test_clock) {
    log->warn("test clock enabled: POST /api/v1/testing/clock moves time");
  }
  if (!std::filesystem::exists(std::filesystem::path(config.web_root) / "index.html"))
    log->warn("web root {} has no index.html; run `make build` to build the web app",
              config.web_root);

  api::Api api(std::make_unique<http::StaticFiles>(config.web_root),
               api::SessionAuthenticator(*p.identity));
  api::AddHealthRoutes(api, *p.db);
  api::IdentityRouteOptions id_opts;
  id_opts.secure_cookie = config.tls;
  id_opts.test_clock = config.test_clock ? p.clock.get() : nullptr;
  api::AddSessionRoutes(api, *p.identity, id_opts);
  api::AddAdminRoutes(api, *p.identity);
  api::AddAuditRoutes(api, *p.db, *p.audit);
  api::AddCalendarRoutes(api, *p.calendar);
  api::AddMatterRoutes(api, *p.matters);
  api::AddPeopleRoutes(api, *p.matters);
  api::AddPublicRoutes(api, *p.portal, *p.rate_limiter);
  api::AddMetricRoutes(api, *p.metrics);
  if (Status st = api::AddDocumentRoutes(api, *p.matters, *p.identity, *p.clock, config.definitions + "/templates");
      !st.ok()) {
    log->error("{}", st.message());
    std::cerr << "fazhi: " << st.message() << "\n";
    return 1;
  }
  api::AddOpenApiRoute(api);

  http::ServerOptions options;
  options.host = config.ListenHost();
  options.port = config.ListenPort();
  options.io_threads = config.io_threads;
  options.worker_threads = config.worker_threads;
  options.access_log = config.access_log;
  options.security.hsts = config.tls;
  // Uploads go to disk as they arrive, on the attachments' filesystem so
  // that storing one is a rename.
  options.spool_body = [&api](const http::Request& req) { return api.SpoolsBody(req); };
  // …but only for someone who may upload: the access checks run on the headers first.
  options.admit_spooled = [&api](const http::Request& req) { return api.AdmitSpooled(req); };
  options.spool_dir = (std::filesystem::path(config.attachments) / "spool").string();
  options.max_spooled_body_bytes = static_cast<uint64_t>(config.attachment_max_bytes);
  // Health and static files never block: answer them on the I/O thread.
  options.run_inline = [](const http::Request& req) {
    if (req.method != "GET" && req.method != "HEAD") return false;
    return req.path == "/api/v1/health" || req.path.rfind("/api/", 0) != 0;
  };
  // Quick reads on a few threads of their own, writes and slow reads on the
  // worker pool (http/server.h).
  options.read_threads = config.ReadThreads();
  options.read_pool = [&api](const http::Request& req) { return api.QuickRead(req); };
  http::Server server(options, [&api](http::Request& req) { return api.Handle(req); }, log);
  if (std::string err = server.Bind(); !err.empty()) {
    log->error("{}", err);
    return 1;
  }
  std::cout << "fazhi " << FAZHI_VERSION << " serving http://" << options.host << ":"
            << server.port() << "/" << std::endl;
  CheckpointWriter checkpoints(*p.audit, *p.db, *p.calendar, *log);
  return server.Run();
}

}  // namespace fazhi::app
