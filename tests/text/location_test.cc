// The location resolver on the messy profile locations it exists for. Expected
// answers are facts about the places (Manchester is in England; Paris, Texas is
// in the US) and the population figures GeoNames gives for each reading.
#include <gtest/gtest.h>

#include "text/location.h"

namespace crowdlens::text {
namespace {

class LocationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<LocationResolver> loaded = LocationResolver::Load();
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    resolver_ = new LocationResolver(*loaded);
  }
  static void TearDownTestSuite() { delete resolver_; }
  static const LocationResolver& resolver() { return *resolver_; }
  static inline LocationResolver* resolver_ = nullptr;
};

TEST_F(LocationTest, UkCitiesResolveToGreatBritainWithTheirCity) {
  ResolvedLocation manchester = resolver().Resolve("Manchester, UK");
  EXPECT_EQ(manchester.country, "GB");
  EXPECT_EQ(manchester.city, "Manchester");
  EXPECT_EQ(manchester.region, "England");
  EXPECT_EQ(manchester.region_code, "GB-ENG");
  EXPECT_EQ(manchester.method, LocationMethod::kCity);
  ASSERT_TRUE(manchester.latitude.has_value());
  EXPECT_NEAR(*manchester.latitude, 53.48, 0.01);  // GeoNames 2643123
  EXPECT_NEAR(*manchester.longitude, -2.24, 0.01);
  EXPECT_EQ(manchester.matched, "manchester + uk");
  EXPECT_GE(manchester.confidence, 0.9);

  ResolvedLocation london = resolver().Resolve("London");
  EXPECT_EQ(london.country, "GB");
  EXPECT_EQ(london.city, "London");
  EXPECT_EQ(london.region, "England");
  // London, Ontario (346,765 people) is the other reading: 8,961,989 / (8,961,989 + 346,765) = 0.963.
  EXPECT_NEAR(london.confidence, 0.85 * 0.963, 0.01);
}

TEST_F(LocationTest, TwoCountriesNamedGiveTheFirstAtLowerConfidence) {
  ResolvedLocation both = resolver().Resolve("UK & Ireland");
  EXPECT_EQ(both.country, "GB");
  EXPECT_TRUE(both.city.empty());
  EXPECT_EQ(both.method, LocationMethod::kCountry);
  EXPECT_NEAR(both.confidence, 0.9 / 2, 0.001);  // one of two countries named

  ResolvedLocation cities = resolver().Resolve("NYC / LDN");
  EXPECT_EQ(cities.country, "US");
  EXPECT_EQ(cities.city, "New York");
  EXPECT_EQ(cities.region, "New York");
  EXPECT_LE(cities.confidence, 0.5);
  EXPECT_EQ(cities.matched, "nyc");
}

TEST_F(LocationTest, FlagsIncludingTagSequences) {
  ResolvedLocation union_flag = resolver().Resolve("\U0001F1EC\U0001F1E7");
  EXPECT_EQ(union_flag.country, "GB");
  EXPECT_EQ(union_flag.method, LocationMethod::kFlag);
  EXPECT_TRUE(union_flag.region.empty());

  // U+1F3F4, tags g b e n g, CANCEL TAG: England's flag.
  ResolvedLocation england = resolver().Resolve("\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F");
  EXPECT_EQ(england.country, "GB");
  EXPECT_EQ(england.region, "England");
  EXPECT_EQ(england.region_code, "GB-ENG");
  EXPECT_EQ(england.method, LocationMethod::kFlag);

  ResolvedLocation wales = resolver().Resolve("Cardiff \U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F");
  EXPECT_EQ(wales.country, "GB");
  EXPECT_EQ(wales.city, "Cardiff");
  EXPECT_EQ(wales.region, "Wales");
  EXPECT_GE(wales.confidence, 0.9);

  // Regional indicators that form no country ("ZZ") are ignored.
  EXPECT_FALSE(resolver().Resolve("\U0001F1FF\U0001F1FF").known());
}

