#pragma once
// A capability the law names (依申请公开, 主动公开的发布, later 信箱, 意见征集, 清单 ...) is one
// folder, src/modules/<name>/, with the same parts inside:
//   domain/   its rules, pure (no HTTP, no SQL)
//   store/    its repositories: rows <-> domain values, nothing else
//   service/  its use cases, one function each (actor, input, clock, calendar)
//   web/      its handlers: parse, call one service function, render
//   module.cpp  the one place that registers it (this interface)
// and one line in src/modules/modules.cpp that adds it to the list. `zwgk serve` and the
// test fixtures wire every module the same way (ADR 0020, docs/architecture.md).
#include <memory>
#include <string>
#include <vector>

namespace zwgk::domain {
class PermissionRegistry;
}
namespace zwgk::http {
class Router;
}
namespace zwgk::store {
class Database;
}
namespace zwgk::web {
class SiteApp;
struct WebOptions;
}
namespace zwgk::web::console {
class ConsoleApp;
}

namespace zwgk::modules {

// What the application hands every module. All references outlive the routes and jobs.
struct PublicContext {
  store::Database& db;
  http::Router& router;
  web::SiteApp& site;  // public pages under each site's prefix (add_section), the site's error page
};
struct ConsoleContext {
  store::Database& db;
  http::Router& router;
  web::console::ConsoleApp& console;  // console pages and navigation (sessions, CSRF, audit)
  const web::WebOptions& web;         // the installation secret, the calendar
};

// What a module's background jobs get: the database and the web options (the installation
// secret, the calendar, the clock, the base URL for links in e-mail).
struct JobContext {
  store::Database& db;
  const web::WebOptions& web;
};

// A background task of a module while `zwgk serve` runs (定时发布, the outbox, reminders).
// Destroying it stops it.
class Job {
 public:
  virtual ~Job() = default;
};

class Module {
 public:
  virtual ~Module() = default;
  virtual std::string name() const = 0;   // the folder name and action prefix: "ysqgk"
  virtual std::string label() const = 0;  // 依申请公开
  // The actions it guards, "<name()>.<action>" (domain/permission_registry.hpp): code,
  // Chinese label, which roles may take each in which scope.
  virtual void register_permissions(domain::PermissionRegistry& registry) {}
  // Public pages (SiteApp::add_section), global routes and the API.
  virtual void register_public(PublicContext& ctx) {}
  // Console pages and their navigation.
  virtual void register_console(ConsoleContext& ctx) {}
  // Jobs `zwgk serve` runs; tests call the module's service functions directly instead.
  virtual std::vector<std::unique_ptr<Job>> start_jobs(JobContext& ctx) { return {}; }
};

// Every module of this build, in the order they register. The first call also installs
// every module's permissions into domain::permission_registry() (install_permissions).
const std::vector<std::unique_ptr<Module>>& all();

// Every module's name (a permission prefix) and actions into `registry`.
void register_permissions(domain::PermissionRegistry& registry);
// register_permissions(domain::permission_registry()), once per process. `zwgk` runs it at
// start-up (cli.cpp); so does modules::all().
void install_permissions();

// Every module's part, in order (as serve_command.cpp and tests/web/site_fixture.hpp do):
// register_console after ConsoleApp::register_routes, register_public before
// SiteApp::register_routes.
void register_public(PublicContext ctx);
void register_console(ConsoleContext ctx);
// Every module's jobs; keep the result alive while serving.
std::vector<std::unique_ptr<Job>> start_jobs(JobContext ctx);

}  // namespace zwgk::modules
