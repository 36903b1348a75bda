// `crowdlens sentiment TEXT... | --batch FILE`: VADER sentiment of texts, with the words that decided it.
#include <cmath>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "text/sentiment.h"

namespace crowdlens::cli {
namespace {

double Round(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

}  // namespace

void AddSentimentCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "sentiment",
      "Label texts positive, neutral or negative with VADER (Hutto & Gilbert 2014): compound score, the "
      "positive/neutral/negative shares and the words that decided it. English text.");
  auto texts = std::make_shared<std::vector<std::string>>();
  auto batch = std::make_shared<std::string>();
  command->add_option("texts", *texts, "Texts to score (quote each one)");
  command->add_option("--batch", *batch, "Score every line of FILE (- for standard input)");
  AddOutputOption(*command, globals);
  command->callback([&globals, texts, batch] {
    if (texts->empty() && batch->empty()) {
      globals.exit_code = Fail(InvalidArgument("give texts to score, or --batch FILE with one text per line"));
      return;
    }
    text::SentimentAnalyzer analyzer;
    Table table{.name = "sentiment", .title = "Sentiment (VADER)",
                .columns = {"line", "label", "compound", "positive", "neutral", "negative", "words", "text"}};
    auto add = [&](int64_t line, const std::string& text) {
      text::SentimentScore score = analyzer.Score(text);
      table.rows.push_back({line, std::string(text::SentimentLabelName(score.label())), Round(score.compound, 4),
                            Round(score.positive, 3), Round(score.neutral, 3), Round(score.negative, 3),
                            score.Explain(), text});
    };
    int64_t line_number = 0;
    for (const std::string& text : *texts) add(++line_number, text);
    if (!batch->empty()) {
      std::ifstream file;
      std::istream* in = &std::cin;
      if (*batch != "-") {
        file.open(*batch);
        if (!file) {
          globals.exit_code = Fail(NotFound("cannot open " + *batch + " (--batch FILE: one text per line)"));
          return;
        }
        in = &file;
      }
      line_number = 0;
      for (std::string line; std::getline(*in, line);) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) add(line_number, line);
      }
    }
    globals.exit_code = Print(globals, {table});
  });
}

}  // namespace crowdlens::cli
