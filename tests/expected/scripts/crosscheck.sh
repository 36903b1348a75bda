#!/bin/sh
# Second, independent computation of some counts with jq/sort/awk only.
# Run from the repository root. DATA defaults to ../shared/data.
# Note: jq 1.6 rounds integers above 2^53 (e.g. "id"), so only *_str / string ids are used.
DATA=${DATA:-../shared/data}
set -e
V1=data/sample/twitter-v1/search_rstats.json
echo "v1 search posts    $(jq -r '.statuses[] | recurse(.retweeted_status // empty, .quoted_status // empty) | .id_str' $V1 | sort -u | wc -l)"
echo "v1 search accounts $(jq -r '.statuses[] | recurse(.retweeted_status // empty, .quoted_status // empty) | .user.id_str, .entities.user_mentions[]?.id_str, (.in_reply_to_user_id_str // empty)' $V1 | sort -u | wc -l)"
echo "v1 search hashtags $(jq -r '.statuses[] | recurse(.retweeted_status // empty, .quoted_status // empty) | .id_str as $p | .entities.hashtags[]? | "\($p) \(.text|ascii_downcase)"' $V1 | sort -u | wc -l)"
echo "v1 search urls     $(jq -r '.statuses[] | recurse(.retweeted_status // empty, .quoted_status // empty) | .id_str as $p | .entities.urls[]? | "\($p) \(.expanded_url // .url)"' $V1 | sort -u | wc -l)"
echo "v1 search quotes   $(jq -r '.statuses[] | recurse(.retweeted_status // empty, .quoted_status // empty) | select(.quoted_status_id_str != null) | .id_str' $V1 | sort -u | wc -l)"
echo "v1 statuses.jsonl posts $(jq -r 'recurse(.retweeted_status // empty, .quoted_status // empty) | .id_str' data/sample/twitter-v1/statuses.jsonl | sort -u | wc -l)"
P=data/sample/pheme
pheme_json() { cat $P/*/*/*/source-tweets/*.json $P/*/*/*/reactions/*.json; zcat $P/*/*/*/retweets.json.gz; }
echo "pheme posts    $(pheme_json | jq -r 'recurse(.retweeted_status // empty, .quoted_status // empty) | .id_str' | sort -u | wc -l)"
echo "pheme authors  $(pheme_json | jq -r 'recurse(.retweeted_status // empty, .quoted_status // empty) | .user.id_str' | sort -u | wc -l)"
echo "pheme accounts $(pheme_json | jq -r 'recurse(.retweeted_status // empty, .quoted_status // empty) | .user.id_str, .entities.user_mentions[].id_str, (.in_reply_to_user_id_str // empty)' | sort -u | wc -l)"
echo "pheme hashtags $(pheme_json | jq -r 'recurse(.retweeted_status // empty, .quoted_status // empty) | .id_str as $p | .entities.hashtags[] | "\($p) \(.text|ascii_downcase)"' | sort -u | wc -l)"
echo "pheme follows  $(cat $P/*/*/*/who-follows-whom.dat | sort -u | wc -l)"
echo "pheme follow_nodes $(cat $P/*/*/*/who-follows-whom.dat | tr '\t' '\n' | sed '/^$/d' | sort -u | wc -l)"
B=data/sample/twitter-v2/brexit.jsonl
echo "v2 brexit posts    $(jq -r '(.data[], .includes.tweets[]?) | .id' $B | sort -u | wc -l)"
echo "v2 brexit accounts $(jq -r '(.includes.users[]?.id), ((.data[], .includes.tweets[]?) | .author_id, (.entities.mentions[]?.id // empty), (.in_reply_to_user_id // empty))' $B | sort -u | wc -l)"
echo "v2 brexit urls     $(jq -r '(.data[], .includes.tweets[]?) | .id as $p | .entities.urls[]? | "\($p) \(.expanded_url // .url)"' $B | sort -u | wc -l)"
echo "users.jsonl accounts $(jq -r '.data[].id' data/sample/twitter-v2/users.jsonl | sort -u | wc -l)"
for f in $DATA/snap-congress-twitter/congress.edgelist $DATA/konect-ego-twitter/out.ego-twitter $DATA/snap-higgs/higgs-mention_network.edgelist; do
  echo "$(basename $f) edges $(awk '!/^[#%]/ && NF>=2 {print $1, $2}' $f | sort -u | wc -l) nodes $(awk '!/^[#%]/ && NF>=2 {print $1; print $2}' $f | sort -u | wc -l) self_loops $(awk '!/^[#%]/ && NF>=2 && $1==$2' $f | wc -l)"
done
echo "slashdot edges $(zcat $DATA/snap-slashdot/soc-Slashdot0902.txt.gz | tr -d '\r' | awk '!/^[#%]/ && NF>=2 {print $1, $2}' | sort -u | wc -l) self_loops $(zcat $DATA/snap-slashdot/soc-Slashdot0902.txt.gz | tr -d '\r' | awk '!/^[#%]/ && NF>=2 && $1==$2' | wc -l)"
echo "mtx entries $(unzip -p $DATA/nr-soc-twitter-follows/soc-twitter-follows.zip soc-twitter-follows.mtx 2>/dev/null | awk '/^%/ {next} !h {h=1; next} {n++} END {print n}')"
