#include "web/template_renderer.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace zwgk::web {

namespace {

namespace mst = kainjow::mustache;

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

}  // namespace

TemplateRenderer::TemplateRenderer(const std::filesystem::path& dir) {
  // templates/<name>.mustache (the kernel's) and templates/<module>/<name>.mustache, named
  // "<module>/<name>" (a module's own, ADR 0020).
  std::error_code ec;
  std::filesystem::recursive_directory_iterator it(dir, ec), end;
  if (ec) throw std::runtime_error("无法读取模板目录 " + dir.string() + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) throw std::runtime_error("无法读取模板目录 " + dir.string() + ": " + ec.message());
    const auto& entry = *it;
    if (entry.is_directory() && it.depth() >= 1) it.disable_recursion_pending();
    if (!entry.is_regular_file() || entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    if (!in) throw std::runtime_error("无法读取模板 " + entry.path().string());
    std::ostringstream ss;
    ss << in.rdbuf();
    auto relative = entry.path().lexically_relative(dir);
    relative.replace_extension();
    const std::string name = relative.generic_string();
    mst::mustache parsed(ss.str());
    if (!parsed.is_valid()) {
      throw std::runtime_error("模板 " + relative.generic_string() + ".mustache 有误: " + parsed.error_message());
    }
    sources_[name] = ss.str();
    partials_.emplace(name, mst::data(ss.str()));
  }
  if (sources_.empty()) throw std::runtime_error("模板目录 " + dir.string() + " 中没有 *.mustache 文件");
}

std::string TemplateRenderer::render(const std::string& name, const View& view) const {
  auto it = sources_.find(name);
  if (it == sources_.end()) throw std::runtime_error("unknown template: " + name);
  // kainjow's renderer keeps state in the template object (error message, partial
  // parsing), so every render parses its own copy; sources are small and pages are cached.
  mst::mustache tmpl(it->second);
  PartialContext ctx(&view, partials_);
  std::string out = tmpl.render(ctx);
  if (!tmpl.is_valid()) throw std::runtime_error("template " + name + ": " + tmpl.error_message());
  return out;
}

}  // namespace zwgk::web
