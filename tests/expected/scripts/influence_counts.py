#!/usr/bin/env python3
"""Independent per-account influence counts over a crowdlens workspace.

Reads the workspace's SQLite database with Python's sqlite3 module and counts,
in SQL written apart from crowdlens's C++ (src/analyses/influence_counts.cc),
what `crowdlens influence` reports per account: followers, following, posts,
retweets, quotes and replies received, and mentions received split by the
courtesy rules of docs/influence.md (re-implemented here with regular
expressions instead of crowdlens's twitter-text entity extractor).

Usage:
  python3 tests/expected/scripts/influence_counts.py WORKSPACE/crowdlens.db [--agreement] [HANDLE ...]
Prints one JSON object per named account, then the totals over all accounts; with --agreement,
first Spearman's rho between followers and retweets received, computed by hand (no scipy).
"""
import json
import re
import sqlite3
import sys

THANK = {"thanks", "thank", "thx", "thnx", "tnx", "tks", "ty", "danke", "merci", "gracias", "grazie", "obrigado",
         "obrigada"}
GESTURE = {"follow", "following", "follows", "followback", "fav", "favs", "fave", "favorite", "like", "likes", "rt",
           "rts", "retweet", "retweets", "retweeting", "share", "shares", "sharing", "mention", "mentions", "shoutout",
           "shout", "add", "adding", "connecting", "connect", "connection"}
FILLER = {"you", "u", "so", "very", "much", "a", "lot", "again", "the", "my", "your", "ur", "all", "those", "these",
          "our", "kind", "great", "nice", "lovely"}
WELCOME = {"welcome", "willkommen", "bienvenue", "bienvenido", "bienvenida", "benvenuto", "benvenuti"}
FF_TAGS = {"ff", "followfriday", "fridayfollow", "followback", "teamfollowback", "f4f", "follow4follow", "tfb"}

URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
MENTION = re.compile(r"(?<![A-Za-z0-9_!#$%&*@＠])[@＠]([A-Za-z0-9_]{1,20})(?![A-Za-z0-9_@＠])")
HASHTAG = re.compile(r"(?<![\w&])[#＃](\w+)")
WORD = re.compile(r"(?:[^\W_]|['’])+")


def analyse(text, stored_tags):
    """Words left after entities, leading @handles, and hashtags of a post."""
    spans = [m.span() for m in URL.finditer(text)]

    def inside_url(pos):
        return any(start <= pos < end for start, end in spans)

    mentions = [m for m in MENTION.finditer(text) if not inside_url(m.start())]
    # A hashtag needs a letter: "#1" is a number, not a tag.
    hashtags = [m for m in HASHTAG.finditer(text)
                if not inside_url(m.start()) and any(ch.isalpha() for ch in m.group(1))]
    spans += [m.span() for m in mentions] + [m.span() for m in hashtags]
    # Cashtags are entities too ($ACME).
    spans += [m.span() for m in re.finditer(r"(?<![\w$])\$[A-Za-z]{1,6}(?:[._][A-Za-z]{1,2})?(?![\w])", text)]
    blanked = list(text)
    for start, end in spans:
        for pos in range(start, end):
            blanked[pos] = " "
    words = []
    for token in WORD.findall("".join(blanked)):
        token = token.lower().replace("’", "'").strip("'")
        if token:
            words.append(token)
    leading = []
    pos = 0
    for m in sorted(mentions, key=lambda m: m.start()):
        if text[pos:m.start()].strip() != "":
            break
        if m.end() < len(text) and text[m.end()] == "/":  # @user/list is not a mention of the run
            break
        leading.append(m.group(1).lower())
        pos = m.end()
    tags = {t.lower() for t in stored_tags} | {m.group(1).lower() for m in hashtags}
    return words, leading, tags


def thanks_for_gesture(words):
    for start, word in enumerate(words):
        if word not in THANK:
            continue
        i = start + 1
        while i < len(words) and words[i] in FILLER:
            i += 1
        if i >= len(words) or words[i] not in ("for", "4"):
            continue
        i += 1
        while i < len(words) and words[i] in FILLER:
            i += 1
        if i < len(words) and words[i] in GESTURE:
            return True
    return False


def welcome_phrase(words):
    for i, word in enumerate(words):
        if word != "welcome":
            continue
        if i > 0 and words[i - 1] in ("you're", "youre", "your", "ur"):
            return True
        if i > 1 and words[i - 2] == "you" and words[i - 1] == "are":
            return True
        if i + 1 < len(words) and words[i + 1] in ("aboard", "back"):
            return True
        if i + 2 < len(words) and words[i + 1] == "to" and words[i + 2] == "twitter":
            return True
    return False


