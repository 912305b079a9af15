// Boost 1.74 needs <utility> before Asio; harmless on 1.81.
#include <utility>

#include "http/server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include <array>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "http/response_head.h"
#include "http/spool_file.h"

namespace fazhi::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

Response JsonError(int status, const std::string& code, const std::string& message) {
  Response r;
  r.status = status;
  r.Set("Content-Type", "application/json; charset=utf-8");
  r.body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
  return r;
}

// Runs fn on the worker pool and resumes the awaiting coroutine on its own
// executor with the result.
template <typename Token>
auto RunOnPool(asio::thread_pool& pool, std::function<Response()> fn, Token&& token) {
  return asio::async_initiate<Token, void(Response)>(
      [&pool](auto handler, std::function<Response()> work) {
        auto ex = asio::get_associated_executor(handler);
        asio::post(pool, [handler = std::move(handler), work = std::move(work), ex]() mutable {
          Response r = work();
          asio::post(ex, [handler = std::move(handler), r = std::move(r)]() mutable {
            handler(std::move(r));
          });
        });
      },
      token, std::move(fn));
}

}  // namespace

struct Server::Impl {
  ServerOptions opt;
  AppHandler app;
  std::shared_ptr<spdlog::logger> log;
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::unique_ptr<asio::thread_pool> workers;
  std::unique_ptr<asio::thread_pool> readers;  // when opt.read_threads > 0
  std::unique_ptr<tcp::acceptor> acceptor;
  std::atomic<size_t> next_context{0};
  std::atomic<int> connections{0};
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::condition_variable cv;
  int bound_port = 0;
  std::thread stopper;

  asio::io_context& NextContext() {
    return *contexts[next_context.fetch_add(1) % contexts.size()];
  }

  Response Dispatch(Request& req) {
    try {
      return app(req);
    } catch (const std::exception& e) {
      log->error("handler threw: {} {}: {}", req.method, req.path, e.what());
      return JsonError(500, "internal", "服务器内部错误");
    }
  }

  template <class Body>
  void SetHead(bhttp::response<Body>& res, unsigned version, bool keep_alive, const Response& resp) {
    res.version(version);
    res.result(static_cast<unsigned>(resp.status));
    res.keep_alive(keep_alive);
    res.set(bhttp::field::server, "fazhi");
    for (const auto& [name, value] : resp.headers) res.set(name, value);
  }

  asio::awaitable<void> WriteResponse(beast::tcp_stream& stream, const std::string& method,
                                      const std::string& path, unsigned version, bool keep_alive,
                                      Response resp, beast::error_code& ec) {
    if (!resp.body_file.empty()) {
      co_await WriteFileResponse(stream, method, path, version, keep_alive, std::move(resp), ec);
      co_return;
    }
    // Head and body in one gathered write; HEAD gets the head alone.
    const std::string head = ResponseHead(resp, version, keep_alive, resp.body.size(), path, opt.security);
    const std::array<asio::const_buffer, 2> buffers{
        asio::buffer(head), asio::buffer(resp.body.data(), method == "HEAD" ? 0 : resp.body.size())};
    co_await asio::async_write(stream, buffers, asio::redirect_error(asio::use_awaitable, ec));
  }

  // A response whose body is a file: sent from disk in chunks (Beast's file
  // body), never held in memory. A file that cannot be opened, or whose size
  // is not the promised one, becomes a 500 rather than a short download.
  asio::awaitable<void> WriteFileResponse(beast::tcp_stream& stream, const std::string& method,
                                          const std::string& path, unsigned version, bool keep_alive,
                                          Response resp, beast::error_code& ec) {
    bhttp::response<bhttp::file_body> res;
    beast::error_code open_ec;
    res.body().open(resp.body_file.c_str(), beast::file_mode::scan, open_ec);
    if (open_ec || res.body().size() != resp.body_file_size) {
      log->error("cannot send file for {}: {}", path,
                 open_ec ? open_ec.message() : "size differs from " + std::to_string(resp.body_file_size));
      co_await WriteResponse(stream, method, path, version, keep_alive,
                             JsonError(500, "internal", "服务器内部错误"), ec);
      co_return;
    }
    ApplySecurityHeaders(path, opt.security, &resp);
    if (method == "HEAD") {
      bhttp::response<bhttp::empty_body> head;
      SetHead(head, version, keep_alive, resp);
      head.content_length(resp.body_file_size);
      co_await bhttp::async_write(stream, head, asio::redirect_error(asio::use_awaitable, ec));
      co_return;
    }
    SetHead(res, version, keep_alive, resp);
    res.content_length(resp.body_file_size);
    co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
  }

