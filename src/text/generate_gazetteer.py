#!/usr/bin/env python3
"""Builds the location gazetteer from Debian's data, at build time.

Run by the build (src/CMakeLists.txt) as:
  generate_gazetteer.py --geonames-library /usr/lib/<arch>/libgeonames.so.0 --gresource gresource \
      --locale-dir /usr/share/locale \
      --iso-codes /usr/share/iso-codes/json --words /usr/share/dict/american-english \
      --curated src/text/gazetteer_curated.tsv --output gazetteer_data.cc

Inputs, all from Debian packages (nothing is downloaded):
- GeoNames' cities of 15,000 people or more (CC BY 4.0, geonames.org), as the GVariant
  array `a(sssssssidd)` that libgeonames0 carries as the resource
  /com/lomiri/geonames/cities.compiled; it is taken out with `gresource extract`
  (libglib2.0-bin), or read from --cities. Only the data is read: the GPL library is
  never linked or run.
- libgeonames-common's geonames.mo catalogues: city names (keyed by GeoNames id),
  first-level region names (keyed "CC.admin1") and country names ("CC") in other languages.
- iso-codes: ISO 3166-1 countries (names, alpha-3 codes, flags) and ISO 3166-2
  subdivisions, with their iso_3166-1.mo / iso_3166-2.mo translations.
- wamerican's word list: a place name that is also a lower-case English word ("Reading",
  "Nice", "Mobile") is marked so the resolver wants corroboration before trusting it.
- gazetteer_curated.tsv: nicknames, abbreviations, the stop list and time-zone names.

The output is a C++ source defining `kGazetteerText`, a tab-separated text parsed once by
gazetteer.cc (which normalises every name with the same utf8proc code as the queries, so
the two can never disagree). Output is deterministic: every collection is sorted.

Records (one per line, fields separated by tabs, name lists by '|'; a name starting
with '~' is a common English word):
  C  alpha2  alpha3  population  names...                      a country
  R  key(CC.admin1)  country  iso_code|-  population  names...   a first-level region
  S  iso_code  parent_region_key|-  country  population  names...  a finer ISO 3166-2 subdivision
  P  geonameid  region_key  population  lat  lon  names...      a city
  A  flags  target  alias                                       a curated alias or a code
  X  category  phrase                                           a stop-list phrase
  T  time_zone  target                                          a time-zone name
"""
import argparse
import gettext
import json
import os
import re
import struct
import subprocess
import sys
import unicodedata

CITIES_RESOURCE = "/com/lomiri/geonames/cities.compiled"

# Languages whose place names are taken from the .mo catalogues: the languages most
# social profiles are written in, plus each script a large population writes.
LANGUAGES = ["ar", "de", "el", "en", "es", "fa", "fr", "he", "hi", "id", "it", "ja", "ko", "nl", "pl",
             "pt", "pt_BR", "ru", "sv", "th", "tr", "uk", "zh_CN", "zh_TW"]

# Words that name the kind of a region rather than the region ("Canton of Zurich",
# "Île-de-France Region"): dropped when matching ISO 3166-2 names to GeoNames regions.
REGION_KIND_WORDS = {"region", "province", "state", "canton", "of", "county", "department", "governorate",
                     "prefecture", "oblast", "krai", "republic", "district", "municipality", "city",
                     "autonomous", "community", "land", "voivodeship", "federal", "territory", "the"}


# Region names made only of these words are everyday words first ("Central", "Upper East").
GENERIC_REGION_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                        "centre", "center", "capital", "coast", "coastal", "lakes", "upper", "lower", "middle",
                        "highlands", "islands", "island", "valley", "mountain", "river", "plateau", "border",
                        "interior", "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
                        "southeast", "southwest", "far", "region", "province", "district"}


def fail(message):
    sys.stderr.write("generate_gazetteer: " + message + "\n")
    sys.exit(1)


