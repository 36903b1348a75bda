// Tweet CSV exports, platform "twitter": one tweet per row, columns found by
// their header names, so the order of columns does not matter.
//
// Layouts read:
//   - Kaggle-style dumps such as vaccination_tweets.csv (id, user_name,
//     user_location, user_description, user_created, user_followers,
//     user_friends, user_favourites, user_verified, date, text, hashtags,
//     source, retweets, favorites, is_retweet);
//   - twarc-csv output (id, author_id, created_at, text, lang, source,
//     referenced_tweets.{replied_to,retweeted,quoted}.id, in_reply_to_user_id,
//     public_metrics.*, entities.{hashtags,mentions,urls}, author.*, geo.*,
//     __twarc.retrieved_at);
//   - exports that use API v1.1 names (id_str, screen_name, user_id, full_text, ...).
//
// Who posted a row: its author id (author_id, author.id or user_id) when the
// file has one, else "@" + its lower-cased screen name, else its display name
// as platform id "name:<user_name>". Kaggle dumps name authors only by display
// name: such accounts have no handle, carry the row's profile (location, bio,
// counts, creation date, verified), and two people who share a display name
// become one account.
//
// Entities: the hashtags column (a Python or JSON list: "['a', 'b']",
// ["#a"], [{"tag": "a"}]) united with the #tags of the text as twitter-text
// finds them (text/entities.h); mentions and URLs from their columns when the
// file has them (twarc's expanded URLs), else from the text. Hashtags are
// ASCII-lower-cased, as the JSON readers store them.
//
// A row is quarantined with its line and the reason when its field count
// differs from the header's, a quote never closes, its id is missing or not
// a number, or its date is missing or unreadable; the other rows are read. A
// file without an id, a text or any author column is one quarantine entry
// naming the missing column.
//
//   if (LooksLikeTweetCsv(source.name, head)) status = ReadTweetCsv(source, buffer, options, emitter);
#pragma once

#include <string_view>

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/read_options.h"

namespace crowdlens {

// True when the first line of `head` is a CSV header with a tweet id column
// (id, id_str, tweet_id or status_id), a text column (text or full_text) and
// an author column (author_id, author.id, user_id, author.username,
// screen_name, username or user_name).
bool LooksLikeTweetCsv(std::string_view name, std::string_view head);

Status ReadTweetCsv(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                    BatchEmitter& emitter);

}  // namespace crowdlens
