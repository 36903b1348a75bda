#include "ingest/read_all.h"

#include <gtest/gtest.h>

namespace crowdlens::testing {
namespace {

Status ReadOne(const InputSource& source, const InputBuffer& buffer, ReadOptions options, Format format,
               size_t batch_records, Collected& out) {
  BatchEmitter emitter(
      [&](Batch&& batch) {
        out.batches.push_back(std::move(batch));
        return Status::Ok();
      },
      EmitterOptions{.batch_records = batch_records});
  return ReadInput(source, buffer, format, options, emitter, out.report, false);
}

}  // namespace

std::vector<Post> Collected::Posts() const {
  std::vector<Post> all;
  for (const Batch& batch : batches) all.insert(all.end(), batch.posts.begin(), batch.posts.end());
  return all;
}
std::vector<Account> Collected::Accounts() const {
  std::vector<Account> all;
  for (const Batch& batch : batches) all.insert(all.end(), batch.accounts.begin(), batch.accounts.end());
  return all;
}
std::vector<Edge> Collected::Edges() const {
  std::vector<Edge> all;
  for (const Batch& batch : batches) all.insert(all.end(), batch.edges.begin(), batch.edges.end());
  return all;
}
std::vector<QuarantineEntry> Collected::Quarantined() const {
  std::vector<QuarantineEntry> all;
  for (const Batch& batch : batches) all.insert(all.end(), batch.quarantined.begin(), batch.quarantined.end());
  return all;
}

size_t Collected::DistinctPosts() const {
  std::set<std::string> ids;
  for (const Post& post : Posts()) ids.insert(post.platform_id);
  return ids.size();
}

size_t Collected::DistinctAccounts() const {
  std::set<std::string> ids;
  for (const Account& account : Accounts()) ids.insert(account.platform_id);
  for (const Post& post : Posts()) {
    ids.insert(post.author_id);
    for (const Mention& mention : post.mentions) ids.insert(mention.account_id);
    if (post.reply_to_account_id) ids.insert(*post.reply_to_account_id);
  }
  for (const Edge& edge : Edges()) {
    ids.insert(edge.source_id);
    ids.insert(edge.target_id);
  }
  return ids.size();
}

size_t Collected::PostHashtagPairs() const {
  std::set<std::pair<std::string, std::string>> pairs;
  for (const Post& post : Posts()) {
    for (const std::string& tag : post.hashtags) pairs.insert({post.platform_id, tag});
  }
  return pairs.size();
}

size_t Collected::PostMentionPairs() const {
  std::set<std::pair<std::string, std::string>> pairs;
  for (const Post& post : Posts()) {
    for (const Mention& mention : post.mentions) pairs.insert({post.platform_id, mention.account_id});
  }
  return pairs.size();
}

size_t Collected::PostUrlPairs() const {
  std::set<std::pair<std::string, std::string>> pairs;
  for (const Post& post : Posts()) {
    for (const std::string& url : post.urls) pairs.insert({post.platform_id, url});
  }
  return pairs.size();
}

size_t Collected::DistinctEdges() const {
  std::set<std::pair<std::string, std::string>> pairs;
  for (const Edge& edge : Edges()) pairs.insert({edge.source_id, edge.target_id});
  return pairs.size();
}

Collected ReadAll(const std::string& path, ReadOptions options, Format format, size_t batch_records) {
  Collected out;
  Result<std::vector<InputSource>> sources = ExpandInputs({path});
  if (!sources.ok()) {
    out.status = sources.status();
    return out;
  }
  for (const InputSource& source : *sources) {
    Result<InputBuffer> buffer = LoadInput(source);
    if (!buffer.ok()) {
      out.status = buffer.status();
      return out;
    }
    Status status = ReadOne(source, buffer.value(), options, format, batch_records, out);
    if (!status.ok()) {
      out.status = status;
      return out;
    }
  }
  return out;
}

Collected ReadText(const std::string& name, const std::string& text, ReadOptions options, Format format) {
  Collected out;
  InputBuffer buffer = InputBuffer::FromString(text);
  out.status = ReadOne({.name = name, .path = name}, buffer, options, format, 1000, out);
  return out;
}

}  // namespace crowdlens::testing
