#include "base/field_cipher.h"
#include "base/temp_dir.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>
#include <vector>

#include "base/crypto.h"

namespace fazhi {
namespace {

namespace fs = std::filesystem;

FieldCipher MakeCipher(char fill = 'k') {
  return FieldCipher::FromKeyMaterial(std::string(FieldCipher::kKeyMaterialSize, fill)).value();
}

class TempDir {
 public:
  TempDir() {
    path_ = MakeTempDir("fazhi-keys");
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

unsigned Mode(const fs::path& p) {
  struct stat st;
  EXPECT_EQ(::stat(p.c_str(), &st), 0);
  return st.st_mode & 0777;
}

void WriteFile(const fs::path& p, const std::string& contents, mode_t mode) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << contents;
  ::chmod(p.c_str(), mode);
}

TEST(FieldCipher, RoundTrip) {
  FieldCipher cipher = MakeCipher();
  std::string binary;
  for (int i = 0; i < 256; ++i) binary.push_back(static_cast<char>(i));
  for (const std::string& plain :
       {std::string(), std::string("11010519491231002X"), std::string("13812345678"),
        std::string("福建省福州市鼓楼区某某路1号"), binary, std::string(5000, 'a')}) {
    std::string token = cipher.Encrypt(plain);
    Result<std::string> back = cipher.Decrypt(token);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back.value(), plain);
  }
}

TEST(FieldCipher, TokenFormat) {
  FieldCipher cipher = MakeCipher();
  std::string token = cipher.Encrypt("13812345678");
  EXPECT_EQ(token.find("13812345678"), std::string::npos);
  std::string raw = Base64Decode(token).value();
  ASSERT_EQ(raw.size(), 1u + 16 + 11 + 32);
  EXPECT_EQ(static_cast<unsigned char>(raw[0]), FieldCipher::kVersion);
  for (char c : token) EXPECT_TRUE(c >= 0x21 && c < 0x7F);
}

TEST(FieldCipher, SamePlaintextEncryptsDifferently) {
  FieldCipher cipher = MakeCipher();
  std::set<std::string> tokens;
  for (int i = 0; i < 50; ++i) tokens.insert(cipher.Encrypt("11010519491231002X"));
  EXPECT_EQ(tokens.size(), 50u);
}

TEST(FieldCipher, RejectsEveryTamperedByte) {
  FieldCipher cipher = MakeCipher();
  std::string raw = Base64Decode(cipher.Encrypt("11010519491231002X")).value();
  // Every byte: version, each iv byte, each ciphertext byte, each tag byte.
  for (size_t i = 0; i < raw.size(); ++i) {
    for (unsigned char flip : {0x01, 0x80, 0xFF}) {
      std::string bad = raw;
      bad[i] = static_cast<char>(bad[i] ^ flip);
      Result<std::string> r = cipher.Decrypt(Base64Encode(bad));
      ASSERT_FALSE(r.ok()) << "byte " << i;
      EXPECT_EQ(r.status().code(), FieldCipher::kIntegrityError);
    }
  }
  // Truncation, extension, and parts dropped.
  EXPECT_FALSE(cipher.Decrypt(Base64Encode(raw.substr(0, raw.size() - 1))).ok());
  EXPECT_FALSE(cipher.Decrypt(Base64Encode(raw + "x")).ok());
  EXPECT_FALSE(cipher.Decrypt(Base64Encode(raw.substr(0, 17) + raw.substr(raw.size() - 32))).ok());
  EXPECT_FALSE(cipher.Decrypt(Base64Encode(raw.substr(0, 48))).ok());
  EXPECT_FALSE(cipher.Decrypt("").ok());
  EXPECT_FALSE(cipher.Decrypt("not base64 at all!").ok());
  EXPECT_FALSE(cipher.Decrypt("11010519491231002X").ok());
}

TEST(FieldCipher, RejectsSplicedTokens) {
  FieldCipher cipher = MakeCipher();
  std::string a = Base64Decode(cipher.Encrypt("AAAAAAAAAAAA")).value();
  std::string b = Base64Decode(cipher.Encrypt("BBBBBBBBBBBB")).value();
  // a's header and ciphertext with b's tag.
  std::string spliced = a.substr(0, a.size() - 32) + b.substr(b.size() - 32);
  EXPECT_FALSE(cipher.Decrypt(Base64Encode(spliced)).ok());
}

TEST(FieldCipher, WrongKeyFails) {
  FieldCipher a = MakeCipher('a');
  FieldCipher b = MakeCipher('b');
  Result<std::string> r = b.Decrypt(a.Encrypt("13812345678"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), FieldCipher::kIntegrityError);
  // Only the MAC key differs: still rejected.
  std::string material(FieldCipher::kKeyMaterialSize, 'a');
  material[20] = 'z';
  FieldCipher c = FieldCipher::FromKeyMaterial(material).value();
  EXPECT_FALSE(c.Decrypt(a.Encrypt("13812345678")).ok());
}

TEST(FieldCipher, FromKeyMaterialChecksLength) {
  EXPECT_FALSE(FieldCipher::FromKeyMaterial("").ok());
  EXPECT_FALSE(FieldCipher::FromKeyMaterial(std::string(63, 'k')).ok());
  EXPECT_FALSE(FieldCipher::FromKeyMaterial(std::string(65, 'k')).ok());
}

TEST(FieldCipher, MovedCipherStillWorks) {
  FieldCipher a = MakeCipher();
  std::string token = a.Encrypt("secret");
  FieldCipher b = std::move(a);
  EXPECT_EQ(b.Decrypt(token).value(), "secret");
  FieldCipher c = MakeCipher('z');
  c = std::move(b);
  EXPECT_EQ(c.Decrypt(token).value(), "secret");
}

TEST(FieldCipher, BlindIndex) {
  FieldCipher cipher = MakeCipher();
  std::string index = cipher.BlindIndex("11010519491231002X");
  EXPECT_EQ(index.size(), 64u);
  EXPECT_EQ(index.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(cipher.BlindIndex("11010519491231002X"), index);
  EXPECT_EQ(cipher.BlindIndex("  11010519491231002x\t\n"), index);
  EXPECT_EQ(cipher.BlindIndex("\xE3\x80\x80" "11010519491231002x" "\xE3\x80\x80 "), index);
  EXPECT_NE(cipher.BlindIndex("11010519491231003X"), index);
  EXPECT_NE(cipher.BlindIndex("1101051949123100 2X"), index);
  EXPECT_NE(cipher.BlindIndex(""), index);
  EXPECT_NE(MakeCipher('b').BlindIndex("11010519491231002X"), index);
  // Not a plain hash of the value.
  EXPECT_NE(index, ToHex(Sm3("11010519491231002X")));
  // Non-ASCII letters are not folded; ASCII ones are.
  EXPECT_EQ(cipher.BlindIndex("张三abc"), cipher.BlindIndex("张三ABC"));
  EXPECT_NE(cipher.BlindIndex("张三"), cipher.BlindIndex("张四"));
  std::set<std::string> distinct;
  for (int i = 0; i < 200; ++i) {
    distinct.insert(cipher.BlindIndex("1381234" + std::to_string(5000 + i)));
  }
  EXPECT_EQ(distinct.size(), 200u);
}

TEST(FieldCipher, NormalizeForIndex) {
  EXPECT_EQ(FieldCipher::NormalizeForIndex(" \t abc-Def \r\n"), "ABC-DEF");
  EXPECT_EQ(FieldCipher::NormalizeForIndex("\xE3\x80\x80 x \xE3\x80\x80"), "X");
  EXPECT_EQ(FieldCipher::NormalizeForIndex("a b"), "A B");
  EXPECT_EQ(FieldCipher::NormalizeForIndex("   "), "");
}

TEST(FieldCipherKeyFile, CreatesPrivateFileAndReloadsSameKeys) {
  TempDir tmp;
  fs::path path = tmp.path() / "secrets" / "deeper" / "field.keys";
  Result<FieldCipher> first = FieldCipher::LoadOrCreate(path.string());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(Mode(path), 0600u);
  EXPECT_EQ(Mode(path.parent_path()), 0700u);
  EXPECT_EQ(Mode(path.parent_path().parent_path()), 0700u);
  // No temporary files left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(path.parent_path()), fs::directory_iterator()), 1);

  std::string token = first->Encrypt("13812345678");
  std::string index = first->BlindIndex("13812345678");
  Result<FieldCipher> second = FieldCipher::LoadOrCreate(path.string());
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->Decrypt(token).value(), "13812345678");
  EXPECT_EQ(second->BlindIndex("13812345678"), index);

  // The file is in the documented format.
  std::ifstream in(path);
  std::string header, hex, extra;
  std::getline(in, header);
  std::getline(in, hex);
  EXPECT_EQ(header, "fazhi-field-keys-v1");
  EXPECT_EQ(hex.size(), 128u);
  EXPECT_FALSE(std::getline(in, extra));
}

TEST(FieldCipherKeyFile, DifferentFilesHaveDifferentKeys) {
  TempDir tmp;
  FieldCipher a = FieldCipher::LoadOrCreate((tmp.path() / "a.keys").string()).value();
  FieldCipher b = FieldCipher::LoadOrCreate((tmp.path() / "b.keys").string()).value();
  EXPECT_FALSE(b.Decrypt(a.Encrypt("x")).ok());
  EXPECT_NE(a.BlindIndex("x"), b.BlindIndex("x"));
}

TEST(FieldCipherKeyFile, ConcurrentCreatorsAgree) {
  TempDir tmp;
  std::string path = (tmp.path() / "field.keys").string();
  constexpr int kThreads = 8;
  std::vector<std::string> indexes(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      Result<FieldCipher> c = FieldCipher::LoadOrCreate(path);
      indexes[i] = c.ok() ? c->BlindIndex("v") : c.status().ToString();
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 1; i < kThreads; ++i) EXPECT_EQ(indexes[i], indexes[0]);
  EXPECT_EQ(indexes[0].size(), 64u) << indexes[0];
}

TEST(FieldCipherKeyFile, RefusesGroupOrOtherPermissions) {
  TempDir tmp;
  fs::path path = tmp.path() / "field.keys";
  ASSERT_TRUE(FieldCipher::LoadOrCreate(path.string()).ok());
  for (mode_t mode : {0640, 0604, 0660, 0644, 0610, 0601, 0700 | 0040}) {
    ::chmod(path.c_str(), mode);
    Result<FieldCipher> r = FieldCipher::LoadOrCreate(path.string());
    EXPECT_FALSE(r.ok()) << std::oct << mode;
    if (!r.ok()) {
      EXPECT_NE(r.status().message().find("权限"), std::string::npos);
    }
  }
  ::chmod(path.c_str(), 0400);  // owner read-only is fine
  EXPECT_TRUE(FieldCipher::LoadOrCreate(path.string()).ok());
}

TEST(FieldCipherKeyFile, RefusesWrongFormat) {
  TempDir tmp;
  fs::path path = tmp.path() / "field.keys";
  const std::string hex(128, 'a');
  const std::string kBad[] = {
      "",
      hex + "\n",                                          // no header
      "fazhi-field-keys-v1\n" + hex.substr(2) + "\n",      // too short
      "fazhi-field-keys-v1\n" + hex + "aa\n",              // too long
      "fazhi-field-keys-v2\n" + hex + "\n",                // unknown version
      "fazhi-field-keys-v1\n" + std::string(128, 'A') + "\n",  // upper case
      "fazhi-field-keys-v1\n" + hex.substr(1) + "g\n",     // not hex
      "fazhi-field-keys-v1\n" + hex + "\n\n",              // trailing junk
      "fazhi-field-keys-v1\r\n" + hex + "\r\n",            // CRLF
      "fazhi-field-keys-v1\n" + hex + "\n" + std::string(300, '#'),  // oversized
  };
  for (const std::string& contents : kBad) {
    WriteFile(path, contents, 0600);
    EXPECT_FALSE(FieldCipher::LoadOrCreate(path.string()).ok()) << contents;
  }
  WriteFile(path, "fazhi-field-keys-v1\n" + hex, 0600);  // final newline optional
  EXPECT_TRUE(FieldCipher::LoadOrCreate(path.string()).ok());
  WriteFile(path, "fazhi-field-keys-v1\n" + hex + "\n", 0600);
  Result<FieldCipher> c = FieldCipher::LoadOrCreate(path.string());
  ASSERT_TRUE(c.ok());
  FieldCipher same = FieldCipher::FromKeyMaterial(FromHex(hex).value()).value();
  EXPECT_EQ(c->BlindIndex("x"), same.BlindIndex("x"));
}

TEST(FieldCipherKeyFile, RefusesNonRegularFile) {
  TempDir tmp;
  fs::path dir = tmp.path() / "field.keys";
  fs::create_directory(dir);
  ::chmod(dir.c_str(), 0700);
  EXPECT_FALSE(FieldCipher::LoadOrCreate(dir.string()).ok());
  // A dangling symlink is an error, not a place to create keys.
  fs::path link = tmp.path() / "link.keys";
  fs::create_symlink(tmp.path() / "missing", link);
  EXPECT_FALSE(FieldCipher::LoadOrCreate(link.string()).ok());
  EXPECT_FALSE(fs::exists(tmp.path() / "missing"));
}

}  // namespace
}  // namespace fazhi
