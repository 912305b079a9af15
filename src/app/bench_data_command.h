// `fazhi bench-data`: fills a database with the benchmark dataset of
// QUALITY.md (W1–W8) — deterministic, see engine/bench_generator.h.
//
//   fazhi bench-data --matters N [--seed S] [--db URL] [--demo]
//                    [--key-file PATH] [--audit-checkpoint PATH] [--definitions DIR]
//
// Builds the platform as `serve` does (migrations, role catalog, calendar,
// kinds; with --demo also definitions/kinds-test) and with --demo seeds the
// demo county (its accounts can then sign in for the benchmark). Then, in
// this order:
//   - 100 orgs BD-001 … BD-100 (departments, townships, their offices) under
//     the demo county government GOV, and one submitting clerk per org
//     (bd001 …), stored disabled with an unusable password hash: they exist
//     to own matters and cannot sign in;
//   - N matters of every loaded kind (2017 – 2026-11-19), with their
//     timeline events, running deadlines and search tokens, written with
//     plain SQL in batches of 5,000 matters per Database::Write (one
//     transaction, group-committed on SQLite) — generated rows bypass
//     MatterService, so there are NO audit records for them and no field
//     validation beyond what the generator itself does;
//   - number_sequences raised past the generated 文号;
//   - PostgreSQL only: ANALYZE (what autovacuum would do a little later).
// Progress goes to stderr every 5%; a summary line to stdout.
//
// Requires the demo county (GOV and its accounts): pass --demo, or use a
// database already seeded by `serve --demo`. Refuses a database that
// already holds generated data (org BD-001 exists): start from an empty one.
// Exit codes: 0 done; 1 failure (database, definitions, no kind loaded,
// data already present); 2 usage (missing or invalid --matters/--seed).
#pragma once

#include <iosfwd>

#include "app/config.h"

namespace fazhi::app {

int RunBenchDataCommand(const Config& config);

// As above, writing to the given streams (for tests).
int RunBenchDataCommand(const Config& config, std::ostream& out, std::ostream& err);

}  // namespace fazhi::app
