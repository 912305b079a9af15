#include "base/personal_data.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace fazhi {
namespace {

// --- Independent reference implementations (written from the standards, not
// from personal_data.cc) used to generate valid examples. ---

// GB 11643: weight of position i is 2^(17-i) mod 11; check = (12 - S mod 11) mod 11,
// written as 'X' for 10.
char RefIdCheck(const std::string& first17) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    int weight = 1;
    for (int k = 0; k < 17 - i; ++k) weight = weight * 2 % 11;
    sum += (first17[i] - '0') * weight;
  }
  int check = (12 - sum % 11) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

const std::string kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// GB 32100: weight of position i is 3^i mod 31; check = 31 - (S mod 31), 31 -> 0.
char RefUsccCheck(const std::string& first17) {
  int sum = 0, weight = 1;
  for (int i = 0; i < 17; ++i) {
    sum += static_cast<int>(kUsccAlphabet.find(first17[i])) * weight;
    weight = weight * 3 % 31;
  }
  int check = 31 - sum % 31;
  return kUsccAlphabet[check == 31 ? 0 : check];
}

std::string RandomIdNumber(std::mt19937& rng) {
  static const int kProvinces[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36,
                                   37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62,
                                   63, 64, 65};
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%02d%04d%04d%02d%02d%03d",
                kProvinces[pick(0, std::size(kProvinces) - 1)], pick(0, 9999), pick(1900, 2020),
                pick(1, 12), pick(1, 28), pick(0, 999));
  std::string first17(buf);
  return first17 + RefIdCheck(first17);
}

std::string RandomUscc(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::string s;
  s += "159Y"[pick(0, 3)];
  s += "123"[pick(0, 2)];
  for (int i = 0; i < 6; ++i) s += static_cast<char>('0' + pick(0, 9));
  for (int i = 0; i < 9; ++i) s += kUsccAlphabet[pick(0, 30)];
  return s + RefUsccCheck(s);
}

// Every character that could plausibly be typed in place of another.
const std::string kTypeable = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz -*";

// --- Masks ---

TEST(MaskIdNumber, KeepsOnlyEnds) {
  EXPECT_EQ(MaskIdNumber("110101199003071234"), "110101********1234");
  EXPECT_EQ(MaskIdNumber("11010519491231002X"), "110105********002X");
  EXPECT_EQ(MaskIdNumber("110101900307123"), "110101******123");  // 15-digit card
  EXPECT_EQ(MaskIdNumber(""), "");
  EXPECT_EQ(MaskIdNumber("12345678"), "12****78");  // other lengths: generic
}

TEST(MaskPhone, KeepsOnlyEnds) {
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
  EXPECT_EQ(MaskPhone("0591-87654321"), "059******4321");
  EXPECT_EQ(MaskPhone("87654321"), "87****21");
  EXPECT_EQ(MaskPhone("12"), "**");
  EXPECT_EQ(MaskPhone(""), "");
}

TEST(MaskName, KeepsFirstCharacter) {
  EXPECT_EQ(MaskName("张三丰"), "张**");
  EXPECT_EQ(MaskName("张三"), "张*");
  EXPECT_EQ(MaskName("欧阳娜娜"), "欧***");
  EXPECT_EQ(MaskName("张"), "*");
  EXPECT_EQ(MaskName(""), "");
  EXPECT_EQ(MaskName("Li Lei"), "L*****");
  EXPECT_EQ(MaskName("阿卜杜·热合曼"), "阿******");
  EXPECT_EQ(MaskName("𠀀二三"), "𠀀**");  // 4-byte UTF-8
}

TEST(MaskGeneric, HidesAtLeastHalf) {
  EXPECT_EQ(MaskGeneric("a"), "*");
  EXPECT_EQ(MaskGeneric("ab"), "**");
  EXPECT_EQ(MaskGeneric("abc"), "a**");
  EXPECT_EQ(MaskGeneric("abcd"), "a**d");
  EXPECT_EQ(MaskGeneric("abcdefgh"), "ab****gh");
  EXPECT_EQ(MaskGeneric("福建省福州市鼓楼区八一七路"), "福建省*******一七路");
  EXPECT_EQ(MaskGeneric("福建省福州市鼓楼区八一七路").find("鼓楼"), std::string::npos);
  for (size_t n = 0; n < 40; ++n) {
    std::string masked = MaskGeneric(std::string(n, 'a'));
    ASSERT_EQ(masked.size(), n);
    EXPECT_GE(std::count(masked.begin(), masked.end(), '*') * 2, static_cast<long>(n)) << n;
  }
}

