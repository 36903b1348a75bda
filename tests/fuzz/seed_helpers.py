#!/usr/bin/env python3
"""Seed makers for tests/fuzz/make-seeds.sh: each writes seed files into a folder.

  seed_helpers.py literals OUTDIR FILE...        every C++ string literal of the files, one seed each
  seed_helpers.py congress OUTDIR JSON USERS     the first USERS members of a SNAP Congress network
                                                 file with the edges among them (a whole, small document)
  seed_helpers.py yaml-texts OUTDIR YAML LIMIT   the `text` of the first LIMIT cases of a
                                                 twitter-text conformance file
  seed_helpers.py zip-head OUTDIR ZIP SUFFIX BYTES  the first BYTES of the first member ending in SUFFIX
"""
import hashlib
import json
import os
import re
import sys
import zipfile

LITERAL = re.compile(r'(?<![A-Za-z0-9_])(?:u8)?"((?:[^"\\\n]|\\.)*)"')
ESCAPE = re.compile(r'\\(U[0-9A-Fa-f]{8}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)')
SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'", "a": "\a",
                  "b": "\b", "f": "\f", "v": "\v", "?": "?"}


def write_seed(outdir, data):
    os.makedirs(outdir, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(outdir, name), "wb") as out:
        out.write(data)


def unescape(body):
    """The bytes a C++ string literal body stands for (UTF-8 source)."""
    out = bytearray()
    position = 0
    for match in ESCAPE.finditer(body):
        out += body[position:match.start()].encode("utf-8")
        code = match.group(1)
        if code[0] in "Uu":
            out += chr(int(code[1:], 16)).encode("utf-8")
        elif code[0] == "x":
            out.append(int(code[1:], 16))
        elif code[0] in "01234567" and code != "0":
            out.append(int(code, 8) & 0xFF)
        else:
            out += SIMPLE_ESCAPES.get(code, code).encode("utf-8")
        position = match.end()
    out += body[position:].encode("utf-8")
    return bytes(out)


def literals(outdir, files):
    for path in files:
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as source:
            for line in source:
                if line.lstrip().startswith(("#include", "//")):
                    continue
                for match in LITERAL.finditer(line):
                    write_seed(outdir, unescape(match.group(1)))


def congress(outdir, path, users):
    with open(path, encoding="utf-8") as source:
        network = json.load(source)[0]
    keep = set(range(users))
    small = {key: [] for key in network}
    for index in range(users):
        small["usernameList"].append(network["usernameList"][index])
        if "partyList" in network:
            small["partyList"].append(network["partyList"][index])
        for direction in ("in", "out"):
            pairs = [(node, weight) for node, weight in zip(network[direction + "List"][index],
                                                             network[direction + "Weight"][index]) if node in keep]
            small[direction + "List"].append([node for node, _ in pairs])
            small[direction + "Weight"].append([weight for _, weight in pairs])
    write_seed(outdir, json.dumps([small]))


def yaml_texts(outdir, path, limit):
    import yaml  # python3-yaml
    with open(path, encoding="utf-8") as source:
        suite = yaml.safe_load(source)
    written = 0
    for cases in suite.get("tests", {}).values():
        for case in cases:
            if written >= limit:
                return
            if isinstance(case, dict) and isinstance(case.get("text"), str):
                write_seed(outdir, case["text"])
                written += 1


def zip_head(outdir, path, suffix, size):
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if member.endswith(suffix):
                with archive.open(member) as data:
                    write_seed(outdir, data.read(size))
                return


def main(argv):
    command, outdir = argv[1], argv[2]
    if command == "literals":
        literals(outdir, argv[3:])
    elif command == "congress":
        congress(outdir, argv[3], int(argv[4]))
    elif command == "yaml-texts":
        yaml_texts(outdir, argv[3], int(argv[4]))
    elif command == "zip-head":
        zip_head(outdir, argv[3], argv[4], int(argv[5]))
    else:
        sys.exit(f"seed_helpers.py: unknown command {command}")


if __name__ == "__main__":
    main(sys.argv)
