#!/usr/bin/env python3
"""An independent count of the content mix, for tests/analyses/mix_sample_test.cc.

Reads a workspace database with Python's sqlite3 module and SQL of its own, and
classifies each post of the named accounts with regular expressions written
from docs/mix.md (not from the C++ code), then prints per account and month the
interaction, content and promotion counts, the rule counts, and the features.

    crowdlens -w /tmp/ws import data/sample
    python3 tests/analyses/mix_counts.py /tmp/ws/crowdlens.db CNN cnnbrk BBCBreaking tagesschau
"""
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from datetime import datetime, timezone

CALLS_TO_ACTION = [
    "sign up", "signup", "register now", "register today", "register here", "subscribe", "buy now", "buy yours",
    "buy your", "shop now", "shop the", "order now", "order yours", "order your", "pre order", "book now",
    "book your", "get yours", "get your free", "free trial", "discount", "promo code", "use code", "coupon",
    "limited time", "limited offer", "link in bio", "download our", "download now", "download the app", "donate",
    "get tickets", "get your tickets", "tickets on sale", "apply now", "learn more", "join us", "jetzt anmelden",
    "anmelden", "jetzt kaufen", "abonnieren", "jetzt bestellen", "tune in", "premieres", "airs",
]
NEWS = set("abc abcnews aljazeera apne apnews axios bbc bloomberg cbc cbsnews cnbc cnn dw economist euronews faz "
           "foxnews france24 ft guardian huffpost independent latimes lemonde nbcnews npr nyti nytimes politico reut "
           "reuters sky spiegel sueddeutsche tagesschau telegraph theguardian thehill thetimes usatoday wapo "
           "washingtonpost welt wsj zdf zeit".split())
GATHERING_SITES = set("airmeet crowdcast eventbrite eventzilla hopin meetup splashthat ticketmaster tito webex zoom".split())
GATHERING_HOSTS = {"lu.ma", "ti.to", "meet.google.com", "teams.microsoft.com", "teams.live.com"}
THANK = {"thanks", "thank", "thx", "thnx", "tnx", "tks", "ty", "danke", "merci", "gracias", "grazie", "obrigado",
         "obrigada"}
WELCOME = {"welcome", "willkommen", "bienvenue", "bienvenido", "bienvenida", "benvenuto", "benvenuti"}
FF_TAGS = {"ff", "followfriday", "fridayfollow", "followback", "teamfollowback", "f4f", "follow4follow", "tfb"}
GESTURE = ("follow following follows followback fav favs fave favorite like likes rt rts retweet retweets retweeting "
           "share shares sharing mention mentions shoutout shout add adding connecting connect connection").split()
FILLER = ("you u so very much a lot again the my your ur all those these our kind great nice lovely").split()
HUMOUR_WORDS = {"lol", "lols", "lmao", "lmfao", "rofl", "roflmao", "jk", "xd"}
HUMOUR_EMOJI = ["\U0001F602", "\U0001F923", "\U0001F639", "\U0001F606", "\U0001F605", "\U0001F61C", "\U0001F61D",
                "\U0001F643"]
SECOND_LEVEL = {"co", "com", "net", "org", "ac", "gov", "edu", "or", "ne", "go"}

URL_RE = re.compile(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/[^\s]*)?", re.IGNORECASE)
MENTION_RE = re.compile(r"(?<![\w@])[@＠](\w{1,20})")
HASHTAG_RE = re.compile(r"(?<![\w&])[#＃](\w+)")


def host(url):
    url = url.split("://", 1)[-1]
    url = re.split(r"[/?#]", url, 1)[0].rsplit("@", 1)[-1].split(":")[0].lower()
    return url[4:] if url.startswith("www.") else url


def site_name(url):
    labels = [label for label in host(url).split(".") if label]
    if not labels:
        return ""
    if len(labels) == 1:
        return labels[0]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL:
        return labels[-3]
    return labels[-2]


def platform_link(url):
    lower = url.lower()
    if "twitter.com/i/web/status/" in lower or host(lower) in ("pic.twitter.com", "t.co"):
        return True
    return ("twitter.com/" in lower or "x.com/" in lower) and ("/photo/" in lower or "/video/" in lower)


def words_of(text):
    stripped = URL_RE.sub(" ", text)
    stripped = MENTION_RE.sub(" ", stripped)
    stripped = HASHTAG_RE.sub(" ", stripped)
    stripped = re.sub(r"\$[A-Za-z]{1,6}\b", " ", stripped)
    words = []
    for word in re.findall(r"[^\W_]+(?:['\u2019][^\W_]+)*", stripped.lower()):
        words.append(word.replace("\u2019", "'"))
    return words


def thanks_for_gesture(words):
    for start, word in enumerate(words):
        if word not in THANK:
            continue
        at = start + 1
        while at < len(words) and words[at] in FILLER:
            at += 1
        if at >= len(words) or words[at] not in ("for", "4"):
            continue
        at += 1
        while at < len(words) and words[at] in FILLER:
            at += 1
        if at < len(words) and words[at] in GESTURE:
            return True
    return False


def welcome_phrase(words):
    for at, word in enumerate(words):
        if word != "welcome":
            continue
        before = words[at - 1] if at > 0 else ""
        after = words[at + 1] if at + 1 < len(words) else ""
        if before in ("you're", "youre", "your", "ur") or (before == "are" and at > 1 and words[at - 2] == "you"):
            return True
        if after in ("aboard", "back") or (after == "to" and at + 2 < len(words) and words[at + 2] == "twitter"):
            return True
    return False