  // After refusing a request whose body is still arriving: stop sending and
  // read (and drop) what the client is still sending for a moment, so the
  // refusal is not lost to a reset when the socket closes with unread data.
  asio::awaitable<void> Linger(beast::tcp_stream& stream) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    std::vector<char> sink(64 * 1024);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!ec && std::chrono::steady_clock::now() < until) {
      stream.expires_after(std::chrono::seconds(1));
      co_await stream.async_read_some(asio::buffer(sink), asio::redirect_error(asio::use_awaitable, ec));
    }
  }

  void AccessLog(const Request& req, int status, size_t bytes,
                 std::chrono::steady_clock::time_point start) {
    if (!opt.access_log) return;
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    log->info("access {} {} {} {} {} {}us", req.remote_ip, req.method, req.path, status, bytes, us);
  }

  // The response for a body that could not be read, or none when the
  // connection is simply gone (closed, reset, timed out).
  std::optional<Response> BodyRefusal(const beast::error_code& ec) {
    if (ec == bhttp::error::body_limit) return JsonError(413, "payload_too_large", "请求内容超过大小限制");
    if (ec == boost::system::errc::no_space_on_device) {
      log->error("spooling a request body: {}", ec.message());
      return JsonError(507, "insufficient_storage", "服务器存储空间不足，请稍后重试");
    }
    const beast::error_code partial = bhttp::error::partial_message;
    if (ec.category() == partial.category() && ec != partial &&
        ec != bhttp::error::end_of_stream)
      return JsonError(400, "bad_request", "请求格式错误");
    return std::nullopt;
  }

  // Reads the body into req.body, within the read timeout as a whole.
  asio::awaitable<void> ReadBodyToMemory(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                         bhttp::request_parser<bhttp::empty_body>& header, Request& req,
                                         std::optional<Response>& refusal, beast::error_code& ec) {
    bhttp::request_parser<bhttp::string_body> parser(std::move(header));
    parser.body_limit(opt.max_body_bytes);
    if (!parser.is_done()) {
      stream.expires_after(std::chrono::seconds(opt.read_timeout_seconds));
      co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        refusal = BodyRefusal(ec);
        co_return;
      }
    }
    req.body = std::move(parser.get().body());
  }

  // Writes the body chunk by chunk into a new file in the spool directory
  // (owned by `spool`, which removes it) and sets req.body_file. Each chunk
  // must arrive within the read timeout; the whole body may take longer.
  asio::awaitable<void> ReadBodyToFile(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                       bhttp::request_parser<bhttp::empty_body>& header, Request& req,
                                       std::optional<SpoolFile>& spool, std::optional<Response>& refusal,
                                       beast::error_code& ec) {
    auto created = SpoolFile::Create(opt.spool_dir);
    if (!created.ok()) {
      log->error("{}", created.status().message());
      refusal = JsonError(500, "internal", "服务器内部错误");
      co_return;
    }
    spool.emplace(std::move(created).value());
    bhttp::request_parser<bhttp::file_body> parser(std::move(header));
    parser.body_limit(opt.max_spooled_body_bytes);
    beast::file file;
    file.native_handle(spool->ReleaseFd());
    parser.get().body().reset(std::move(file), ec);
    while (!ec && !parser.is_done()) {
      stream.expires_after(std::chrono::seconds(opt.read_timeout_seconds));
      co_await bhttp::async_read_some(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
    }
    beast::error_code size_ec;
    const std::uint64_t size = parser.get().body().file().size(size_ec);
    parser.get().body().close();
    if (!ec && size_ec) ec = size_ec;
    if (ec) {
      refusal = BodyRefusal(ec);
      co_return;
    }
    req.body_file = spool->path();
    req.body_file_size = size;
  }

  asio::awaitable<void> Session(tcp::socket socket) {
    struct Counter {
      std::atomic<int>& n;
      explicit Counter(std::atomic<int>& c) : n(c) { ++n; }
      ~Counter() { --n; }
    } counter(connections);
    std::string remote_ip;
    {
      boost::system::error_code ignored;
      auto ep = socket.remote_endpoint(ignored);
      if (!ignored) remote_ip = ep.address().to_string();
    }
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    bool linger = false;
    for (;;) {
      beast::error_code ec;
      stream.expires_after(std::chrono::seconds(buffer.size() > 0 ? opt.read_timeout_seconds
                                                                   : opt.idle_timeout_seconds));
      // Headers first; the body's destination (memory or spool file) and
      // limit depend on the route.
      bhttp::request_parser<bhttp::empty_body> header;
      header.header_limit(static_cast<std::uint32_t>(opt.max_header_bytes));
      header.body_limit(boost::none);
      co_await bhttp::async_read_header(stream, buffer, header,
                                        asio::redirect_error(asio::use_awaitable, ec));
      const auto start = std::chrono::steady_clock::now();
      if (ec) {
        if (ec == bhttp::error::header_limit) {
          co_await WriteResponse(stream, "GET", "/", 11, false,
                                 JsonError(431, "header_too_large", "请求头过大"), ec);
        } else if (ec != bhttp::error::end_of_stream && ec != asio::error::eof &&
                   ec != beast::error::timeout && ec != asio::error::connection_reset &&
                   ec != asio::error::operation_aborted) {
          co_await WriteResponse(stream, "GET", "/", 11, false,
                                 JsonError(400, "bad_request", "请求格式错误"), ec);
        }
        break;
      }
      ++in_flight;
      struct FlightGuard {
        Impl* self;
        ~FlightGuard() {
          if (--self->in_flight == 0) self->cv.notify_all();
        }
      } guard{this};

      Request req;
      req.remote_ip = remote_ip;
      {
        auto& h = header.get();
        req.method = std::string(h.method_string());
        req.target = std::string(h.target());
        for (const auto& field : h) {
          std::string name(field.name_string());
          for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          auto [it, inserted] = req.headers.emplace(name, std::string(field.value()));
          if (!inserted) it->second += ", " + std::string(field.value());
        }
      }
      const unsigned version = header.get().version();
      bool keep_alive = header.keep_alive() && !stopping.load();
      if (!ParseTarget(req.target, &req.path, &req.query)) {
        co_await WriteResponse(stream, req.method, "/api/", version, false,
                               JsonError(400, "bad_request", "请求地址格式错误"), ec);
        AccessLog(req, 400, 0, start);
        linger = !header.is_done();
        break;
      }
      const bool spooled = opt.spool_body && opt.spool_body(req);
      const std::uint64_t limit = spooled ? opt.max_spooled_body_bytes : opt.max_body_bytes;
      auto content_length = header.content_length();
      if (content_length && *content_length > limit) {
        co_await WriteResponse(stream, req.method, req.path, version, false,
                               JsonError(413, "payload_too_large", "请求内容超过大小限制"), ec);
        AccessLog(req, 413, 0, start);
        linger = true;
        break;
      }
      if (spooled && opt.admit_spooled) {
        // Status 0 stands for "admitted" on the way back from the pool.
        std::function<Response()> admit = [this, &req]() {
          try {
            std::optional<Response> r = opt.admit_spooled(req);
            if (r) return std::move(*r);
            Response admitted;
            admitted.status = 0;
            return admitted;
          } catch (const std::exception& e) {
            log->error("admission threw: {} {}: {}", req.method, req.path, e.what());
            return JsonError(500, "internal", "服务器内部错误");
          }
        };
        Response refused = co_await RunOnPool(*workers, std::move(admit), asio::use_awaitable);
        if (refused.status != 0) {
          const int status = refused.status;
          co_await WriteResponse(stream, req.method, req.path, version, false, std::move(refused), ec);
          AccessLog(req, status, 0, start);
          linger = !header.is_done();
          break;
        }
      }
      if (!header.is_done() && beast::iequals(req.Header("expect"), "100-continue")) {
        bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, version};
        co_await bhttp::async_write(stream, go_on, asio::redirect_error(asio::use_awaitable, ec));
        if (ec) break;
      }
      std::optional<SpoolFile> spool;  // removes a spooled body whatever happens below
      std::optional<Response> refusal;
      if (spooled) {
        co_await ReadBodyToFile(stream, buffer, header, req, spool, refusal, ec);
      } else {
        co_await ReadBodyToMemory(stream, buffer, header, req, refusal, ec);
      }
      if (refusal) {
        spool.reset();
        const int status = refusal->status;
        co_await WriteResponse(stream, req.method, req.path, version, false, std::move(*refusal), ec);
        AccessLog(req, status, 0, start);
        linger = true;
        break;
      }
      if (ec) break;

      Response resp;
      if (opt.run_inline && opt.run_inline(req)) {
        resp = Dispatch(req);
      } else {
        asio::thread_pool& pool = readers && opt.read_pool && opt.read_pool(req) ? *readers : *workers;
        std::function<Response()> work = [this, &req]() { return Dispatch(req); };
        resp = co_await RunOnPool(pool, std::move(work), asio::use_awaitable);
      }
      spool.reset();  // the handler is done with the body: free the disk before answering
      const int status = resp.status;
      const size_t bytes = resp.body_file.empty() ? resp.body.size() : resp.body_file_size;
      co_await WriteResponse(stream, req.method, req.path, version, keep_alive, std::move(resp),
                             ec);
      AccessLog(req, status, bytes, start);
      if (ec || !keep_alive) break;
    }
    if (linger) {
      co_await Linger(stream);
    } else {
      beast::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    }
  }

  asio::awaitable<void> Listen() {
    for (;;) {
      beast::error_code ec;
      asio::io_context& target = NextContext();
      tcp::socket socket =
          co_await acceptor->async_accept(target, asio::redirect_error(asio::use_awaitable, ec));
      if (stopping.load()) co_return;
      if (ec) {
        if (ec == asio::error::operation_aborted) co_return;
        log->warn("accept failed: {}", ec.message());
        continue;
      }
      if (connections.load() >= opt.max_connections) {
        log->warn("connection cap reached ({}), refusing", opt.max_connections);
        asio::co_spawn(target, RefuseBusy(std::move(socket)), asio::detached);
        continue;
      }
      asio::co_spawn(target, Session(std::move(socket)), asio::detached);
    }
  }

  asio::awaitable<void> RefuseBusy(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    stream.expires_after(std::chrono::seconds(5));
    beast::error_code ec;
    co_await WriteResponse(stream, "GET", "/api/", 11, false,
                           JsonError(503, "server_busy", "服务器繁忙，请稍后重试"), ec);
  }
};

