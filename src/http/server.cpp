// The listener and the session: the only file that sees Boost.Beast and Asio.
//
// Listener: owns the acceptor, on the `control` strand with the signal set and the drain
// timer. Each accepted socket becomes a Session on its own strand (or on the io_context
// itself when there is one thread: no strand needed, none paid for).
//
// Session: one connection. At most one socket operation is outstanding at a time, so a
// single deadline per operation is all the timing there is:
//   - waiting for the first byte of a request: idle_timeout (then a silent close);
//   - once a request has begun: it must be complete read_timeout after its first byte
//     (an absolute deadline; trickling bytes does not extend it), else 408 and close;
//   - writing a batch of responses: write_timeout.
// The request head is checked before its body is read (RFC 9112 6.1, 6.3, 5.2, 3.2):
// a Transfer-Encoding other than exactly "chunked", Transfer-Encoding with Content-Length,
// conflicting Content-Length values, a folded header line and a second Host are 400 and
// close, so nothing after such a head is ever taken for a request of its own (smuggling).
// A request the page cache cannot answer goes to the worker pool; its place in the
// response queue waits ("pending") until the worker posts the response back to the
// session's strand. No read starts while a response is pending, so the one-operation rule
// holds; requests already buffered are still parsed (and dispatched) meanwhile.
// Parsing is a fresh request_parser per message (header_limit, body_limit), fed from the
// connection's buffer with put(), so pipelined requests already received are parsed
// without I/O. Responses are queued in request order (at most pipeline_limit) and written
// in one gathered write; reading resumes when the queue has been written. A response that
// ends the connection (an error, "Connection: close", shutdown) is followed by a lingering
// close: shut down our sending side, then discard input briefly so the client reads the
// response instead of a reset.
//
// Shutdown (stop()): close the acceptor, close connections idle between requests, let
// every request already begun finish with "Connection: close". run() returns when the last
// session is gone, or after shutdown_timeout.
#include "http/server.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <csignal>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <spdlog/spdlog.h>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/access_log.hpp"
#include "http/ascii.hpp"
#include "http/client_address.hpp"
#include "http/exchange.hpp"
#include "http/rate_limiter.hpp"
#include "http/worker_pool.hpp"

namespace zwgk::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

class Session;

// Read size per syscall; the parser bounds what accumulates (header_limit, body_limit).
constexpr std::size_t kReadChunk = 16 * 1024;
// Responses gathered into one write.
constexpr std::size_t kMaxBatch = 16;
// How long a closing connection discards input after its last response.
constexpr auto kLingerTime = std::chrono::seconds(2);
// Input discarded while lingering before giving up and resetting.
constexpr std::size_t kLingerBytes = 1 << 20;

// Everything the listener and its sessions share. Server::Impl (private to Server) is
// derived from it, so that sessions can name it.
struct Listener {
  Listener(ServerOptions o, Router& r, PageCache& c, Metrics& m)
      : options(std::move(o)),
        exchange(options, r, c, m, stopping),
        metrics(m),
        threads(options.threads > 0 ? options.threads
                                    : std::max(1, static_cast<int>(std::thread::hardware_concurrency()))),
        ioc(threads),
        control(net::make_strand(ioc)),
        acceptor(control),
        signals(control),
        drain_timer(control),
        accept_backoff(control),
        limiter(options.rate_limit.applies ? options.rate_limit.per_second : 0, options.rate_limit.burst),
        workers(options.workers > 0 ? options.workers : std::max(4, 2 * threads), options.worker_queue_limit,
                options.worker_nice) {
    if (options.pipeline_limit == 0) options.pipeline_limit = 1;  // 0 would never answer
    if (options.access_log) access = detail::access_logger();
  }

  ~Listener() { destroying = true; }

  ServerOptions options;
  std::atomic<bool> stopping{false};
  detail::Exchange exchange;
  Metrics& metrics;
  std::shared_ptr<spdlog::logger> access;
  const int threads;

