// Normalisation (NFKC, case folding, accents) and the location tokeniser.
#include <gtest/gtest.h>

#include "text/location_tokens.h"
#include "text/normalize.h"

namespace crowdlens::text {
namespace {

TEST(NormalizeTest, NfkcFoldsCompatibilityFormsAndKeepsCase) {
  EXPECT_EQ(NormalizeNfkc("\uFF2C\uFF4F\uFF4E\uFF44\uFF4F\uFF4E"), "London");  // Ｌｏｎｄｏｎ
  EXPECT_EQ(NormalizeNfkc("\uFB01"), "fi");                                  // the ﬁ ligature
  EXPECT_EQ(NormalizeNfkc("Zu\u0308rich"), "Z\u00FCrich");                   // composed
  EXPECT_EQ(NormalizeNfkc("plain ascii"), "plain ascii");
}

TEST(NormalizeTest, FoldingMakesSpellingsMeet) {
  EXPECT_EQ(FoldForMatching("\uFF2C\uFF2F\uFF2E\uFF24\uFF2F\uFF2E"), "london");
  EXPECT_EQ(FoldForMatching("Z\u00FCrich"), "zurich");
  EXPECT_EQ(FoldForMatching("Zu\u0308rich"), "zurich");
  EXPECT_EQ(FoldForMatching("Stra\u00DFe"), FoldForMatching("STRASSE"));
  EXPECT_EQ(FoldForMatching("S\u00C3O PAULO"), "sao paulo");
  EXPECT_EQ(FoldForMatching("\u041C\u043E\u0441\u043A\u0432\u0430"), "\u043C\u043E\u0441\u043A\u0432\u0430");  // Москва
}

TEST(NormalizeTest, InvalidBytesBecomeReplacementCharacters) {
  EXPECT_EQ(ReplaceInvalidUtf8("a\xFF" "b"), "a\uFFFD" "b");
  EXPECT_EQ(FoldForMatching("A\xC3"), "a\uFFFD");
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  for (const LocationToken& token : TokenizeLocation(text)) words.push_back(token.folded);
  return words;
}

TEST(LocationTokensTest, WordsSegmentsAndCase) {
  std::vector<LocationToken> tokens = TokenizeLocation("Paris, Texas");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].folded, "paris");
  EXPECT_EQ(tokens[1].folded, "texas");
  EXPECT_NE(tokens[0].segment, tokens[1].segment);
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_FALSE(tokens[0].all_capitals);

  tokens = TokenizeLocation("Stratford-upon-Avon UK");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].segment, tokens[3].segment);  // hyphens and spaces separate words only
  EXPECT_TRUE(tokens[3].all_capitals);
  EXPECT_FALSE(tokens[1].capitalized);
}

TEST(LocationTokensTest, AbbreviationsAndApostrophesJoin) {
  EXPECT_EQ(Words("Washington, D.C."), (std::vector<std::string>{"washington", "dc"}));
  EXPECT_EQ(Words("U.S.A."), (std::vector<std::string>{"usa"}));
  EXPECT_EQ(Words("St. John's"), (std::vector<std::string>{"st", "johns"}));
  EXPECT_EQ(Words("YORKSHIRE...Gods own County"), (std::vector<std::string>{"yorkshire", "gods", "own", "county"}));
  EXPECT_EQ(Words("Berlin.Germany"), (std::vector<std::string>{"berlin", "germany"}));
  EXPECT_EQ(Words("#London \U0001F1EC\U0001F1E7 'Earth'"), (std::vector<std::string>{"london", "earth"}));
  EXPECT_TRUE(TokenizeLocation("D.C.")[0].all_capitals);
  EXPECT_EQ(LocationKey("Saint-Louis"), "saint louis");
}

TEST(LocationTokensTest, FlagEmoji) {
  std::vector<FlagEmoji> flags = FindFlagEmoji("\U0001F1FA\U0001F1F8\U0001F1EC\U0001F1E7 x");
  ASSERT_EQ(flags.size(), 2u);
  EXPECT_EQ(flags[0].country, "US");
  EXPECT_EQ(flags[1].country, "GB");
  EXPECT_TRUE(flags[1].subdivision.empty());

  flags = FindFlagEmoji("\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F");
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].country, "GB");
  EXPECT_EQ(flags[0].subdivision, "GB-SCT");

  // A black flag with no tags, or tags with no CANCEL TAG, names nothing.
  EXPECT_TRUE(FindFlagEmoji("\U0001F3F4").empty());
  EXPECT_TRUE(FindFlagEmoji("\U0001F3F4\U000E0067\U000E0062").empty());
  EXPECT_TRUE(FindFlagEmoji("\U0001F1EC").empty());  // half a flag
}

}  // namespace
}  // namespace crowdlens::text
