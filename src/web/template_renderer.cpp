#include "web/template_renderer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace zwgk::web {

namespace {

namespace mst = kainjow::mustache;
namespace fs = std::filesystem;
using SteadyClock = std::chrono::steady_clock;

// A render context that finds partials in the renderer's table instead of the view data.
class PartialContext : public mst::context<std::string> {
 public:
  PartialContext(const mst::data* view, const std::map<std::string, mst::data>& partials)
      : mst::context<std::string>(view), partials_(partials) {}
  const mst::data* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    return it == partials_.end() ? nullptr : &it->second;
  }

 private:
  const std::map<std::string, mst::data>& partials_;
};

struct Stamp {
  fs::file_time_type mtime;
  std::uintmax_t size = 0;
  bool operator==(const Stamp&) const = default;
};

// What kainjow writes a render into (it only needs <<): straight into one string.
struct StringSink {
  std::string& out;
  StringSink& operator<<(const std::string& s) {
    out += s;
    return *this;
  }
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Writes the source of every partial a template names into it, recursively. A partial
// already being expanded (a template that includes itself, directly or not) is left as a
// {{> }} tag, resolved at render time from the partial table.
std::string expand(const std::string& name, const std::map<std::string, std::string>& sources,
                   std::vector<std::string>& stack) {
  const std::string& src = sources.at(name);
  stack.push_back(name);
  std::string out;
  out.reserve(src.size());
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = src.find("{{>", pos);
    if (open == std::string::npos) break;
    const std::size_t close = src.find("}}", open + 3);
    if (close == std::string::npos) break;
    std::size_t b = open + 3, e = close;
    while (b < e && is_space(src[b])) ++b;
    while (e > b && is_space(src[e - 1])) --e;
    const std::string partial = src.substr(b, e - b);
    out.append(src, pos, open - pos);
    const bool known = sources.count(partial) != 0;
    const bool recursive = std::find(stack.begin(), stack.end(), partial) != stack.end();
    if (known && !recursive) {
      out += expand(partial, sources, stack);
    } else {
      out.append(src, open, close + 2 - open);  // unknown (renders nothing) or recursive
    }
    pos = close + 2;
  }
  out.append(src, pos, std::string::npos);
  stack.pop_back();
  return out;
}

}  // namespace

struct TemplateRenderer::Set {
  std::uint64_t generation = 0;
  std::map<std::string, std::string> expanded;      // name -> source with partials written in
  std::map<std::string, mst::data> partials;        // name -> expanded source, for {{> }} left
  std::map<fs::path, Stamp> stamps;                 // every *.mustache file read
};

namespace {

std::map<fs::path, Stamp> scan(const fs::path& dir) {
  // templates/<name>.mustache (the kernel's) and templates/<module>/<name>.mustache, named
  // "<module>/<name>" (a module's own, ADR 0020).
  std::map<fs::path, Stamp> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec) throw std::runtime_error("无法读取模板目录 " + dir.string() + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) throw std::runtime_error("无法读取模板目录 " + dir.string() + ": " + ec.message());
    const auto& entry = *it;
    if (entry.is_directory() && it.depth() >= 1) it.disable_recursion_pending();
    if (!entry.is_regular_file() || entry.path().extension() != ".mustache") continue;
    files[entry.path()] = Stamp{entry.last_write_time(), entry.file_size()};
  }
  return files;
}

std::shared_ptr<const TemplateRenderer::Set> load(const fs::path& dir, std::uint64_t generation) {
  auto set = std::make_shared<TemplateRenderer::Set>();
  set->generation = generation;
  set->stamps = scan(dir);
  std::map<std::string, std::string> sources;
  for (const auto& [path, stamp] : set->stamps) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("无法读取模板 " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    auto relative = path.lexically_relative(dir);
    relative.replace_extension();
    const std::string name = relative.generic_string();
    mst::mustache parsed(ss.str());
    if (!parsed.is_valid()) {
      throw std::runtime_error("模板 " + name + ".mustache 有误: " + parsed.error_message());
    }
    sources[name] = ss.str();
  }
  if (sources.empty()) throw std::runtime_error("模板目录 " + dir.string() + " 中没有 *.mustache 文件");
  std::vector<std::string> stack;
  for (const auto& [name, src] : sources) {
    std::string text = expand(name, sources, stack);
    mst::mustache parsed(text);
    if (!parsed.is_valid()) {
      throw std::runtime_error("模板 " + name + ".mustache 有误: " + parsed.error_message());
    }
    set->partials.emplace(name, mst::data(text));
    set->expanded.emplace(name, std::move(text));
  }
  return set;
}

}  // namespace

