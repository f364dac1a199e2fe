package io.livedigitalmock.server.domain;

import java.util.SplittableRandom;

/**
 * The one source of every id, alias and secret a tenant hands out. Seeded, so a run with the same
 * seed and the same requests yields the same ids (moto: one seedable random makes every id). Each
 * tenant has its own source, derived from the server seed and the tenant's client id, so one
 * tenant's traffic never shifts another tenant's ids.
 */
public final class IdSource {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final SplittableRandom random;

  public IdSource(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A source for one tenant: stable for a given server seed and client id. */
  public static IdSource forTenant(long serverSeed, String clientId) {
    return new IdSource(serverSeed * 31 + clientId.hashCode());
  }

  /** A 24-hex-char ObjectId, like the real API's ids. */
  public synchronized String objectId() {
    return chars(HEX, 24);
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
      out[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
