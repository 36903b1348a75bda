#!/usr/bin/env python3
"""Independent reference counts for the importer tests.

Standard library only (json, gzip, zipfile, csv, ast). Shares no code with
the product. Definitions are in ../counts.md.

Usage (run from the repository root, /work/main):
  python3 tests/expected/scripts/counts.py v1 FILE            # Twitter API v1.1 statuses
  python3 tests/expected/scripts/counts.py v2 FILE            # Twitter API v2 pages (JSON lines)
  python3 tests/expected/scripts/counts.py flat FILE          # twarc flattened tweets (JSON lines)
  python3 tests/expected/scripts/counts.py users FILE         # user-object files
  python3 tests/expected/scripts/counts.py pheme DIR          # a PHEME threads tree, one import
  python3 tests/expected/scripts/counts.py edgelist FILE      # whitespace edge list (.gz ok)
  python3 tests/expected/scripts/counts.py mtx ZIP MEMBER     # Matrix Market inside a zip
  python3 tests/expected/scripts/counts.py congressjson FILE  # SNAP congress_network_data.json
  python3 tests/expected/scripts/counts.py csv FILE           # Kaggle vaccination_tweets.csv(.gz)
Each prints {"counts": {...}, "diagnostics": {...}} as JSON.
"""
import ast
import csv
import gzip
import io
import json
import os
import sys
import zipfile


# ----------------------------------------------------------------- reading
def read_bytes(path):
    with open(path, "rb") as f:
        raw = f.read()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw


def text_info(raw):
    """Byte-level facts about a file: BOM, CR/LF, final newline."""
    return {
        "bytes": len(raw),
        "bom": raw.startswith(b"\xef\xbb\xbf"),
        "crlf_lines": raw.count(b"\r\n"),
        "final_newline": raw.endswith(b"\n"),
        "blank_lines": sum(1 for l in raw.split(b"\n")[:-1] if not l.strip())
        if raw else 0,
    }


def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw.decode("utf-8")


def json_records(raw):
    """Return (records, invalid) for a file that is one JSON value or JSON lines.

    A whole-file JSON value gives one record (a list stays a list; callers
    unwrap). Otherwise every non-blank line is one record; lines that do not
    parse are counted in invalid.
    """
    text = decode(raw)
    if not text.strip():
        return [], 0
    try:
        return [json.loads(text)], 0
    except ValueError:
        pass
    recs, bad = [], 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        try:
            recs.append(json.loads(line))
        except ValueError:
            bad += 1
    return recs, bad


def sid(obj, key="id"):
    """id_str if present, else str(id)."""
    s = obj.get(key + "_str")
    if s is not None:
        return str(s)
    v = obj.get(key)
    return None if v is None else str(v)


