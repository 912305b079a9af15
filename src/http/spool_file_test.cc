#include "http/spool_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/temp_dir.h"

namespace fazhi::http {
namespace {
namespace fs = std::filesystem;

class SpoolFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = MakeTempDir("fazhi-spool");
    ASSERT_FALSE(root_.empty());
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
};

mode_t Mode(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return 0;
  return st.st_mode & 07777;
}

TEST_F(SpoolFileTest, CreatesPrivateUniqueFilesAndRemovesThem) {
  std::string first, second;
  {
    auto a = SpoolFile::Create(root_.string());
    auto b = SpoolFile::Create(root_.string());
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    ASSERT_TRUE(b.ok());
    first = a->path();
    second = b->path();
    EXPECT_NE(first, second);
    EXPECT_EQ(fs::path(first).parent_path(), root_);
    EXPECT_EQ(Mode(first), 0600u);
    const int fd = a->ReleaseFd();
    ASSERT_GE(fd, 0);
    EXPECT_EQ(a->ReleaseFd(), -1);
    ASSERT_EQ(::write(fd, "body", 4), 4);
    ::close(fd);
    EXPECT_EQ(fs::file_size(first), 4u);
  }
  EXPECT_FALSE(fs::exists(first));
  EXPECT_FALSE(fs::exists(second));
}

TEST_F(SpoolFileTest, MovedFromOwnsNothingAndMovedAwayFileIsNoError) {
  const fs::path kept = root_ / "kept";
  std::string path;
  {
    auto a = SpoolFile::Create(root_.string());
    ASSERT_TRUE(a.ok());
    SpoolFile moved(std::move(a).value());
    path = moved.path();
    {
      SpoolFile again(std::move(moved));
      EXPECT_EQ(again.path(), path);
      EXPECT_TRUE(fs::exists(path));
      fs::rename(path, kept);  // what a handler does to keep the bytes
    }
  }
  EXPECT_FALSE(fs::exists(path));
  EXPECT_TRUE(fs::exists(kept));
}

TEST_F(SpoolFileTest, CreateFailsInAMissingDirectory) {
  auto a = SpoolFile::Create((root_ / "missing").string());
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), "io_error");
}

TEST_F(SpoolFileTest, PrepareCreatesPrivateDirAndRemovesOnlyStaleUploads) {
  const fs::path dir = root_ / "attachments" / "spool";
  ASSERT_EQ(PrepareSpoolDir(dir.string(), std::chrono::hours(1)), "");
  EXPECT_EQ(Mode(dir), 0700u);
  auto touch = [&](const std::string& name, std::chrono::hours age) {
    std::ofstream(dir / name) << "x";
    fs::last_write_time(dir / name, fs::file_time_type::clock::now() - age);
  };
  touch("upload-old", std::chrono::hours(2));
  touch("upload-live", std::chrono::hours(0));
  touch("other-old", std::chrono::hours(2));
  fs::permissions(dir, fs::perms::all, fs::perm_options::replace);
  ASSERT_EQ(PrepareSpoolDir(dir.string(), std::chrono::hours(1)), "");
  EXPECT_FALSE(fs::exists(dir / "upload-old"));
  EXPECT_TRUE(fs::exists(dir / "upload-live"));
  EXPECT_TRUE(fs::exists(dir / "other-old"));
  EXPECT_EQ(Mode(dir), 0700u);
}

TEST_F(SpoolFileTest, PrepareReportsAPathThatIsAFile) {
  std::ofstream(root_ / "file") << "x";
  EXPECT_NE(PrepareSpoolDir((root_ / "file" / "spool").string(), std::chrono::hours(1)), "");
}

}  // namespace
}  // namespace fazhi::http