def classify(words, leading, tags, is_reply, mention_count, handle, replies_to_mentioned):
    if replies_to_mentioned:
        return "reply_to_own_post"
    if is_reply and handle and handle.lower() in leading:
        return "reply_thread"
    if tags & FF_TAGS:
        return "follow_friday"
    if any(w in THANK for w in words) and (len(words) <= 4 or thanks_for_gesture(words)):
        return "thanks"
    if any(w in WELCOME for w in words) and (len(words) <= 8 or welcome_phrase(words)):
        return "welcome"
    if mention_count >= 5 or (not words and mention_count >= 2):
        return "bulk_list"
    return "substantive"


def average_ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def followers_retweets_rho(db, counts):
    """Spearman's rho (average ranks, Pearson of ranks) of followers and retweets + quotes received, over
    accounts with a profile (followers known) among those seen themselves (a profile or a post)."""
    rows = db.execute("""
        SELECT c.canonical FROM canon c JOIN accounts a ON a.account_key = c.account_key
        WHERE c.canonical = c.account_key AND a.profile_observed_at IS NOT NULL AND a.followers_count IS NOT NULL""")
    keys = [key for (key,) in rows]
    followers = [counts[k]["followers"] for k in keys]
    retweets = [counts[k]["retweets_received"] + counts[k]["quotes_received"] for k in keys]
    a, b = average_ranks(followers), average_ranks(retweets)
    mean = (len(keys) + 1) / 2
    cov = sum((x - mean) * (y - mean) for x, y in zip(a, b))
    return cov / (sum((x - mean) ** 2 for x in a) * sum((y - mean) ** 2 for y in b)) ** 0.5


