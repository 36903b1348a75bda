#include "core/progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace crowdlens {
namespace {

std::string HumanAmount(double amount, const std::string& unit) {
  const char* prefixes[] = {"", "k", "M", "G", "T"};
  int index = 0;
  while (amount >= 1000 && index < 4) {
    amount /= 1000;
    ++index;
  }
  char out[48];
  std::snprintf(out, sizeof(out), "%.1f %s%s", amount, prefixes[index], unit.c_str());
  return out;
}

}  // namespace

Progress::Progress(std::string label, uint64_t total, std::string unit)
    : label_(std::move(label)),
      total_(total),
      unit_(std::move(unit)),
      enabled_(isatty(STDERR_FILENO) == 1 && std::getenv("CROWDLENS_NO_PROGRESS") == nullptr),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() { Finish(); }

void Progress::Advance(uint64_t amount) {
  done_ += amount;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw(false);
}

void Progress::Finish() {
  if (finished_) return;
  finished_ = true;
  if (enabled_) Draw(true);
}

void Progress::Draw(bool final_line) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = seconds > 0 ? done_ / seconds : 0;
  std::string line = label_ + " " + HumanAmount(static_cast<double>(done_), unit_);
  if (total_ > 0) {
    char percent[16];
    std::snprintf(percent, sizeof(percent), " (%.0f%%)", 100.0 * done_ / total_);
    line += percent;
  }
  line += ", " + HumanAmount(rate, unit_) + "/s";
  if (total_ > 0 && rate > 0 && done_ < total_ && !final_line) {
    char eta[32];
    std::snprintf(eta, sizeof(eta), ", ETA %.0fs", (total_ - done_) / rate);
    line += eta;
  }
  if (!detail_.empty()) line += "  " + detail_;
  if (line.size() > 110) line.resize(110);
  std::fprintf(stderr, "\r\033[K%s%s", line.c_str(), final_line ? "\n" : "");
  std::fflush(stderr);
}

}  // namespace crowdlens
