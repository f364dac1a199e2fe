package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.auth.TokenClaims;
import io.livedigitalmock.server.domain.auth.TokenCodec;
import io.livedigitalmock.server.domain.common.ApiError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HS256 JWTs through vertx-auth-jwt, with the claims of the guide's samples. The library checks the
 * signature and algorithm (so tampered, foreign-key and {@code alg:none} tokens fail); expiry is
 * checked by the domain against the mock clock, which the library cannot see, so the library's own
 * time checks are off.
 *
 * <p>Clients present the same token over and over, and checking it (base64, JSON, HMAC, the library's
 * user object) was the largest cost of an authenticated request. So the claims of tokens whose
 * signature checked out are remembered by the token's exact text, up to {@link #REMEMBERED} of them
 * (then forgotten all at once): a token's text and the key decide its signature forever, so nothing
 * is skipped that could change. Expiry, revocation and the tenant are checked by the domain on every
 * request, as before.
 */
public final class JwtTokenCodec implements TokenCodec {

  /** About 1.5 MB at most: a token and its claims take some 700 bytes. */
  static final int REMEMBERED = 2048;

  /** Only read by the library when it signs: one for all tokens. */
  private static final JWTOptions SIGNING = new JWTOptions().setAlgorithm("HS256").setNoTimestamp(true);

  private final Vertx vertx;
  private final String secret;
  /** Made at the first token: setting up the HMAC (JCE providers) is some 60 ms of start-up that can wait. */
  private volatile JWTAuth jwt;
  /**
   * By the token's signature, its last part: a key of 43 characters is hashed far faster than the
   * whole token (some 300), and the signature tells tokens apart as well; the text is compared in full.
   */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(String token, TokenClaims claims) {
  }

  public JwtTokenCodec(Vertx vertx, String secret) {
    this.vertx = vertx;
    this.secret = secret;
  }

  private JWTAuth jwt() {
    JWTAuth made = jwt;
    if (made == null) {
      synchronized (this) {
        made = jwt;
        if (made == null) {
          made = JWTAuth.create(vertx, new JWTAuthOptions()
              .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
              .setJWTOptions(new JWTOptions().setIgnoreExpiration(true)));
          jwt = made;
        }
      }
    }
    return made;
  }

  @Override
  public String encode(TokenClaims c) {
    JsonObject claims = new JsonObject()
        .put("sub", c.subject())
        .put("aud", c.audience())
        .put("type", c.type())
        .put("cId", c.clientObjectId())
        .put("jti", c.tokenId());
    if (c.signature() != null) {
      claims.put("sgn", c.signature());
    }
    claims.put("iat", c.issuedAt().getEpochSecond());
    if (c.expiresAt() != null) {
      claims.put("exp", c.expiresAt().getEpochSecond());
    }
    return jwt().generateToken(claims, SIGNING);
  }

  @Override
  public TokenClaims decode(String token) {
    if (token == null || token.isBlank()) {
      throw ApiError.unauthorized("Missing token");
    }
    String signature = token.substring(token.lastIndexOf('.') + 1);
    Verified known = verified.get(signature);
    if (known != null && known.token.equals(token)) {
      return known.claims;
    }
    TokenClaims claims = verify(token);
    if (verified.size() >= REMEMBERED) {
      verified.clear();
    }
    verified.put(signature, new Verified(token, claims));
    return claims;
  }

  private TokenClaims verify(String token) {
    Future<User> result = jwt().authenticate(new TokenCredentials(token));
    if (!result.isComplete() || result.failed()) {
      throw ApiError.unauthorized("Invalid token");
    }
    JsonObject p = result.result().attributes().getJsonObject("accessToken");
    try {
      return new TokenClaims(p.getString("sub"), audience(p), p.getString("type"), p.getString("cId"),
          p.getString("jti"), instant(p, "iat"), instant(p, "exp"), p.getString("sgn"));
    } catch (ClassCastException e) {
      throw ApiError.unauthorized("Invalid token claims");
    }
  }

  private static String audience(JsonObject payload) {
    Object aud = payload.getValue("aud");
    return aud instanceof String s ? s : null;
  }

  private static Instant instant(JsonObject payload, String claim) {
    Long seconds = payload.getLong(claim);
    return seconds == null ? null : Instant.ofEpochSecond(seconds);
  }
}
