// Internal to the demo-year generator: the deterministic random source, the
// demo county's orgs, users and kinds, and a cursor that walks one matter's
// working days forward. Not part of the metrics interface.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "engine/matter_service.h"
#include "metrics/demo_builder.h"

namespace fazhi::metrics::demo {

using calendar::Date;

class Plan {
 public:
  Plan(Builder& builder, const engine::KindRegistry& kinds, const calendar::Calendar& cal,
       std::map<std::string, OrgRef> orgs, std::map<std::string, Actor> users, uint64_t seed)
      : builder_(builder), kinds_(kinds), cal_(cal), orgs_(std::move(orgs)), users_(std::move(users)), rng_(seed) {}

  Builder& builder() { return builder_; }

  // Checks that every org, user and kind the scenarios name exists.
  Status Check() const;

  const OrgRef& Org(const std::string& code) const { return orgs_.at(code); }
  const Actor& User(const std::string& username) const { return users_.at(username); }
  const engine::KindDef* Kind(const std::string& kind) const { return kinds_.Find(kind); }

  // Uniform in [0, n) (n > 0); a percent chance; minutes of a working day
  // (08:30–17:30).
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<uint64_t>(n)); }
  int Between(int lo, int hi) { return lo + Pick(hi - lo + 1); }
  bool Chance(int percent) { return Pick(100) < percent; }
  int Minute() { return Between(8 * 60 + 30, 17 * 60 + 30); }
  template <typename T>
  const T& OneOf(const std::vector<T>& v) { return v[static_cast<size_t>(Pick(static_cast<int>(v.size())))]; }

  bool HasCalendar(int year) const { return cal_.HasYear(year); }
  // Working day: the official calendar where it has the year, else Mon–Fri.
  bool IsWorkingDay(const Date& d) const;
  Date OnOrAfter(Date d) const;           // the first working day from d
  Date AddWorkingDays(Date d, int n) const;  // n >= 0 working days after d
  // n working days spread evenly from `from` to `to` (both included), sorted.
  std::vector<Date> Spread(const Date& from, const Date& to, int n);

 private:
  Builder& builder_;
  const engine::KindRegistry& kinds_;
  const calendar::Calendar& cal_;
  std::map<std::string, OrgRef> orgs_;
  std::map<std::string, Actor> users_;
  std::mt19937_64 rng_;
};

// Walks one matter's timeline: each step on the same or a later working day,
// at a later minute.
class Cursor {
 public:
  Cursor(Plan& plan, Date day) : plan_(plan), day_(plan.OnOrAfter(day)), minute_(plan.Minute()) {}
  // Starts a script at the cursor's day and minute.
  void Begin(Script* s) const {
    s->received = day_;
    s->minute = minute_;
  }
  const Date& day() const { return day_; }
  int minute() const { return minute_; }
  // Moves n working days on (0 = later the same day) and returns a step there.
  Step After(int working_days, const std::string& action, const Actor& actor,
             engine::Json fields = engine::Json::object(), std::string note = "");
  // Moves n calendar days on (then to a working day).
  Step AfterDays(int days, const std::string& action, const Actor& actor,
                 engine::Json fields = engine::Json::object(), std::string note = "");
  // Moves to `day` (if later) without a step.
  void JumpTo(const Date& day);

 private:
  Step Make(const std::string& action, const Actor& actor, engine::Json fields, std::string note);
  Plan& plan_;
  Date day_;
  int minute_;
};

inline Date Day(int y, int m, int d) { return Date{y, m, d}; }

// A built legality review: its id and the day its opinion was issued.
struct Review {
  int64_t id = 0;
  Date issued;
};

struct ReviewSpec {
  std::string category, title;
  const OrgRef* submitting = nullptr;
  Date received;
  bool late = false, extended = false, returned = false;
  const Actor* submitter = nullptr;  // resubmits and reports adoption
};

// Plays one review from receipt to adoption feedback (demo_reviews.cc).
Result<Review> AddReview(Plan& plan, const ReviewSpec& spec);

// The modules' scenarios, each for both years.
Status AddLegalityReviews(Plan& plan);       // demo_reviews.cc
Status AddNormativeDocuments(Plan& plan);    // demo_documents.cc
Status AddFilingReviews(Plan& plan);         // demo_documents.cc
Status AddMajorDecisions(Plan& plan);        // demo_decisions.cc
Status AddCounselWork(Plan& plan);           // demo_decisions.cc

}  // namespace fazhi::metrics::demo