# ------------------------------------------------------------- v1.1 model
class V1:
    def __init__(self):
        self.posts = set()
        self.authors = set()
        self.accounts = set()
        self.hashtags = set()
        self.hashtags_ascii_lower = set()
        self.mentions = set()
        self.urls = set()
        self.replies = set()
        self.retweets = set()
        self.quotes = set()
        self.top_level = 0
        self.top_level_ids = set()
        self.invalid = 0
        self.diag = {
            "occurrences": 0,
            "missing_id_str": 0,
            "user_missing_id_str": 0,
            "mention_missing_id_str": 0,
            "mention_null_id": 0,
            "reply_status_id_without_str": 0,
            "reply_user_id_null_but_status_set": 0,
            "extended_tweet": 0,
            "full_text": 0,
            "truncated_true": 0,
            "url_expanded_null": 0,
            "url_expanded_empty": 0,
            "quote_id_without_embedded_quoted_status": 0,
            "retweets_with_quoted_status_id_str": 0,
            "id_number_ne_id_str": 0,
            "posts_seen_more_than_once": 0,
            "entity_sets_differ_between_copies": 0,
        }
        self._ent = {}

    def visit(self, st):
        d = self.diag
        d["occurrences"] += 1
        if st.get("id_str") is None:
            d["missing_id_str"] += 1
        pid = sid(st)
        if isinstance(st.get("id"), int) and st.get("id_str") is not None \
                and str(st["id"]) != st["id_str"]:
            d["id_number_ne_id_str"] += 1
        self.posts.add(pid)
        user = st.get("user") or {}
        if user.get("id_str") is None:
            d["user_missing_id_str"] += 1
        uid = sid(user)
        if uid is not None:
            self.authors.add(uid)
            self.accounts.add(uid)
        if st.get("extended_tweet"):
            d["extended_tweet"] += 1
            ent = st["extended_tweet"].get("entities") or {}
        else:
            ent = st.get("entities") or {}
        if "full_text" in st:
            d["full_text"] += 1
        if st.get("truncated"):
            d["truncated_true"] += 1
        tags = set()
        for h in ent.get("hashtags") or []:
            t = h["text"]
            tags.add(("h", t.lower()))
            self.hashtags.add((pid, t.lower()))
            self.hashtags_ascii_lower.add(
                (pid, "".join(c.lower() if c < "\x80" else c for c in t)))
        for m in ent.get("user_mentions") or []:
            if m.get("id_str") is None:
                d["mention_missing_id_str"] += 1
            mid = sid(m)
            if mid is None:
                d["mention_null_id"] += 1
                continue
            tags.add(("m", mid))
            self.mentions.add((pid, mid))
            self.accounts.add(mid)
        for u in ent.get("urls") or []:
            if u.get("expanded_url") is None:
                d["url_expanded_null"] += 1
                val = u.get("url")
            else:
                if u["expanded_url"] == "":
                    d["url_expanded_empty"] += 1
                val = u["expanded_url"]
            tags.add(("u", val))
            self.urls.add((pid, val))
        prev = self._ent.get(pid)
        if prev is None:
            self._ent[pid] = tags
        else:
            d["posts_seen_more_than_once"] += 1
            if prev != tags:
                d["entity_sets_differ_between_copies"] += 1
        if st.get("in_reply_to_status_id_str") is not None:
            self.replies.add(pid)
            if st.get("in_reply_to_user_id_str") is None:
                d["reply_user_id_null_but_status_set"] += 1
        elif st.get("in_reply_to_status_id") is not None:
            d["reply_status_id_without_str"] += 1
        if st.get("in_reply_to_user_id_str") is not None:
            self.accounts.add(str(st["in_reply_to_user_id_str"]))
        if st.get("retweeted_status") is not None:
            self.retweets.add(pid)
            if st.get("quoted_status_id_str") is not None:
                d["retweets_with_quoted_status_id_str"] += 1
            self.visit(st["retweeted_status"])
        if st.get("quoted_status_id_str") is not None:
            self.quotes.add(pid)
            if st.get("quoted_status") is None:
                d["quote_id_without_embedded_quoted_status"] += 1
        if st.get("quoted_status") is not None:
            self.visit(st["quoted_status"])

    def top(self, st):
        self.top_level += 1
        self.top_level_ids.add(sid(st))
        self.visit(st)

    def add_value(self, v):
        """A parsed JSON value: search response, array or one status."""
        if isinstance(v, list):
            for x in v:
                self.add_value(x)
        elif isinstance(v, dict):
            if "statuses" in v and isinstance(v["statuses"], list):
                for x in v["statuses"]:
                    self.top(x)
            else:
                self.top(v)

    def counts(self):
        return {
            "records": self.top_level,
            "invalid_json": self.invalid,
            "posts": len(self.posts),
            "authors": len(self.authors),
            "accounts": len(self.accounts),
            "hashtags": len(self.hashtags),
            "mentions": len(self.mentions),
            "urls": len(self.urls),
            "replies": len(self.replies),
            "retweets": len(self.retweets),
            "quotes": len(self.quotes),
        }

    def diagnostics(self):
        d = dict(self.diag)
        d["distinct_top_level_ids"] = len(self.top_level_ids)
        d["hashtags_if_ascii_only_lowercase"] = len(self.hashtags_ascii_lower)
        d["quotes_excluding_retweets"] = len(self.quotes - self.retweets)
        return d


def count_v1(path):
    raw = read_bytes(path)
    m = V1()
    recs, bad = json_records(raw)
    m.invalid = bad
    for r in recs:
        m.add_value(r)
    diag = m.diagnostics()
    diag.update(text_info(raw))
    return m.counts(), diag


# --------------------------------------------------------------- v2 model
def is_tweet(o):
    return isinstance(o, dict) and "id" in o and ("text" in o or "author_id" in o)


