// Jaro-Winkler against published values, the nickname table, ASCII folding
// and name comparison, each worked out by hand.
#include <gtest/gtest.h>

#include "text/jaro_winkler.h"
#include "text/nicknames.h"
#include "text/person_name.h"
#include "text/transliterate.h"

namespace crowdlens::text {
namespace {

// Winkler (1990), "String Comparator Metrics and Enhanced Decision Rules in the
// Fellegi-Sunter Model of Record Linkage", Table 3 (and the same pairs in most
// textbooks): MARTHA/MARHTA, DWAYNE/DUANE, DIXON/DICKSONX.
TEST(JaroWinkler, MatchesPublishedValues) {
  // MARTHA/MARHTA: 6 matches, T and H swapped (1 transposition): (1 + 1 + 5/6) / 3.
  EXPECT_NEAR(Jaro("MARTHA", "MARHTA"), 0.944444, 1e-6);
  EXPECT_NEAR(JaroWinkler("MARTHA", "MARHTA"), 0.961111, 1e-6);  // + 3 * 0.1 * (1 - 0.9444)
  // DWAYNE/DUANE: 4 matches (D, A, N, E), none out of order: (4/6 + 4/5 + 1) / 3.
  EXPECT_NEAR(Jaro("DWAYNE", "DUANE"), 0.822222, 1e-6);
  EXPECT_NEAR(JaroWinkler("DWAYNE", "DUANE"), 0.84, 1e-6);
  // DIXON/DICKSONX: window 3; 4 matches (D, I, O, N): (4/5 + 4/8 + 1) / 3.
  EXPECT_NEAR(Jaro("DIXON", "DICKSONX"), 0.766667, 1e-6);
  EXPECT_NEAR(JaroWinkler("DIXON", "DICKSONX"), 0.813333, 1e-6);
}

TEST(JaroWinkler, EdgeCases) {
  EXPECT_DOUBLE_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", ""), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("same", "same"), 1.0);
  // Symmetric, and code points, not bytes: "é" is one character.
  EXPECT_DOUBLE_EQ(JaroWinkler("crate", "trace"), JaroWinkler("trace", "crate"));
  EXPECT_NEAR(Jaro("josé", "jose"), (3.0 / 4 + 3.0 / 4 + 1) / 3, 1e-9);
  // The prefix bonus stops at four characters.
  EXPECT_NEAR(JaroWinkler("abcdefgh", "abcdefgx"), Jaro("abcdefgh", "abcdefgx") +
                                                       4 * 0.1 * (1 - Jaro("abcdefgh", "abcdefgx")), 1e-12);
}

TEST(Nicknames, ShortFormsShareTheirFormalName) {
  EXPECT_TRUE(SameGivenName("bill", "william"));
  EXPECT_TRUE(SameGivenName("bob", "robert"));
  EXPECT_TRUE(SameGivenName("bill", "will"));  // both William
  EXPECT_TRUE(SameGivenName("dan", "daniel"));
  EXPECT_FALSE(SameGivenName("bill", "robert"));
  EXPECT_FALSE(SameGivenName("dan", "david"));
  EXPECT_EQ(FormalGivenNames("al").size(), 3u);  // Albert, Alan, Alexander
  EXPECT_TRUE(FormalGivenNames("zebedee").empty());
}

TEST(FoldToAscii, RomanisesAccentsAndOtherScripts) {
  EXPECT_EQ(FoldToAscii("Zoë Müller"), "zoe muller");
  EXPECT_EQ(FoldToAscii("Łukasz Ørsted"), "lukasz orsted");
  EXPECT_EQ(FoldToAscii("Straße"), "strasse");
  EXPECT_EQ(FoldToAscii("ＬＯＮＤＯＮ"), "london");
  EXPECT_EQ(FoldToAscii("Дмитрий"), "dmitrij");
}

TEST(NameWords, DropsTitlesInitialsAndPunctuation) {
  EXPECT_EQ(NameWords("Dr. José A. Delgado"), (std::vector<std::string>{"jose", "delgado"}));
  EXPECT_EQ(NameWords("Matthew O'Toole"), (std::vector<std::string>{"matthew", "otoole"}));
  EXPECT_EQ(NameWords("BBC News (UK)"), (std::vector<std::string>{"bbc", "news", "uk"}));
  EXPECT_EQ(HandleAsName("@Julia_Macfarlane2"), "juliamacfarlane");
  EXPECT_EQ(HandleAsName("grace.bsky.social"), "grace");
  EXPECT_EQ(HandleAsName("ada@social.example.org"), "ada");
}

TEST(CompareNames, WeighsTheContactsWordsMore) {
  // Bob/Robert: a nickname pair scores 0.97; Smith is exact: both sides average 0.985.
  NameSimilarity bob = CompareNames(NameWords("Bob Smith"), NameWords("Robert Smith"));
  EXPECT_NEAR(bob.similarity, 0.985, 1e-12);
  EXPECT_TRUE(bob.nickname);
  // "BBC News" against "BBC News (UK)": the contact side is 1; the account's "uk"
  // is paired with its best (Jaro-Winkler 0 with both "bbc" and "news"): 0.75 + 0.25 * 2/3.
  NameSimilarity news = CompareNames(NameWords("BBC News"), NameWords("BBC News (UK)"));
  EXPECT_NEAR(news.similarity, 0.75 + 0.25 * 2.0 / 3.0, 1e-12);
  EXPECT_FALSE(news.nickname);
  EXPECT_DOUBLE_EQ(CompareNames(NameWords("Sandford Daniel"), NameWords("Daniel Sandford")).similarity, 1.0);
  EXPECT_DOUBLE_EQ(CompareNames({}, NameWords("Daniel")).similarity, 0.0);
}

}  // namespace
}  // namespace crowdlens::text