TEST(Masks, InvalidUtf8CountsBytewise) {
  EXPECT_EQ(MaskName("\xFF\xFE\xFD"), "\xFF**");
  EXPECT_EQ(MaskGeneric("\xE5\xBC"), "**");  // truncated sequence: two characters
}

TEST(Masks, NeverShowTheMiddle) {
  std::mt19937 rng(20240501);
  for (int i = 0; i < 2000; ++i) {
    std::string id = RandomIdNumber(rng);
    std::string masked = MaskIdNumber(id);
    EXPECT_EQ(masked, id.substr(0, 6) + "********" + id.substr(14));
    EXPECT_EQ(masked.find(id.substr(6, 8)), std::string::npos);

    char phone_buf[16];
    std::snprintf(phone_buf, sizeof(phone_buf), "1%d%09u", 3 + i % 7,
                  static_cast<unsigned>(rng() % 1000000000));
    std::string phone(phone_buf);
    ASSERT_TRUE(IsValidMobile(phone)) << phone;
    std::string masked_phone = MaskPhone(phone);
    EXPECT_EQ(masked_phone, phone.substr(0, 3) + "****" + phone.substr(7));
  }
}

// --- ID numbers ---

TEST(IdNumber, HandCheckedLiterals) {
  // 11010519491231002X: S = 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9
  //   +3*10+1*5+0*8+0*4+2*2 = 167; 167 mod 11 = 2 -> "10X98765432"[2] = 'X'.
  EXPECT_TRUE(IsValidIdNumber("11010519491231002X"));
  EXPECT_TRUE(IsValidIdNumber("440308199901011234"));
  EXPECT_TRUE(IsValidIdNumber("110101199003071233"));
  EXPECT_FALSE(IsValidIdNumber("110101199003071234"));  // check digit should be 3
  EXPECT_EQ(IdNumberCheckChar("11010519491231002"), 'X');
  EXPECT_EQ(IdNumberCheckChar("1101051949123100"), '\0');
  EXPECT_EQ(IdNumberCheckChar("1101051949123100A"), '\0');
}

TEST(IdNumber, RejectsMalformed) {
  EXPECT_FALSE(IsValidIdNumber(""));
  EXPECT_FALSE(IsValidIdNumber("11010519491231002x"));   // lower-case x: normalise first
  EXPECT_FALSE(IsValidIdNumber(" 11010519491231002X"));
  EXPECT_FALSE(IsValidIdNumber("11010519491231002X "));
  EXPECT_FALSE(IsValidIdNumber("110105194912310"));      // 15-digit cards are not accepted
  EXPECT_FALSE(IsValidIdNumber("1101051949123100X2"));
  auto with_check = [](std::string first17) { return first17 + RefIdCheck(first17); };
  EXPECT_TRUE(IsValidIdNumber(with_check("11010520000229123")));   // leap day
  EXPECT_FALSE(IsValidIdNumber(with_check("11010519000229123")));  // 1900 not leap
  EXPECT_FALSE(IsValidIdNumber(with_check("11010519490230123")));
  EXPECT_FALSE(IsValidIdNumber(with_check("11010519491301123")));  // month 13
  EXPECT_FALSE(IsValidIdNumber(with_check("11010519490100123")));  // day 0
  EXPECT_FALSE(IsValidIdNumber(with_check("11010518991231123")));  // before 1900
  EXPECT_FALSE(IsValidIdNumber(with_check("99010519491231123")));  // no province 99
  EXPECT_FALSE(IsValidIdNumber(with_check("00010519491231123")));
  EXPECT_TRUE(IsValidIdNumber(with_check("81000019800101123")));   // 港澳 residence permit
}

TEST(IdNumber, BirthDateNotInTheFuture) {
  std::string born = "11010520240501123";
  born += RefIdCheck(born);
  // 2024-04-30T16:00:00Z is 2024-05-01 00:00 in Beijing.
  const int64_t kMay1Beijing = 1714492800000LL;
  EXPECT_TRUE(IsValidIdNumber(born));
  EXPECT_TRUE(IsValidIdNumber(born, kMay1Beijing));
  EXPECT_FALSE(IsValidIdNumber(born, kMay1Beijing - 1));
  EXPECT_FALSE(IsValidIdNumber("11010519491231002Y", kMay1Beijing));
}

