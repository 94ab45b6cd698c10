// Router: (method, path pattern) -> handler.
//
// Patterns are split on '/'. A segment is a literal, "{name}" (one whole segment) or, last
// only, "{name*}" (the rest of the path, possibly empty, without its leading '/').
// Matching is on the decoded path (Request::path), so parameters arrive decoded.
//
// Choice among routes whose pattern matches the path and whose method fits (HEAD also
// fits GET routes): the most specific wins, comparing segment by segment with
// literal > {param} > {tail*}; equal patterns keep registration order. Fully literal
// routes are kept in a hash map and tried first.
//
// No route fits the method but one matches the path -> 405 with Allow. No route matches
// the path -> the not-found handler (status forced to 404 if it returned 200).
// A handler that throws -> error_page(req, 500, ...), logged with the request id.
#include "http/router.hpp"

#include <algorithm>
#include <set>
#include <spdlog/spdlog.h>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace zwgk::http {

namespace {

enum class SegmentKind { Literal = 0, Param = 1, Tail = 2 };

struct Segment {
  SegmentKind kind;
  std::string text;  // literal text or parameter name
};

struct Route {
  Method method;
  std::string pattern;
  std::vector<Segment> segments;
  Handler handler;
  std::size_t order;
};

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

std::vector<Segment> compile(const std::string& pattern) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  std::vector<Segment> out;
  auto parts = split_path(pattern);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string_view p = parts[i];
    if (p.size() >= 2 && p.front() == '{' && p.back() == '}') {
      std::string_view name = p.substr(1, p.size() - 2);
      if (!name.empty() && name.back() == '*') {
        if (i + 1 != parts.size()) {
          throw std::invalid_argument("a {name*} segment must be last: " + pattern);
        }
        out.push_back({SegmentKind::Tail, std::string(name.substr(0, name.size() - 1))});
      } else {
        out.push_back({SegmentKind::Param, std::string(name)});
      }
    } else {
      out.push_back({SegmentKind::Literal, std::string(p)});
    }
  }
  return out;
}

bool is_literal(const std::vector<Segment>& segs) {
  return std::all_of(segs.begin(), segs.end(),
                     [](const Segment& s) { return s.kind == SegmentKind::Literal; });
}

// Does route match the path? Fills params when it does.
bool match(const Route& route, const std::vector<std::string_view>& parts,
           std::map<std::string, std::string>* params) {
  const auto& segs = route.segments;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const Segment& s = segs[i];
    if (s.kind == SegmentKind::Tail) {
      if (params) {
        std::string rest;
        for (std::size_t j = i; j < parts.size(); ++j) {
          if (j > i) rest.push_back('/');
          rest.append(parts[j]);
        }
        (*params)[s.text] = std::move(rest);
      }
      return true;
    }
    if (i >= parts.size()) return false;
    if (s.kind == SegmentKind::Literal) {
      if (parts[i] != s.text) return false;
    } else {
      if (parts[i].empty()) return false;
      if (params) (*params)[s.text] = std::string(parts[i]);
    }
  }
  return segs.size() == parts.size();
}

// true if a is more specific than b.
bool more_specific(const Route& a, const Route& b) {
  std::size_t n = std::min(a.segments.size(), b.segments.size());
  for (std::size_t i = 0; i < n; ++i) {
    auto ka = a.segments[i].kind, kb = b.segments[i].kind;
    if (ka != kb) return ka < kb;
  }
  return a.order < b.order;
}

bool method_fits(Method route, Method request) {
  return route == request || (request == Method::Head && route == Method::Get);
}

std::string escape_html(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

Response default_page(const std::string& title, const std::string& detail, int status) {
  std::string body =
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" +
      escape_html(title) + "</title></head><body><h1>" + escape_html(title) + "</h1>" + detail +
      "</body></html>";
  return Response::html(std::move(body), status);
}

Response default_not_found(Request&) {
  return default_page("页面不存在", "<p>您访问的页面不存在或已被删除。</p>", 404);
}

Response default_error_page(Request& req, int status, const std::string& message) {
  std::string detail = "<p>请求编号：" + escape_html(req.request_id) + "</p>";
  return default_page(message.empty() ? "服务器内部错误" : message, detail, status);
}

}  // namespace

