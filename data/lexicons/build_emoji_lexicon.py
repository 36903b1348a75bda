#!/usr/bin/env python3
"""Builds emoji_utf8_lexicon.txt (emoji TAB CLDR short name) from Unicode's emoji-test.txt.

VADER (Hutto & Gilbert 2014) turns each emoji into its CLDR short name and scores the words;
its emoji lexicon was made from emoji-test.txt by taking, from every non-comment line, the
emoji after '#' and the name after it. This script applies the same rule to the emoji-test.txt
that Debian's unicode-data package ships (Unicode 15.0), skipping the "E<version>" field that
files since Emoji 11.0 put between the emoji and its name.

Usage (from the repository root):
  python3 data/lexicons/build_emoji_lexicon.py /usr/share/unicode/emoji/emoji-test.txt \
      > data/lexicons/emoji_utf8_lexicon.txt
"""
import re
import sys

seen = set()
with open(sys.argv[1], encoding="utf-8") as source:
    for line in source:
        line = re.sub(r"\s+", " ", line.strip())
        if len(line) < 2 or line.startswith("#") or "#" not in line:
            continue
        fields = line[line.find("#"):].split()[1:]
        emoji, name = fields[0], fields[1:]
        if name and re.fullmatch(r"E\d+\.\d+", name[0]):
            name = name[1:]
        if emoji in seen:
            continue
        seen.add(emoji)
        sys.stdout.write("{}\t{}\n".format(emoji, " ".join(name)))