class V2:
    def __init__(self):
        self.posts = set()
        self.authors = set()
        self.accounts = set()
        self.hashtags = set()
        self.mentions = set()
        self.urls = set()
        self.impressions = set()
        self.replies = set()
        self.retweets = set()
        self.quotes = set()
        self.diag = {"tweet_occurrences": 0, "data_tweets": 0,
                     "includes_tweets": 0, "includes_users": 0,
                     "mentions_without_id": 0, "tweets_without_author_id": 0,
                     "data_is_single_object_lines": 0,
                     "extra_accounts_from_embedded_user_objects": 0}
        self._embedded_ids = set()

    def tweet(self, t, flat=False):
        self.diag["tweet_occurrences"] += 1
        tid = str(t["id"])
        self.posts.add(tid)
        if t.get("author_id") is not None:
            self.authors.add(str(t["author_id"]))
            self.accounts.add(str(t["author_id"]))
        else:
            self.diag["tweets_without_author_id"] += 1
        if t.get("in_reply_to_user_id") is not None:
            self.accounts.add(str(t["in_reply_to_user_id"]))
        ent = t.get("entities") or {}
        for h in ent.get("hashtags") or []:
            self.hashtags.add((tid, h["tag"].lower()))
        for m in ent.get("mentions") or []:
            if m.get("id") is not None:
                self.accounts.add(str(m["id"]))
                self.mentions.add((tid, str(m["id"])))
            else:
                self.diag["mentions_without_id"] += 1
                self.mentions.add((tid, "@" + m["username"].lower()))
        for u in ent.get("urls") or []:
            val = u.get("expanded_url")
            if val is None:
                val = u.get("url")
            self.urls.add((tid, val))
        pm = t.get("public_metrics") or {}
        if "impression_count" in pm:
            self.impressions.add(tid)
        for r in t.get("referenced_tweets") or []:
            typ = r.get("type")
            if typ == "replied_to":
                self.replies.add(tid)
            elif typ == "retweeted":
                self.retweets.add(tid)
            elif typ == "quoted":
                self.quotes.add(tid)
        if flat:
            # embedded user objects of the flattened format (informational)
            for k in ("author", "in_reply_to_user"):
                if isinstance(t.get(k), dict) and t[k].get("id") is not None:
                    self._embedded_ids.add(str(t[k]["id"]))
            for r in t.get("referenced_tweets") or []:
                if isinstance(r, dict) and "text" in r:
                    self.tweet(r, flat=True)

    def counts(self):
        return {
            "posts": len(self.posts),
            "authors": len(self.authors),
            "accounts": len(self.accounts),
            "hashtags": len(self.hashtags),
            "mentions": len(self.mentions),
            "urls": len(self.urls),
            "impressions": len(self.impressions),
            "replies": len(self.replies),
            "retweets": len(self.retweets),
            "quotes": len(self.quotes),
        }


def line_kind(d):
    if not isinstance(d, dict):
        return "non_object"
    if "data" in d:
        data = d["data"]
        items = data if isinstance(data, list) else [data]
        if any(is_tweet(x) for x in items):
            return "tweet_page"
        if items and all(isinstance(x, dict) and "tweet_count" in x for x in items):
            return "counts"
        if items and all(isinstance(x, dict) and "username" in x for x in items):
            return "users"
        if items and all(isinstance(x, dict) and "member_count" in x for x in items):
            return "lists"
        return "other_data"
    if "errors" in d:
        return "errors_only"
    if "action" in d and "id" in d:
        return "compliance"
    if is_tweet(d):
        return "flat_tweet"
    return "other"


def count_v2(path, flat=False):
    raw = read_bytes(path)
    text = decode(raw)
    m = V2()
    kinds = {}
    bad = 0
    lines = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        lines += 1
        try:
            d = json.loads(line)
        except ValueError:
            bad += 1
            continue
        k = line_kind(d)
        kinds[k] = kinds.get(k, 0) + 1
        if k == "flat_tweet":
            m.tweet(d, flat=True)
            continue
        if k != "tweet_page":
            continue
        data = d["data"]
        if isinstance(data, dict):
            m.diag["data_is_single_object_lines"] += 1
        items = data if isinstance(data, list) else [data]
        for t in items:
            if is_tweet(t):
                m.diag["data_tweets"] += 1
                m.tweet(t)
        inc = d.get("includes") or {}
        for t in inc.get("tweets") or []:
            m.diag["includes_tweets"] += 1
            m.tweet(t)
        for u in inc.get("users") or []:
            m.diag["includes_users"] += 1
            m.accounts.add(str(u["id"]))
    c = {"lines": lines, "invalid_json": bad,
         "tweet_lines": kinds.get("tweet_page", 0) + kinds.get("flat_tweet", 0),
         "non_tweet_lines": lines - bad - kinds.get("tweet_page", 0) - kinds.get("flat_tweet", 0)}
    c.update(m.counts())
    diag = dict(m.diag)
    diag["line_kinds"] = kinds
    if flat or kinds.get("flat_tweet"):
        diag["extra_accounts_from_embedded_user_objects"] = len(m._embedded_ids - m.accounts)
    diag.update(text_info(raw))
    return c, diag


