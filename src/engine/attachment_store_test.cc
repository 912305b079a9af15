#include "engine/attachment_store.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <sstream>

#include "base/temp_dir.h"

namespace fazhi::engine {
namespace {
namespace fs = std::filesystem;

class AttachmentStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = MakeTempDir("fazhi-attachments");
    ASSERT_FALSE(root_.empty());
    fs::create_directories(root_ / "spool");
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string Spool(const std::string& name, const std::string& content) {
    const fs::path p = root_ / "spool" / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::string Store() const { return (root_ / "store").string(); }

  fs::path root_;
};

TEST_F(AttachmentStoreTest, ScanHashesSizesAndTypesInChunks) {
  // Bigger than one read chunk, so the digest and the text check span reads.
  std::string text;
  while (text.size() < 200 * 1024) text += "第一条 为了规范行政规范性文件的制定和监督管理。\n";
  auto scanned = ScanFile(Spool("a", text), "a.txt");
  ASSERT_TRUE(scanned.ok()) << scanned.status().ToString();
  EXPECT_EQ(scanned->size, text.size());
  EXPECT_EQ(scanned->content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(scanned->sha256.size(), 64u);
  auto abc = ScanFile(Spool("b", "abc"), "b.txt");
  EXPECT_EQ(abc->sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // A control byte far past the first chunk still makes it "not text".
  text[150 * 1024] = '\x01';
  EXPECT_EQ(ScanFile(Spool("c", text), "c.txt")->content_type, "");
  EXPECT_EQ(ScanFile((root_ / "missing").string(), "x").status().code(), "io_error");
}

TEST_F(AttachmentStoreTest, PlaceRenamesIntoTheContentAddressedPath) {
  AttachmentStore store(Store());
  const std::string src = Spool("up1", "%PDF-1.4 one");
  auto scanned = ScanFile(src, "a.pdf");
  auto placed = store.Place(src, scanned->sha256);
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_TRUE(placed->created());
  const std::string path = store.PathOf(scanned->sha256);
  EXPECT_EQ(path, (fs::path(Store()) / scanned->sha256.substr(0, 2) / scanned->sha256).string());
  EXPECT_EQ(Read(path), "%PDF-1.4 one");
  EXPECT_FALSE(fs::exists(src)) << "moved, not copied";
}

TEST_F(AttachmentStoreTest, SameContentIsStoredOnceAndSourceLeftAlone) {
  AttachmentStore store(Store());
  const std::string a = Spool("a", "same bytes"), b = Spool("b", "same bytes");
  const std::string sha = ScanFile(a, "a.txt")->sha256;
  auto first = store.Place(a, sha);
  ASSERT_TRUE(first.ok());
  auto second = store.Place(b, sha);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->created());
  EXPECT_TRUE(fs::exists(b)) << "the caller removes a duplicate's source";
  EXPECT_EQ(Read(store.PathOf(sha)), "same bytes");
}

TEST_F(AttachmentStoreTest, CopiesAndSyncsWhenRenameFails) {
  int renames = 0;
  AttachmentStore store(Store(), [&](const char*, const char*) {
    ++renames;
    errno = EXDEV;
    return -1;
  });
  const std::string src = Spool("x", "PK\x03\x04 zipped");
  const std::string sha = ScanFile(src, "x.docx")->sha256;
  auto placed = store.Place(src, sha);
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(renames, 1);
  EXPECT_TRUE(placed->created());
  EXPECT_EQ(Read(store.PathOf(sha)), "PK\x03\x04 zipped");
  EXPECT_TRUE(fs::exists(src)) << "a copy leaves the source to the caller";
  // Nothing but the stored file in its directory (no temporary copy left).
  const fs::path dir = fs::path(store.PathOf(sha)).parent_path();
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST_F(AttachmentStoreTest, FailedCopyLeavesNothingInTheStore) {
  AttachmentStore store(Store(), [](const char*, const char*) { return -1; });
  const std::string sha(64, 'a');
  auto placed = store.Place((root_ / "spool" / "gone").string(), sha);
  ASSERT_FALSE(placed.ok());
  EXPECT_EQ(placed.status().code(), "io_error");
  EXPECT_FALSE(fs::exists(store.PathOf(sha)));
  const fs::path dir = fs::path(store.PathOf(sha)).parent_path();
  if (fs::exists(dir)) {
    EXPECT_TRUE(fs::is_empty(dir)) << "no temporary copy left";
  }
}

TEST_F(AttachmentStoreTest, DiscardRemovesOnlyWhatNobodyElseUses) {
  AttachmentStore store(Store());
  const std::string sha = ScanFile(Spool("a", "shared"), "a.txt")->sha256;
  // Kept: another upload of the same content is in flight.
  {
    auto mine = store.Place((root_ / "spool" / "a").string(), sha);
    auto theirs = store.Place(Spool("b", "shared"), sha);
    ASSERT_TRUE(mine.ok() && theirs.ok());
    ASSERT_TRUE(mine->created());
    mine->Discard([] { return false; });
    EXPECT_TRUE(fs::exists(store.PathOf(sha)));
  }
  // Kept: this placement found the file already stored.
  {
    auto again = store.Place(Spool("c", "shared"), sha);
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again->created());
    again->Discard([] { return false; });
    EXPECT_TRUE(fs::exists(store.PathOf(sha)));
  }
  // Kept: a stored row names it.
  fs::remove(store.PathOf(sha));
  {
    auto fresh = store.Place(Spool("d", "shared"), sha);
    ASSERT_TRUE(fresh.ok() && fresh->created());
    fresh->Discard([] { return true; });
    EXPECT_TRUE(fs::exists(store.PathOf(sha)));
  }
  // Removed: created here, alone, unreferenced.
  fs::remove(store.PathOf(sha));
  {
    auto lone = store.Place(Spool("e", "shared"), sha);
    ASSERT_TRUE(lone.ok() && lone->created());
    bool asked = false;
    lone->Discard([&] { return asked = true, false; });
    EXPECT_TRUE(asked);
    EXPECT_FALSE(fs::exists(store.PathOf(sha)));
  }
  // Destroying a placement keeps its file.
  {
    auto kept = store.Place(Spool("f", "shared"), sha);
    ASSERT_TRUE(kept.ok() && kept->created());
  }
  EXPECT_TRUE(fs::exists(store.PathOf(sha)));
}

}  // namespace
}  // namespace fazhi::engine