TEST_F(LocationTest, NonPlacesAreUnknownNotGuessed) {
  for (const char* text : {"Earth", "somewhere over the rainbow", "Planet Earth", "Worldwide", "everywhere",
                           "the internet", "in your heart"}) {
    ResolvedLocation where = resolver().Resolve(text);
    EXPECT_FALSE(where.known()) << text << " -> " << where.country;
    EXPECT_EQ(where.method, LocationMethod::kNotAPlace) << text;
  }
  EXPECT_EQ(resolver().Resolve("Europe").method, LocationMethod::kTooBroad);
  // "South America" is wider than a country; "America" inside it must not become the US.
  EXPECT_FALSE(resolver().Resolve("South America").known());
  EXPECT_EQ(resolver().Resolve("").method, LocationMethod::kEmpty);
  EXPECT_EQ(resolver().Resolve("usually on my sofa").method, LocationMethod::kNoMatch);
  // A place beside a non-place is still the place.
  EXPECT_EQ(resolver().Resolve("London & worldwide").country, "GB");
}

TEST_F(LocationTest, AmbiguousNamesFollowContextThenPopulation) {
  ResolvedLocation paris = resolver().Resolve("Paris");
  EXPECT_EQ(paris.country, "FR");
  EXPECT_EQ(paris.city, "Paris");

  ResolvedLocation texas = resolver().Resolve("Paris, Texas");
  EXPECT_EQ(texas.country, "US");
  EXPECT_EQ(texas.city, "Paris");
  EXPECT_EQ(texas.region, "Texas");
  EXPECT_EQ(texas.region_code, "US-TX");
  EXPECT_GE(texas.confidence, 0.9);

  ResolvedLocation birmingham = resolver().Resolve("Birmingham");
  EXPECT_EQ(birmingham.country, "GB");
  EXPECT_EQ(birmingham.region, "England");
  // Birmingham, England 984,333 against Birmingham, Alabama 212,461: a lowered confidence.
  EXPECT_NEAR(birmingham.confidence, 0.85 * 984333.0 / (984333.0 + 212461.0), 0.01);

  ResolvedLocation alabama = resolver().Resolve("Birmingham, AL");
  EXPECT_EQ(alabama.country, "US");
  EXPECT_EQ(alabama.city, "Birmingham");
  EXPECT_EQ(alabama.region, "Alabama");
  EXPECT_GT(alabama.confidence, birmingham.confidence);

  // Paris, Texas and Berlin, Connecticut are both in the US, but neither name means the US first.
  EXPECT_EQ(resolver().Resolve("Paris / Berlin").country, "FR");
  EXPECT_EQ(resolver().Resolve("Berlin / Paris").country, "DE");
  // Tennessee and Tunisia are both "TN"; either way Bristol, Tennessee settles it.
  EXPECT_EQ(resolver().Resolve("Bristol, TN").country, "US");
  EXPECT_EQ(resolver().Resolve("Newcastle, UK").country, "GB");
  // "AZ" is Arizona or Azerbaijan: it names neither outright, and Arizona is the larger.
  EXPECT_EQ(resolver().Resolve("Usually on a Bicycle (PHX,AZ)").region, "Arizona");

  ResolvedLocation ontario = resolver().Resolve("London, Ontario");
  EXPECT_EQ(ontario.country, "CA");
  EXPECT_EQ(ontario.city, "London");
  EXPECT_EQ(ontario.region, "Ontario");

  // Several Springfields in the US and none holding half their people: the country, not a city.
  ResolvedLocation springfield = resolver().Resolve("Springfield");
  EXPECT_EQ(springfield.country, "US");
  EXPECT_TRUE(springfield.city.empty());
  ResolvedLocation illinois = resolver().Resolve("Springfield, IL");
  EXPECT_EQ(illinois.city, "Springfield");
  EXPECT_EQ(illinois.region, "Illinois");
}

