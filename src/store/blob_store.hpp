#pragma once
// Attachments stored by content hash (sha256) in the database, so app nodes stay stateless.
//
// Who may read a blob is not decided here: the bytes are reachable only through a row that
// references them (ADR 0011) —
//   document_attachments.sha256   the documents row (a published document's current version,
//                                 or a never-published draft as last saved)
//   revision_attachments.sha256   every revision's snapshot (published past versions, drafts,
//                                 amendments in progress; migration 0011)
//   request_files.blob_sha256     依申请公开 files disclosed to one applicant (private link)
//   letter_attachments.blob_sha256 files a letter writer attached (staff only)
//   event_photos.blob_sha256, event_entries.image_sha256, events.video_sha256
//                                 在线访谈 / 新闻发布会 photos, live images and the video
//   consultation_attachments.blob_sha256  意见征集 attachments (public while it is public)
//   dataset_resources.blob_sha256  数据开放 files (public while their dataset is 开放)
//   site_profiles.logo_sha256, conac_badge_sha256, police_badge_sha256
//                                 a site's logo and footer badges (public: /site-images/)
// web/attachment_download.cpp serves the first two publicly only for published documents;
// the console and the private link serve the rest.
//
// Invariants:
//   1. A blob stored for a row is written in the same transaction as that row
//      (put(Lease&, ...)), so a refused write (409, 403, 400) leaves no bytes behind.
//   2. sweep() deletes only blobs that no table above references AND whose created_at is
//      older than the cutoff; put() refreshes created_at when the bytes already exist, so a
//      blob an upload is about to reference again is always young and never swept under it.
//   A new table that references blobs must be added to the sweep (blob_store.cpp) and here.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace zwgk::store {

class Lease;  // store/database_impl.hpp

struct Blob {
  std::string sha256;
  std::string media_type;
  std::string data;
};

// What one sweep did.
struct BlobSweep {
  std::int64_t removed = 0;        // orphan blobs deleted
  std::int64_t removed_bytes = 0;  // their total size
  std::int64_t young_orphans = 0;  // orphans kept because they are newer than the cutoff
  std::int64_t kept = 0;           // blobs left in the store
};

class BlobStore {
 public:
  explicit BlobStore(Database& db) : db_(db) {}
  // Stores bytes (deduplicated by hash) in a statement of its own; returns the sha256 hex.
  // Only for callers whose referencing row is written by another process step that the
  // sweep's age threshold covers (the importer); prefer the Lease form.
  std::string put(std::string_view data, const std::string& media_type);
  // The same inside the caller's transaction (store-internal): the blob commits or rolls
  // back with the row that references it (invariant 1).
  static std::string put(Lease& lease, std::string_view data, const std::string& media_type);
  std::optional<Blob> get(const std::string& sha256);
  // Deletes every blob no row references whose created_at is before `older_than_utc`
  // ("YYYY-MM-DDTHH:MM:SSZ"), with its extracted text, in one transaction.
  BlobSweep sweep(const std::string& older_than_utc);

 private:
  Database& db_;
};

std::string sha256_hex(std::string_view data);

// `now` minus `min_age` as "YYYY-MM-DDTHH:MM:SSZ", the cutoff sweep() takes.
std::string blob_sweep_cutoff(std::chrono::system_clock::time_point now, std::chrono::seconds min_age);

// The default age below which an unreferenced blob is kept: an upload or import may still
// be about to reference it.
inline constexpr std::chrono::hours kBlobSweepMinAge{24};

}  // namespace zwgk::store
