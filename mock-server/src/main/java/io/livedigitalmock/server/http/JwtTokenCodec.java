package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.ApiError;
import io.livedigitalmock.server.domain.TokenClaims;
import io.livedigitalmock.server.domain.TokenCodec;
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

/**
 * HS256 JWTs through vertx-auth-jwt, with the claims of the guide's samples. The library checks the
 * signature and algorithm (so tampered, foreign-key and {@code alg:none} tokens fail); expiry is
 * checked by the domain against the mock clock, which the library cannot see, so the library's own
 * time checks are off.
 */
public final class JwtTokenCodec implements TokenCodec {

  private final JWTAuth jwt;

  public JwtTokenCodec(Vertx vertx, String secret) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIgnoreExpiration(true)));
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
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setNoTimestamp(true));
  }

  @Override
  public TokenClaims decode(String token) {
    if (token == null || token.isBlank()) {
      throw ApiError.unauthorized("Missing token");
    }
    Future<User> result = jwt.authenticate(new TokenCredentials(token));
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