def count_users(path):
    raw = read_bytes(path)
    recs, bad = json_records(raw)
    ids = []
    pinned = set()

    def take(u):
        ids.append(sid(u))

    for r in recs:
        if isinstance(r, list):
            for u in r:
                take(u)
        elif isinstance(r, dict) and "data" in r:
            items = r["data"] if isinstance(r["data"], list) else [r["data"]]
            for u in items:
                take(u)
            inc = r.get("includes") or {}
            for u in inc.get("users") or []:
                take(u)
            for t in inc.get("tweets") or []:
                pinned.add(str(t["id"]))
        elif isinstance(r, dict):
            take(r)
    c = {"records": len(ids), "invalid_json": bad, "accounts": len(set(ids))}
    diag = {"duplicate_user_objects": len(ids) - len(set(ids)),
            "includes_tweets_distinct": len(pinned)}
    diag.update(text_info(raw))
    return c, diag


# ------------------------------------------------------------------ PHEME
def count_pheme(root):
    m = V1()
    follows = set()
    follow_lines = 0
    follow_self = 0
    files = {"status_json": 0, "retweet_files": 0, "retweet_lines": 0,
             "follow_files": 0, "threads": 0}
    fmt = {"bom_files": 0, "crlf_files": 0, "follow_files_no_final_newline": 0,
           "follow_lines_not_2_fields": 0}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        base = os.path.basename(dirpath)
        if "structure.json" in filenames:
            files["threads"] += 1
        for fn in sorted(filenames):
            p = os.path.join(dirpath, fn)
            if base in ("source-tweets", "reactions") and fn.endswith(".json"):
                raw = read_bytes(p)
                files["status_json"] += 1
                fmt["bom_files"] += raw.startswith(b"\xef\xbb\xbf")
                fmt["crlf_files"] += b"\r\n" in raw
                try:
                    v = json.loads(decode(raw))
                except ValueError:
                    m.invalid += 1
                    continue
                m.add_value(v)
            elif fn == "retweets.json.gz":
                raw = read_bytes(p)
                files["retweet_files"] += 1
                fmt["bom_files"] += raw.startswith(b"\xef\xbb\xbf")
                fmt["crlf_files"] += b"\r\n" in raw
                for line in decode(raw).split("\n"):
                    if not line.strip():
                        continue
                    files["retweet_lines"] += 1
                    try:
                        v = json.loads(line)
                    except ValueError:
                        m.invalid += 1
                        continue
                    m.add_value(v)
            elif fn == "who-follows-whom.dat":
                raw = read_bytes(p)
                files["follow_files"] += 1
                fmt["crlf_files"] += b"\r\n" in raw
                if raw and not raw.endswith(b"\n"):
                    fmt["follow_files_no_final_newline"] += 1
                for line in decode(raw).split("\n"):
                    parts = line.split()
                    if not parts:
                        continue
                    if len(parts) != 2:
                        fmt["follow_lines_not_2_fields"] += 1
                    follow_lines += 1
                    a, b = parts[0], parts[1]
                    follow_self += a == b
                    follows.add((a, b))
    c = m.counts()
    c["follows"] = len(follows)
    c["follow_nodes"] = len({x for e in follows for x in e})
    diag = m.diagnostics()
    diag.update(files)
    diag.update(fmt)
    diag["follow_lines"] = follow_lines
    diag["follow_duplicate_lines"] = follow_lines - len(follows)
    diag["follow_self_loop_lines"] = follow_self
    return c, diag


# ------------------------------------------------------------ edge lists
def edge_stats(pairs_iter):
    seen = set()
    nodes = set()
    lines = 0
    self_lines = 0
    for a, b in pairs_iter:
        lines += 1
        if a == b:
            self_lines += 1
        seen.add((a, b))
        nodes.add(a)
        nodes.add(b)
    return {
        "lines": lines,
        "edges": len(seen),
        "nodes": len(nodes),
        "self_loops": sum(1 for a, b in seen if a == b),
        "self_loop_lines": self_lines,
        "duplicate_lines": lines - len(seen),
        "reciprocated_pairs": sum(1 for a, b in seen if a != b and (b, a) in seen),
    }


