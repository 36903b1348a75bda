// The stemmer (libstemmer's English Porter2) and the words topics compare.
#include "text/stemmer.h"

#include <gtest/gtest.h>

#include "text/stemmer_phrases.h"

namespace crowdlens::text {
namespace {

// Pairs from the Porter2 sample vocabulary on snowballstem.org
// (algorithms/english/stemmer.html), confirmed with Debian's
// python3-snowballstemmer 2.2.0, a separate build of the same algorithm:
//   /usr/bin/python3 -c "import snowballstemmer as s; print(s.stemmer('english').stemWord('knackeries'))"
TEST(Stemmer, PorterTwoSampleVocabulary) {
  Stemmer stemmer;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"consign", "consign"},     {"consigned", "consign"},     {"consignment", "consign"}, {"consistency", "consist"},
      {"consolation", "consol"},  {"conspiracy", "conspiraci"}, {"knackeries", "knackeri"}, {"knives", "knive"},
      {"generously", "generous"}, {"running", "run"},           {"happiness", "happi"},     {"customer's", "custom"},
  };
  for (const auto& [word, stem] : cases) EXPECT_EQ(stemmer.Stem(word), stem) << word;
}

TEST(Stemmer, TopicWordsMeetTheirVariants) {
  Stemmer stemmer;
  EXPECT_EQ(stemmer.Stem("vaccinations"), "vaccin");
  EXPECT_EQ(stemmer.Stem("vaccinated"), "vaccin");
  EXPECT_EQ(stemmer.Stem("vaccine"), "vaccin");
  EXPECT_EQ(stemmer.Stem("centres"), stemmer.Stem("centre"));
  EXPECT_EQ(stemmer.Stem("journalists"), "journalist");
  // Why roles compare words, not stems: these collide.
  EXPECT_EQ(stemmer.Stem("authority"), stemmer.Stem("author"));
  EXPECT_EQ(stemmer.Stem("reporting"), stemmer.Stem("reporter"));
}

TEST(Stemmer, OtherLanguagesAndUnknownOnes) {
  Result<Stemmer> german = Stemmer::ForLanguage("german");
  ASSERT_TRUE(german.ok());
  EXPECT_EQ(german->Stem("häuser"), "haus");
  Result<Stemmer> klingon = Stemmer::ForLanguage("klingon");
  ASSERT_FALSE(klingon.ok());
  EXPECT_EQ(klingon.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(klingon.status().message().find("english"), std::string::npos);  // lists the known ones
}

TEST(LowercaseWords, SplitsLowersAndSkipsUrls) {
  EXPECT_EQ(LowercaseWords("Head of #CustomerService at @ACME_uk https://t.co/abc x.com/y!"),
            (std::vector<std::string>{"head", "of", "customerservice", "at", "acme", "uk"}));
  EXPECT_EQ(LowercaseWords("Don’t stop: K-pop's 2nd ÉTÉ"),
            (std::vector<std::string>{"don't", "stop", "k", "pop's", "2nd", "été"}));
  EXPECT_EQ(LowercaseWords("the students' union"), (std::vector<std::string>{"the", "students", "union"}));
  EXPECT_EQ(LowercaseWords("#covid_19 vaccines #Pfizer rock", {.keep_hashtags = false}),
            (std::vector<std::string>{"vaccines", "rock"}));
  EXPECT_TRUE(LowercaseWords("").empty());
}

TEST(PhraseMatcher, FindsEveryPhraseWordForWord) {
  PhraseMatcher matcher;
  size_t customer_service = matcher.Add({"customer", "service"});
  size_t service = matcher.Add({"service"});
  size_t empty = matcher.Add({});
  std::vector<PhraseMatch> matches = matcher.FindAll({"great", "customer", "service", "and", "customer", "care"});
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].phrase, customer_service);
  EXPECT_EQ(matches[0].position, 1u);
  EXPECT_EQ(matches[0].length, 2u);
  EXPECT_EQ(matches[1].phrase, service);
  EXPECT_EQ(matches[1].position, 2u);
  EXPECT_EQ(empty, 2u);
  EXPECT_TRUE(matcher.FindAll({"customer"}).empty());  // a phrase cut off by the end
}

}  // namespace
}  // namespace crowdlens::text