  std::mutex mu;  // guards sessions
  std::unordered_map<std::uint64_t, std::weak_ptr<Session>> sessions;
  std::uint64_t next_session = 0;
  std::atomic<bool> started{false};
  std::atomic<int> running{0};
  bool destroying = false;

  // Declared after the session registry: destroying the io_context destroys pending
  // handlers, hence sessions, which unregister themselves.
  net::io_context ioc;
  net::strand<net::io_context::executor_type> control;
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer drain_timer;
  net::steady_timer accept_backoff;
  RateLimiter limiter;
  // Last: destroyed first, so its threads are joined (and the jobs it never ran, holding
  // sessions, destroyed) while everything a job uses still exists.
  WorkerPool workers;

  net::any_io_executor session_executor() {
    if (threads == 1) return ioc.get_executor();
    return net::make_strand(ioc);
  }

  void do_accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  void stop();
  void begin_stop();     // on control
  void check_drained();  // on control
  void unregister(std::uint64_t id);
  void io_thread();
};

thread_local const Listener* t_current_server = nullptr;

template <class StringView>
std::string_view sv(const StringView& s) {
  return {s.data(), s.size()};
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Listener& srv, tcp::socket&& socket, std::uint64_t id)
      : srv_(srv), stream_(std::move(socket)), ex_(stream_.get_executor()), deadline_(ex_), tarpit_(ex_), id_(id) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    remote_ = ec ? std::string("-") : ep.address().to_string();
  }

  ~Session() { srv_.unregister(id_); }

  net::any_io_executor executor() const { return ex_; }

  void start() {
    net::dispatch(ex_, beast::bind_front_handler(&Session::pump, shared_from_this()));
  }

  // Posted by Server::stop(): a connection waiting for its next request closes now; one
  // in the middle of a request finishes it (keep-alive is refused from now on).
  void on_server_stop() {
    if (closed_ || lingering_) return;
    if (reading_ && !request_began_ && queue_.empty() && !writing_) close();
  }

 private:
  Listener& srv_;
  beast::tcp_stream stream_;
  net::any_io_executor ex_;
  net::steady_timer deadline_;  // the current request's read_timeout (408)
  net::steady_timer tarpit_;    // holds a rate-limit refusal (push_after)
  std::uint64_t id_;
  std::string remote_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<Clock::time_point> request_began_;  // first byte of the current request
  std::deque<detail::Outgoing> queue_;              // responses in request order
  std::size_t in_flight_ = 0;                       // queue_ entries being written now
  std::vector<net::const_buffer> buffers_;
  std::size_t lingered_ = 0;
  bool reading_ = false;
  bool writing_ = false;
  bool read_done_ = false;  // no further request will be read on this connection
  bool eof_seen_ = false;
  bool lingering_ = false;
  bool closed_ = false;
  bool continue_sent_ = false;
  bool head_checked_ = false;    // the current request's head passed check_head()
  bool deadline_armed_ = false;  // deadline_ waits for the current request
  bool timed_out_ = false;       // the current request missed its deadline
  std::size_t pending_ = 0;      // queue_ entries a worker is still answering
  std::uint64_t next_slot_ = 0;
  std::uint64_t request_gen_ = 0;  // counts requests, so a stale deadline is recognised

  // Decides what the connection does next; called after every completion.
  void pump() {
    if (closed_ || lingering_) return;
    while (!read_done_ && queue_.size() < srv_.options.pipeline_limit && buffer_.size() > 0) {
      if (!parser_) new_parser();
      if (!request_began_) request_began_ = Clock::now();
      if (!parse_buffered()) break;
    }
    if (!writing_ && !queue_.empty() && !queue_.front().pending) return do_write();
    if (writing_ || reading_) return;
    if (pending_ > 0) return;  // on_served() pumps again
    if (read_done_) return linger();
    if (queue_.size() >= srv_.options.pipeline_limit) return;
    if (srv_.stopping.load() && !request_began_) {
      read_done_ = true;
      return linger();
    }
    do_read();
  }

  void new_parser() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(srv_.options.header_limit));
    // The parser stops once the head is complete (not eager), so check_head() and
    // decide_body_limit() run before any of the body is read. The head is parsed with no
    // body limit (Beast would refuse a large Content-Length itself, before the head can be
    // judged); decide_body_limit() sets the limit for the body.
    parser_->body_limit(boost::none);
    parser_->eager(false);
    continue_sent_ = false;
    head_checked_ = false;
  }

  // Feeds buffered bytes to the parser. true: a message (or a parse error) was handled;
  // false: more bytes are needed.
  bool parse_buffered() {
    while (buffer_.size() > 0) {
      if (!parser_->is_header_done() && has_folded_line()) {
        reject(400, "请求格式错误：不接受折行的请求头", detail::next_request_id());
        return true;
      }
      beast::error_code ec;
      std::size_t used = parser_->put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec == bhttp::error::need_more) break;
      if (ec) {
        on_parse_error(ec);
        return true;
      }
      if (!head_checked_ && parser_->is_header_done()) {
        head_checked_ = true;
        if (!check_head() || !decide_body_limit()) return true;  // rejected
      }
      if (parser_->is_done()) {
        on_message();
        return true;
      }
      if (used == 0) break;
    }
    if (parser_->is_header_done()) maybe_continue();
    return false;
  }

  // An obs-fold (a header line starting with SP or HTAB, RFC 9112 5.2) in the head that is
  // at the front of the buffer. Beast reads a head only once all of it has arrived, so
  // the head is whole here or not looked at yet.
  bool has_folded_line() const {
    const auto* p = static_cast<const char*>(buffer_.data().data());
    const std::string_view bytes(p, buffer_.size());
    auto end = bytes.find("\r\n\r\n");
    if (end == std::string_view::npos) end = bytes.find("\n\n");
    if (end == std::string_view::npos) return false;
    const std::string_view head = bytes.substr(0, end + 1);
    return head.find("\n ") != std::string_view::npos || head.find("\n\t") != std::string_view::npos;
  }

  // The framing rules for a request head (see the top of this file). false: rejected.
  bool check_head() {
    const auto& msg = parser_->get();
    std::size_t hosts = 0, encodings = 0, lengths = 0;
    std::string_view encoding, length;
    bool conflicting_length = false;
    for (const auto& f : msg) {
      switch (f.name()) {
        case bhttp::field::host: ++hosts; break;
        case bhttp::field::transfer_encoding:
          ++encodings;
          encoding = sv(f.value());
          break;
        case bhttp::field::content_length:
          if (lengths++ > 0 && sv(f.value()) != length) conflicting_length = true;
          length = sv(f.value());
          break;
        default: break;
      }
    }
    std::string_view problem;
    if (hosts > 1) {
      problem = "请求格式错误：Host 请求头重复";
    } else if (encodings > 1 || (encodings == 1 && !ascii::iequals(ascii::trim(encoding), "chunked"))) {
      problem = "请求格式错误：不支持的 Transfer-Encoding";
    } else if (encodings == 1 && lengths > 0) {
      problem = "请求格式错误：Transfer-Encoding 与 Content-Length 不能同时出现";
    } else if (conflicting_length || lengths > 1) {
      problem = "请求格式错误：Content-Length 重复";
    }
    if (problem.empty()) return true;
    reject(400, problem, detail::next_request_id());
    return false;
  }

  // The body limit for this request, from its head. false: rejected (413, or what
  // admit_large_body answered).
  bool decide_body_limit() {
    const auto& opt = srv_.options;
    std::size_t limit = opt.body_limit;
    const auto length = parser_->content_length();
    const bool chunked = parser_->chunked();
    if (opt.admit_large_body && (chunked || (length && *length > opt.body_limit))) {
      Request head;
      head.request_id = detail::next_request_id();
      LargeBodyVerdict verdict;
      if (fill_head(parser_->get(), head)) {
        try {
          verdict = opt.admit_large_body(head);
        } catch (const std::exception& e) {
          spdlog::error("admit_large_body failed request_id={} error={}", head.request_id, e.what());
          verdict = LargeBodyVerdict{false, 503, "服务器繁忙，请稍后再试。"};
        }
      }
      if (verdict.allowed) {
        limit = opt.upload_body_limit;
      } else if (!chunked) {  // a chunked body may still be small: the small limit decides
        reject(verdict.status, verdict.message, head.request_id);
        return false;
      }
    }
    if (length && *length > limit) {
      on_parse_error(bhttp::error::body_limit);
      return false;
    }
    if (!parser_->is_done()) parser_->body_limit(static_cast<std::uint64_t>(limit));
    parser_->eager(true);
    return true;
  }

  // Target, headers and client address of a message (its body is not looked at).
  // false: the target cannot be parsed.
  template <class Message>
  bool fill_head(const Message& msg, Request& req) const {
    if (!parse_target(sv(msg.target()), req)) return false;
    req.method = method_from_string(sv(msg.method_string()));
    req.headers.reserve(static_cast<std::size_t>(std::distance(msg.begin(), msg.end())));
    for (const auto& f : msg) req.headers.emplace_back(ascii::to_lower(sv(f.name_string())), sv(f.value()));
    req.remote_address = srv_.options.trusted_proxies.empty()
                             ? remote_
                             : client_address(remote_, req.header("x-forwarded-for"), srv_.options.trusted_proxies);
    return true;
  }

  // Expect: 100-continue (RFC 9110 10.1.1): tell the client to send the body it holds back.
  void maybe_continue() {
    if (continue_sent_) return;
    continue_sent_ = true;
    auto expect = parser_->get()[bhttp::field::expect];
    if (ascii::iequals(sv(expect), "100-continue")) queue_.push_back(detail::Exchange::continue_100());
  }

  void on_parse_error(beast::error_code ec) {
    int status = 400;
    std::string_view message = "请求格式错误";
    if (ec == bhttp::error::body_limit) {
      status = 413;
      message = "请求内容过大";
    } else if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) {
      status = 431;
      message = "请求头过大";
    }
    spdlog::debug("bad request from {}: {}", remote_, ec.message());
    reject(status, message, detail::next_request_id());
  }

  void reject(int status, std::string_view message, std::string request_id) {
    queue_.push_back(srv_.exchange.reject(status, message, std::move(request_id)));
    parser_.reset();
    end_request();
    read_done_ = true;
  }

  // The current request is complete (or rejected): its deadline no longer applies.
  void end_request() {
    request_began_.reset();
    timed_out_ = false;
    ++request_gen_;
    if (deadline_armed_) {
      deadline_armed_ = false;
      deadline_.cancel();
    }
  }

  void push(detail::Outgoing out) {
    if (out.close) read_done_ = true;
    queue_.push_back(std::move(out));
  }

  void on_message() {
    auto msg = parser_->release();
    parser_.reset();
    end_request();

    Request req;
    req.request_id = detail::next_request_id();
    if (!fill_head(msg, req)) return reject(400, "请求格式错误", req.request_id);
    if (msg.version() >= 11 && msg.find(bhttp::field::host) == msg.end()) {
      return reject(400, "请求格式错误", req.request_id);  // RFC 9112 3.2: Host is required
    }
    req.body = std::move(msg.body());

    const bool keep_alive = msg.keep_alive() && !srv_.stopping.load();
    const bool http10 = msg.version() == 10;
    if (!keep_alive) read_done_ = true;  // no request after this one will be answered
    detail::Outgoing out;
    if (srv_.exchange.serve_without_handler(req, keep_alive, http10, out)) return push(std::move(out));

    const auto& limit = srv_.options.rate_limit;
    int retry_after = 0;
    if (srv_.limiter.enabled() && limit.applies(req) &&
        !srv_.limiter.allow(req.remote_address, Clock::now(), &retry_after)) {
      return push_after(srv_.exchange.refuse(req, 429, limit.message, retry_after, keep_alive, http10),
                        std::chrono::milliseconds(limit.refusal_delay_ms));
    }
    dispatch_to_worker(std::make_shared<Request>(std::move(req)), keep_alive, http10);
  }

  // A pending place in the response queue, filled by on_served(slot, ...).
  std::uint64_t reserve_slot() {
    detail::Outgoing placeholder;
    placeholder.pending = true;
    placeholder.slot = ++next_slot_;
    queue_.push_back(std::move(placeholder));
    ++pending_;
    return next_slot_;
  }

  // Queues `out` now but sends it only after `delay` (the rate limit's tarpit). One timer
  // per connection: a second delayed answer releases the first at once.
  void push_after(detail::Outgoing out, std::chrono::milliseconds delay) {
    if (delay.count() <= 0) return push(std::move(out));
    const std::uint64_t slot = reserve_slot();
    tarpit_.expires_after(delay);
    tarpit_.async_wait([self = shared_from_this(), slot,
                        held = std::make_shared<detail::Outgoing>(std::move(out))](beast::error_code) {
      self->on_served(slot, std::move(*held));
    });
  }

  void dispatch_to_worker(std::shared_ptr<Request> req, bool keep_alive, bool http10) {
    const std::uint64_t slot = reserve_slot();
    auto work = net::make_work_guard(srv_.ioc);  // run() does not return under a worker
    const bool taken = srv_.workers.try_submit(
        [self = shared_from_this(), req, keep_alive, http10, slot, work]() mutable {
          auto out = std::make_shared<detail::Outgoing>(self->srv_.exchange.serve(*req, keep_alive, http10));
          net::post(self->ex_, [self, out, slot, work]() mutable {
            self->on_served(slot, std::move(*out));
            work.reset();
          });
        });
    if (taken) return;
    // Load shedding: every worker busy and the queue full. Answered now, cheaply.
    --pending_;
    queue_.pop_back();
    push(srv_.exchange.refuse(*req, 503, "服务器繁忙，请稍后再试。", srv_.options.retry_after_seconds,
                              keep_alive, http10));
  }

  void on_served(std::uint64_t slot, detail::Outgoing out) {
    --pending_;
    if (closed_) return;
    for (auto& entry : queue_) {
      if (entry.pending && entry.slot == slot) {
        if (out.close) read_done_ = true;
        entry = std::move(out);
        break;
      }
    }
    pump();
  }

  void do_read() {
    if (request_began_) {
      const auto deadline = *request_began_ + std::chrono::seconds(srv_.options.read_timeout_seconds);
      if (timed_out_ || Clock::now() >= deadline) return request_timed_out();
      // Our own timer, not the stream's: a stream whose timer expires closes the socket,
      // and the client should read a 408 first.
      stream_.expires_never();
      if (!deadline_armed_) {
        deadline_armed_ = true;
        deadline_.expires_at(deadline);
        deadline_.async_wait([self = shared_from_this(), gen = request_gen_](beast::error_code ec) {
          if (ec || !self->deadline_armed_ || gen != self->request_gen_) return;
          self->timed_out_ = true;
          if (self->reading_) {
            beast::error_code ignored;
            self->stream_.socket().cancel(ignored);  // on_read sees operation_aborted
          }
        });
      }
    } else {
      stream_.expires_after(std::chrono::seconds(srv_.options.idle_timeout_seconds));
    }
    reading_ = true;
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void request_timed_out() {
    spdlog::debug("request from {} timed out", remote_);
    reject(408, "请求超时", detail::next_request_id());
    pump();
  }

  void on_read(beast::error_code ec, std::size_t n) {
    reading_ = false;
    if (timed_out_ && !closed_) return request_timed_out();
    if (ec == net::error::eof) {  // the client is done sending; answer what it asked
      eof_seen_ = true;
      read_done_ = true;
      return pump();
    }
    if (ec) {
      if (ec == beast::error::timeout) {
        spdlog::debug("connection from {} timed out {}", remote_,
                      request_began_ ? "mid-request" : "idle");
      }
      return close();
    }
    buffer_.commit(n);
    pump();
  }

  void do_write() {
    buffers_.clear();
    in_flight_ = 0;
    for (const auto& o : queue_) {
      if (in_flight_ == kMaxBatch || o.pending) break;
      buffers_.emplace_back(o.head.data(), o.head.size());
      if (!o.body.empty()) buffers_.emplace_back(o.body.data(), o.body.size());
      ++in_flight_;
      if (o.close) break;
    }
    writing_ = true;
    stream_.expires_after(std::chrono::seconds(srv_.options.write_timeout_seconds));
    net::async_write(stream_, buffers_,
                     beast::bind_front_handler(&Session::on_write, shared_from_this()));
  }

  void on_write(beast::error_code ec, std::size_t) {
    writing_ = false;
    const auto now = Clock::now();
    bool close_after = false;
    for (std::size_t i = 0; i < in_flight_; ++i) {
      const auto& o = queue_.front();
      if (!o.interim) record(o, ec ? 0 : o.body.size(), now);
      close_after = close_after || o.close;
      queue_.pop_front();
    }
    in_flight_ = 0;
    if (ec) {
      spdlog::debug("write to {} failed: {}", remote_, ec.message());
      return close();
    }
    if (close_after) {
      queue_.clear();
      read_done_ = true;
    }
    pump();
  }

  void record(const detail::Outgoing& o, std::size_t bytes, Clock::time_point now) {
    const double seconds = std::chrono::duration<double>(now - o.started).count();
    srv_.metrics.observe_request(o.status, seconds);
    if (srv_.access) detail::log_access(*srv_.access, o, remote_, bytes, seconds * 1000.0);
  }

  // Ends the connection after its last response; see the comment at the top.
  void linger() {
    if (eof_seen_) return close();
    lingering_ = true;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return close();
    auto limit = std::min<Clock::duration>(kLingerTime,
                                           std::chrono::seconds(srv_.options.read_timeout_seconds));
    stream_.expires_after(limit);
    drain();
  }

  void drain() {
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->lingered_ += n;
                              if (ec || self->lingered_ > kLingerBytes) return self->close();
                              self->buffer_.commit(n);
                              self->buffer_.consume(self->buffer_.size());
                              self->drain();
                            });
  }

  void close() {
    if (closed_) return;
    closed_ = true;
    deadline_armed_ = false;
    deadline_.cancel();
    tarpit_.cancel();
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }
};

}  // namespace