def count_edgelist(path):
    raw = read_bytes(path)
    text = decode(raw)
    comments = 0
    cols = {}

    def pairs():
        nonlocal comments
        for line in text.split("\n"):
            s = line.strip()
            if not s:
                continue
            if s[0] in "#%":
                comments += 1
                continue
            parts = s.split()
            cols[len(parts)] = cols.get(len(parts), 0) + 1
            yield parts[0], parts[1]

    c = edge_stats(pairs())
    diag = {"comment_lines": comments, "columns_per_line": cols}
    diag.update(text_info(raw))
    lz = 0
    for line in text.split("\n"):
        s = line.strip()
        if s and s[0] not in "#%":
            p = s.split()
            lz += any(len(x) > 1 and x[0] == "0" for x in p[:2])
    diag["leading_zero_ids"] = lz
    return c, diag


def count_mtx(zpath, member):
    with zipfile.ZipFile(zpath) as z:
        raw = z.read(member)
    text = decode(raw)
    header = []
    size = None
    entries = []
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        if s.startswith("%"):
            header.append(line)
            continue
        parts = s.split()
        if size is None:
            size = [int(x) for x in parts]
            continue
        entries.append((parts[0], parts[1]))
    symmetric = bool(header) and "symmetric" in header[0].lower()
    st = edge_stats(iter(entries))
    ordered = set()
    for a, b in entries:
        ordered.add((a, b))
        if a != b:
            ordered.add((b, a))
    c = {
        "entries": len(entries),
        "nodes": st["nodes"],
        "symmetric": symmetric,
        "directed_edges_if_symmetric_expanded": len(ordered),
        "declared_rows": size[0], "declared_cols": size[1], "declared_entries": size[2],
        "self_loops": st["self_loops"],
        "duplicate_entries": st["duplicate_lines"],
    }
    diag = {"header_lines": header, "max_id": max(int(x) for e in entries for x in e),
            "distinct_entries": st["edges"], "reciprocated_entry_pairs": st["reciprocated_pairs"]}
    diag.update(text_info(raw))
    return c, diag


def count_congress_json(path):
    raw = read_bytes(path)
    v = json.loads(decode(raw))
    obj = v[0] if isinstance(v, list) else v
    names = obj["usernameList"]
    out = obj["outList"]
    edges = set()
    for i, lst in enumerate(out):
        for j in lst:
            edges.add((i, j))
    inn = set()
    for j, lst in enumerate(obj["inList"]):
        for i in lst:
            inn.add((i, j))
    party = {}
    for p in obj.get("partyList", []):
        party[p] = party.get(p, 0) + 1
    c = {"nodes": len(names), "edges": len(edges),
         "in_edges": len(inn), "in_out_agree": inn == edges,
         "self_loops": sum(1 for a, b in edges if a == b),
         "distinct_usernames": len(set(names)), "party": party}
    diag = {"top_level_keys": sorted(obj.keys()), "wrapped_in_list": isinstance(v, list)}
    diag.update(text_info(raw))
    return c, diag


def count_csv(path):
    raw = read_bytes(path)
    text = decode(raw)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    ids = {r["id"] for r in rows}
    users = {r["user_name"] for r in rows}
    tags = set()
    with_tags = 0
    for r in rows:
        h = r.get("hashtags") or ""
        if h.strip():
            lst = ast.literal_eval(h)
            if lst:
                with_tags += 1
            for t in lst:
                tags.add((r["id"], t.lower()))
    c = {"records": len(rows), "posts": len(ids), "distinct_user_names": len(users),
         "records_with_hashtags": with_tags, "hashtags": len(tags),
         "retweet_flag_true": sum(1 for r in rows if r["is_retweet"] == "True")}
    diag = {"columns": list(rows[0].keys()) if rows else [],
            "records_with_location": sum(1 for r in rows if r["user_location"]),
            "distinct_dates": len({r["date"][:10] for r in rows})}
    diag.update(text_info(raw))
    return c, diag


COMMANDS = {
    "v1": count_v1,
    "v2": count_v2,
    "flat": lambda p: count_v2(p, flat=True),
    "users": count_users,
    "pheme": count_pheme,
    "edgelist": count_edgelist,
    "mtx": count_mtx,
    "congressjson": count_congress_json,
    "csv": count_csv,
}


def main():
    cmd = sys.argv[1]
    c, d = COMMANDS[cmd](*sys.argv[2:])
    json.dump({"counts": c, "diagnostics": d}, sys.stdout, indent=1, sort_keys=False)
    print()


if __name__ == "__main__":
    main()