Server::Server(ServerOptions options, AppHandler app, std::shared_ptr<spdlog::logger> log)
    : impl_(std::make_unique<Impl>()) {
  impl_->opt = std::move(options);
  impl_->app = std::move(app);
  impl_->log = std::move(log);
  int n = impl_->opt.io_threads > 0 ? impl_->opt.io_threads
                                    : std::max(1u, std::thread::hardware_concurrency());
  for (int i = 0; i < n; ++i) impl_->contexts.push_back(std::make_unique<asio::io_context>(1));
  impl_->workers = std::make_unique<asio::thread_pool>(std::max(1, impl_->opt.worker_threads));
  if (impl_->opt.read_threads > 0)
    impl_->readers = std::make_unique<asio::thread_pool>(static_cast<size_t>(impl_->opt.read_threads));
}

Server::~Server() {
  if (impl_->readers) impl_->readers->join();
  if (impl_->workers) impl_->workers->join();
}

std::string Server::Bind() {
  if (impl_->opt.spool_body) {
    // A live upload writes at least once per read timeout: an hour-old
    // spool file was left by a crash.
    std::string err = PrepareSpoolDir(impl_->opt.spool_dir, std::chrono::hours(1));
    if (!err.empty()) return err;
  }
  try {
    auto& ctx = *impl_->contexts[0];
    tcp::endpoint ep(asio::ip::make_address(impl_->opt.host),
                     static_cast<unsigned short>(impl_->opt.port));
    impl_->acceptor = std::make_unique<tcp::acceptor>(ctx);
    impl_->acceptor->open(ep.protocol());
    impl_->acceptor->set_option(asio::socket_base::reuse_address(true));
    impl_->acceptor->bind(ep);
    impl_->acceptor->listen(asio::socket_base::max_listen_connections);
    impl_->bound_port = impl_->acceptor->local_endpoint().port();
    return "";
  } catch (const std::exception& e) {
    return std::string("无法监听 ") + impl_->opt.host + ":" + std::to_string(impl_->opt.port) +
           ": " + e.what();
  }
}

