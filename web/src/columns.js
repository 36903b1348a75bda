// The column order of each API table. JSON objects carry no order (the server
// writes keys sorted), so the dashboard keeps the order the CLI prints its
// tables in (src/report/*_tables.cc), except that a post's text comes before its
// evidence so it shows without scrolling; a column the list does not know goes last.

const ORDER = {
  "status/runs": ["run_id", "started", "status", "inputs", "bytes", "records", "quarantined", "message"],
  "audience/members": ["handle", "name", "relation", "country", "topics", "roles", "in_target", "followers"],
  "audience/unfollows": ["handle", "name", "following_since", "last_seen_following", "gone_by", "in_target"],
  "influence/influence": ["rank", "account", "score", "followers", "following", "ratio", "posts", "retweets_received", "quotes_received", "amplification", "mentions_substantive", "mentions_courtesy", "replies_received"],
  "influence/layers": ["layer", "nodes", "edges", "iterations", "converged"],
  "influence/agreement": ["measure_a", "measure_b", "accounts", "spearman_rho", "top_k", "top_overlap"],
  "influence/disagreements": ["account", "ranked_high_by", "high_percentile", "high_value", "ranked_low_by", "low_percentile", "low_value"],
  "accounts/labels": ["kind", "label", "score", "evidence"],
  "accounts/mentions_by_kind": ["kind", "mentions"],
  "reach/posts": ["published", "post_id", "text", "expected_followers", "share_of_followers", "expected_target", "share_of_target", "retweets", "replies", "impressions"],
  "reach/sources": ["input", "source", "count"],
  "reach/best_slots": ["segment", "members", "rank", "slot", "expected_reach", "share_of_segment"],
  "listen/voices": ["handle", "posts", "followers", "retweets_received"],
  "listen/hashtags": ["hashtag", "posts"],
  "listen/terms": ["term", "posts"],
  "listen/complaint_categories": ["category", "posts"],
  "listen/complaints": ["time", "handle", "compound", "category", "why", "text"],
  "trends/bursts": ["item", "start", "end", "strength", "posts", "posts_in_bins", "base_share", "baseline_z"],
  "trends/rising_voices": ["topic", "handle", "start", "end", "strength", "posts", "topic_posts", "new_voice"],
  "trends/distinctive_terms": ["year", "month", "posts", "term", "z", "count"],
  "mix/travel": ["by", "group", "posts", "retweets_per_post", "replies_per_post", "posts_without", "retweets_per_post_without", "replies_per_post_without", "retweet_ratio", "reply_ratio"],
  "mix/posts": ["date", "class", "text", "rule", "evidence", "features", "retweets_received", "replies_received", "post_id"],
  "mix/draft_estimate": ["basis", "posts", "retweets_per_post", "replies_per_post", "enough", "chosen"],
};

// The eight components of the influence score in the order docs/influence.md gives them.
export const SCORE_COMPONENTS = ["followers", "amplification", "mentions", "replies", "pagerank_follow", "pagerank_retweet", "pagerank_mention", "pagerank_reply"];

// Every key of the rows, in the order first seen.
export function columnsOf(rows) {
  const keys = [];
  for (const row of rows.slice(0, 50)) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  return keys;
}

// The columns of table `key` ("reach/posts") present in `rows`, in the CLI's order.
export function orderedColumns(key, rows) {
  const present = columnsOf(rows);
  const known = (ORDER[key] || []).filter((name) => present.includes(name));
  return [...known, ...present.filter((name) => !known.includes(name))];
}
