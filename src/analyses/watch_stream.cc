#include "analyses/watch_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <unordered_map>

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/read_input.h"

namespace crowdlens {
namespace {

constexpr size_t kRecentIds = 100000;

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

void PostStream::HandleLine(std::string_view line, const Visitor& visit) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  if (line.empty()) return;
  ++stats_.lines;
  if (line.size() > options_.max_line_bytes) {
    ++stats_.skipped_lines;
    return;
  }
  Batch collected;
  BatchEmitter emitter([&](Batch&& batch) {
    for (Account& account : batch.accounts) collected.accounts.push_back(std::move(account));
    for (Post& post : batch.posts) collected.posts.push_back(std::move(post));
    collected.quarantined.insert(collected.quarantined.end(), batch.quarantined.begin(), batch.quarantined.end());
    return Status::Ok();
  });
  InputSource source{.name = options_.path, .path = options_.path};
  InputBuffer buffer = InputBuffer::FromString(line);
  ReadReport report;
  Status status = ReadInput(source, buffer, stats_.format, {}, emitter, report, false);
  if (status.ok()) status = emitter.Finish();
  if (!status.ok() || report.skipped || collected.posts.empty()) {
    // Lines that hold no post (profiles, deletes) are not errors; unreadable ones are counted.
    if (!status.ok() || report.skipped || !collected.quarantined.empty()) ++stats_.skipped_lines;
    return;
  }
  if (stats_.format == Format::kUnknown) stats_.format = report.format;
  std::unordered_map<std::string, std::string> handles;
  for (const Account& account : collected.accounts) {
    if (!account.handle.empty()) handles[account.platform_id] = Lower(account.handle);
  }
  std::unordered_set<std::string> embedded;
  for (const Post& post : collected.posts) {
    if (post.retweet_of_id) embedded.insert(*post.retweet_of_id);
    if (post.quote_of_id) embedded.insert(*post.quote_of_id);
  }
  for (const Post& post : collected.posts) {
    if (embedded.count(post.platform_id)) continue;
    if (!recent_ids_.insert(post.platform_id).second) continue;
    recent_order_.push_back(post.platform_id);
    if (recent_order_.size() > kRecentIds) {
      recent_ids_.erase(recent_order_.front());
      recent_order_.pop_front();
    }
    if (options_.speed > 0 && previous_time_ != 0 && post.created_at > previous_time_) {
      double pause = std::min(static_cast<double>(post.created_at - previous_time_) / options_.speed,
                              options_.max_pause_seconds);
      std::this_thread::sleep_for(std::chrono::duration<double>(pause));
    }
    previous_time_ = std::max(previous_time_, post.created_at);
    ++stats_.posts;
    auto handle = handles.find(post.author_id);
    visit(post, handle == handles.end() ? std::string_view() : std::string_view(handle->second));
  }
}

Status PostStream::FollowDescriptor(int descriptor, bool is_stdin, const Visitor& visit,
                                    const std::atomic<bool>* stop) {
  std::string pending;
  std::vector<char> chunk(1 << 16);
  bool skipping_long_line = false;
  off_t offset = 0;
  while (!(stop && stop->load())) {
    ssize_t got = read(descriptor, chunk.data(), chunk.size());
    if (got < 0) {
      if (errno == EINTR) continue;
      return IoError("reading " + options_.path + ": " + std::strerror(errno));
    }
    if (got > 0) {
      offset += got;
      size_t begin = 0;
      for (size_t index = 0; index < static_cast<size_t>(got); ++index) {
        if (chunk[index] != '\n') continue;
        if (!skipping_long_line) {
          pending.append(chunk.data() + begin, index - begin);
          HandleLine(pending, visit);
        }
        pending.clear();
        skipping_long_line = false;
        begin = index + 1;
      }
      if (!skipping_long_line) pending.append(chunk.data() + begin, static_cast<size_t>(got) - begin);
      if (pending.size() > options_.max_line_bytes) {
        // Memory stays bounded: a runaway line is dropped, not buffered.
        ++stats_.lines;
        ++stats_.skipped_lines;
        pending.clear();
        skipping_long_line = true;
      }
      continue;
    }
    // End of what is there now.
    if (is_stdin || !options_.follow) break;
    struct stat open_file {}, on_disk {};
    if (fstat(descriptor, &open_file) == 0 && open_file.st_size < offset) {
      // Truncated in place: start again from the top.
      lseek(descriptor, 0, SEEK_SET);
      offset = 0;
      pending.clear();
      continue;
    }
    if (stat(options_.path.c_str(), &on_disk) == 0 && on_disk.st_ino != open_file.st_ino) {
      // Rotated: the name now points at a new file; finish the old one, then follow the new.
      int reopened = open(options_.path.c_str(), O_RDONLY);
      if (reopened >= 0) {
        close(descriptor);
        descriptor = reopened;
        offset = 0;
        pending.clear();
        continue;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(options_.poll_milliseconds));
  }
  if (!pending.empty() && !skipping_long_line) HandleLine(pending, visit);
  if (!is_stdin) close(descriptor);
  return Status::Ok();
}

Status PostStream::Run(const Visitor& visit, const std::atomic<bool>* stop) {
  if (options_.path == "-") return FollowDescriptor(STDIN_FILENO, true, visit, stop);
  if (!options_.follow) {
    // A finished file: read it whole, decompressing .gz and .zst like import does.
    Result<std::vector<InputSource>> sources = ExpandInputs({options_.path});
    if (!sources.ok()) return sources.status();
    for (const InputSource& source : *sources) {
      Result<InputBuffer> buffer = LoadInput(source);
      if (!buffer.ok()) return buffer.status();
      std::string_view text = buffer->view();
      while (!text.empty() && !(stop && stop->load())) {
        size_t end = text.find('\n');
        HandleLine(text.substr(0, end), visit);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      }
    }
    return Status::Ok();
  }
  int descriptor = open(options_.path.c_str(), O_RDONLY);
  if (descriptor < 0) {
    return NotFound("cannot open " + options_.path + ": " + std::strerror(errno) +
                    " (watch FILE follows a JSON-lines file; - reads standard input)");
  }
  return FollowDescriptor(descriptor, false, visit, stop);
}

}  // namespace crowdlens