struct TemplateRenderer::Impl {
  fs::path dir;
  std::chrono::milliseconds check_every;
  mutable std::mutex mu;  // guards current and on_reload
  std::shared_ptr<const Set> current;
  std::function<void()> on_reload;
  mutable std::atomic<std::int64_t> next_check{0};  // steady ticks
  mutable std::mutex reload_mu;                     // one thread checks at a time
  std::uint64_t id = 0;                             // tells renderers apart in thread caches

  std::shared_ptr<const Set> snapshot() const {
    std::lock_guard lock(mu);
    return current;
  }
};

namespace {

std::atomic<std::uint64_t> next_renderer_id{1};

// A thread's parsed templates: renderer id -> (generation, name -> parsed). kainjow's render
// keeps an error message in the template object, so parsed templates are per thread.
struct ThreadTemplates {
  std::uint64_t generation = 0;
  std::unordered_map<std::string, std::unique_ptr<mst::mustache>> parsed;
};
thread_local std::unordered_map<std::uint64_t, ThreadTemplates> thread_templates;

}  // namespace

TemplateRenderer::TemplateRenderer(const fs::path& dir, std::chrono::milliseconds check_every)
    : impl_(std::make_unique<Impl>()) {
  impl_->dir = dir;
  impl_->check_every = check_every;
  impl_->current = load(dir, 1);
  impl_->id = next_renderer_id.fetch_add(1);
  impl_->next_check = (SteadyClock::now() + check_every).time_since_epoch().count();
}

TemplateRenderer::~TemplateRenderer() = default;

bool TemplateRenderer::has(const std::string& name) const { return impl_->snapshot()->expanded.count(name) != 0; }

std::uint64_t TemplateRenderer::generation() const { return impl_->snapshot()->generation; }

void TemplateRenderer::set_on_reload(std::function<void()> callback) {
  std::lock_guard lock(impl_->mu);
  impl_->on_reload = std::move(callback);
}

bool TemplateRenderer::reload_if_changed() const {
  std::unique_lock guard(impl_->reload_mu, std::try_to_lock);
  if (!guard.owns_lock()) return false;  // another thread is looking
  auto old = impl_->snapshot();
  std::shared_ptr<const Set> fresh;
  try {
    if (scan(impl_->dir) == old->stamps) return false;
    fresh = load(impl_->dir, old->generation + 1);
  } catch (const std::exception& e) {
    spdlog::error("templates: changed files not loaded, the previous set stays: {}", e.what());
    return false;
  }
  std::function<void()> callback;
  {
    std::lock_guard lock(impl_->mu);
    impl_->current = fresh;
    callback = impl_->on_reload;
  }
  spdlog::info("templates: reloaded {} templates from {}", fresh->expanded.size(), impl_->dir.string());
  if (callback) callback();
  return true;
}

std::string TemplateRenderer::render(const std::string& name, const View& view) const {
  if (impl_->check_every.count() >= 0) {
    const auto now = SteadyClock::now().time_since_epoch().count();
    auto due = impl_->next_check.load(std::memory_order_relaxed);
    if (now >= due &&
        impl_->next_check.compare_exchange_strong(
            due, (SteadyClock::now() + impl_->check_every).time_since_epoch().count())) {
      reload_if_changed();
    }
  }
  const auto set = impl_->snapshot();
  auto& mine = thread_templates[impl_->id];
  if (mine.generation != set->generation) {
    mine.parsed.clear();
    mine.generation = set->generation;
  }
  auto& tmpl = mine.parsed[name];
  if (!tmpl) {
    auto it = set->expanded.find(name);
    if (it == set->expanded.end()) {
      mine.parsed.erase(name);
      throw std::runtime_error("unknown template: " + name);
    }
    tmpl = std::make_unique<mst::mustache>(it->second);
  }
  PartialContext ctx(&view, set->partials);
  std::string out;
  out.reserve(16 * 1024);
  StringSink sink{out};
  tmpl->render(ctx, sink);
  if (!tmpl->is_valid()) {
    std::string message = tmpl->error_message();
    mine.parsed.erase(name);  // its error message would stay in the object
    throw std::runtime_error("template " + name + ": " + message);
  }
  return out;
}

}  // namespace zwgk::web