struct Server::Impl : Listener {
  using Listener::Listener;
};

void Listener::do_accept() {
  acceptor.async_accept(session_executor(), [this](beast::error_code ec, tcp::socket socket) {
    on_accept(ec, std::move(socket));
  });
}

void Listener::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor.is_open() || stopping.load()) return;
  if (ec) {
    // Typically EMFILE: pause instead of spinning on an accept that keeps failing.
    spdlog::warn("accept failed: {}", ec.message());
    accept_backoff.expires_after(std::chrono::milliseconds(100));
    accept_backoff.async_wait([this](beast::error_code e) {
      if (!e && !stopping.load()) do_accept();
    });
    return;
  }
  beast::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  std::shared_ptr<Session> session;
  {
    std::lock_guard lock(mu);
    auto id = ++next_session;
    session = std::make_shared<Session>(*this, std::move(socket), id);
    sessions.emplace(id, session);
  }
  session->start();
  do_accept();
}

void Listener::unregister(std::uint64_t id) {
  bool last = false;
  {
    std::lock_guard lock(mu);
    sessions.erase(id);
    last = stopping.load() && sessions.empty();
  }
  if (last && !destroying) net::post(control, [this] { check_drained(); });
}

void Listener::stop() {
  if (stopping.exchange(true)) return;
  auto done = std::make_shared<std::promise<void>>();
  auto closed = done->get_future();
  net::post(control, [this, done] {
    begin_stop();
    done->set_value();
  });
  // Wait until the acceptor is closed, so that "stop() returned" means "no new
  // connections" — unless we are an I/O thread of this server (a signal, a handler), where
  // waiting could wait for ourselves.
  if (running.load() > 0 && t_current_server != this) closed.wait_for(std::chrono::seconds(5));
}

