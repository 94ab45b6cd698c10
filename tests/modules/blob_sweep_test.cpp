// Stored file bytes and who references them (ADR 0011): a refused save leaves no blob,
// the sweep removes orphans older than the threshold and keeps referenced and young ones,
// AttachmentAccess says which published documents make a file public.
#include <gtest/gtest.h>

#include <chrono>

#include "store/attachment_access.hpp"
#include "store/blob_store.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "store/personal_data_key.hpp"
#include "modules/ysqgk/store/request_fixture.hpp"
#include "modules/publishing/store/workflow_fixture.hpp"

namespace zwgk::store::test {
namespace {

class BlobSweepTest : public WorkflowTest {
 protected:
  domain::Attachment attachment(const std::string& name, const std::string& bytes) {
    domain::Attachment a;
    a.file_name = name;
    a.sha256 = BlobStore(*db).put(bytes, "application/pdf");
    a.media_type = "application/pdf";
    a.size = static_cast<std::int64_t>(bytes.size());
    return a;
  }
  // The clock is injected through created_at: an "old" blob was stored in 2020.
  void age(const std::string& sha) {
    db->execute("UPDATE blobs SET created_at = '2020-01-01T00:00:00Z' WHERE sha256 = '" + sha + "'");
  }
  BlobSweep sweep() {
    return BlobStore(*db).sweep(blob_sweep_cutoff(std::chrono::system_clock::now(), kBlobSweepMinAge));
  }
  bool stored(const std::string& sha) { return BlobStore(*db).get(sha).has_value(); }
};

TEST_F(BlobSweepTest, RemovesOldOrphansAndKeepsReferencedAndYoungBlobs) {
  const std::string orphan = BlobStore(*db).put("%PDF-1.4 orphan", "application/pdf");
  wf().set_attachment_text(orphan, "孤立附件的文字");
  age(orphan);
  const std::string young = BlobStore(*db).put("%PDF-1.4 young", "application/pdf");

  // Referenced by the documents row (a published document).
  auto doc = complete_draft("已发布的文件");
  doc.attachments = {attachment("发布.pdf", "%PDF-1.4 published")};
  const auto published = DocumentRepository(*db).save(doc);
  DocumentRepository(*db).publish(published);
  age(doc.attachments[0].sha256);

  // Referenced only by revision 1 of a draft (revision 2 removed it; the row follows).
  auto d = complete_draft("草稿");
  d.attachments = {attachment("草稿附件.pdf", "%PDF-1.4 in revision one")};
  const auto ref = wf().create_draft(editor, d, actor(editor), kToday);
  const std::string in_revision = d.attachments[0].sha256;
  d.id = ref.id;
  d.attachments.clear();
  wf().save(editor, d, ref.revision, actor(editor));
  age(in_revision);

  // Referenced by a file disclosed to one applicant.
  DisclosureRequestRepository requests(*db, PersonalDataKey::derive_from(std::string(32, '\0')));
  const auto reg = requests.insert(site.id, person_request("2024-09-27"));
  const auto disclosed = requests.insert_disclosed_file(reg.id, "答复.pdf", "%PDF-1.4 disclosed", "application/pdf");
  age(disclosed.sha256);

  const auto r = sweep();
  EXPECT_EQ(r.removed, 1);
  EXPECT_EQ(r.removed_bytes, static_cast<std::int64_t>(std::string("%PDF-1.4 orphan").size()));
  EXPECT_EQ(r.young_orphans, 1);
  EXPECT_EQ(r.kept, 4);
  EXPECT_FALSE(stored(orphan));
  EXPECT_TRUE(stored(young)) << "an upload may be about to reference it";
  EXPECT_TRUE(stored(doc.attachments[0].sha256));
  EXPECT_TRUE(stored(in_revision)) << "a revision still lists it";
  EXPECT_TRUE(stored(disclosed.sha256));
  // The extracted text went with the bytes: its primary key is free again.
  EXPECT_NO_THROW(db->execute("INSERT INTO attachment_texts (sha256, text) VALUES ('" + orphan + "', '')"));
  db->execute("DELETE FROM attachment_texts WHERE sha256 = '" + orphan + "'");
  EXPECT_EQ(sweep().removed, 0) << "idempotent";

  // Storing known bytes again makes them young: an upload referencing an old orphan again
  // is never swept under it.
  const std::string again = BlobStore(*db).put("%PDF-1.4 again", "application/pdf");
  age(again);
  BlobStore(*db).put("%PDF-1.4 again", "application/pdf");
  EXPECT_EQ(sweep().removed, 0);
  EXPECT_TRUE(stored(again));
}

TEST_F(BlobSweepTest, ARefusedSaveLeavesNoBytesBehind) {
  auto ref = draft("冲突的草稿");
  auto d = *DocumentRepository(*db).by_id(ref.id);
  wf().save(editor, d, ref.revision, actor(editor));  // someone else saved revision 2
  const std::string bytes = "%PDF-1.4 refused upload";
  domain::Attachment a;
  a.file_name = "被拒绝.pdf";
  a.sha256 = sha256_hex(bytes);
  a.media_type = "application/pdf";
  a.size = static_cast<std::int64_t>(bytes.size());
  d.attachments.push_back(a);
  const UploadedFile upload{bytes, "application/pdf", "文字"};
  EXPECT_THROW(wf().save(editor, d, ref.revision, actor(editor), {upload}), RevisionConflict);
  EXPECT_FALSE(stored(a.sha256));
  EXPECT_THROW(wf().save(other_editor, d, ref.revision + 1, actor(other_editor), {upload}), WorkflowRefused);
  EXPECT_FALSE(stored(a.sha256));
  wf().save(editor, d, ref.revision + 1, actor(editor), {upload});
  EXPECT_TRUE(stored(a.sha256));
}

TEST_F(BlobSweepTest, OnlyPublishedDocumentsOfTheGivenSitesPublishAFile) {
  AttachmentAccess access(*db);
  auto d = complete_draft("附件的可见性");
  d.attachments = {attachment("第一版.pdf", "%PDF-1.4 v1")};
  const std::string v1 = d.attachments[0].sha256;
  const auto ref = wf().create_draft(editor, d, actor(editor), kToday);
  EXPECT_TRUE(access.publishing_documents(v1, {site.id}).empty()) << "a draft";
  EXPECT_TRUE(access.document_lists(ref.id, v1));
  wf().publish(publisher, ref.id, to_approved(ref.id), {}, actor(publisher));
  EXPECT_EQ(access.publishing_documents(v1, {site.id}), std::vector<std::int64_t>{ref.id});
  EXPECT_TRUE(access.publishing_documents(v1, {site.id + 100}).empty()) << "another site";

  // An amendment replaces the file: the new one is public only once published; the old one
  // stays public as part of published version 1.
  auto amended = *DocumentRepository(*db).by_id(ref.id);
  amended.attachments = {attachment("第二版.pdf", "%PDF-1.4 v2")};
  const std::string v2 = amended.attachments[0].sha256;
  wf().save(editor, amended, wf().info(ref.id)->latest_revision, actor(editor));
  EXPECT_TRUE(access.publishing_documents(v2, {site.id}).empty()) << "only in an unpublished revision";
  wf().publish(publisher, ref.id, to_approved(ref.id), {"更换附件", true}, actor(publisher));
  EXPECT_EQ(access.publishing_documents(v2, {site.id}).size(), 1u);
  EXPECT_EQ(access.publishing_documents(v1, {site.id}).size(), 1u) << "a published past version";

  wf().withdraw(publisher, ref.id, "内容有误", actor(publisher));
  EXPECT_TRUE(access.publishing_documents(v1, {site.id}).empty());
  EXPECT_TRUE(access.publishing_documents(v2, {site.id}).empty());
  EXPECT_FALSE(access.document_lists(ref.id + 1000, v1));
}

}  // namespace
}  // namespace zwgk::store::test
