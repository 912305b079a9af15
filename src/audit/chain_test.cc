// The chain arithmetic and the checkpoint file, without a database.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "audit/audit_log.h"
#include "base/temp_dir.h"
#include "audit/checkpoint.h"

namespace fazhi::audit {
namespace {

StoredRecord Sample() {
  StoredRecord r;
  r.seq = 1;
  r.at_ms = 1700000000000;
  r.user_id = 42;
  r.username = "张三";
  r.ip = "10.0.0.1";
  r.action = "session.sign_in";
  r.object = "user:42";
  r.result = "success";
  r.detail = "{}";
  return r;
}

TEST(Chain, Sm3KnownAnswer) {
  // GB/T 32905-2016, Appendix A, example 1.
  EXPECT_EQ(HashHex("abc"), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  EXPECT_EQ(kGenesisHash, std::string(64, '0'));
}

TEST(Chain, CanonicalIsLengthPrefixed) {
  EXPECT_EQ(Canonical(Sample()),
            "14:fazhi.audit.v1,1:1,13:1700000000000,2:42,6:张三,8:10.0.0.1,"
            "15:session.sign_in,7:user:42,7:success,2:{},");
}

TEST(Chain, ChainHashKnownAnswer) {
  // Computed independently: printf '<64 zeros><canonical>' | openssl dgst -sm3
  EXPECT_EQ(ChainHash(kGenesisHash, Sample()),
            "d2f6be531980cbfaafc82e42a1bf802bafbaecb660beb2bfd2ed3fe770ae640f");
}

TEST(Chain, HashIgnoresStoredHashesButCoversEveryField) {
  StoredRecord base = Sample();
  const std::string h = ChainHash(kGenesisHash, base);
  StoredRecord same = base;
  same.prev_hash = "x";
  same.hash = "y";
  EXPECT_EQ(ChainHash(kGenesisHash, same), h);

  std::set<std::string> seen = {h};
  auto vary = [&](auto change) {
    StoredRecord r = base;
    change(r);
    EXPECT_TRUE(seen.insert(ChainHash(kGenesisHash, r)).second);
  };
  vary([](StoredRecord& r) { r.seq = 2; });
  vary([](StoredRecord& r) { r.at_ms += 1; });
  vary([](StoredRecord& r) { r.user_id = 0; });
  vary([](StoredRecord& r) { r.username = "李四"; });
  vary([](StoredRecord& r) { r.ip = "10.0.0.2"; });
  vary([](StoredRecord& r) { r.action = "session.sign_out"; });
  vary([](StoredRecord& r) { r.object = "user:43"; });
  vary([](StoredRecord& r) { r.result = "failure"; });
  vary([](StoredRecord& r) { r.detail = "{ }"; });
  // Moving bytes between adjacent fields changes the encoding.
  vary([](StoredRecord& r) {
    r.object = "user:42success";
    r.result = "";
  });
  EXPECT_NE(ChainHash(std::string(63, '0') + "1", base), h);
}

class CheckpointFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir("fazhi-cp");
    ASSERT_FALSE(dir_.empty());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
};

TEST_F(CheckpointFileTest, MissingFileIsNoCheckpoint) {
  auto r = ReadCheckpointFile((dir_ / "none").string());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->has_value());
}

TEST_F(CheckpointFileTest, WritesAtomicallyWithPrivateModeAndReadsBack) {
  const std::string path = (dir_ / "audit" / "deeper" / "checkpoint").string();
  const std::string hash = HashHex("x");
  ASSERT_TRUE(WriteCheckpointFile(path, {7, hash}).ok());
  ASSERT_TRUE(WriteCheckpointFile(path, {8, hash}).ok());  // replaces

  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "8 " + hash + "\n");
  // No temporary files left behind.
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir_ / "audit" / "deeper")) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 1);

  auto r = ReadCheckpointFile(path);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ((*r)->seq, 8);
  EXPECT_EQ((*r)->hash, hash);
}

TEST_F(CheckpointFileTest, MalformedFilesAreErrors) {
  const std::string path = (dir_ / "checkpoint").string();
  const std::string hash = HashHex("x");
  for (const std::string& text :
       {std::string(""), std::string("garbage\n"), "0 " + hash + "\n", "-3 " + hash + "\n",
        "5 " + hash.substr(1) + "\n", "5  " + hash + "\n", "5 " + hash + "\nextra\n",
        "5x " + hash + "\n", "5 " + std::string(64, 'G') + "\n"}) {
    std::ofstream(path, std::ios::trunc) << text;
    auto r = ReadCheckpointFile(path);
    ASSERT_FALSE(r.ok()) << "accepted: " << text;
    EXPECT_EQ(r.status().code(), codes::kInvalid);
  }
  std::ofstream(path, std::ios::trunc) << "5 " << hash;  // no newline is fine
  EXPECT_TRUE(ReadCheckpointFile(path).ok());
}

}  // namespace
}  // namespace fazhi::audit