void Listener::begin_stop() {
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  accept_backoff.cancel();
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(mu);
    for (auto& [id, weak] : sessions) {
      if (auto s = weak.lock()) live.push_back(std::move(s));
    }
  }
  spdlog::info("http server stopping: {} connection(s) open", live.size());
  for (auto& s : live) net::post(s->executor(), [s] { s->on_server_stop(); });
  if (!live.empty()) {
    drain_timer.expires_after(std::chrono::seconds(options.shutdown_timeout_seconds));
    drain_timer.async_wait([this](beast::error_code e) {
      if (e) return;  // cancelled: every session finished in time
      spdlog::warn("http server: connections still open after {} s, closing them",
                   options.shutdown_timeout_seconds);
      ioc.stop();
    });
  }
  check_drained();
}

void Listener::check_drained() {
  std::lock_guard lock(mu);
  if (sessions.empty()) drain_timer.cancel();
}

void Listener::io_thread() {
  t_current_server = this;
  ++running;
  for (;;) {
    try {
      ioc.run();
      break;
    } catch (const std::exception& e) {  // a bug: log it and keep serving
      spdlog::error("http server: exception escaped an I/O handler: {}", e.what());
    }
  }
  --running;
  t_current_server = nullptr;
}

Server::Server(ServerOptions options, Router& router, PageCache& cache, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, cache, metrics)) {}

