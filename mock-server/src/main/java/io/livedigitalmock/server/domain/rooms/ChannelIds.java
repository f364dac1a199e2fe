package io.livedigitalmock.server.domain.rooms;

import io.livedigitalmock.server.domain.common.Sha256;

/**
 * A room's channel id, derived from its id rather than kept beside it (a 24-hex string per room).
 * Ids the mock makes are 24 hex chars, the tenant's prefix first: the channel id keeps the prefix and
 * turns the rest through a bijection of its 56 bits, so distinct rooms get distinct channel ids that
 * look as unrelated to their ids as the drawn ones did. Other ids (a fixture's) get SHA-256's first 12 bytes.
 */
final class ChannelIds {

  private static final int PREFIX = 10;
  private static final int SUFFIX_BITS = 56;
  private static final long MASK = (1L << SUFFIX_BITS) - 1;

  private ChannelIds() {
  }

  static String of(String roomId) {
    if (roomId.length() != 24 || !isLowerHex(roomId)) {
      return Sha256.hex(roomId, 12);
    }
    long x = Long.parseLong(roomId, PREFIX, 24, 16);
    // odd multiplier and xor-shift: each a bijection mod 2^56; the constant leaves no fixed point at 0
    x = (x * 0x9e3779b97f4a7c15L) & MASK;
    x ^= x >>> 29;
    x ^= 0x5bd1e995a5L;
    String hex = Long.toHexString(x | 1L << SUFFIX_BITS);   // the leading 1 keeps 14 digits' zeros
    return roomId.substring(0, PREFIX) + hex.substring(1);
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }
}
