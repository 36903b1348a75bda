// Mastodon, platform "mastodon": the REST API's JSON and the account's
// "following" export.
//
// JSON shapes: a Status, an array of them (a timeline), search results
// {"accounts": [...], "statuses": [...], "hashtags": [...]}, an Account or an
// array of them (followers/following pages), as one document, an array or
// JSON lines.
//
// Identity across instances: Mastodon ids are per instance, so an account is
// keyed by its canonical address, lower-cased: platform_id "user@instance"
// (an acct without '@' is local to the instance in its profile url); handle
// is the same address as written. A post is keyed by its ActivityPub `uri`,
// which is the same on every instance.
//
// A Status: created_at, account, content (HTML to text, text/html_text.h;
// a non-empty spoiler_text, the content warning, comes first, then a blank
// line), language, application.name as source, tags as hashtags
// (lower-cased), mentions, the links of the content that are not mention or
// hashtag links as URLs, replies_count, reblogs_count and favourites_count.
// A boost (reblog set) is a post with empty text whose retweet_of_id is the
// boosted status's uri; the boosted status is read too. Reply targets are
// given by local ids: the target post's uri when the input holds it, else the
// uri a Mastodon server gives a post of a local author
// (https://<instance>/users/<name>/statuses/<id>), else unknown; the target
// account comes from the status's mentions (or is the author's own thread).
//
// An Account: display_name, note (HTML to text) as bio, followers_count,
// following_count, statuses_count, created_at, bot. Profile fields are
// appended to the bio as "name: value" lines; url is the first verified link
// among them, else the first link, else the profile page.
//
// following_accounts.csv (header "Account address,Show boosts,Notify on new
// posts,Languages"): follow edges from the owner, named by ReadOptions
// ids_owner (`--of user@instance`), to each address. Without an owner the
// file is one quarantine entry saying to pass --of.
#pragma once

#include <string_view>

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/read_options.h"

namespace crowdlens {

// True for following_accounts.csv (its header starts "Account address") and
// for JSON carrying Mastodon's own keys ("acct", "spoiler_text",
// "reblogs_count") or search results' three lists.
bool LooksLikeMastodon(std::string_view name, std::string_view head);

Status ReadMastodon(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                    BatchEmitter& emitter);

}  // namespace crowdlens
