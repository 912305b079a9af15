#include "app/config.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <thread>

namespace fazhi::app {
namespace {

TEST(Config, DefaultsToServe) {
  auto c = ParseConfig({}, {});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->command, "serve");
  EXPECT_EQ(c->db, "sqlite:var/fazhi.db");
  EXPECT_EQ(c->ListenHost(), "127.0.0.1");
  EXPECT_EQ(c->ListenPort(), 8080);
  EXPECT_FALSE(c->demo);
}

TEST(Config, CliOverridesEnvOverridesFile) {
  std::string path = ::testing::TempDir() + "fazhi_config_test.yaml";
  std::ofstream(path) << "db: sqlite:/tmp/file.db\nlisten: 0.0.0.0:9000\nweb_root: /srv/web\n";
  auto c = ParseConfig({"serve", "--config", path, "--listen", "127.0.0.1:7000", "--demo"},
                       {{"FAZHI_DB", "postgresql://u@h/db"}, {"FAZHI_WEB_ROOT", "/env/web"}});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->db, "postgresql://u@h/db");
  EXPECT_EQ(c->listen, "127.0.0.1:7000");
  EXPECT_EQ(c->web_root, "/env/web");
  EXPECT_TRUE(c->demo);
  std::remove(path.c_str());
}

TEST(Config, AttachmentCapFromCliEnvOrFile) {
  EXPECT_EQ(ParseConfig({}, {})->attachment_max_bytes, 64 * 1024 * 1024);
  std::string path = ::testing::TempDir() + "fazhi_config_cap.yaml";
  std::ofstream(path) << "attachment_max_bytes: 1000\n";
  auto file = ParseConfig({"--config", path}, {});
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ(file->attachment_max_bytes, 1000);
  auto env = ParseConfig({"--config", path}, {{"FAZHI_ATTACHMENT_MAX_BYTES", "2000"}});
  ASSERT_TRUE(env.ok()) << env.status().message();
  EXPECT_EQ(env->attachment_max_bytes, 2000);
  // Wider than int: 8 GiB.
  auto cli = ParseConfig({"--config", path, "--attachment-max-bytes", "8589934592"},
                         {{"FAZHI_ATTACHMENT_MAX_BYTES", "2000"}});
  ASSERT_TRUE(cli.ok()) << cli.status().message();
  EXPECT_EQ(cli->attachment_max_bytes, int64_t{8} << 30);
  std::remove(path.c_str());
  for (std::string bad : {"0", "-5", "64MiB", "", "1099511627777"}) {
    auto c = ParseConfig({"--attachment-max-bytes=" + bad}, {});
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_EQ(c.status().code(), "usage");
    EXPECT_NE(c.status().message().find("attachment-max-bytes"), std::string::npos);
  }
}

TEST(Config, EqualsFormAndSubcommandOptions) {
  auto c = ParseConfig({"user", "add", "--username=zhang", "--org", "JUS", "--password-stdin",
                        "--db=sqlite:x.db"},
                       {});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->command, "user");
  EXPECT_EQ(c->arguments, std::vector<std::string>{"add"});
  EXPECT_EQ(c->extra.at("username"), "zhang");
  EXPECT_EQ(c->extra.at("org"), "JUS");
  EXPECT_EQ(c->extra.at("password-stdin"), "true");
  EXPECT_EQ(c->db, "sqlite:x.db");
}

TEST(Config, ErrorsAreUsageErrors) {
  for (auto args : std::vector<std::vector<std::string>>{{"serve", "--bogus"},
                                                         {"serve", "--listen", "nowhere"},
                                                         {"serve", "--listen", "h:99999"},
                                                         {"serve", "--db"},
                                                         {"serve", "--worker-threads", "x"},
                                                         {"serve", "--demo=maybe"},
                                                         {"serve", "--config", "/nonexistent.yaml"}}) {
    auto c = ParseConfig(args, {});
    ASSERT_FALSE(c.ok()) << args.back();
    EXPECT_EQ(c.status().code(), "usage");
    EXPECT_FALSE(c.status().message().empty());
  }
  auto bad_env = ParseConfig({}, {{"FAZHI_IO_THREADS", "-1"}});
  EXPECT_FALSE(bad_env.ok());
}

TEST(Config, ReadThreadsByBackendUnlessSet) {
  auto sqlite = ParseConfig({"serve", "--db", "sqlite:a.db", "--worker-threads", "12"}, {});
  ASSERT_TRUE(sqlite.ok());
  EXPECT_EQ(sqlite->ReadThreads(), 2 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  auto pg = ParseConfig({"serve", "--db", "postgresql://u@h/db", "--worker-threads", "12"}, {});
  ASSERT_TRUE(pg.ok());
  EXPECT_EQ(pg->ReadThreads(), 12);
  auto set = ParseConfig({"serve", "--read-threads", "3"}, {{"FAZHI_WORKER_THREADS", "5"}});
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->ReadThreads(), 3);
  EXPECT_EQ(set->worker_threads, 5);
  EXPECT_FALSE(ParseConfig({"serve", "--read-threads", "-1"}, {}).ok());
}

TEST(Config, FileWithUnknownKeyNamesFileAndLine) {
  std::string path = ::testing::TempDir() + "fazhi_config_bad.yaml";
  std::ofstream(path) << "db: sqlite:a.db\ncolour: blue\n";
  auto c = ParseConfig({"--config", path}, {});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find(":2"), std::string::npos) << c.status().message();
  EXPECT_NE(c.status().message().find("colour"), std::string::npos);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace fazhi::app
