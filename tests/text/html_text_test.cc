// HTML to text on the markup Mastodon sends (content, note, profile fields).
#include <gtest/gtest.h>

#include "text/html_text.h"

namespace crowdlens {
namespace {

TEST(HtmlText, MastodonLinksReadAsWritten) {
  HtmlText html = HtmlToText(
      "<p><span class=\"h-card\"><a href=\"https://mastodon.social/@ana\" class=\"u-url mention\">@<span>ana</span>"
      "</a></span> see <a href=\"https://example.com/a/very/long/path?x=1&amp;y=2\" rel=\"nofollow noopener\">"
      "<span class=\"invisible\">https://</span><span class=\"ellipsis\">example.com/a/very/lo</span>"
      "<span class=\"invisible\">ng/path?x=1&amp;y=2</span></a> <a href=\"https://mastodon.social/tags/cx\" "
      "class=\"mention hashtag\" rel=\"tag\">#<span>cx</span></a></p>");
  EXPECT_EQ(html.text, "@ana see https://example.com/a/very/long/path?x=1&y=2 #cx");
  ASSERT_EQ(html.links.size(), 3u);
  EXPECT_EQ(html.links[0].href, "https://mastodon.social/@ana");
  EXPECT_EQ(html.links[0].text, "@ana");
  EXPECT_EQ(html.links[0].class_name, "u-url mention");
  EXPECT_EQ(html.links[1].href, "https://example.com/a/very/long/path?x=1&y=2");
  EXPECT_EQ(html.links[1].text, "https://example.com/a/very/long/path?x=1&y=2");
  EXPECT_EQ(html.links[1].rel, "nofollow noopener");
  EXPECT_EQ(html.links[2].rel, "tag");
}

TEST(HtmlText, LineBreaksFollowTheMarkup) {
  EXPECT_EQ(HtmlToText("<p>one<br>two<br/>three<br />four</p><p>five</p>").text, "one\ntwo\nthree\nfour\n\nfive");
  EXPECT_EQ(HtmlToText("<p>list</p><ul><li>a</li><li>b</li></ul><blockquote>q</blockquote>").text,
            "list\n\na\nb\n\nq");
  EXPECT_EQ(HtmlToText("  <p></p><p>only</p>  ").text, "only");
}

TEST(HtmlText, CharacterReferences) {
  EXPECT_EQ(HtmlToText("&amp; &lt; &gt; &quot; &#39; &apos; &#8212; &#x1F44B; &#X41;").text,
            "& < > \" ' ' \xE2\x80\x94 \xF0\x9F\x91\x8B A");
  EXPECT_EQ(HtmlToText("a &nbsp;b").text, "a \xC2\xA0" "b");
  // Not references: kept as written.
  EXPECT_EQ(HtmlToText("AT&T &unknown; &#xZZ; & done").text, "AT&T &unknown; &#xZZ; & done");
  EXPECT_EQ(HtmlToText("&#0; &#xD800;").text, "\xEF\xBF\xBD \xEF\xBF\xBD");
  EXPECT_EQ(DecodeHtmlEntities("Tom &amp; Jerry <b>"), "Tom & Jerry <b>");
}

TEST(HtmlText, OddMarkup) {
  EXPECT_EQ(HtmlToText("a<!-- <p>hidden</p> -->b").text, "ab");
  EXPECT_EQ(HtmlToText("<a href=\"x\" title=\"1 > 0\">link</a> after").text, "link after");
  EXPECT_EQ(HtmlToText("<A HREF='https://x.example'>X</A>").links.at(0).href, "https://x.example");
  EXPECT_EQ(HtmlToText("unclosed <a href=\"https://y.example\">tail").links.at(0).text, "tail");
  EXPECT_EQ(HtmlToText("broken <tag").text, "broken");
  EXPECT_EQ(HtmlToText("").text, "");
}

}  // namespace
}  // namespace crowdlens
