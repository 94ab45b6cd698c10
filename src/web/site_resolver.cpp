#include "web/site_resolver.hpp"

#include <cctype>

namespace zwgk::web {

bool path_has_prefix(std::string_view path, std::string_view prefix) {
  if (prefix.empty()) return true;
  if (path.size() < prefix.size() || path.substr(0, prefix.size()) != prefix) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '/';
}

namespace {

bool same_host(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

const domain::Site* longest_prefix(const std::vector<const domain::Site*>& candidates, std::string_view path) {
  const domain::Site* best = nullptr;
  for (const auto* s : candidates) {
    if (!path_has_prefix(path, s->path_prefix)) continue;
    if (!best || s->path_prefix.size() > best->path_prefix.size()) best = s;
  }
  return best;
}

ResolvedSite make(const domain::Site& site, std::string_view path) {
  ResolvedSite r{site, std::string(path)};
  if (path_has_prefix(path, site.path_prefix)) r.rest = std::string(path.substr(site.path_prefix.size()));
  return r;
}

}  // namespace

std::optional<ResolvedSite> resolve_site(const std::vector<domain::Site>& sites, std::string_view host,
                                         std::string_view path) {
  std::vector<const domain::Site*> by_host;
  std::vector<const domain::Site*> all;
  for (const auto& s : sites) {
    all.push_back(&s);
    if (!s.host.empty() && !host.empty() && same_host(s.host, host)) by_host.push_back(&s);
  }
  if (!by_host.empty()) {
    if (const auto* s = longest_prefix(by_host, path)) return make(*s, path);
    if (by_host.size() == 1) return make(*by_host.front(), path);
  }
  if (const auto* s = longest_prefix(all, path)) return make(*s, path);
  return std::nullopt;
}

std::vector<std::int64_t> sites_served_on_host(const std::vector<domain::Site>& sites, std::string_view host) {
  std::vector<std::int64_t> by_host, all;
  for (const auto& s : sites) {
    all.push_back(s.id);
    if (!s.host.empty() && !host.empty() && same_host(s.host, host)) by_host.push_back(s.id);
  }
  return by_host.empty() ? all : by_host;
}

}  // namespace zwgk::web
