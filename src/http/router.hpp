#pragma once
// Maps (method, path pattern) to a handler. Patterns are literal segments and
// "{name}" segments; a trailing "{name*}" takes the rest of the path. Literal routes first,
// then the most specific pattern wins (literal > {name} > {name*}; details in router.cpp).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace zwgk::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  Router();
  ~Router();
  void add(Method method, const std::string& pattern, Handler handler);
  void get(const std::string& pattern, Handler h) { add(Method::Get, pattern, std::move(h)); }
  void post(const std::string& pattern, Handler h) { add(Method::Post, pattern, std::move(h)); }
  // Called when no route matches the path (404) — lets the site render its own 404 page.
  // A 200 it returns is sent as 404; other statuses (e.g. a redirect) are kept.
  void set_not_found(Handler handler);
  // Called when a handler throws (status 500; the exception is logged with the request id)
  // and for 405; the request id is in req.request_id; never show internals.
  void set_error_page(std::function<Response(Request&, int status, const std::string& message)> page);

  // Dispatches: HEAD falls back to GET routes; a path that exists for another method -> 405
  // with Allow. Never throws: handler exceptions become error_page(req, 500, ...).
  Response dispatch(Request& req) const;
  Response error_page(Request& req, int status, const std::string& message) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zwgk::http