struct Router::Impl {
  std::vector<Route> routes;  // every route, registration order
  // path -> indexes into routes, for fully literal patterns
  std::unordered_map<std::string, std::vector<std::size_t>> literal;
  std::vector<std::size_t> patterned;  // sorted most specific first
  Handler not_found = default_not_found;
  std::function<Response(Request&, int, const std::string&)> error = default_error_page;

  Response invoke(const Handler& h, Request& req) const {
    try {
      return h(req);
    } catch (const std::exception& e) {
      spdlog::error("handler failed request_id={} method={} path={} error={}", req.request_id,
                    method_name(req.method), req.path, e.what());
    } catch (...) {
      spdlog::error("handler failed request_id={} method={} path={} error=unknown exception",
                    req.request_id, method_name(req.method), req.path);
    }
    return safe_error(req, 500, "服务器内部错误");
  }

  Response safe_error(Request& req, int status, const std::string& message) const {
    try {
      return error(req, status, message);
    } catch (const std::exception& e) {
      spdlog::error("error page failed request_id={} error={}", req.request_id, e.what());
    } catch (...) {
      spdlog::error("error page failed request_id={} error=unknown exception", req.request_id);
    }
    return default_error_page(req, status, message);
  }
};

Router::Router() : impl_(std::make_unique<Impl>()) {}
Router::~Router() = default;

void Router::add(Method method, const std::string& pattern, Handler handler) {
  Route r{method, pattern, compile(pattern), std::move(handler), impl_->routes.size()};
  bool literal = is_literal(r.segments);
  impl_->routes.push_back(std::move(r));
  std::size_t index = impl_->routes.size() - 1;
  if (literal) {
    std::string key = pattern;
    impl_->literal[key].push_back(index);
  } else {
    auto& p = impl_->patterned;
    p.push_back(index);
    std::stable_sort(p.begin(), p.end(), [this](std::size_t a, std::size_t b) {
      return more_specific(impl_->routes[a], impl_->routes[b]);
    });
  }
}

void Router::set_not_found(Handler handler) { impl_->not_found = std::move(handler); }

void Router::set_error_page(
    std::function<Response(Request&, int status, const std::string& message)> page) {
  impl_->error = std::move(page);
}

Response Router::error_page(Request& req, int status, const std::string& message) const {
  return impl_->safe_error(req, status, message);
}

Response Router::dispatch(Request& req) const {
  const auto& routes = impl_->routes;
  std::set<Method> allowed;  // methods of routes whose path matches, for 405

  if (auto it = impl_->literal.find(req.path); it != impl_->literal.end()) {
    // Exact method first, so an explicit HEAD route beats the GET fallback.
    for (std::size_t i : it->second) {
      if (routes[i].method == req.method) return impl_->invoke(routes[i].handler, req);
    }
    for (std::size_t i : it->second) {
      if (method_fits(routes[i].method, req.method)) return impl_->invoke(routes[i].handler, req);
      allowed.insert(routes[i].method);
    }
  }

  auto parts = split_path(req.path);
  const Route* fallback = nullptr;  // a GET route answering HEAD
  for (std::size_t i : impl_->patterned) {
    const Route& r = routes[i];
    if (!method_fits(r.method, req.method)) {
      if (match(r, parts, nullptr)) allowed.insert(r.method);
      continue;
    }
    if (!match(r, parts, nullptr)) continue;
    if (r.method != req.method) {
      if (!fallback) fallback = &r;
      continue;
    }
    match(r, parts, &req.params);
    return impl_->invoke(r.handler, req);
  }
  if (fallback) {
    match(*fallback, parts, &req.params);
    return impl_->invoke(fallback->handler, req);
  }

  if (!allowed.empty()) {
    std::string allow;
    if (allowed.count(Method::Get)) allowed.insert(Method::Head);
    for (Method m : allowed) {
      if (m == Method::Other) continue;
      if (!allow.empty()) allow += ", ";
      allow += method_name(m);
    }
    Response r = impl_->safe_error(req, 405, "不允许的请求方法");
    r.status = 405;
    r.set_header("Allow", allow);
    return r;
  }

  Response r = impl_->invoke(impl_->not_found, req);
  if (r.status == 200) r.status = 404;
  return r;
}

}  // namespace zwgk::http