def classify(post, own_sites):
    text = post["text"]
    links = post["urls"] or [m.group(0) for m in URL_RE.finditer(text)]
    links = [link for link in links if not platform_link(link)]
    own = [link for link in links if site_name(link) in own_sites]
    other = [link for link in links if site_name(link) not in own_sites]
    features = set()
    if any(site_name(link) in NEWS for link in links):
        features.add("news_link")
    if any(site_name(link) in GATHERING_SITES or host(link) in GATHERING_HOSTS
           or "facebook.com/events/" in link.lower() or "linkedin.com/events/" in link.lower() for link in links):
        features.add("gathering_link")
    words = words_of(text)
    if any(w in HUMOUR_WORDS or re.fullmatch(r"a?(ha){2,}|a?(he){2,}|a?(hi){2,}", w) for w in words) or \
            any(e in text for e in HUMOUR_EMOJI):
        features.add("humour")
    mentions = [m.group(1) for m in MENTION_RE.finditer(text)]
    leading = [m.lower() for m in re.match(r"^(?:\s*[@＠]\w{1,20})*", text).group(0).replace("＠", "@").split("@")[1:]]
    leading = [m.strip() for m in leading]
    personal = []
    for index, mention in enumerate(mentions):
        if post["is_reply"] and mention.lower() in leading:
            continue
        if post["is_retweet"] and index == 0:
            continue
        personal.append(mention)
    if personal:
        features.add("personal_mention")

    if post["is_retweet"]:
        return ("promotion" if post["retweets_own"] else "content"), "retweet", features
    if own:
        return "promotion", "own_link", features
    joined = " " + " ".join(words) + " "
    if any(" " + phrase + " " in joined for phrase in CALLS_TO_ACTION) or "% off" in text.lower():
        return "promotion", "call_to_action", features
    if post["is_reply"] and not post["self_reply"]:
        return "interaction", "reply", features
    tags = set(post["tags"]) | {t.lower() for t in HASHTAG_RE.findall(text)}
    distinct = len({m.lower() for m in mentions})
    if tags & FF_TAGS:
        return "interaction", "courtesy", features
    if any(w in THANK for w in words) and (len(words) <= 4 or thanks_for_gesture(words)):
        return "interaction", "courtesy", features
    if any(w in WELCOME for w in words) and (len(words) <= 8 or welcome_phrase(words)):
        return "interaction", "courtesy", features
    if distinct >= 5 or (not words and distinct >= 2):
        return "interaction", "courtesy", features
    if not post["is_reply"] and leading:
        return "interaction", "addressed", features
    without_links = URL_RE.sub(lambda m: " " * len(m.group(0)), text)
    mark = without_links.find("?")
    if mark >= 0:
        start = max(without_links.rfind(c, 0, mark) for c in ".!\n") + 1
        if len(without_links[start:mark + 1].lstrip(" \t")) >= 3:
            return "interaction", "question", features
    if post["is_quote"]:
        return "content", "quote", features
    if other:
        return "content", "other_link", features
    return "content", "own_words", features


def main():
    db = sqlite3.connect(sys.argv[1])
    for handle in sys.argv[2:]:
        key, url = db.execute("SELECT account_key, url FROM accounts WHERE handle_lower = ? ORDER BY account_key",
                              (handle.lower(),)).fetchone()
        own_sites = {site_name(url)} if url else set()
        months = defaultdict(Counter)
        rules = Counter()
        features = Counter()
        for row in db.execute(
                "SELECT p.post_key, p.created_at, p.text, p.retweet_of_id, p.quote_of_id, p.reply_to_post_id, "
                "p.reply_to_account_key, p.platform FROM posts p WHERE p.author_key = ?", (key,)):
            post_key, created_at, text, retweet_of, quote_of, reply_post, reply_account, platform = row
            replied_author = None
            if reply_post is not None:
                found = db.execute("SELECT author_key FROM posts WHERE platform = ? AND platform_id = ?",
                                   (platform, reply_post)).fetchone()
                replied_author = found[0] if found else None
            original_author = None
            if retweet_of is not None:
                found = db.execute("SELECT author_key FROM posts WHERE platform = ? AND platform_id = ?",
                                   (platform, retweet_of)).fetchone()
                original_author = found[0] if found else None
            post = {
                "text": text,
                "urls": [u for (u,) in db.execute("SELECT url FROM post_urls WHERE post_key = ?", (post_key,))],
                "tags": [t for (t,) in db.execute("SELECT tag FROM post_hashtags WHERE post_key = ?", (post_key,))],
                "is_retweet": retweet_of is not None,
                "retweets_own": original_author == key,
                "is_quote": quote_of is not None,
                "is_reply": reply_post is not None or reply_account is not None,
                "self_reply": reply_account == key or replied_author == key,
            }
            mix_class, rule, found_features = classify(post, own_sites)
            month = datetime.fromtimestamp(created_at, timezone.utc).strftime("%Y-%m")
            months[month][mix_class] += 1
            rules[rule] += 1
            if not post["is_retweet"]:
                features.update(found_features)
        print(handle, "own sites", sorted(own_sites))
        for month in sorted(months):
            counts = months[month]
            print(f"  {month} interaction {counts['interaction']} content {counts['content']} "
                  f"promotion {counts['promotion']}")
        print("  rules", dict(sorted(rules.items())))
        print("  features (retweets excluded)", dict(sorted(features.items())))


if __name__ == "__main__":
    main()
