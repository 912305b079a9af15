// The audit checkpoint file: the chain head (seq, hash) copied outside the
// database, so that a truncated tail of audit_log is still detectable.
// Format: one line "<seq> <64 lower-case hex>\n". Internal to audit/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/result.h"

namespace fazhi::audit {

struct ChainHead {
  int64_t seq = 0;
  std::string hash;  // hex
};

// Replaces the file at path with head, atomically: a temporary file in the
// same directory (mode 0600), fsync, rename, fsync of the directory. Creates
// the directory (mode 0700) if absent. On error the old file is unchanged.
Status WriteCheckpointFile(const std::string& path, const ChainHead& head);

// The head stored at path, or nullopt when no file exists there.
// Errors: io_error (unreadable), invalid_argument (not in the format above).
Result<std::optional<ChainHead>> ReadCheckpointFile(const std::string& path);

}  // namespace fazhi::audit
