// HexDigit: the value of one hexadecimal digit, or -1. Shared by the
// decoders of percent-encoded URIs and escaped export cells.
#pragma once

namespace crowdlens {

inline int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace crowdlens