TEST_F(LocationTest, CompatibilityFormsCaseAndAccents) {
  ResolvedLocation fullwidth = resolver().Resolve("\uFF2C\uFF2F\uFF2E\uFF24\uFF2F\uFF2E");  // ＬＯＮＤＯＮ
  EXPECT_EQ(fullwidth.country, "GB");
  EXPECT_EQ(fullwidth.city, "London");
  // ｍａｎｃｈｅｓｔｅｒ，ＵＫ with a fullwidth comma.
  ResolvedLocation wide = resolver().Resolve("\uFF4D\uFF41\uFF4E\uFF43\uFF48\uFF45\uFF53\uFF54\uFF45\uFF52\uFF0C\uFF35\uFF2B");
  EXPECT_EQ(wide.country, "GB");
  EXPECT_EQ(wide.city, "Manchester");
  EXPECT_EQ(resolver().Resolve("CHICAGO").city, "Chicago");
  EXPECT_EQ(resolver().Resolve("chicago").city, "Chicago");
  EXPECT_EQ(resolver().Resolve("Zürich").country, "CH");
  EXPECT_EQ(resolver().Resolve("Zurich").country, "CH");
  EXPECT_EQ(resolver().Resolve("München").city, "Munich");
  EXPECT_EQ(resolver().Resolve("Londres, Royaume-Uni").city, "London");
  EXPECT_EQ(resolver().Resolve("Köln").city, "Cologne");
  EXPECT_EQ(resolver().Resolve("Deutschland").country, "DE");
}

TEST_F(LocationTest, AbbreviationsAndCodesNeedCapitals) {
  ResolvedLocation los_angeles = resolver().Resolve("LA");
  EXPECT_EQ(los_angeles.country, "US");
  EXPECT_EQ(los_angeles.city, "Los Angeles");
  EXPECT_EQ(resolver().Resolve("L.A.").city, "Los Angeles");
  EXPECT_FALSE(resolver().Resolve("la").known());
  EXPECT_EQ(resolver().Resolve("SF").city, "San Francisco");
  EXPECT_EQ(resolver().Resolve("LDN").city, "London");
  EXPECT_EQ(resolver().Resolve("nyc").city, "New York");
  EXPECT_EQ(resolver().Resolve("the Big Apple").city, "New York");

  ResolvedLocation san_diego = resolver().Resolve("San Diego, CA");
  EXPECT_EQ(san_diego.region, "California");
  // "CA" alone is California or Canada, and "ca" is an English word: no answer.
  EXPECT_FALSE(resolver().Resolve("CA").known());
  ResolvedLocation new_york = resolver().Resolve("NY");
  EXPECT_EQ(new_york.country, "US");
  EXPECT_EQ(new_york.region, "New York");
  EXPECT_EQ(new_york.method, LocationMethod::kRegion);
  EXPECT_LT(new_york.confidence, 0.85);  // a code alone
  EXPECT_EQ(resolver().Resolve("Washington, D.C.").city, "Washington D.C.");
  EXPECT_EQ(resolver().Resolve("St. Louis, MO").city, "St Louis");
  EXPECT_EQ(resolver().Resolve("Saint Louis").city, "St Louis");
  EXPECT_EQ(resolver().Resolve("Brooklyn, NY").region, "New York");
}

TEST_F(LocationTest, EverydayWordsNeedCorroboration) {
  EXPECT_EQ(resolver().Resolve("Reading").country, "GB");
  EXPECT_EQ(resolver().Resolve("Reading, UK").city, "Reading");
  EXPECT_FALSE(resolver().Resolve("reading books").known());
  ResolvedLocation orange = resolver().Resolve("Orange, CA");
  EXPECT_EQ(orange.country, "US");
  EXPECT_EQ(orange.region, "California");
  // "Southern" is a region of several countries but here only qualifies California.
  EXPECT_EQ(resolver().Resolve("Southern California").country, "US");
  EXPECT_EQ(resolver().Resolve("New England").country, "US");
}