TEST(IdNumber, RandomValidValuesAndEverySingleCorruption) {
  std::mt19937 rng(11643);
  for (int n = 0; n < 300; ++n) {
    std::string id = RandomIdNumber(rng);
    ASSERT_TRUE(IsValidIdNumber(id)) << id;
    ASSERT_EQ(IdNumberCheckChar(id.substr(0, 17)), id[17]);
    for (size_t pos = 0; pos < id.size(); ++pos) {
      for (char c : kTypeable) {
        if (c == id[pos]) continue;
        std::string bad = id;
        bad[pos] = c;
        EXPECT_FALSE(IsValidIdNumber(bad)) << id << " -> " << bad;
      }
    }
    // Adjacent transpositions of distinct digits in the body are caught too.
    for (size_t pos = 0; pos + 1 < 17; ++pos) {
      if (id[pos] == id[pos + 1]) continue;
      std::string swapped = id;
      std::swap(swapped[pos], swapped[pos + 1]);
      EXPECT_FALSE(IsValidIdNumber(swapped)) << id << " -> " << swapped;
    }
  }
}

// --- USCC ---

TEST(Uscc, HandCheckedLiterals) {
  // 91350100M000100Y43: values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4; weighted
  // sum 1640; 1640 mod 31 = 28; 31 - 28 = 3 -> '3'.
  EXPECT_TRUE(IsValidUscc("91350100M000100Y43"));
  EXPECT_EQ(UsccCheckChar("91350100M000100Y4"), '3');
  EXPECT_TRUE(IsValidUscc("91110108MA01ABCD1E"));
  EXPECT_FALSE(IsValidUscc("91110108MA01ABCD1X"));
  EXPECT_EQ(UsccCheckChar("91350100M000100YI"), '\0');  // I is not in the alphabet
}

TEST(Uscc, RejectsMalformed) {
  EXPECT_FALSE(IsValidUscc(""));
  EXPECT_FALSE(IsValidUscc("91350100M000100Y4"));
  EXPECT_FALSE(IsValidUscc("91350100M000100Y433"));
  EXPECT_FALSE(IsValidUscc("91350100m000100y43"));  // lower case: normalise first
  EXPECT_FALSE(IsValidUscc(" 91350100M000100Y43"));
  auto with_check = [](std::string first17) { return first17 + RefUsccCheck(first17); };
  EXPECT_TRUE(IsValidUscc(with_check("12350100000000000")));
  EXPECT_FALSE(IsValidUscc(with_check("9135A100M000100Y4")));  // region must be digits
}

TEST(Uscc, RandomValidValuesAndEverySingleCorruption) {
  std::mt19937 rng(32100);
  for (int n = 0; n < 300; ++n) {
    std::string code = RandomUscc(rng);
    ASSERT_TRUE(IsValidUscc(code)) << code;
    ASSERT_EQ(UsccCheckChar(code.substr(0, 17)), code[17]);
    for (size_t pos = 0; pos < code.size(); ++pos) {
      for (char c : kTypeable) {
        if (c == code[pos]) continue;
        std::string bad = code;
        bad[pos] = c;
        EXPECT_FALSE(IsValidUscc(bad)) << code << " -> " << bad;
      }
    }
  }
}

// --- Mobile ---

TEST(Mobile, Validates) {
  EXPECT_TRUE(IsValidMobile("13812345678"));
  EXPECT_TRUE(IsValidMobile("19912345678"));
  EXPECT_FALSE(IsValidMobile("12812345678"));
  EXPECT_FALSE(IsValidMobile("23812345678"));
  EXPECT_FALSE(IsValidMobile("1381234567"));
  EXPECT_FALSE(IsValidMobile("138123456789"));
  EXPECT_FALSE(IsValidMobile("+8613812345678"));
  EXPECT_FALSE(IsValidMobile("138-1234-5678"));
  EXPECT_FALSE(IsValidMobile("1381234567a"));
  EXPECT_FALSE(IsValidMobile(""));
}

}  // namespace
}  // namespace fazhi
