// FUZZ_CHECK: the invariant checks of the fuzz targets. A broken invariant is a
// finding, so it aborts with the condition and a message, which libFuzzer
// reports as a crash and saves the input for.
//
//   FUZZ_CHECK(entity.end <= text.size(), "entity ends past the text");
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, message)                                                               \
  do {                                                                                               \
    if (!(condition)) {                                                                              \
      std::fprintf(stderr, "invariant broken at %s:%d: %s (%s)\n", __FILE__, __LINE__, message, #condition); \
      std::abort();                                                                                  \
    }                                                                                                \
  } while (0)