TEST_F(LocationTest, WeakWordsDoNotCorroborateThemselves) {
  // "Coast" is a Tanzanian region's English name; twice is still no corroboration.
  EXPECT_FALSE(resolver().Resolve("Coast To Coast").known());
  // "wa" is not Washington in lower case, and Wa (Ghana) needs more than two lower-case letters.
  EXPECT_FALSE(resolver().Resolve("seasshole, wa").known());
  // A catalogue that names Mariupol "日本語" (Japanese for "Japanese") is not believed.
  EXPECT_FALSE(resolver().Resolve("EN/Deutsch/日本語").known());
  ResolvedLocation shanghai = resolver().Resolve("上海");  // two characters, a full name
  EXPECT_EQ(shanghai.country, "CN");
  EXPECT_EQ(shanghai.city, "Shanghai");
}

TEST_F(LocationTest, RegionsAndCountries) {
  ResolvedLocation texas = resolver().Resolve("Texas");
  EXPECT_EQ(texas.country, "US");
  EXPECT_EQ(texas.region, "Texas");
  EXPECT_TRUE(texas.city.empty());
  EXPECT_FALSE(texas.latitude.has_value());
  EXPECT_EQ(texas.method, LocationMethod::kRegion);

  ResolvedLocation england = resolver().Resolve("England");
  EXPECT_EQ(england.country, "GB");
  EXPECT_EQ(england.region, "England");

  ResolvedLocation devon = resolver().Resolve("UK, Devon");
  EXPECT_EQ(devon.country, "GB");
  EXPECT_EQ(devon.region, "England");  // Devon (GB-DEV) lies in England

  ResolvedLocation germany = resolver().Resolve("Germany");
  EXPECT_EQ(germany.country, "DE");
  EXPECT_EQ(germany.method, LocationMethod::kCountry);
  EXPECT_NEAR(germany.confidence, 0.9, 1e-9);
  EXPECT_EQ(resolver().Resolve("Mexico").method, LocationMethod::kCountry);
  EXPECT_EQ(resolver().Resolve("USA").country, "US");
  EXPECT_EQ(resolver().Resolve("Trinidad & Tobago").country, "TT");
  EXPECT_EQ(resolver().Resolve("Bosnia and Herzegovina").country, "BA");
}

TEST_F(LocationTest, TimeZoneIsALabelledLowConfidenceFallback) {
  ResolvedLocation london = resolver().Resolve("", "London");
  EXPECT_EQ(london.country, "GB");
  EXPECT_TRUE(london.city.empty());  // a zone tells the country, not the city
  EXPECT_EQ(london.method, LocationMethod::kTimeZone);
  EXPECT_NEAR(london.confidence, 0.3, 1e-9);

  EXPECT_EQ(resolver().Resolve("", "Eastern Time (US & Canada)").country, "US");
  EXPECT_EQ(resolver().Resolve("", "Atlantic Time (Canada)").country, "CA");
  EXPECT_EQ(resolver().Resolve("", "Arizona").region, "Arizona");
  EXPECT_EQ(resolver().Resolve("Earth", "Berlin").country, "DE");
  EXPECT_EQ(resolver().Resolve("Earth", "Berlin").method, LocationMethod::kTimeZone);
  EXPECT_FALSE(resolver().Resolve("", "UTC").known());
  EXPECT_FALSE(resolver().Resolve("", "International Date Line West").known());

  // The text wins over the zone.
  ResolvedLocation paris = resolver().Resolve("Paris", "Tokyo");
  EXPECT_EQ(paris.country, "FR");
  EXPECT_EQ(paris.method, LocationMethod::kCity);
}

TEST_F(LocationTest, BadBytesNeverCrash) {
  EXPECT_EQ(resolver().Resolve("\xFF\xFE London").country, "GB");
  EXPECT_FALSE(resolver().Resolve(std::string_view("\0\0\0", 3)).known());
  EXPECT_FALSE(resolver().Resolve("\xF0\x9F").known());  // a truncated emoji
  std::string long_text(100000, 'a');
  EXPECT_FALSE(resolver().Resolve(long_text).known());
  // Thousands of place names: only the first 32 mentions are weighed (16 Londons, 15 Berlins).
  std::string many_places = "Paris";
  for (int repeat = 0; repeat < 5000; ++repeat) many_places += ", London, Berlin";
  EXPECT_EQ(resolver().Resolve(many_places).country, "GB");
}

}  // namespace
}  // namespace crowdlens::text
