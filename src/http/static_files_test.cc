#include "http/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

namespace fazhi::http {
namespace {
namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("fazhi_static_" + std::to_string(::getpid()));
    fs::remove_all(base_);
    root_ = base_ / "dist";
    fs::create_directories(root_ / "assets");
    Write(root_ / "index.html", "<html>index</html>");
    Write(root_ / "assets" / "app-3f2a.js", "console.log(1)");
    Write(root_ / "favicon.ico", "ico");
    Write(base_ / "secret.txt", "top secret");
    fs::create_symlink(base_ / "secret.txt", root_ / "link.txt");
  }
  void TearDown() override { fs::remove_all(base_); }
  static void Write(const fs::path& p, const std::string& s) { std::ofstream(p) << s; }
  fs::path base_, root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCaching) {
  StaticFiles files(root_);
  auto r = files.Serve("/assets/app-3f2a.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "console.log(1)");
  EXPECT_EQ(r->Get("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(r->Get("Cache-Control").find("immutable"), std::string::npos);
  auto index = files.Serve("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->body, "<html>index</html>");
  EXPECT_EQ(index->Get("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, SpaFallbackForClientRoutes) {
  StaticFiles files(root_);
  auto r = files.Serve("/admin/users");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "<html>index</html>");
  EXPECT_EQ(files.Serve("/assets/missing.js")->status, 404);
  EXPECT_EQ(files.Serve("/missing.png")->status, 404);
  EXPECT_FALSE(files.Serve("/api/v1/anything"));
}

TEST_F(StaticFilesTest, TraversalIsImpossible) {
  StaticFiles files(root_);
  for (const char* p : {"/../secret.txt", "/assets/../../secret.txt", "/./index.html",
                        "/..", "/assets/..\\..\\secret.txt"}) {
    auto r = files.Serve(p);
    ASSERT_TRUE(r) << p;
    EXPECT_EQ(r->status, 404) << p;
    EXPECT_EQ(r->body.find("top secret"), std::string::npos) << p;
  }
  // A symlink that leads out of the root is not followed.
  auto r = files.Serve("/link.txt");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

TEST(StaticFilesSafety, IsSafePath) {
  EXPECT_TRUE(StaticFiles::IsSafePath("/a/b.js"));
  EXPECT_FALSE(StaticFiles::IsSafePath("/a/../b"));
  EXPECT_FALSE(StaticFiles::IsSafePath(std::string("/a\0b", 4)));
  EXPECT_FALSE(StaticFiles::IsSafePath("relative"));
}

}  // namespace
}  // namespace fazhi::http
