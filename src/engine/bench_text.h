// Internal to the benchmark dataset (bench_generator.cc, bench_text.cc): the
// wording — titles, field values, notes and names of a made-up Chinese
// county — and the random helpers both files use. Not an interface.
//
// Randomness: only std::mt19937_64 draws through the helpers below, whose
// results are fixed by the C++ standard (no std::*_distribution, whose
// algorithms vary between standard libraries), so a seed means the same
// data everywhere.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "engine/bench_generator.h"
#include "engine/field_values.h"
#include "engine/kind.h"

namespace fazhi::engine::bench::text {

inline uint64_t Below(std::mt19937_64& rng, uint64_t n) { return n == 0 ? 0 : rng() % n; }
inline double Unit01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }
inline bool Chance(std::mt19937_64& rng, double p) { return Unit01(rng) < p; }

struct TitleParts {
  std::string title;
  std::string subject;   // the thing the matter is about (text fields reuse it)
  std::string category;  // a hint for enum fields (e.g. 行政规范性文件)
};

// A matter title for `kind` (wording per known kind; a generic one else).
TitleParts MakeTitle(std::mt19937_64& rng, const KindDef& kind, const std::vector<BenchOrg>& orgs, int year);

// A plausible value for field f of a matter received on `day`, or null to
// leave the field out (attachments, links, optional parties).
Json FieldValue(std::mt19937_64& rng, const FieldDef& f, const TitleParts& t, const GeneratorSetup& s,
                const calendar::Date& day);

std::string PersonName(std::mt19937_64& rng);  // 2–3 characters
std::string NoteText(std::mt19937_64& rng);    // an action's note (说明)
std::string Padded(size_t n);                  // 7 → "007"

}  // namespace fazhi::engine::bench::text
