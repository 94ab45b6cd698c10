#pragma once
// Demo content: the city site `shaoyang`, two county sites, departments, the default
// catalogue, the seed document 《2017年邵阳市政务公开工作要点》 with full metadata in 规划计划,
// and enough generated documents that every page has content. Idempotent.
#include <filesystem>

namespace zwgk::store { class Database; }

namespace zwgk::app {

struct DemoStats {
  int sites = 0;
  int documents = 0;
};

DemoStats load_demo(store::Database& db, const std::filesystem::path& data_dir, int generated_per_column = 3);

}  // namespace zwgk::app
