// zwgk blobs sweep: deletes the stored bytes of files that no document, revision or
// 依申请公开 reply references (store/blob_store.hpp), keeping those younger than
// --min-age-hours (an upload or import may be about to reference them). `zwgk serve` runs
// the same sweep every hour (blob_sweeper.hpp).
#include <chrono>
#include <cstdio>

#include "app/blob_sweeper.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/database_url.hpp"
#include "store/blob_store.hpp"

namespace zwgk::app {

int blobs_command(const Config& config, const BlobsArgs& args) {
  auto db = open_database(config.database);
  db->migrate();
  const auto cutoff = store::blob_sweep_cutoff(std::chrono::system_clock::now(), std::chrono::hours(args.min_age_hours));
  const auto result = store::BlobStore(*db).sweep(cutoff);
  std::printf("%s\n", blob_sweep_summary(result, args.min_age_hours).c_str());
  std::fflush(stdout);
  return kExitOk;
}

}  // namespace zwgk::app
