#include "identity/password.h"

#include <argon2.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

namespace fazhi {
namespace {

std::string SourceDir() {
  const char* env = std::getenv("FAZHI_SOURCE_DIR");
  return env != nullptr ? env : FAZHI_DEFAULT_SOURCE_DIR;
}

std::string CommonListPath() { return SourceDir() + "/definitions/security/common-passwords.txt"; }

// An argon2 hash with chosen (weaker) parameters, as an older release might
// have stored.
std::string HashWith(argon2_type type, uint32_t t, uint32_t m_kib, std::string_view pw,
                     size_t salt_size = 16) {
  std::string salt(salt_size, 's');
  char buf[256];
  int rc = argon2_hash(t, m_kib, 1, pw.data(), pw.size(), salt.data(), salt.size(), nullptr, 32,
                       buf, sizeof(buf), type, ARGON2_VERSION_13);
  EXPECT_EQ(rc, ARGON2_OK) << argon2_error_message(rc);
  return buf;
}

TEST(HashPassword, Argon2idPhcStringWithCurrentParameters) {
  std::string hash = HashPassword("Correct-Horse-9").value();
  const std::string prefix = "$argon2id$v=19$m=19456,t=2,p=1$";
  ASSERT_EQ(hash.substr(0, prefix.size()), prefix);
  std::string rest = hash.substr(prefix.size());
  size_t dollar = rest.find('$');
  ASSERT_NE(dollar, std::string::npos);
  EXPECT_EQ(dollar, 22u);                      // 16-byte salt, unpadded Base64
  EXPECT_EQ(rest.size() - dollar - 1, 43u);    // 32-byte hash
  EXPECT_FALSE(NeedsRehash(hash));
}

TEST(HashPassword, VerifiesAndSaltsEachHash) {
  std::string a = HashPassword("Correct-Horse-9").value();
  std::string b = HashPassword("Correct-Horse-9").value();
  EXPECT_NE(a, b);
  EXPECT_TRUE(VerifyPassword("Correct-Horse-9", a));
  EXPECT_TRUE(VerifyPassword("Correct-Horse-9", b));
  EXPECT_FALSE(VerifyPassword("correct-Horse-9", a));
  EXPECT_FALSE(VerifyPassword("Correct-Horse-", a));
  EXPECT_FALSE(VerifyPassword("", a));
}

TEST(HashPassword, UnicodeAndEmptyPasswords) {
  std::string hash = HashPassword("法治政府Aa1!").value();
  EXPECT_TRUE(VerifyPassword("法治政府Aa1!", hash));
  EXPECT_FALSE(VerifyPassword("法治政府Aa1", hash));
  std::string empty = HashPassword("").value();
  EXPECT_TRUE(VerifyPassword("", empty));
  EXPECT_FALSE(VerifyPassword(" ", empty));
}

TEST(VerifyPassword, OldParametersStillVerifyButNeedRehash) {
  std::string weak = HashWith(Argon2_id, 1, 4096, "Old-Pass-1");
  EXPECT_TRUE(VerifyPassword("Old-Pass-1", weak));
  EXPECT_TRUE(NeedsRehash(weak));
  EXPECT_TRUE(NeedsRehash(HashWith(Argon2_id, 2, 8192, "x")));     // memory below
  EXPECT_TRUE(NeedsRehash(HashWith(Argon2_id, 1, 19456, "x")));    // iterations below
  EXPECT_TRUE(NeedsRehash(HashWith(Argon2_id, 2, 19456, "x", 8)));  // short salt
  EXPECT_FALSE(NeedsRehash(HashWith(Argon2_id, 3, 19456, "x")));   // stronger is fine
}

TEST(VerifyPassword, RejectsOtherVariantsAndMalformed) {
  std::string argon2i = HashWith(Argon2_i, 2, 19456, "Pass-word-1");
  EXPECT_FALSE(VerifyPassword("Pass-word-1", argon2i));
  EXPECT_TRUE(NeedsRehash(argon2i));
  std::string good = HashPassword("Pass-word-1").value();
  for (const std::string& bad :
       {std::string(), std::string("Pass-word-1"), std::string("$argon2id$"),
        good.substr(0, good.size() - 1), good.substr(1),
        std::string("$argon2id$m=19456,t=2,p=1") + good.substr(good.find("$", 20))}) {
    EXPECT_FALSE(VerifyPassword("Pass-word-1", bad)) << bad;
    EXPECT_TRUE(NeedsRehash(bad)) << bad;
  }
  EXPECT_FALSE(VerifyPassword("Pass-word-1", good + "A"));  // 33-byte hash
  // Change one character inside the hash part, and one inside the salt.
  for (size_t pos : {good.size() - 10, good.rfind('$') - 5}) {
    std::string tampered = good;
    tampered[pos] = tampered[pos] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(VerifyPassword("Pass-word-1", tampered)) << tampered;
  }
}

TEST(VerifyPassword, RefusesAbsurdCostsWithoutComputing) {
  std::string good = HashPassword("Pass-word-1").value();
  std::string huge = good;
  huge.replace(huge.find("m=19456"), 7, "m=4194304");
  EXPECT_FALSE(VerifyPassword("Pass-word-1", huge));
  std::string slow = good;
  slow.replace(slow.find("t=2"), 3, "t=100000");
  EXPECT_FALSE(VerifyPassword("Pass-word-1", slow));
}

// --- Policy ---

TEST(PasswordPolicy, AcceptsStrongPasswords) {
  PasswordPolicy policy;
  EXPECT_TRUE(policy.Check("Zx7#kLp2", "zhangsan").ok());
  EXPECT_TRUE(policy.Check("correct horse 7 battery", "zhangsan").ok());  // lower+digit+other
  EXPECT_TRUE(policy.Check("法治政府建设Ab1", "zhangsan").ok());
  EXPECT_TRUE(policy.Check("Zx7#kLp2").ok());
}

TEST(PasswordPolicy, LengthCountsCodePoints) {
  PasswordPolicy policy;
  Status s = policy.Check("Ab1!xyz", "");  // 7
  EXPECT_EQ(s.code(), kWeakPassword);
  EXPECT_NE(s.message().find("长度至少8个字符（当前7个）"), std::string::npos) << s.message();
  // 6 Chinese characters are 18 bytes but only 6 characters.
  s = policy.Check("法治政府a1", "");
  EXPECT_NE(s.message().find("当前6个"), std::string::npos) << s.message();
  EXPECT_TRUE(policy.Check("法治政府建设a1", "").ok());  // 8 characters, 3 classes
  s = policy.Check(std::string(120, 'a') + "B1!" + std::string(10, 'c'), "");
  EXPECT_NE(s.message().find("不能超过128个字符"), std::string::npos) << s.message();
}

TEST(PasswordPolicy, RequiresThreeClassesAndNamesWhatIsMissing) {
  PasswordPolicy policy;
  Status s = policy.Check("abcdefgh12", "");
  EXPECT_EQ(s.code(), kWeakPassword);
  EXPECT_NE(s.message().find("当前2类，缺少大写字母、其他符号"), std::string::npos) << s.message();
  s = policy.Check("abcdefghij", "");
  EXPECT_NE(s.message().find("当前1类"), std::string::npos) << s.message();
  EXPECT_TRUE(policy.Check("abcdefg1!", "").ok());
  EXPECT_TRUE(policy.Check("ABCDEFG1!", "").ok());
  EXPECT_TRUE(policy.Check("Abcdefg!x", "").ok());
  EXPECT_TRUE(policy.Check("Abcdefg1x", "").ok());
}

TEST(PasswordPolicy, RejectsUsernameCaseInsensitive) {
  PasswordPolicy policy;
  Status s = policy.Check("My-ZhangSan-2024", "zhangsan");
  EXPECT_EQ(s.code(), kWeakPassword);
  EXPECT_NE(s.message().find("不能包含用户名"), std::string::npos);
  EXPECT_FALSE(policy.Check("zhangsan#2024A", "ZhangSan").ok());
  EXPECT_TRUE(policy.Check("zhang-san#2024A", "zhangsan").ok());
}

TEST(PasswordPolicy, ReportsEveryProblemAtOnce) {
  PasswordPolicy policy({"admin"});
  Status s = policy.Check("admin", "admin");
  EXPECT_EQ(s.code(), kWeakPassword);
  EXPECT_NE(s.message().find("长度至少8个字符"), std::string::npos);
  EXPECT_NE(s.message().find("至少3类"), std::string::npos);
  EXPECT_NE(s.message().find("常见弱密码"), std::string::npos);
  EXPECT_NE(s.message().find("不能包含用户名"), std::string::npos);
  EXPECT_EQ(s.message().rfind("密码不符合要求：", 0), 0u);
}

TEST(PasswordPolicy, CommonListFromDefinitions) {
  Result<PasswordPolicy> policy = PasswordPolicy::LoadCommonList(CommonListPath());
  ASSERT_TRUE(policy.ok()) << policy.status().ToString();
  EXPECT_GE(policy->common_count(), 300u);
  for (const char* pw : {"P@ssw0rd", "Admin@123", "Qwer1234", "password1", "PASSWORD1",
                         "Abc@1234", "1qaz@WSX", "Passw0rd!", "Woaini1314"}) {
    EXPECT_TRUE(policy->IsCommon(pw)) << pw;
    Status s = policy->Check(pw, "someone");
    EXPECT_EQ(s.code(), kWeakPassword) << pw;
    EXPECT_NE(s.message().find("常见弱密码"), std::string::npos) << pw << ": " << s.message();
  }
  EXPECT_FALSE(policy->IsCommon("Zx7#kLp2"));
  EXPECT_TRUE(policy->Check("Zx7#kLp2", "someone").ok());
}

TEST(PasswordPolicy, CommonListFileIsTidy) {
  std::ifstream in(CommonListPath());
  ASSERT_TRUE(in) << CommonListPath();
  std::set<std::string> seen;
  std::string line;
  int entries = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    ++entries;
    EXPECT_TRUE(seen.insert(line).second) << "duplicate: " << line;
    for (char c : line) EXPECT_FALSE(c >= 'A' && c <= 'Z') << "not lower-case: " << line;
    EXPECT_EQ(line.find_first_of(" \t\r"), std::string::npos) << "whitespace: " << line;
  }
  EXPECT_GE(entries, 300);
}

TEST(PasswordPolicy, LoadCommonListErrors) {
  EXPECT_EQ(PasswordPolicy::LoadCommonList("/nonexistent/common.txt").status().code(), codes::kIo);
  std::string path = testing::TempDir() + "/fazhi-common-" + std::to_string(::getpid()) + ".txt";
  std::ofstream(path) << "# only a comment\n\n   \n";
  EXPECT_FALSE(PasswordPolicy::LoadCommonList(path).ok());
  std::ofstream(path) << "# list\r\n  Secret-Word1  \r\n\r\n";
  Result<PasswordPolicy> policy = PasswordPolicy::LoadCommonList(path);
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(policy->common_count(), 1u);
  EXPECT_TRUE(policy->IsCommon("secret-word1"));
  EXPECT_TRUE(policy->IsCommon("SECRET-WORD1"));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace fazhi
