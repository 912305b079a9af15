// SpoolFile: a request body on its way to disk. The server writes the body of
// a spooled route into a new private file in the spool directory, hands the
// handler its path (Request::body_file), and removes the file when the
// request is over, whatever happened: handler error or exception, client gone
// mid-body, a body over the limit, server shutdown. A handler that wants to
// keep the bytes moves the file away (rename) before it returns.
//
// No Beast here: the server passes the descriptor to Beast's file body.
#pragma once

#include <chrono>
#include <string>

#include "base/result.h"

namespace fazhi::http {

class SpoolFile {
 public:
  // Creates "<dir>/upload-<random hex>" (O_EXCL, mode 0600) and opens it for
  // writing. Errors: io_error (the directory is missing or not writable).
  static Result<SpoolFile> Create(const std::string& dir);

  SpoolFile(SpoolFile&& other) noexcept;
  SpoolFile& operator=(SpoolFile&&) = delete;
  SpoolFile(const SpoolFile&) = delete;
  SpoolFile& operator=(const SpoolFile&) = delete;
  // Closes the descriptor if still owned and removes the file (if it is
  // still there).
  ~SpoolFile();

  const std::string& path() const { return path_; }
  // Gives up ownership of the open descriptor (the caller closes it); -1
  // after the first call.
  int ReleaseFd();

 private:
  SpoolFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::string path_;
  int fd_ = -1;
};

// Creates the spool directory (and its parents) if needed, restricts it to
// the owner (0700), and removes spool files left behind by a crash: those not
// written to for longer than stale_after (a live upload writes at least every
// read timeout). Returns "" or an error message for the operator.
std::string PrepareSpoolDir(const std::string& dir, std::chrono::seconds stale_after);

}  // namespace fazhi::http
