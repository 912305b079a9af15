// Boost 1.74 needs <utility> before Asio; harmless on 1.81.
#include <utility>

#include "http/server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

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

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

struct Server::Impl {
  ServerOptions opt;
  AppHandler app;
  std::shared_ptr<spdlog::logger> log;
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::unique_ptr<asio::thread_pool> workers;
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

  asio::awaitable<void> WriteResponse(beast::tcp_stream& stream, const std::string& method,
                                      const std::string& path, unsigned version, bool keep_alive,
                                      Response resp, beast::error_code& ec) {
    ApplySecurityHeaders(path, opt.security, &resp);
    bhttp::response<bhttp::string_body> res;
    res.version(version);
    res.result(static_cast<unsigned>(resp.status));
    res.keep_alive(keep_alive);
    res.set(bhttp::field::server, "fazhi");
    for (auto& [name, value] : resp.headers) res.set(name, value);
    const size_t length = resp.body.size();
    if (method != "HEAD") res.body() = std::move(resp.body);
    res.content_length(length);
    co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
  }

  void AccessLog(const Request& req, int status, size_t bytes,
                 std::chrono::steady_clock::time_point start) {
    if (!opt.access_log) return;
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    log->info("access {} {} {} {} {} {}us", req.remote_ip, req.method, req.path, status, bytes, us);
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
    for (;;) {
      beast::error_code ec;
      stream.expires_after(std::chrono::seconds(buffer.size() > 0 ? opt.read_timeout_seconds
                                                                   : opt.idle_timeout_seconds));
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(opt.max_header_bytes));
      parser.body_limit(std::max(opt.max_body_bytes, opt.max_upload_bytes));
      co_await bhttp::async_read_header(stream, buffer, parser,
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
        auto& h = parser.get();
        req.method = std::string(h.method_string());
        req.target = std::string(h.target());
        for (const auto& field : h) {
          std::string name(field.name_string());
          for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          auto [it, inserted] = req.headers.emplace(name, std::string(field.value()));
          if (!inserted) it->second += ", " + std::string(field.value());
        }
      }
      const unsigned version = parser.get().version();
      bool keep_alive = parser.keep_alive() && !stopping.load();
      if (!ParseTarget(req.target, &req.path, &req.query)) {
        co_await WriteResponse(stream, req.method, "/api/", version, false,
                               JsonError(400, "bad_request", "请求地址格式错误"), ec);
        AccessLog(req, 400, 0, start);
        break;
      }
      bool upload = false;
      for (const auto& suffix : opt.upload_path_suffixes)
        if (EndsWith(req.path, suffix)) upload = true;
      const size_t limit = upload ? opt.max_upload_bytes : opt.max_body_bytes;
      auto content_length = parser.content_length();
      if (content_length && *content_length > limit) {
        co_await WriteResponse(stream, req.method, req.path, version, false,
                               JsonError(413, "payload_too_large", "请求内容超过大小限制"), ec);
        AccessLog(req, 413, 0, start);
        break;
      }
      parser.body_limit(limit);
      if (!parser.is_done()) {
        stream.expires_after(std::chrono::seconds(opt.read_timeout_seconds));
        co_await bhttp::async_read(stream, buffer, parser,
                                   asio::redirect_error(asio::use_awaitable, ec));
        if (ec == bhttp::error::body_limit) {
          co_await WriteResponse(stream, req.method, req.path, version, false,
                                 JsonError(413, "payload_too_large", "请求内容超过大小限制"), ec);
          AccessLog(req, 413, 0, start);
          break;
        }
        if (ec) break;
      }
      req.body = std::move(parser.get().body());

      Response resp;
      if (opt.run_inline && opt.run_inline(req)) {
        resp = Dispatch(req);
      } else {
        std::function<Response()> work = [this, &req]() { return Dispatch(req); };
        resp = co_await RunOnPool(*workers, std::move(work), asio::use_awaitable);
      }
      const int status = resp.status;
      const size_t bytes = resp.body.size();
      co_await WriteResponse(stream, req.method, req.path, version, keep_alive, std::move(resp),
                             ec);
      AccessLog(req, status, bytes, start);
      if (ec || !keep_alive) break;
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
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
}

Server::~Server() {
  if (impl_->workers) impl_->workers->join();
}

std::string Server::Bind() {
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
  impl_->workers->join();
  impl_->log->info("server stopped");
  return 0;
}

}  // namespace fazhi::http
