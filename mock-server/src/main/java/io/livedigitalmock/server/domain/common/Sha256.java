package io.livedigitalmock.server.domain.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, which every JDK has: so no caller handles its "no such algorithm". */
public final class Sha256 {

  private Sha256() {
  }

  /** The digest of {@code parts}, one after the other. */
  public static byte[] of(byte[]... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        sha.update(part);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The first {@code bytes} bytes of the digest of {@code text} (UTF-8), in lowercase hex. */
  public static String hex(String text, int bytes) {
    return HexFormat.of().formatHex(of(text.getBytes(StandardCharsets.UTF_8)), 0, bytes);
  }
}
