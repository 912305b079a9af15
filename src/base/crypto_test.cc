#include "base/crypto.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace fazhi {
namespace {

std::string Hex(std::string_view hex) { return FromHex(hex).value(); }

TEST(Sm3, KnownAnswers) {
  // GB/T 32905 Appendix A examples and the digest of the empty message.
  EXPECT_EQ(ToHex(Sm3("abc")),
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  std::string abcd16;
  for (int i = 0; i < 16; ++i) abcd16 += "abcd";
  EXPECT_EQ(ToHex(Sm3(abcd16)),
            "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  EXPECT_EQ(ToHex(Sm3("")),
            "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
  EXPECT_EQ(Sm3("x").size(), kSm3Size);
  const Sm3Hasher hasher;
  for (const std::string s : {std::string(), std::string("abc"), abcd16, std::string(1000, 'z')})
    EXPECT_EQ(hasher.Hash(s), Sm3(s));
}

TEST(Sha256Stream, KnownAnswersInAnyPieces) {
  // FIPS 180-4 examples: "abc", the empty message, and the 448-bit message.
  Sha256Stream abc;
  abc.Update("a");
  abc.Update("");
  abc.Update("bc");
  EXPECT_EQ(ToHex(abc.Finish()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(ToHex(Sha256Stream().Finish()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const std::string msg = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  Sha256Stream whole, bytes;
  whole.Update(msg);
  for (char ch : msg) bytes.Update(std::string_view(&ch, 1));
  const std::string digest = whole.Finish();
  EXPECT_EQ(ToHex(digest), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(bytes.Finish(), digest);
}

// HMAC computed from its definition (RFC 2104) on top of Sm3, to check the
// EVP HMAC-SM3 against an independent construction.
std::string ReferenceHmacSm3(std::string key, std::string_view data) {
  constexpr size_t kBlock = 64;
  if (key.size() > kBlock) key = Sm3(key);
  key.resize(kBlock, '\0');
  std::string ipad = key, opad = key;
  for (size_t i = 0; i < kBlock; ++i) {
    ipad[i] = static_cast<char>(ipad[i] ^ 0x36);
    opad[i] = static_cast<char>(opad[i] ^ 0x5c);
  }
  return Sm3(opad + Sm3(ipad + std::string(data)));
}

TEST(HmacSm3, MatchesDefinition) {
  const std::string long_key(100, 'k');  // longer than a block: hashed first
  for (const std::string& key : {std::string(), std::string("key"), std::string(32, '\x01'),
                                 std::string(64, '\xAA'), long_key}) {
    for (std::string_view data : {"", "abc", "The quick brown fox jumps over the lazy dog"}) {
      EXPECT_EQ(ToHex(HmacSm3(key, data)), ToHex(ReferenceHmacSm3(key, data)))
          << "key size " << key.size() << " data " << data;
    }
  }
  EXPECT_NE(HmacSm3("key1", "data"), HmacSm3("key2", "data"));
}

TEST(HmacSha1, Rfc2202Vectors) {
  EXPECT_EQ(ToHex(HmacSha1(std::string(20, '\x0b'), "Hi There")),
            "b617318655057264e28bc0b6fb378c8ef146be00");
  EXPECT_EQ(ToHex(HmacSha1("Jefe", "what do ya want for nothing?")),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
}

TEST(Sm4, StandardBlockVector) {
  // GB/T 32907 Appendix A, example 1: key = plaintext.
  std::string key = Hex("0123456789abcdeffedcba9876543210");
  Result<std::string> ct = Sm4EncryptBlock(key, key);
  ASSERT_TRUE(ct.ok()) << ct.status().ToString();
  EXPECT_EQ(ToHex(ct.value()), "681edf34d206965e86b3e94f536e4246");
}

// a XOR b, byte by byte (equal lengths or b longer).
std::string Xor(std::string_view a, std::string_view b) {
  std::string out(a);
  for (size_t i = 0; i < a.size(); ++i) out[i] = static_cast<char>(a[i] ^ b[i]);
  return out;
}

// Adds n to a 16-byte big-endian counter.
std::string AddCounter(std::string counter, unsigned n) {
  for (int i = 15; i >= 0 && n > 0; --i) {
    unsigned v = static_cast<unsigned char>(counter[i]) + n;
    counter[i] = static_cast<char>(v & 0xFF);
    n = v >> 8;
  }
  return counter;
}

TEST(Sm4, CtrMatchesEcbOfCounter) {
  std::string key = Hex("0123456789abcdeffedcba9876543210");
  // Low 64 bits all ones: the counter must carry into the high half.
  for (std::string iv : {Hex("000102030405060708090a0b0c0d0e0f"),
                         Hex("0011223344556677ffffffffffffffff"),
                         Hex("fffffffffffffffffffffffffffffffe")}) {
    std::string data;
    for (int i = 0; i < 57; ++i) data.push_back(static_cast<char>(i * 7 + 1));  // 3.56 blocks
    Result<std::string> ct = Sm4CtrEncrypt(key, iv, data);
    ASSERT_TRUE(ct.ok());
    ASSERT_EQ(ct->size(), data.size());
    for (size_t block = 0; block * 16 < data.size(); ++block) {
      std::string keystream = Sm4EncryptBlock(key, AddCounter(iv, block)).value();
      std::string_view plain = std::string_view(data).substr(block * 16, 16);
      EXPECT_EQ(ToHex(ct->substr(block * 16, 16)), ToHex(Xor(plain, keystream)))
          << "block " << block << " iv " << ToHex(iv);
    }
    Result<std::string> back = Sm4CtrDecrypt(key, iv, ct.value());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), data);
  }
}

TEST(Sm4, EmptyAndLargeInputs) {
  std::string key(16, 'k'), iv(16, 'i');
  EXPECT_EQ(Sm4CtrEncrypt(key, iv, "").value(), "");
  std::string big(100000, 'z');
  std::string ct = Sm4CtrEncrypt(key, iv, big).value();
  EXPECT_NE(ct, big);
  EXPECT_EQ(Sm4CtrDecrypt(key, iv, ct).value(), big);
}

TEST(Sm4, RejectsWrongSizes) {
  std::string key(16, 'k'), iv(16, 'i');
  EXPECT_FALSE(Sm4CtrEncrypt(std::string(15, 'k'), iv, "x").ok());
  EXPECT_FALSE(Sm4CtrEncrypt(std::string(32, 'k'), iv, "x").ok());
  EXPECT_FALSE(Sm4CtrEncrypt(key, std::string(12, 'i'), "x").ok());
  EXPECT_FALSE(Sm4CtrDecrypt(key, "", "x").ok());
  EXPECT_EQ(Sm4CtrEncrypt(key, "", "x").status().code(), codes::kInvalid);
  EXPECT_FALSE(Sm4EncryptBlock(key, "short").ok());
}

TEST(RandomBytes, LengthAndUniqueness) {
  EXPECT_EQ(RandomBytes(0), "");
  EXPECT_EQ(RandomBytes(33).size(), 33u);
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) seen.insert(RandomBytes(16));
  EXPECT_EQ(seen.size(), 100u);
}

TEST(Hex, RoundTripAndErrors) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  EXPECT_EQ(FromHex(ToHex(all)).value(), all);
  EXPECT_EQ(ToHex("\x01\xAB\xff"), "01abff");
  EXPECT_EQ(FromHex("01ABff").value(), "\x01\xAB\xff");
  EXPECT_EQ(FromHex("").value(), "");
  EXPECT_FALSE(FromHex("abc").ok());
  EXPECT_FALSE(FromHex("zz").ok());
  EXPECT_FALSE(FromHex("0g").ok());
  EXPECT_FALSE(FromHex(" 01").ok());
}

TEST(ConstantTimeEquals, Compares) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
  EXPECT_TRUE(ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0b", 3)));
  EXPECT_FALSE(ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
}

TEST(Base32, Rfc4648Vectors) {
  const std::pair<const char*, const char*> kCases[] = {
      {"", ""},          {"f", "MY"},           {"fo", "MZXQ"},          {"foo", "MZXW6"},
      {"foob", "MZXW6YQ"}, {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
  for (const auto& [plain, encoded] : kCases) {
    EXPECT_EQ(Base32Encode(plain), encoded);
    EXPECT_EQ(Base32Decode(encoded).value(), plain);
  }
  // Padded, lower-case and spaced forms decode too.
  EXPECT_EQ(Base32Decode("MZXW6YQ=").value(), "foob");
  EXPECT_EQ(Base32Decode("MY======").value(), "f");
  EXPECT_EQ(Base32Decode("mzxw6ytboi").value(), "foobar");
  EXPECT_EQ(Base32Decode("MZXW 6YTB OI").value(), "foobar");
  EXPECT_EQ(Base32Encode("12345678901234567890"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

TEST(Base32, RoundTripAllLengths) {
  std::string data = RandomBytes(40);
  for (size_t n = 0; n <= data.size(); ++n) {
    std::string part = data.substr(0, n);
    EXPECT_EQ(Base32Decode(Base32Encode(part)).value(), part) << n;
  }
}

TEST(Base32, RejectsBadInput) {
  EXPECT_FALSE(Base32Decode("MZXW1").ok());   // '1' not in alphabet
  EXPECT_FALSE(Base32Decode("MZXW8").ok());
  EXPECT_FALSE(Base32Decode("MZ=XW").ok());   // padding in the middle
  EXPECT_FALSE(Base32Decode("M").ok());       // impossible lengths: 1, 3, 6 mod 8
  EXPECT_FALSE(Base32Decode("MZX").ok());
  EXPECT_FALSE(Base32Decode("MZXW6Y").ok());
  EXPECT_FALSE(Base32Decode("MZXW6YTB-OI").ok());
}

TEST(Base64, Rfc4648Vectors) {
  const std::pair<const char*, const char*> kCases[] = {
      {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},          {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : kCases) {
    EXPECT_EQ(Base64Encode(plain), encoded);
    EXPECT_EQ(Base64Decode(encoded).value(), plain);
  }
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  for (size_t n = 0; n <= all.size(); n += 37) {
    EXPECT_EQ(Base64Decode(Base64Encode(all.substr(n))).value(), all.substr(n));
  }
}

TEST(Base64, IsStrict) {
  EXPECT_FALSE(Base64Decode("Zg").ok());       // missing padding
  EXPECT_FALSE(Base64Decode("Zg=").ok());
  EXPECT_FALSE(Base64Decode("Zh==").ok());     // non-zero trailing bits
  EXPECT_FALSE(Base64Decode("Zm9=").ok());
  EXPECT_FALSE(Base64Decode("Z===").ok());
  EXPECT_FALSE(Base64Decode("Zg==Zg==").ok()); // padding in the middle
  EXPECT_FALSE(Base64Decode("Zm=v").ok());
  EXPECT_FALSE(Base64Decode("Zm9v\n").ok());
  EXPECT_FALSE(Base64Decode("Zm9-").ok());
}

TEST(Wipe, ClearsString) {
  std::string secret = "top secret key material";
  Wipe(secret);
  EXPECT_TRUE(secret.empty());
}

}  // namespace
}  // namespace fazhi
