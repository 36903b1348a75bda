// Progress reporting for long operations: rate and ETA on stderr, only when
// stderr is a terminal, so pipes and logs stay clean.
//
//   Progress progress("importing", total_bytes, "B");
//   progress.Advance(bytes_done);   // redraws at most ~10 times a second
//   progress.Finish();
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace crowdlens {

class Progress {
 public:
  // `total` may be 0 when unknown (no ETA then). `unit` is "B" for bytes.
  Progress(std::string label, uint64_t total, std::string unit);
  ~Progress();

  void Advance(uint64_t amount);
  void SetDetail(std::string detail) { detail_ = std::move(detail); }
  void Finish();
  // Stops drawing (for callers that asked for quiet output).
  void Disable() { enabled_ = false; }

  // True when progress lines are drawn (stderr is a terminal and not disabled).
  bool enabled() const { return enabled_; }

 private:
  void Draw(bool final_line);

  std::string label_;
  uint64_t total_;
  std::string unit_;
  std::string detail_;
  uint64_t done_ = 0;
  bool enabled_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace crowdlens