def extract_cities(gresource, library):
    """The cities resource of libgeonames0, as bytes."""
    try:
        return subprocess.run([gresource, "extract", library, CITIES_RESOURCE], check=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        fail(f"cannot extract {CITIES_RESOURCE} from {library}: {error}; "
             "are libgeonames0 and libglib2.0-bin installed (scripts/install-deps.sh)?")


def read_cities(blob, path):
    """Decodes the GVariant array a(sssssssidd) (GVariant serialisation, GLib's gvariant-serialiser.c):
    an array of variable-size elements ends with one framing offset per element; a tuple ends
    with the end offsets of its variable-size members but the last, in reverse order."""
    def offset_size(size):
        return 1 if size < 0x100 else 2 if size < 0x10000 else 4 if size < 0x100000000 else 8

    def read_offset(buffer, position, size):
        return int.from_bytes(buffer[position:position + size], "little")

    size = len(blob)
    if size == 0:
        fail(f"{path} is empty: is libgeonames0 installed (scripts/install-deps.sh)?")
    array_offset = offset_size(size)
    table_start = read_offset(blob, size - array_offset, array_offset)
    if table_start > size or (size - table_start) % array_offset:
        fail(f"{path} is not a GVariant array of cities")
    count = (size - table_start) // array_offset
    cities = []
    start = 0
    for index in range(count):
        end = read_offset(blob, table_start + index * array_offset, array_offset)
        element = blob[start:end]
        element_offset = offset_size(len(element))
        ends = [read_offset(element, len(element) - element_offset * (k + 1), element_offset) for k in range(7)]
        strings, position = [], 0
        for string_end in ends:
            strings.append(element[position:string_end - 1].decode("utf-8"))
            position = string_end
        position = (position + 3) & ~3
        (population,) = struct.unpack_from("<i", element, position)
        position = ((position + 4) + 7) & ~7
        latitude, longitude = struct.unpack_from("<dd", element, position)
        geonameid, name, admin1, admin1_name, country, country_name, _time_zone = strings
        cities.append({"id": geonameid, "name": name, "admin1": admin1, "admin1_name": admin1_name,
                       "country": country, "country_name": country_name, "population": max(population, 0),
                       "lat": latitude, "lon": longitude})
        start = (end + 7) & ~7
    if len(cities) < 1000:
        fail(f"{path} holds only {len(cities)} cities; expected GeoNames' cities15000")
    return cities


def read_catalog(path):
    if not os.path.exists(path):
        return {}
    with open(path, "rb") as stream:
        return {key: value for key, value in gettext.GNUTranslations(stream)._catalog.items()
                if isinstance(key, str) and key}


def clean_name(name):
    """A name as a profile would write it: no tabs or '|', no bracketed remarks
    ("Isle of Anglesey [Sir Ynys Môn GB-YNM]"), no "Korea, Republic of" inversions."""
    name = re.sub(r"\s*\[[^\]]*\]", "", name)
    name = re.sub(r"\s*\([^)]*\)", "", name)
    name = name.replace("\t", " ").replace("|", " ").replace("~", " ").strip()
    if "," in name or not name:
        return None
    return name


def loose_key(name):
    """A rough key used only here, to pair ISO 3166-2 subdivisions with GeoNames regions."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = [w for w in re.split(r"[^\w]+", letters) if w and w not in REGION_KIND_WORDS]
    return " ".join(words)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cities", help="the cities resource, already extracted")
    parser.add_argument("--geonames-library", help="libgeonames.so.0, to extract the cities from")
    parser.add_argument("--gresource", default="gresource")
    parser.add_argument("--locale-dir", required=True)
    parser.add_argument("--iso-codes", required=True)
    parser.add_argument("--words", required=True)
    parser.add_argument("--curated", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    if args.cities:
        with open(args.cities, "rb") as stream:
            cities = read_cities(stream.read(), args.cities)
    elif args.geonames_library:
        cities = read_cities(extract_cities(args.gresource, args.geonames_library), args.geonames_library)
    else:
        fail("give --geonames-library or --cities")
    geonames_catalogs = {lang: read_catalog(os.path.join(args.locale_dir, lang, "LC_MESSAGES", "geonames.mo"))
                         for lang in LANGUAGES}
    iso1_catalogs = {lang: read_catalog(os.path.join(args.locale_dir, lang, "LC_MESSAGES", "iso_3166-1.mo"))
                     for lang in LANGUAGES}
    iso2_catalogs = {lang: read_catalog(os.path.join(args.locale_dir, lang, "LC_MESSAGES", "iso_3166-2.mo"))
                     for lang in LANGUAGES}
    if not geonames_catalogs["en"]:
        fail(f"no geonames.mo under {args.locale_dir}: is libgeonames-common installed?")
    try:
        with open(os.path.join(args.iso_codes, "iso_3166-1.json"), encoding="utf-8") as stream:
            iso_countries = json.load(stream)["3166-1"]
        with open(os.path.join(args.iso_codes, "iso_3166-2.json"), encoding="utf-8") as stream:
            iso_subdivisions = json.load(stream)["3166-2"]
    except OSError as error:
        fail(f"{error}: is iso-codes installed?")
    with open(args.words, encoding="utf-8") as stream:
        common_words = {line.strip() for line in stream if line.strip() and line.strip().islower()}

    def mark(name, generic_only):
        """Marks a name that is also an everyday word, or of two letters at most. Countries are never marked and
        first-level regions only when their name is all direction or landform words
        ("Central", "Northern"): "Wales" or "Turkey" are meant as places in a profile."""
        words = name.lower().split()
        if len(name) <= 2 and name.isascii():
            # "Wa" (Ghana): two Latin letters are too easily something else ("wa" for Washington);
            # two Chinese or Japanese characters are a full name ("東京").
            return "~" + name
        if generic_only:
            return ("~" + name) if words and all(word in GENERIC_REGION_WORDS for word in words) else name
        return ("~" + name) if len(words) == 1 and words[0] in common_words else name

    def names_of(primary, translations, generic_only=False):
        """The primary name first, then the other spellings, deduplicated and sorted."""
        seen, others = set(), []
        first = clean_name(primary)
        if first:
            seen.add(first)
        for candidate in translations:
            # "Bruxelles (Watermael-Boitsfort)" names a district, not Brussels: such
            # qualified spellings are left out rather than cut down to the wrong place.
            candidate = clean_name(candidate) if candidate and "(" not in candidate else None
            if candidate and candidate not in seen:
                seen.add(candidate)
                others.append(candidate)
        ordered = ([first] if first else []) + sorted(others)
        return [mark(name, generic_only) for name in ordered]

    def translations(catalogs, key):
        return [catalog[key] for _, catalog in sorted(catalogs.items()) if key in catalog]

    # Populations summed over the gazetteer's cities: the one comparable size for
    # countries and regions, used only to rank readings of an ambiguous name.
    country_population, region_population = {}, {}
    region_names = {}
    for city in cities:
        country_population[city["country"]] = country_population.get(city["country"], 0) + city["population"]
        region_key = f'{city["country"]}.{city["admin1"]}'
        region_population[region_key] = region_population.get(region_key, 0) + city["population"]
        region_names.setdefault(region_key, city["admin1_name"])
    # Regions with no city of 15,000 people still have names in the catalogues.
    for key, name in geonames_catalogs["en"].items():
        if re.fullmatch(r"[A-Z]{2}\.[A-Za-z0-9]+", key):
            region_names.setdefault(key, name)

    lines = []
    iso_alpha2 = set()
    for country in sorted(iso_countries, key=lambda c: c["alpha_2"]):
        code = country["alpha_2"]
        iso_alpha2.add(code)
        spellings = [country.get("common_name"), country.get("official_name"), geonames_catalogs["en"].get(code)]
        spellings += translations(geonames_catalogs, code)
        for field in ("name", "common_name"):
            if field in country:
                spellings += translations(iso1_catalogs, country[field])
        primary = country.get("common_name") or country["name"]
        if not clean_name(primary):
            primary = country.get("official_name") or geonames_catalogs["en"].get(code, code)
        names = [name.lstrip("~") for name in names_of(primary, [country["name"]] + spellings)]
        lines.append("\t".join(["C", code, country["alpha_3"], str(country_population.get(code, 0))] + names))

    # Countries GeoNames has but ISO 3166-1 does not (Kosovo, "XK"), with no alpha-3 code.
    for code in sorted(set(key.split(".")[0] for key in region_names) - iso_alpha2):
        names = names_of(geonames_catalogs["en"].get(code, code), translations(geonames_catalogs, code))
        lines.append("\t".join(["C", code, "-", str(country_population.get(code, 0))] + [n.lstrip("~") for n in names]))
        iso_alpha2.add(code)

    # ISO 3166-2: first-level subdivisions are paired with GeoNames regions by code
    # (US states, UK nations, Swiss cantons share them) or else by name.
    by_code = {s["code"]: s for s in iso_subdivisions}
    region_loose = {}
    for key, name in region_names.items():
        country = key.split(".")[0]
        for spelling in [name] + translations(geonames_catalogs, key):
            region_loose.setdefault((country, loose_key(spelling)), key)
    iso_to_region = {}
    for subdivision in sorted(iso_subdivisions, key=lambda s: s["code"]):
        if "parent" in subdivision:
            continue
        country, suffix = subdivision["code"].split("-", 1)
        if f"{country}.{suffix}" in region_names:
            iso_to_region[subdivision["code"]] = f"{country}.{suffix}"
            continue
        spellings = [subdivision["name"]] + translations(iso2_catalogs, subdivision["name"])
        for spelling in spellings:
            key = region_loose.get((country, loose_key(spelling)))
            if key:
                iso_to_region[subdivision["code"]] = key
                break
    region_iso = {}
    for iso_code, key in sorted(iso_to_region.items()):
        region_iso.setdefault(key, iso_code)

    for key in sorted(region_names):
        country = key.split(".")[0]
        iso_code = region_iso.get(key, "-")
        spellings = translations(geonames_catalogs, key)
        if iso_code != "-":
            iso_name = by_code[iso_code]["name"]
            spellings += [iso_name] + translations(iso2_catalogs, iso_name)
        names = names_of(region_names[key], spellings, generic_only=True)
        if names:
            lines.append("\t".join(["R", key, country, iso_code, str(region_population.get(key, 0))] + names))

    # Finer subdivisions (counties, provinces, districts) and first-level ones GeoNames
    # does not know: no cities point at them, so their size is estimated as an even share
    # of their region's (or country's) population among its subdivisions.
    def region_of(code):
        """The GeoNames region an ISO 3166-2 subdivision lies in, through its parents."""
        seen = set()
        while code in by_code and code not in seen:
            seen.add(code)
            if code in iso_to_region:
                return iso_to_region[code]
            parent = by_code[code].get("parent", "")
            # iso-codes writes some parents in full ("GB-ENG"), others as the suffix ("IDF").
            code = parent if "-" in parent else f'{code.split("-")[0]}-{parent}'
        return None

    finer = [s for s in iso_subdivisions if s["code"] not in iso_to_region]
    siblings = {}
    for subdivision in finer:
        parent = region_of(subdivision["code"]) or subdivision["code"].split("-")[0]
        siblings[parent] = siblings.get(parent, 0) + 1
    for subdivision in sorted(finer, key=lambda s: s["code"]):
        country = subdivision["code"].split("-")[0]
        parent = region_of(subdivision["code"])
        pool = region_population.get(parent, 0) if parent else country_population.get(country, 0)
        estimate = pool // max(siblings[parent or country], 1)
        names = names_of(subdivision["name"], translations(iso2_catalogs, subdivision["name"]))
        if names:
            lines.append("\t".join(["S", subdivision["code"], parent or "-", country, str(estimate)] + names))

    # A few catalogue entries hold the language's own name instead of the city's
    # (ja: "日本語" for Mariupol); iso-codes' iso_639-2 catalogues give each language's name.
    language_names = {}
    try:
        with open(os.path.join(args.iso_codes, "iso_639-2.json"), encoding="utf-8") as stream:
            english_names = {entry["alpha_2"]: entry["name"] for entry in json.load(stream)["639-2"]
                             if "alpha_2" in entry}
    except OSError:
        english_names = {}
    for lang in LANGUAGES:
        english = english_names.get(lang.split("_")[0])
        own = read_catalog(os.path.join(args.locale_dir, lang, "LC_MESSAGES", "iso_639-2.mo")).get(english)
        if own:
            language_names[lang] = own

    # Some catalogues give a metropolis's name to each of its districts (every commune of
    # Brussels is "Bruxelles" in one): a translated name shared by several cities of one
    # catalogue stays with the most populous of them only.
    population_of = {city["id"]: city["population"] for city in cities}
    city_translations = {city["id"]: [] for city in cities}
    for lang, catalog in sorted(geonames_catalogs.items()):
        holders = {}
        for city in cities:
            translated = catalog.get(city["id"])
            if translated and translated != language_names.get(lang):
                holders.setdefault(translated, []).append(city["id"])
        for translated, ids in holders.items():
            largest = max(ids, key=lambda city_id: (population_of[city_id], -int(city_id)))
            city_translations[largest].append(translated)

    for city in sorted(cities, key=lambda c: int(c["id"])):
        region_key = f'{city["country"]}.{city["admin1"]}'
        names = names_of(city["name"], city_translations[city["id"]])
        if not names:
            continue
        lines.append("\t".join(["P", city["id"], region_key, str(city["population"]),
                                f'{city["lat"]:.5f}', f'{city["lon"]:.5f}'] + names))

    # Codes: ISO alpha-3 for every country; ISO 3166-2 suffixes where people write them
    # after a city ("Austin, TX", "Toronto, ON", "Brasília-DF"). A code is weak evidence:
    # the resolver takes it only in capitals and, if it is also an English word, only
    # next to a city it agrees with. India's and Mexico's codes are left out: "TN", "GA" and
    # "MP" would read as Tamil Nadu, Goa and Madhya Pradesh before Tennessee or Georgia.
    code_countries = {"US", "CA", "AU", "BR", "GB"}
    for country in sorted(iso_countries, key=lambda c: c["alpha_2"]):
        flags = "k" + ("w" if country["alpha_3"].lower() in common_words else "")
        lines.append("\t".join(["A", flags, "C:" + country["alpha_2"], country["alpha_3"]]))
        flags = "k" + ("w" if country["alpha_2"].lower() in common_words else "")
        lines.append("\t".join(["A", flags, "C:" + country["alpha_2"], country["alpha_2"]]))
    for subdivision in sorted(iso_subdivisions, key=lambda s: s["code"]):
        country, suffix = subdivision["code"].split("-", 1)
        if country not in code_countries or not suffix.isalpha() or "parent" in subdivision:
            continue
        target = ("R:" + iso_to_region[subdivision["code"]]) if subdivision["code"] in iso_to_region \
            else ("S:" + subdivision["code"])
        flags = "k" + ("w" if suffix.lower() in common_words else "")
        lines.append("\t".join(["A", flags, target, suffix]))

    # The curated list: its targets are checked here so a typo fails the build.
    city_ids = {city["id"] for city in cities}

    def known_target(target):
        kind, _, value = target.partition(":")
        return {"P": value in city_ids, "R": value in region_names, "C": value in iso_alpha2,
                "S": value in by_code}.get(kind, False)

    with open(args.curated, encoding="utf-8") as stream:
        for number, raw in enumerate(stream, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            where = f"{args.curated}:{number}"
            if fields[0] == "alias" and len(fields) >= 4:
                _, alias, target, flags = fields[:4]
                if not known_target(target):
                    fail(f"{where}: unknown target {target}")
                lines.append("\t".join(["A", flags if flags != "-" else "", target, alias]))
            elif fields[0] in ("non_place", "too_broad") and len(fields) >= 2:
                lines.append("\t".join(["X", fields[0], fields[1]]))
            elif fields[0] == "time_zone" and len(fields) >= 3:
                if fields[2] != "-" and not known_target(fields[2]):
                    fail(f"{where}: unknown target {fields[2]}")
                lines.append("\t".join(["T", fields[1], fields[2]]))
            else:
                fail(f"{where}: expected alias/non_place/too_broad/time_zone lines, got {line!r}")

    text = "\n".join(lines) + "\n"
    delimiter = ")gazetteer\""
    if delimiter in text:
        fail("the gazetteer contains the raw string delimiter")
    # Several adjacent literals (one per ~60,000 bytes at a line end) keep each one small.
    chunks, current = [], []
    size = 0
    for line in text.splitlines(keepends=True):
        current.append(line)
        size += len(line.encode("utf-8"))
        if size > 60000:
            chunks.append("".join(current))
            current, size = [], 0
    if current:
        chunks.append("".join(current))
    body = ["// Generated by src/text/generate_gazetteer.py from Debian's GeoNames (CC BY 4.0,",
            "// geonames.org) and iso-codes data; do not edit.",
            '#include "text/gazetteer_data.h"', "", "namespace crowdlens::text {", "",
            "const std::string_view kGazetteerText ="]
    body += [f'    R"gazetteer({chunk}{delimiter}' for chunk in chunks]
    body[-1] += ";"
    body += ["", "}  // namespace crowdlens::text", ""]
    output = "\n".join(body)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    temporary = args.output + ".tmp"
    with open(temporary, "w", encoding="utf-8") as stream:
        stream.write(output)
    if os.path.exists(args.output):
        with open(args.output, encoding="utf-8") as stream:
            if stream.read() == output:
                os.remove(temporary)
                return
    os.replace(temporary, args.output)


if __name__ == "__main__":
    main()
