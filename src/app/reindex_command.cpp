// zwgk reindex [--no-progress]: rebuilds the search index (站内搜索) of every published
// document from the stored rows, with a progress bar. Safe while the site is serving: the
// rebuild is one transaction, and search answers from the old index until it commits. On
// SQLite it holds the write lock meanwhile (a save waits up to the busy timeout; ~4 minutes
// at 1,000,000 documents: bench/README.md), so large SQLite sites rebuild in a quiet hour.
#include <cstdio>
#include <memory>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/database_url.hpp"
#include "app/progress.hpp"
#include "store/search_index.hpp"

namespace zwgk::app {

int reindex_command(const Config& config, const ReindexArgs& args) {
  auto db = open_database(config.database);
  db->migrate();
  std::unique_ptr<Progress> progress;
  std::int64_t last = 0;
  const auto n = store::SearchIndex(*db).reindex([&](std::int64_t done, std::int64_t total) {
    if (!args.progress) return;
    if (!progress) progress = std::make_unique<Progress>("重建检索索引", total);
    progress->advance(done - last);
    last = done;
  });
  if (progress) progress->finish();
  std::printf("检索索引已重建：%lld 篇文件。\n", static_cast<long long>(n));
  return kExitOk;
}

}  // namespace zwgk::app