Server::~Server() = default;

std::uint16_t Server::start() {
  auto& i = *impl_;
  if (i.started.load()) return i.acceptor.local_endpoint().port();
  try {
    tcp::endpoint ep{net::ip::make_address(i.options.address), i.options.port};
    i.acceptor.open(ep.protocol());
    i.acceptor.set_option(net::socket_base::reuse_address(true));
    i.acceptor.bind(ep);
    i.acceptor.listen(net::socket_base::max_listen_connections);
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error("cannot listen on " + i.options.address + ":" +
                             std::to_string(i.options.port) + ": " + e.code().message());
  }
  i.started = true;
  i.do_accept();
  auto port = i.acceptor.local_endpoint().port();
  spdlog::info("http server listening on {}:{} with {} thread(s)", i.options.address, port,
               i.threads);
  return port;
}

void Server::run() {
  if (!impl_->started.load()) start();
  std::vector<std::thread> pool;
  for (int n = 1; n < impl_->threads; ++n) pool.emplace_back([this] { impl_->io_thread(); });
  impl_->io_thread();
  for (auto& t : pool) t.join();
  spdlog::info("http server stopped");
}

void Server::stop() { impl_->stop(); }

void Server::stop_on_signals() {
  auto& i = *impl_;
  i.signals.add(SIGINT);
  i.signals.add(SIGTERM);
  i.signals.async_wait([&i](beast::error_code ec, int signal) {
    if (ec) return;
    spdlog::info("signal {} received: stopping", signal);
    i.stop();
  });
}

}  // namespace zwgk::http
