// Fuzzes the tweet CSV reader (ingest/tweet_csv_reader.h: Kaggle layout and twarc-csv): the bytes are an in-memory input named "tweets.csv" that
// ReadInput reads as tweet-csv (Format::kTweetCsv, as `--as` would force), and every batch is checked
// as fuzz_reader.h says.
#include <cstddef>
#include <cstdint>

#include "fuzz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kTweetCsv, "tweets.csv", data, size);
}
