package io.livedigitalmock.server.domain.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The one source of every id, alias and secret a tenant hands out. Seeded, so a run with the same
 * seed and the same requests yields the same ids (moto: one seedable random makes every id). Each
 * tenant has its own sources, derived from the server seed and the tenant's client id, so one
 * tenant's traffic never shifts another tenant's ids. A tenant's data ids all begin with the tenant's
 * own prefix, which no other tenant has: ids never collide across tenants, and an id names its tenant.
 */
public final class IdSource {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  /** Hex chars of a tenant's prefix: 40 bits, so the registry rarely has to step past a taken one. */
  public static final int PREFIX_LENGTH = 10;

  /** {@link java.util.SplittableRandom}'s step for a seed given alone. */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final long seed;
  private final String objectIdPrefix;
  /**
   * What {@code new SplittableRandom(seed)} holds after {@link #draws} ints, stepped here as it steps
   * (SplitMix64): the same ids as that object made, without one per source (every tenant has two), and
   * a saved source resumes in one step.
   */
  private long state;
  /** How many ints have been drawn: with the seed, where the source stands. */
  private long draws;

  public IdSource(long seed) {
    this(seed, "");
  }

  private IdSource(long seed, String objectIdPrefix) {
    this.seed = seed;
    this.state = seed;
    this.objectIdPrefix = objectIdPrefix;
  }

  /**
   * A source that goes on where a saved one stood: the same seed and prefix, {@code draws} draws in,
   * so that it hands out exactly what the saved one would have next.
   */
  public static IdSource resumed(long seed, String objectIdPrefix, long draws) {
    if (draws < 0) {
      throw new IllegalArgumentException("draws must not be negative");
    }
    IdSource source = new IdSource(seed, objectIdPrefix);
    source.state = seed + draws * GOLDEN_GAMMA;
    source.draws = draws;
    return source;
  }

  /** The seed this source started from (derived ones: from the server seed, purpose and client). */
  public long seed() {
    return seed;
  }

  /** How far it has gone: what {@link #resumed} needs, with the seed, to go on from here. */
  public synchronized long draws() {
    return draws;
  }

  /** The prefix of its object ids ("" for none). */
  public String objectIdPrefix() {
    return objectIdPrefix;
  }

  /**
   * A source for one purpose of one tenant, stable for a given server seed, purpose and client id:
   * seeded from SHA-256 of the three, so distinct client ids get unrelated sources (a seed from
   * {@code clientId.hashCode()} gave "Aa" and "BB" the same ids, hence the same identity).
   */
  public static IdSource derived(long serverSeed, String purpose, String clientId) {
    return new IdSource(seedOf(serverSeed, purpose, clientId));
  }

  /** Like {@link #derived(long, String, String)}, its object ids beginning with {@code prefix}. */
  public static IdSource derived(long serverSeed, String purpose, String clientId, String prefix) {
    if (!prefix.matches("[0-9a-f]{0," + PREFIX_LENGTH + "}")) {
      throw new IllegalArgumentException("an object id prefix is up to " + PREFIX_LENGTH + " hex chars");
    }
    return new IdSource(seedOf(serverSeed, purpose, clientId), prefix);
  }

  /** The tenant prefix of an object id (which names the tenant that made it). */
  public static String prefixOf(String objectId) {
    return objectId == null || objectId.length() < PREFIX_LENGTH ? "" : objectId.substring(0, PREFIX_LENGTH);
  }

  /** A 24-hex-char ObjectId, like the real API's ids. */
  public synchronized String objectId() {
    return objectIdPrefix + chars(HEX, 24 - objectIdPrefix.length());
  }

  /** A 10-char room alias of [A-Za-z0-9]. */
  public synchronized String alias() {
    return chars(ALNUM, 10);
  }

  /** A 32-char secret of [A-Za-z0-9], the shape of webhook secrets in the guide. */
  public synchronized String secret() {
    return chars(ALNUM, 32);
  }

  /** {@code n} lowercase hex chars (token ids, user signatures). */
  public synchronized String hex(int n) {
    return chars(HEX, n);
  }

  private String chars(char[] alphabet, int n) {
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      out[i] = alphabet[below(alphabet.length)];
    }
    return new String(out);
  }

  /**
   * What {@code SplittableRandom.nextInt(bound)} answers (the JDK's bounded draw, rejection included, spelled out
   * so that every underlying draw is counted and a saved source can be resumed exactly).
   */
  private int below(int bound) {
    int m = bound - 1;
    int r = next();
    if ((bound & m) == 0) {
      return r & m;
    }
    for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = next() >>> 1) {
      // reject the over-represented values at the top of the range
    }
    return r;
  }

  /** {@code SplittableRandom.nextInt()}: the next state, mixed down to 32 bits. */
  private int next() {
    draws++;
    long z = state += GOLDEN_GAMMA;
    z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
    return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
  }

  /** SHA-256 of the seed, the purpose, a NUL (never in a purpose) and the client id; its first 8 bytes. */
  public static long seedOf(long serverSeed, String purpose, String clientId) {
    return ByteBuffer.wrap(Sha256.of(ByteBuffer.allocate(Long.BYTES).putLong(serverSeed).array(),
        purpose.getBytes(StandardCharsets.UTF_8), new byte[] {0}, clientId.getBytes(StandardCharsets.UTF_8))).getLong();
  }
}
