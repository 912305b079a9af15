// JsonWriter: JSON text written straight into a string. For responses made
// of many rows (lists, timelines, the matter view), where building a
// nlohmann::json tree per row and dumping it costs more than the queries
// behind it. Strings are escaped as nlohmann's dump() escapes them (so the
// text is the same), with invalid UTF-8 replaced by U+FFFD as JsonResponse
// does. The writer puts the commas; callers say what comes in which order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "api/json.h"

namespace fazhi::api {

class JsonWriter {
 public:
  // `reserve`: the expected length of the text, allocated up front.
  explicit JsonWriter(size_t reserve = 1024) { out_.reserve(reserve); }

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  // A key written in the code (a string literal): copied as it is, so it
  // must not need escaping.
  template <size_t N>
  JsonWriter& Key(const char (&key)[N]) {
    return LiteralKey(std::string_view(key, N - 1));
  }
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t v);
  // An integer as a JSON string ("123"): how ids travel.
  JsonWriter& IntString(int64_t v);
  JsonWriter& Bool(bool b);
  JsonWriter& Null();
  // A nlohmann value, dumped in place.
  JsonWriter& Value(const Json& j);
  // JSON text that is known to be one valid value, copied as it is.
  JsonWriter& Raw(std::string_view json);

  // Key(k) followed by the value.
  JsonWriter& Field(std::string_view key, std::string_view s) { return Key(key).String(s); }
  JsonWriter& Field(std::string_view key, const char* s) { return Key(key).String(s); }
  JsonWriter& Field(std::string_view key, int64_t v) { return Key(key).Int(v); }
  JsonWriter& Field(std::string_view key, int v) { return Key(key).Int(v); }
  JsonWriter& Field(std::string_view key, bool b) { return Key(key).Bool(b); }
  // The same with a literal key (see Key).
  template <size_t N>
  JsonWriter& Field(const char (&key)[N], std::string_view s) { return Key(key).String(s); }
  template <size_t N>
  JsonWriter& Field(const char (&key)[N], const char* s) { return Key(key).String(s); }
  template <size_t N>
  JsonWriter& Field(const char (&key)[N], int64_t v) { return Key(key).Int(v); }
  template <size_t N>
  JsonWriter& Field(const char (&key)[N], int v) { return Key(key).Int(v); }
  template <size_t N>
  JsonWriter& Field(const char (&key)[N], bool b) { return Key(key).Bool(b); }

  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();
  JsonWriter& LiteralKey(std::string_view key);

  std::string out_;
  std::vector<bool> has_items_;  // per open object/array: something written
  bool after_key_ = false;
};

// Appends s as a JSON string literal (quotes included).
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace fazhi::api
