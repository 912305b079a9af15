// JsonWriter writes what nlohmann's dump() writes for the same values, and
// never invalid JSON, whatever bytes it is given.
#include "api/json_writer.h"

#include <gtest/gtest.h>

#include <random>

#include "base/utf8.h"

namespace fazhi::api {
namespace {

const std::string kNasty[] = {
    "",
    "plain",
    "中文标题《示范县》（第1号）",
    "quote \" backslash \\ slash /",
    "\b\f\n\r\t\x01\x1f\x7f end",
    std::string("nul \0 inside", 12),
    "emoji 😀 and ½ and \xE2\x80\xA8",
};

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

TEST(JsonWriter, StringsAreEscapedLikeNlohmann) {
  for (const auto& s : kNasty) {
    std::string out;
    AppendJsonString(s, &out);
    EXPECT_EQ(out, Dump(Json(s))) << s;
  }
}

TEST(JsonWriter, NestedValuesMatchTheirDump) {
  JsonWriter w;
  w.BeginObject();
  w.Key("items").BeginArray();
  for (const auto& s : kNasty) w.BeginObject().Field("s", s).Field("n", int64_t{-9007199254740993}).EndObject();
  w.EndArray();
  w.Key("empty").BeginArray().EndArray();
  w.Key("obj").BeginObject().EndObject();
  w.Field("t", true).Field("f", false).Key("z").Null();
  w.Key("embedded").Value(Json{{"b", 1}, {"a", Json::array({1, "x", nullptr})}});
  w.Field("i", 42).EndObject();

  Json items = Json::array();
  for (const auto& s : kNasty) items.push_back(Json{{"n", -9007199254740993}, {"s", s}});
  // Same members in the same order as written.
  std::string expected = "{\"items\":[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) expected += ",";
    expected += "{\"s\":" + Dump(items[i]["s"]) + ",\"n\":-9007199254740993}";
  }
  expected += "],\"empty\":[],\"obj\":{},\"t\":true,\"f\":false,\"z\":null,\"embedded\":{\"a\":[1,\"x\",null],\"b\":1},\"i\":42}";
  EXPECT_EQ(w.text(), expected);
  Json parsed = Json::parse(w.text());
  EXPECT_EQ(parsed["items"], items);
}

TEST(JsonWriter, InvalidUtf8BecomesReplacementCharacters) {
  const std::string bad[] = {"\xFF", "ab\xC0\xAF" "cd", "\xE4\xB8", "x\xED\xA0\x80y", "\xF4\x90\x80\x80",
                             "ok\xE4\xB8\xAD" "\x80"};
  for (const auto& s : bad) {
    std::string out;
    AppendJsonString(s, &out);
    Json parsed = Json::parse(out, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << out;
    const std::string text = parsed.get<std::string>();
    EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos) << out;
    // Valid text around the bad bytes survives.
    for (char keep : std::string("abcdxyok"))
      if (s.find(keep) != std::string::npos) EXPECT_NE(text.find(keep), std::string::npos) << out;
  }
  std::string out;
  AppendJsonString("ok\xE4\xB8\xAD\x80", &out);
  EXPECT_EQ(out, "\"ok\xE4\xB8\xAD\xEF\xBF\xBD\"");
}


// The escaping rule byte by byte, as a reference for the writer's faster scan.
std::string ReferenceString(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t n = Utf8SequenceLength(s, i);
      out += n ? std::string(s.substr(i, n)) : "\xEF\xBF\xBD";
      i += n ? n : 1;
      continue;
    }
    const char* named = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\b' ? "\\b" : c == '\f' ? "\\f"
                      : c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : nullptr;
    if (named) {
      out += named;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  return out + "\"";
}

TEST(JsonWriter, LongMixedStringsMatchTheByteByByteRule) {
  const std::string pieces[] = {"a",  "plain text ", "\"",   "\\",       "\x01", "\x1f", "\x7f", " ",
                                "中", "《示范县》",   "😀",    "\xFF",     "\xE4\xB8", "\x80", "\n", "0123456789",
                                "\xED\x9F\xBF", "\xED\xA0\x80", "\xE0\xA0\x80", "\xE0\x9F\x80", "\xEF\xBF\xBD",
                                "\xE4\x41\x80", "\xEC\xBF", "\xC2\xA9", "\xF0\x9F\x98"};
  std::mt19937 rnd(7);
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    const int parts = static_cast<int>(rnd() % 12);
    for (int k = 0; k < parts; ++k) s += pieces[rnd() % std::size(pieces)];
    std::string out;
    AppendJsonString(s, &out);
    ASSERT_EQ(out, ReferenceString(s)) << s;
  }
}

TEST(JsonWriter, LiteralKeysAreWrittenLikeOthers) {
  JsonWriter a, b;
  a.BeginObject().Key("id").Int(1).Field("name", "x").Field("n", int64_t{2}).Field("ok", true).EndObject();
  const std::string id = "id", name = "name", n = "n", ok = "ok";
  b.BeginObject().Key(id).Int(1).Field(name, "x").Field(n, int64_t{2}).Field(ok, true).EndObject();
  EXPECT_EQ(a.text(), b.text());
  EXPECT_EQ(a.text(), R"({"id":1,"name":"x","n":2,"ok":true})");
}


TEST(JsonWriter, GrowsFromASmallBufferWithoutLosingAByte) {
  std::mt19937 rnd(3);
  for (size_t reserve : {0u, 1u, 64u, 100u}) {
    JsonWriter w(reserve);
    Json expected = Json::array();
    w.BeginArray();
    for (int i = 0; i < 400; ++i) {
      std::string s;
      for (int k = static_cast<int>(rnd() % 40); k > 0; --k) s += kNasty[rnd() % std::size(kNasty)];
      const int64_t n = static_cast<int64_t>(rnd()) - (int64_t{1} << 31);
      w.BeginObject().Field("s", s).Key(s).Int(n).Field("b", i % 2 == 0).Key("z").Null();
      w.Key("id").IntString(n).Key("raw").Raw("[1,{}]").EndObject();
      expected.push_back(Json{{"s", s}, {s, n}, {"b", i % 2 == 0}, {"z", nullptr}, {"id", std::to_string(n)},
                              {"raw", Json::array({1, Json::object()})}});
    }
    w.EndArray();
    const std::string text = w.Take();
    EXPECT_EQ(Json::parse(text), expected) << reserve;
  }
}

}  // namespace
}  // namespace fazhi::api
