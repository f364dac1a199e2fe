package io.livedigitalmock.server.domain.auth;

import java.time.Instant;

/** A user's never-expiring, revocable token, made in the web UI in reality, here on the control plane. */
public record PersonalToken(String id, String userId, String tokenId, String token, Instant createdAt,
                            Instant revokedAt) {

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public PersonalToken revoked(Instant at) {
    return new PersonalToken(id, userId, tokenId, token, createdAt, at);
  }
}
