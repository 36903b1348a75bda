// The gazetteer generated from Debian's data at build time, checked against the
// same data read independently (Python's gettext and json on the installed
// files), against GeoNames facts, and its parser against bad records.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "text/gazetteer.h"

namespace crowdlens::text {
namespace {

constexpr const char* kPeerPython = "/usr/bin/python3";

// Runs a Python one-liner and returns its standard output, trimmed.
std::string RunPython(const std::string& program) {
  std::string command = std::string(kPeerPython) + " -c \"" + program + "\"";
  std::string output;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[256];
    while (fgets(buffer, sizeof buffer, pipe)) output += buffer;
    pclose(pipe);
  }
  while (!output.empty() && (output.back() == '\n' || output.back() == ' ')) output.pop_back();
  return output;
}

const Gazetteer& Builtin() {
  Result<const Gazetteer*> gazetteer = Gazetteer::Builtin();
  EXPECT_TRUE(gazetteer.ok()) << gazetteer.status().message();
  return **gazetteer;
}

TEST(GazetteerTest, HoldsEveryCityAndCountryOfTheDebianData) {
  if (!std::filesystem::exists(kPeerPython)) GTEST_SKIP() << "no " << kPeerPython;
  // libgeonames-common's English catalogue names each city of libgeonames0 by its GeoNames id.
  std::string cities = RunPython(
      "import gettext; c = gettext.GNUTranslations(open('/usr/share/locale/en/LC_MESSAGES/geonames.mo', 'rb'))._catalog; "
      "print(sum(1 for k in c if isinstance(k, str) and k.isdigit()))");
  EXPECT_EQ(std::to_string(Builtin().city_count()), cities);
  std::string countries = RunPython(
      "import json; print(len(json.load(open('/usr/share/iso-codes/json/iso_3166-1.json'))['3166-1']))");
  // Plus Kosovo, which GeoNames has (XK) and ISO 3166-1 does not.
  EXPECT_EQ(std::to_string(Builtin().country_count() - 1), countries);
  ASSERT_TRUE(Builtin().FindCountry("XK"));
  EXPECT_EQ(Builtin().country(*Builtin().FindCountry("XK")).name, "Kosovo");
}

TEST(GazetteerTest, KnowsGeoNamesFacts) {
  const Gazetteer& gazetteer = Builtin();
  std::optional<uint32_t> london = gazetteer.FindCityByGeonameId(2643743);
  ASSERT_TRUE(london);
  const City& city = gazetteer.city(*london);
  EXPECT_EQ(city.name, "London");
  EXPECT_NEAR(city.latitude, 51.50853, 1e-5);
  EXPECT_NEAR(city.longitude, -0.12574, 1e-5);
  EXPECT_EQ(gazetteer.country(city.country).code, "GB");
  ASSERT_NE(city.region, kNoRegion);
  EXPECT_EQ(gazetteer.region(city.region).name, "England");
  EXPECT_EQ(gazetteer.region(city.region).iso_code, "GB-ENG");

  std::optional<uint32_t> germany = gazetteer.FindCountry("DE");
  ASSERT_TRUE(germany);
  EXPECT_EQ(gazetteer.country(*germany).code3, "DEU");
  bool deutschland = false;
  for (const NameEntry& entry : gazetteer.Lookup("deutschland")) {
    deutschland = deutschland || (entry.kind == PlaceKind::kCountry && entry.index == *germany);
  }
  EXPECT_TRUE(deutschland);

  // "new york" is both the city and the state.
  bool city_found = false;
  bool state_found = false;
  for (const NameEntry& entry : gazetteer.Lookup("new york")) {
    city_found = city_found || (entry.kind == PlaceKind::kCity && gazetteer.city(entry.index).geonameid == 5128581);
    state_found = state_found || (entry.kind == PlaceKind::kRegion && gazetteer.region(entry.index).iso_code == "US-NY");
  }
  EXPECT_TRUE(city_found);
  EXPECT_TRUE(state_found);

  // Devon is a county of England: its first-level region is England.
  std::optional<uint32_t> devon = gazetteer.FindRegionByIsoCode("GB-DEV");
  ASSERT_TRUE(devon);
  ASSERT_NE(gazetteer.region(*devon).first_level, kNoRegion);
  EXPECT_EQ(gazetteer.region(gazetteer.region(*devon).first_level).name, "England");
  EXPECT_TRUE(gazetteer.Lookup("no such place at all").empty());
}

TEST(GazetteerTest, ParsesASmallGazetteer) {
  std::string text =
      "C\tGB\tGBR\t100\tUnited Kingdom\n"
      "R\tGB.ENG\tGB\tGB-ENG\t90\tEngland\n"
      "P\t2643743\tGB.ENG\t90\t51.5\t-0.1\tLondon\tLondres\n"
      "P\t1\tGB.ENG\t5\t50\t0\t~Reading\tSt Albans\n"
      "A\tu\tP:2643743\tLDN\n"
      "X\tnon_place\tEarth\n"
      "T\tUTC\t-\n";
  Result<std::unique_ptr<Gazetteer>> parsed = Gazetteer::Parse(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  const Gazetteer& gazetteer = **parsed;
  EXPECT_EQ(gazetteer.city_count(), 2u);
  ASSERT_EQ(gazetteer.Lookup("londres").size(), 1u);
  EXPECT_EQ(gazetteer.Lookup("reading")[0].flags, kCommonWord);
  EXPECT_EQ(gazetteer.Lookup("ldn")[0].flags, kCapitalsOnly);
  EXPECT_EQ(gazetteer.Lookup("earth")[0].kind, PlaceKind::kNonPlace);
  EXPECT_EQ(gazetteer.Lookup("saint albans").size(), 1u);  // "St" and "Saint" are one
  ASSERT_NE(gazetteer.FindTimeZone("UTC"), nullptr);
  EXPECT_FALSE(gazetteer.FindTimeZone("UTC")->place.has_value());
}

TEST(GazetteerTest, BadRecordsAreDataErrorsWithTheirLine) {
  Result<std::unique_ptr<Gazetteer>> unknown_record = Gazetteer::Parse("C\tGB\tGBR\t1\tUK\nZ\tnonsense\n");
  ASSERT_FALSE(unknown_record.ok());
  EXPECT_EQ(unknown_record.status().code(), ErrorCode::kDataError);
  EXPECT_NE(unknown_record.status().message().find("line 2"), std::string::npos);

  Result<std::unique_ptr<Gazetteer>> bad_number = Gazetteer::Parse("C\tGB\tGBR\tmany\tUK\n");
  EXPECT_FALSE(bad_number.ok());
  Result<std::unique_ptr<Gazetteer>> unknown_target =
      Gazetteer::Parse("C\tGB\tGBR\t1\tUK\nP\t1\tGB.X\t5\t0\t0\tTown\nA\t\tP:999\tTwn\n");
  ASSERT_FALSE(unknown_target.ok());
  EXPECT_NE(unknown_target.status().message().find("P:999"), std::string::npos);
  EXPECT_FALSE(Gazetteer::Parse("").ok());  // no countries, no cities
}

}  // namespace
}  // namespace crowdlens::text
