#include "identity/totp.h"

#include <gtest/gtest.h>

#include <set>

#include "base/crypto.h"

namespace fazhi {
namespace {

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const std::string kRfcKey = "12345678901234567890";
const std::string kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";  // Base32 of kRfcKey

TEST(Hotp, Rfc4226AppendixD) {
  const char* kExpected[] = {"755224", "287082", "359152", "969429", "338314",
                             "254676", "287922", "162583", "399871", "520489"};
  for (uint64_t counter = 0; counter < 10; ++counter) {
    EXPECT_EQ(HotpCode(kRfcKey, counter), kExpected[counter]) << counter;
  }
}

TEST(Totp, Rfc6238AppendixBSha1) {
  ASSERT_EQ(Base32Encode(kRfcKey), kRfcSecret);
  const std::pair<int64_t, const char*> kVectors[] = {{59, "94287082"},
                                                      {1111111109, "07081804"},
                                                      {1111111111, "14050471"},
                                                      {1234567890, "89005924"},
                                                      {2000000000, "69279037"}};
  for (const auto& [time, eight] : kVectors) {
    EXPECT_EQ(HotpCode(kRfcKey, static_cast<uint64_t>(time / 30), 8), eight) << time;
    Result<std::string> code = TotpCode(kRfcSecret, time);
    ASSERT_TRUE(code.ok());
    EXPECT_EQ(code.value(), std::string(eight).substr(2)) << time;
    EXPECT_EQ(VerifyTotp(kRfcSecret, std::string(eight).substr(2), time), time / 30);
  }
}

TEST(Totp, JbswySecret) {
  // "JBSWY3DPEHPK3PXP" is Base32 for "Hello!\xDE\xAD\xBE\xEF"; codes checked
  // against an independent implementation (Python hmac/hashlib).
  const std::string secret = "JBSWY3DPEHPK3PXP";
  EXPECT_EQ(TotpCode(secret, 0).value(), "282760");
  EXPECT_EQ(TotpCode(secret, 59).value(), "996554");
  EXPECT_EQ(TotpCode(secret, 1111111109).value(), "071271");  // leading zero kept
  EXPECT_EQ(TotpCode(secret, 1700000000).value(), "324550");
  EXPECT_EQ(TotpCode(secret, 1714492800).value(), "197020");
  // The same secret typed in lower case with spaces, or padded.
  EXPECT_EQ(TotpCode("jbsw y3dp ehpk 3pxp", 59).value(), "996554");
  EXPECT_EQ(TotpCode("JBSWY3DPEHPK3PXP====", 59).value(), "996554");
}

TEST(Totp, CodeChangesEveryThirtySeconds) {
  const std::string secret = "JBSWY3DPEHPK3PXP";
  EXPECT_EQ(TotpCode(secret, 30).value(), TotpCode(secret, 59).value());
  EXPECT_NE(TotpCode(secret, 59).value(), TotpCode(secret, 60).value());
}

TEST(Totp, InvalidSecret) {
  EXPECT_FALSE(TotpCode("not base32!", 59).ok());
  EXPECT_FALSE(TotpCode("", 59).ok());
  EXPECT_FALSE(VerifyTotp("not base32!", "123456", 59).has_value());
  EXPECT_FALSE(VerifyTotp("", "123456", 59).has_value());
}

TEST(VerifyTotp, WindowAndMatchedStep) {
  const std::string secret = "JBSWY3DPEHPK3PXP";
  const int64_t t = 1714492800;  // step 57149760
  const int64_t step = t / 30;
  std::string current = TotpCode(secret, t).value();
  std::string previous = TotpCode(secret, t - 30).value();
  std::string next = TotpCode(secret, t + 30).value();
  std::string two_back = TotpCode(secret, t - 60).value();

  EXPECT_EQ(VerifyTotp(secret, current, t), step);
  EXPECT_EQ(VerifyTotp(secret, previous, t), step - 1);
  EXPECT_EQ(VerifyTotp(secret, next, t), step + 1);
  EXPECT_FALSE(VerifyTotp(secret, two_back, t).has_value());
  EXPECT_EQ(VerifyTotp(secret, two_back, t, 2), step - 2);

  EXPECT_EQ(VerifyTotp(secret, current, t, 0), step);
  EXPECT_FALSE(VerifyTotp(secret, previous, t, 0).has_value());
  // The last second of a step and the first of the next.
  EXPECT_EQ(VerifyTotp(secret, current, t + 29, 0), step);
  EXPECT_FALSE(VerifyTotp(secret, current, t + 30, 0).has_value());
}

TEST(VerifyTotp, RejectsMalformedCodesAndArguments) {
  const std::string secret = "JBSWY3DPEHPK3PXP";
  const int64_t t = 59;
  ASSERT_EQ(TotpCode(secret, t).value(), "996554");
  EXPECT_FALSE(VerifyTotp(secret, "996555", t).has_value());
  EXPECT_FALSE(VerifyTotp(secret, "99655", t).has_value());
  EXPECT_FALSE(VerifyTotp(secret, "0996554", t).has_value());
  EXPECT_FALSE(VerifyTotp(secret, " 996554", t).has_value());
  EXPECT_FALSE(VerifyTotp(secret, "996 554", t).has_value());
  EXPECT_FALSE(VerifyTotp(secret, "", t).has_value());
  EXPECT_FALSE(VerifyTotp(secret, "99655a", t).has_value());
  EXPECT_FALSE(VerifyTotp(secret, "996554", -1).has_value());
  EXPECT_FALSE(VerifyTotp(secret, "996554", t, -1).has_value());
  EXPECT_FALSE(VerifyTotp(secret, "996554", t, kTotpMaxWindow + 1).has_value());
  EXPECT_EQ(VerifyTotp(secret, "996554", t, kTotpMaxWindow), 1);
  // Near time zero the window does not reach negative steps.
  EXPECT_EQ(VerifyTotp(secret, "282760", 5), 0);
}

TEST(NewTotpSecret, RandomBase32OfTwentyBytes) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    std::string secret = NewTotpSecret();
    EXPECT_EQ(secret.size(), 32u);
    EXPECT_EQ(secret.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), std::string::npos);
    EXPECT_EQ(Base32Decode(secret).value().size(), kTotpSecretSize);
    seen.insert(secret);
    // A fresh secret works end to end.
    std::string code = TotpCode(secret, 1714492800).value();
    EXPECT_EQ(VerifyTotp(secret, code, 1714492800), 1714492800 / 30);
  }
  EXPECT_EQ(seen.size(), 50u);
}

TEST(OtpauthUri, Format) {
  EXPECT_EQ(OtpauthUri("fazhi", "zhangsan", "JBSWY3DPEHPK3PXP"),
            "otpauth://totp/fazhi:zhangsan?secret=JBSWY3DPEHPK3PXP&issuer=fazhi"
            "&algorithm=SHA1&digits=6&period=30");
  // UTF-8 issuer, and characters that must not break the URI.
  EXPECT_EQ(OtpauthUri("某县法治", "li si@x.gov", "ABC"),
            "otpauth://totp/%E6%9F%90%E5%8E%BF%E6%B3%95%E6%B2%BB:li%20si%40x.gov"
            "?secret=ABC&issuer=%E6%9F%90%E5%8E%BF%E6%B3%95%E6%B2%BB"
            "&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(OtpauthUri("a&b", "c:d?e", "ABC"),
            "otpauth://totp/a%26b:c%3Ad%3Fe?secret=ABC&issuer=a%26b"
            "&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(OtpauthUri("", "zhangsan", "ABC"),
            "otpauth://totp/zhangsan?secret=ABC&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace fazhi
