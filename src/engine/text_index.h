// text_index: Chinese-friendly search tokens. Text is normalised (full-width
// ASCII folded to half-width, ASCII lower-cased, whitespace and punctuation
// dropped) and indexed as unigrams plus bigrams of adjacent characters
// within a run; a query becomes the set of tokens that must all be present:
// its bigrams (or its single character). The same tokens feed SQLite FTS5
// (unicode61 over space-separated tokens) and PostgreSQL GIN over
// to_tsvector('simple', tokens), so both backends answer alike.
// Pure.
#pragma once

#include <string>
#include <vector>

namespace fazhi::engine {

// UTF-8 → code points; invalid bytes are skipped.
std::vector<char32_t> DecodeUtf8(const std::string& s);
std::string EncodeUtf8(const std::vector<char32_t>& cps);

// Normalised runs of searchable characters (letters, digits, CJK).
std::vector<std::u32string> NormalizedRuns(const std::string& text);

// Space-separated index tokens for a document (unigrams and bigrams, deduplicated).
std::string IndexTokens(const std::string& text);

// Tokens a query requires (all must match). Empty when the query has no
// searchable character.
std::vector<std::string> QueryTokens(const std::string& query);

}  // namespace fazhi::engine
