package io.livedigitalmock.server.domain.auth;

import io.livedigitalmock.server.domain.common.IdSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids of tokens ({@code jti}) and of access links' tokens: 13 hex chars that never repeat within a
 * server's life. Resets bring data back with the same ids, so these cannot come from the tenant's
 * data sequence (a revoked personal token would name the token minted after the reset); here each
 * is a counter that only grows, scrambled by a bijection of 52-bit numbers keyed by the seed, so
 * they look random and are distinct by construction.
 */
public final class TokenIds {

  private static final int BITS = 52;
  private static final long MASK = (1L << BITS) - 1;

  private final long key;
  private final AtomicLong issued = new AtomicLong();

  public TokenIds(long seed) {
    this.key = IdSource.seedOf(seed, "token-ids", "") & MASK;
  }

  /** How many have been handed out: with the seed, where the sequence stands. */
  public long issued() {
    return issued.get();
  }

  /** Goes on after {@code count} ids (a restored state's), never back below what was handed out already. */
  public void skipTo(long count) {
    issued.accumulateAndGet(count, Math::max);
  }

  public String next() {
    return hex(scramble(issued.getAndIncrement(), BITS), 13);   // 13 digits, as %013x (without its parsing)
  }

  /**
   * A user's signature ({@code sgn}, 10 hex chars as in the guide's tokens), taken from the same
   * counter: no two users made in a server's life get the same one (below 2^40 draws), so a token
   * names one user, not whoever has its id after a reset.
   */
  public String nextSignature() {
    return hex(scramble(issued.getAndIncrement(), SIGNATURE_BITS), 10);
  }

  private static final int SIGNATURE_BITS = 40;

  /**
   * Each step maps [0, 2^bits) onto itself one to one: xor, multiplication by an odd number,
   * xor-shift; so distinct counts give distinct values.
   */
  private long scramble(long n, int bits) {
    long mask = (1L << bits) - 1;
    long x = (n ^ key) & mask;
    x = x * 0xBF58476D1CE4E5B9L & mask;
    x ^= x >>> (bits / 2);
    x = x * 0x94D049BB133111EBL & mask;
    x ^= x >>> (bits * 23 / 52);
    return x;
  }

  private static String hex(long value, int digits) {
    String hex = Long.toHexString(value);
    return "0000000000000".substring(13 - digits + hex.length()) + hex;
  }
}
