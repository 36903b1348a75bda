// Latin-ASCII transliteration for comparing names across scripts and
// accents: "José" and "Jose", "Müller" and "Muller", "Łukasz" and "Lukasz",
// "Дмитрий" and "Dmitrij" become one spelling. Uses ICU's transform
// "Any-Latin; Latin-ASCII" (ICU user guide, "General Transforms"), then
// FoldForMatching (NFKC and case folding), so the result is lower-case ASCII
// for every script ICU can romanise; what it cannot stays folded.
//
//   FoldToAscii("Zoë Müller-Example");  // "zoe muller-example"
#pragma once

#include <string>
#include <string_view>

namespace crowdlens::text {

std::string FoldToAscii(std::string_view utf8_text);

}  // namespace crowdlens::text