int Server::port() const { return impl_->bound_port; }

void Server::Stop() {
  if (impl_->stopping.exchange(true)) return;
  asio::post(*impl_->contexts[0], [this] {
    beast::error_code ignored;
    if (impl_->acceptor) impl_->acceptor->close(ignored);
  });
  // Wait for in-flight requests off the I/O threads, then stop them.
  impl_->stopper = std::thread([this] {
    std::unique_lock<std::mutex> lock(impl_->mu);
    impl_->cv.wait_for(lock, std::chrono::seconds(impl_->opt.shutdown_grace_seconds),
                       [this] { return impl_->in_flight.load() == 0; });
    for (auto& ctx : impl_->contexts) ctx->stop();
  });
}

int Server::Run() {
  auto& ctx0 = *impl_->contexts[0];
  asio::signal_set signals(ctx0);
  if (impl_->opt.handle_signals) {
    signals.add(SIGINT);
    signals.add(SIGTERM);
    signals.async_wait([this](const beast::error_code& ec, int sig) {
      if (ec) return;
      impl_->log->info("signal {} received, shutting down", sig);
      Stop();
    });
  }
  asio::co_spawn(ctx0, impl_->Listen(), asio::detached);
  impl_->log->info("listening on http://{}:{}", impl_->opt.host, impl_->bound_port);
  std::vector<std::thread> threads;
  for (size_t i = 1; i < impl_->contexts.size(); ++i) {
    auto* ctx = impl_->contexts[i].get();
    threads.emplace_back([ctx] {
      auto work = asio::make_work_guard(*ctx);
      ctx->run();
    });
  }
  {
    auto work = asio::make_work_guard(ctx0);
    ctx0.run();
  }
  for (auto& t : threads) t.join();
  if (impl_->stopper.joinable()) impl_->stopper.join();
  if (impl_->readers) impl_->readers->join();
  impl_->workers->join();
  impl_->log->info("server stopped");
  return 0;
}

}  // namespace fazhi::http
