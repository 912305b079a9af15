// Server: the HTTP/1.1 front end (Boost.Beast + Asio coroutines, confined to
// server.cc). One io_context per I/O thread reads and writes; handlers run on
// a separate worker pool so slow work (password hashing, database writes,
// rendering) never blocks an I/O thread.
//
// Bodies are read into memory (Request::body, up to max_body_bytes), except
// for the requests spool_body selects: those are written chunk by chunk to a
// file in spool_dir (Request::body_file, up to max_spooled_body_bytes) that is
// removed when the request is over. A response may name a file as its body
// (Response::body_file); it is sent in chunks, never read into memory.
//
// Every response gets the security headers; limit violations get JSON errors
// (413 body too large, 431 headers too large, 400 malformed, 503 over the
// connection cap). Run() returns after Stop() or SIGINT/SIGTERM once in-flight
// requests have finished.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/message.h"
#include "http/security_headers.h"

namespace spdlog {
class logger;
}

namespace fazhi::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0 picks a free port
  int io_threads = 0;                    // 0 = one per core
  int worker_threads = 16;
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 1024 * 1024;  // bodies read into memory
  // Asked once a request's headers are in (method, path, query and headers
  // set): true spools its body to disk. Unset: every body goes to memory.
  std::function<bool(const Request&)> spool_body;
  std::string spool_dir;  // created 0700 by Bind() when spool_body is set
  // Asked on the worker pool for a spooled request before a byte of its body
  // is read: a response refuses the request there and then (e.g. 401 without
  // a session), so a client that may not upload cannot fill the spool. None
  // (or unset) reads the body.
  std::function<std::optional<Response>(const Request&)> admit_spooled;
  uint64_t max_spooled_body_bytes = 64 * 1024 * 1024;
  // Reading a body into memory must finish within this time; a spooled body
  // may take longer but must make progress within it, chunk by chunk.
  int read_timeout_seconds = 30;
  int idle_timeout_seconds = 75;
  int max_connections = 10000;
  int shutdown_grace_seconds = 30;
  bool handle_signals = true;
  bool access_log = true;
  SecurityHeaderOptions security;
  // Requests for which this returns true run on the I/O thread instead of the
  // worker pool: only for handlers that never block (health, static files).
  std::function<bool(const Request&)> run_inline;
  // With read_threads > 0, requests for which read_pool returns true run on
  // a pool of that many threads instead of the worker pool: short reads that
  // do not wait on disk or other work. Few threads keep such requests from
  // taking turns on the cores (each switch costs more than a cached read),
  // while writes keep the worker pool, where many wait at once for a group
  // commit.
  int read_threads = 0;
  std::function<bool(const Request&)> read_pool;
};

class Server {
 public:
  using AppHandler = std::function<Response(Request&)>;
  Server(ServerOptions options, AppHandler app, std::shared_ptr<spdlog::logger> log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Prepares the spool directory (if any) and binds the listening socket.
  // Returns an empty string or an error message.
  std::string Bind();
  // The bound port (after Bind()).
  int port() const;
  // Serves until Stop() or a signal; returns 0 on a clean shutdown.
  int Run();
  // Thread-safe; may be called from a signal-handling context via Asio.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fazhi::http
