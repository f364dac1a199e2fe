package io.livedigitalmock.server.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Reads a token's claims and forges the bad tokens a server must refuse. */
public final class Jwt {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

  private Jwt() {
  }

  public static Map<String, Object> claims(String token) {
    return decode(token.split("\\.")[1]);
  }

  public static Map<String, Object> header(String token) {
    return decode(token.split("\\.")[0]);
  }

  /** The same claims, unsigned, with {@code alg: none}. */
  public static String unsigned(String token) {
    return part(Map.of("alg", "none", "typ", "JWT")) + "." + token.split("\\.")[1] + ".";
  }

  /** Other claims under the original signature. */
  public static String withClaims(String token, Map<String, Object> claims) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + part(claims) + "." + parts[2];
  }

  /** The same claims, correctly HS256-signed, but with a key the server does not have. */
  public static String signedWith(String token, String key) {
    String[] parts = token.split("\\.");
    String signingInput = parts[0] + "." + parts[1];
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signingInput + "." + ENCODE.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(Map<String, Object> json) {
    try {
      return ENCODE.encodeToString(JSON.writeValueAsBytes(json));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> decode(String part) {
    try {
      return JSON.readValue(Base64.getUrlDecoder().decode(part), new TypeReference<>() { });
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
