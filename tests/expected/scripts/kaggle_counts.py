#!/usr/bin/env python3
"""Counts for tests/ingest/tweet_csv_reader_test.cc, computed from the Kaggle
vaccination_tweets.csv with the csv module only (no crowdlens code).

    python3 tests/expected/scripts/kaggle_counts.py ../shared/data/kaggle-pfizer-vaccine-tweets/vaccination_tweets.csv

Rule for (post, hashtag) pairs: the hashtags column (a Python list) united
with the #tags of the text, ASCII-lower-cased. A #tag of the text follows
twitter-text: '#' (or U+FF03) after the start of the text, U+FE0E/U+FE0F or a
character that is neither a hashtag character nor '&'; then a run of letters,
marks, decimal digits, '_' and twitter-text's few special signs holding at
least one letter or mark; not followed by '#' or "://"; not inside a URL.

Mentions come from the text (the file has no mentions column), after
twitter-text: '@' (or U+FF20) at the start or after a character that is not
[A-Za-z0-9_!#$%&*@] (or after "RT"/"RT:"), 1-20 of [A-Za-z0-9_], not an
@user/list reference, not followed by '@', a Latin accented letter or "://",
not inside a URL; keyed "@" + the ASCII-lower-cased name. URLs come from the
text too; every URL in these tweets is an http(s) link, so "http(s)://" up
to the next space or ellipsis stands in for twitter-text's URL rules here.
"""
import ast
import csv
import re
import sys
import unicodedata

SPECIAL = set("_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\xb7")


def is_alpha(c):
    return unicodedata.category(c)[0] in "LM"


def is_alnum(c):
    return is_alpha(c) or unicodedata.category(c) == "Nd" or c in SPECIAL


def ascii_lower(text):
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


def url_spans(text):
    return [(m.start(), m.end()) for m in re.finditer(r"https?://[^\s\u2026]+", text)]


def is_latin_accent(c):
    return ("\xc0" <= c <= "\xd6" or "\xd8" <= c <= "\xf6" or "\xf8" <= c <= "\u024f" or
            c in "\u0253\u0254\u0256\u0257\u0259\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb" or
            "\u0300" <= c <= "\u036f" or "\u1e00" <= c <= "\u1eff")


def text_mentions(text):
    urls = url_spans(text)
    names, i = [], 0
    while i < len(text):
        if text[i] in "@\uff20":
            valid = i == 0 or not re.match(r"[a-zA-Z0-9_!#$%&*@\uff20]", text[i - 1])
            k = i - 1 if text[i - 1:i] == ":" else i
            if not valid and k >= 2 and text[k - 2] in "rR" and text[k - 1] in "tT":
                valid = k == 2 or not re.match(r"[a-zA-Z0-9_+~.\-]", text[k - 3])
            name = re.match(r"[a-zA-Z0-9_]{1,20}", text[i + 1:]) if valid else None
            if name:
                end = i + 1 + name.end()
                slug = re.match(r"/[a-zA-Z][a-zA-Z0-9_\-]{0,24}", text[end:])
                end += slug.end() if slug else 0
                after = text[end:end + 3]
                if not (after[:1] in ("@", "\uff20") or (after and is_latin_accent(after[0])) or after == "://") \
                        and not slug and not any(a <= i < b for a, b in urls):
                    names.append(name.group(0))
                i = end
                continue
        i += 1
    return names


def text_hashtags(text):
    urls = url_spans(text)
    tags, i = [], 0
    while i < len(text):
        if text[i] in "#\uff03" and (i == 0 or text[i - 1] in "\ufe0e\ufe0f" or
                                     (not is_alnum(text[i - 1]) and text[i - 1] != "&")):
            if text[i + 1:i + 2] in ("\ufe0f", "\u20e3"):
                i += 1
                continue
            j = i + 1
            while j < len(text) and is_alnum(text[j]):
                j += 1
            tag = text[i + 1:j]
            if any(is_alpha(c) for c in tag):
                if not (text[j:j + 1] in ("#", "\uff03") or text[j:j + 3] == "://") and \
                        not any(a <= i < b for a, b in urls):
                    tags.append(tag)
                i = j
                continue
        i += 1
    return tags


def main():
    with open(sys.argv[1], encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    pairs, mention_pairs, url_pairs = set(), set(), set()
    for row in rows:
        column = ast.literal_eval(row["hashtags"]) if row["hashtags"].strip() else []
        for tag in list(column) + text_hashtags(row["text"]):
            pairs.add((row["id"], ascii_lower(tag.lstrip("#"))))
        for name in text_mentions(row["text"]):
            mention_pairs.add((row["id"], "@" + ascii_lower(name)))
        for begin, end in url_spans(row["text"]):
            url_pairs.add((row["id"], row["text"][begin:end]))
    print("posts", len(rows))
    print("distinct user_name", len({row["user_name"] for row in rows}))
    print("rows with hashtags", sum(1 for row in rows if row["hashtags"].strip()))
    print("post hashtag pairs", len(pairs))
    print("post mention pairs", len(mention_pairs))
    print("post url pairs", len(url_pairs))


if __name__ == "__main__":
    main()
