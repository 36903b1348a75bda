// HTML to plain text for posts and profiles that arrive as HTML (Mastodon's
// content, note and profile field values).
//
// Line breaks follow the markup: <br> is a line break, a new paragraph (<p>,
// and other block elements) starts after a blank line, <li> on its own line.
// Every other tag is dropped and its text kept, so Mastodon's link markup
// (<span class="invisible">https://</span>...) reads as the whole URL and a
// mention as "@user". Character references are decoded (&amp; &lt; &gt;
// &quot; &#39; &apos; &nbsp; and numeric ones, decimal or hex); unknown named
// ones are kept as written. Links are returned beside the text with their
// class and rel, so callers can tell a mention or hashtag link from a web link.
//
//   HtmlText html = HtmlToText("<p>Hi <a href=\"https://x.example/\">x.example</a> &amp; all</p><p>Bye</p>");
//   html.text;             // "Hi x.example & all\n\nBye"
//   html.links[0].href;    // "https://x.example/"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crowdlens {

struct HtmlLink {
  std::string href;
  std::string text;        // the link's text as it reads
  std::string class_name;  // the class attribute ("u-url mention", "mention hashtag")
  std::string rel;         // the rel attribute ("tag", "nofollow noopener me")
};

struct HtmlText {
  std::string text;
  std::vector<HtmlLink> links;
};

HtmlText HtmlToText(std::string_view html);

// Decodes character references in text that is not otherwise HTML.
std::string DecodeHtmlEntities(std::string_view text);

}  // namespace crowdlens
