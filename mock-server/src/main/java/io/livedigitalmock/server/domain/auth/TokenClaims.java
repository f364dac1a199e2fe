package io.livedigitalmock.server.domain.auth;

import java.time.Instant;

/**
 * What a livedigital JWT says, as decoded from the guide's samples: {@code sub, aud, type, cId, jti,
 * iat, exp} and {@code sgn} on user tokens. {@code exp} is null on personal tokens, which never expire.
 */
public record TokenClaims(String subject, String audience, String type, String clientObjectId,
                          String tokenId, Instant issuedAt, Instant expiresAt, String signature) {

  public static final String AUDIENCE_CLIENT = "client";
  public static final String AUDIENCE_USER = "user";
  public static final String TYPE_ACCESS = "accessToken";
  public static final String TYPE_REFRESH = "refreshToken";
  public static final String AUDIENCE_PARTICIPANT = "participant";
  public static final String TYPE_SIGNALING = "signalingToken";
}
