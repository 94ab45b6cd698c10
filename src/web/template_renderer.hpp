#pragma once
// Mustache templates (kainjow), HTML-escaped by default: {{x}} escapes, {{{x}}} is used
// only for sanitised document bodies and the generated QR-code SVG.
//
// Every *.mustache file of the directory is read and parsed at construction; a template
// that does not parse stops start-up with its name and the parser's message. Any template
// can be used as a partial by its file name without extension ({{> header}}); partials are
// resolved from the renderer, never from view data, so a view-model key can never shadow a
// partial.
//
// Compiled once (issue 18: a cache miss must not re-parse the layout): at load, each
// template's partials are written into it (recursively; a partial that includes itself,
// such as a tree, stays a partial), and each thread keeps the parsed form of every template
// it renders, so a render is a walk of a parsed tree. kainjow would re-parse each partial
// at every {{> }} otherwise.
//
// Reloaded when the files change: at most every `check_every`, a render looks at the
// files' modification times and sizes; if any changed (or a file came or went) the whole
// directory is read again. A set that does not parse is refused (the old one stays, the
// error is logged), so a half-saved file never breaks the site. on_reload (e.g. emptying
// the page cache, whose pages were made with the old templates) runs after a reload.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include <kainjow/mustache.hpp>

namespace zwgk::web {

using View = kainjow::mustache::data;  // a view model: object / list / string / bool

class TemplateRenderer {
 public:
  // Throws std::runtime_error if the directory cannot be read or a template does not parse.
  // check_every: how often renders look for changed files; zero: before every render;
  // negative: never (the set is fixed at construction).
  explicit TemplateRenderer(const std::filesystem::path& dir,
                            std::chrono::milliseconds check_every = std::chrono::seconds(2));
  ~TemplateRenderer();
  TemplateRenderer(const TemplateRenderer&) = delete;
  TemplateRenderer& operator=(const TemplateRenderer&) = delete;

  // Thread-safe. Throws std::runtime_error for an unknown template or a render error.
  std::string render(const std::string& name, const View& view) const;
  bool has(const std::string& name) const;

  // Looks for changed files now; true if a new set was loaded.
  bool reload_if_changed() const;
  // Called (on the rendering thread) after each successful reload.
  void set_on_reload(std::function<void()> callback);
  // Moves on every successful reload (starts at 1).
  std::uint64_t generation() const;

  struct Set;  // one loaded directory: sources, their partial-expanded form, file stamps

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zwgk::web