def main():
    db = sqlite3.connect(sys.argv[1])
    handles = sys.argv[2:]
    # Stand-ins ("@handle" rows) join the real account holding that handle most recently.
    db.execute("CREATE TEMP TABLE canon (account_key INTEGER PRIMARY KEY, canonical INTEGER)")
    db.execute("""
        INSERT INTO canon
        SELECT s.account_key, coalesce((
            SELECT r.account_key FROM accounts r
            WHERE r.platform = s.platform AND r.handle_lower = s.handle_lower AND r.platform_id NOT LIKE '@%'
            ORDER BY coalesce(r.handle_observed_at, 0) DESC, r.account_key LIMIT 1), s.account_key)
        FROM accounts s""")
    db.execute("UPDATE canon SET canonical = account_key WHERE account_key IN "
               "(SELECT account_key FROM accounts WHERE platform_id NOT LIKE '@%' OR handle_lower IS NULL)")
    counts = {}

    def c(key):
        return counts.setdefault(key, {
            "posts": 0, "own_posts": 0, "retweets_received": 0, "quotes_received": 0, "replies_received": 0,
            "mentions_substantive": 0, "mentions_courtesy": 0, "by_kind": {}})

    for key, posts, own in db.execute("""
            SELECT c.canonical, count(*), sum(p.retweet_of_id IS NULL)
            FROM posts p JOIN canon c ON c.account_key = p.author_key GROUP BY c.canonical"""):
        c(key)["posts"] = posts
        c(key)["own_posts"] = own
    # Per own post: the platform's figure or the others' posts observed, whichever is larger.
    observed = {}  # (field, post_key) -> posts by others retweeting, quoting or replying to it
    for field, condition in (("retweets_received", "o.platform_id = r.retweet_of_id"),
                             ("quotes_received", "o.platform_id = r.quote_of_id AND r.retweet_of_id IS NULL"),
                             ("replies_received", "o.platform_id = r.reply_to_post_id AND r.retweet_of_id IS NULL")):
        target = "coalesce(ct.canonical, co.canonical)" if field == "replies_received" else "co.canonical"
        for post_key, n in db.execute(f"""
                SELECT o.post_key, count(*) FROM posts r
                JOIN posts o ON o.platform = r.platform AND {condition}
                JOIN canon cr ON cr.account_key = r.author_key
                JOIN canon co ON co.account_key = o.author_key
                LEFT JOIN canon ct ON ct.account_key = r.reply_to_account_key
                WHERE cr.canonical <> co.canonical AND {target} = co.canonical
                GROUP BY o.post_key"""):
            observed[(field, post_key)] = n
    for post_key, key, is_retweet, retweets, quotes, replies in db.execute("""
            SELECT p.post_key, c.canonical, p.retweet_of_id IS NOT NULL, coalesce(p.retweet_count, 0),
                   coalesce(p.quote_count, 0), coalesce(p.reply_count, 0)
            FROM posts p JOIN canon c ON c.account_key = p.author_key"""):
        for field, reported in (("retweets_received", retweets), ("quotes_received", quotes),
                                ("replies_received", replies)):
            c(key)[field] += max(0 if is_retweet else reported, observed.get((field, post_key), 0))
    # Replies whose replied post is not in the workspace (or belongs to someone else than the named account).
    for key, total in db.execute("""
            SELECT ct.canonical, count(*) FROM posts r
            JOIN canon cr ON cr.account_key = r.author_key
            LEFT JOIN posts o ON o.platform = r.platform AND o.platform_id = r.reply_to_post_id
            LEFT JOIN canon co ON co.account_key = o.author_key
            JOIN canon ct ON ct.account_key = coalesce(r.reply_to_account_key, o.author_key)
            WHERE r.retweet_of_id IS NULL AND (r.reply_to_post_id IS NOT NULL OR r.reply_to_account_key IS NOT NULL)
              AND ct.canonical <> cr.canonical AND (o.post_key IS NULL OR co.canonical <> ct.canonical)
            GROUP BY ct.canonical"""):
        c(key)["replies_received"] += total
    # Imported edges count max(1, round(weight)) each.
    for key, relation, total in db.execute("""
            SELECT ct.canonical, i.relation, sum(max(1, CAST(round(i.weight) AS INTEGER))) FROM interactions i
            JOIN canon cs ON cs.account_key = i.source_key JOIN canon ct ON ct.account_key = i.target_key
            WHERE cs.canonical <> ct.canonical GROUP BY ct.canonical, i.relation"""):
        field = {"retweet": "retweets_received", "reply": "replies_received", "mention": "mentions_substantive"}[relation]
        c(key)[field] += total
    handle_of = dict(db.execute("SELECT account_key, coalesce(handle, '') FROM accounts"))
    posts = db.execute("""
        SELECT p.post_key, p.text, cp.canonical, crt.canonical,
               p.reply_to_post_id IS NOT NULL OR p.reply_to_account_key IS NOT NULL
        FROM posts p JOIN canon cp ON cp.account_key = p.author_key
        LEFT JOIN canon crt ON crt.account_key = p.reply_to_account_key
        WHERE p.retweet_of_id IS NULL""").fetchall()
    mentioned = {}
    for post_key, account in db.execute("SELECT post_key, account_key FROM post_mentions"):
        mentioned.setdefault(post_key, []).append(account)
    tags_of = {}
    for post_key, tag in db.execute("SELECT post_key, tag FROM post_hashtags"):
        tags_of.setdefault(post_key, []).append(tag)
    canonical = dict(db.execute("SELECT account_key, canonical FROM canon"))
    for post_key, text, author, replied, is_reply in posts:
        targets = mentioned.get(post_key)
        if not targets:
            continue
        words, leading, tags = analyse(text, tags_of.get(post_key, []))
        for target in targets:
            target_canonical = canonical[target]
            if target_canonical == author:
                continue
            kind = classify(words, leading, tags, bool(is_reply), len(targets), handle_of[target_canonical],
                            replied == target_canonical)
            entry = c(target_canonical)
            entry["by_kind"][kind] = entry["by_kind"].get(kind, 0) + 1
            entry["mentions_substantive" if kind == "substantive" else "mentions_courtesy"] += 1
    # Audience: the profile's figure, else the current follow edges held.
    held = {"followers": {}, "following": {}}
    for follower, followee in db.execute("""
            SELECT cf.canonical, ce.canonical FROM follows f
            JOIN canon cf ON cf.account_key = f.follower_key JOIN canon ce ON ce.account_key = f.followee_key
            WHERE f.ended_at IS NULL AND cf.canonical <> ce.canonical"""):
        held["followers"][followee] = held["followers"].get(followee, 0) + 1
        held["following"][follower] = held["following"].get(follower, 0) + 1
    for key, followers, following in db.execute("""
            SELECT c.canonical, a.followers_count, a.following_count
            FROM canon c JOIN accounts a ON a.account_key = c.account_key WHERE c.canonical = c.account_key"""):
        c(key)["followers"] = followers if followers is not None else held["followers"].get(key, 0)
        c(key)["following"] = following if following is not None else held["following"].get(key, 0)

    if "--agreement" in handles:
        handles = [h for h in handles if h != "--agreement"]
        print(json.dumps({"spearman_followers_retweets": followers_retweets_rho(db, counts)}))
    for handle in handles:
        row = db.execute("""
            SELECT c.canonical FROM accounts a JOIN canon c ON c.account_key = a.account_key
            WHERE a.handle_lower = lower(?) ORDER BY a.platform_id LIKE '@%' LIMIT 1""", (handle.lstrip("@"),)).fetchone()
        if row is None:
            print(json.dumps({"account": handle, "error": "not found"}))
            continue
        print(json.dumps({"account": handle, **c(row[0])}, sort_keys=True))
    totals = {}
    for entry in counts.values():
        for field, value in entry.items():
            if field == "by_kind":
                for kind, n in value.items():
                    totals["kind_" + kind] = totals.get("kind_" + kind, 0) + n
            else:
                totals[field] = totals.get(field, 0) + value
    print(json.dumps({"totals": totals}, sort_keys=True))


if __name__ == "__main__":
    main()
