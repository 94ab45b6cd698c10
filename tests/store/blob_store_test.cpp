#include "store/blob_store.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace zwgk::store {
namespace {

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(BlobStore, PutGetDeduplicates) {
  auto db = open_test_database();
  BlobStore blobs(*db);
  std::string bytes("%PDF-1.4\0\x01\x02\xff binary", 20);
  const auto hash = blobs.put(bytes, "application/pdf");
  EXPECT_EQ(hash, sha256_hex(bytes));
  EXPECT_EQ(blobs.put(bytes, "application/octet-stream"), hash);  // same content, one row
  const auto got = blobs.get(hash);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->data, bytes);
  EXPECT_EQ(got->sha256, hash);
  EXPECT_EQ(got->media_type, "application/pdf");  // the first one stays
  EXPECT_FALSE(blobs.get(sha256_hex("missing")));
}

TEST(BlobStore, EmptyAndLargeBlobs) {
  auto db = open_test_database();
  BlobStore blobs(*db);
  const auto empty = blobs.put("", "text/plain");
  ASSERT_TRUE(blobs.get(empty));
  EXPECT_EQ(blobs.get(empty)->data, "");
  std::string big(3 * 1024 * 1024, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 131 % 251);
  const auto h = blobs.put(big, "application/zip");
  EXPECT_EQ(blobs.get(h)->data, big);
}

}  // namespace
}  // namespace zwgk::store
