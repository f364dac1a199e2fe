package io.livedigitalmock.server.domain.rooms;

import java.time.Instant;

/**
 * A room link for an unregistered person, made by generateAccess [guide, docs]. One-time unless
 * {@code permanent}; either way void after {@code expiresAt}. {@code guestId} is the token subject.
 */
public record AccessLink(String id, String spaceId, String roomId, String alias, String username,
                         LinkRole role, String externalUserId, String externalMeetingId,
                         String email, String phone, long ttlSeconds, boolean permanent,
                         String guestId, String tokenId, String accessToken, String url,
                         String createdBy, Instant createdAt, Instant expiresAt,
                         int opens, Instant firstOpenedAt) {

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Whether the link still lets someone in at {@code now}. */
  public boolean isUsableAt(Instant now) {
    return !isExpiredAt(now) && (permanent || opens == 0);
  }

  public AccessLink opened(Instant at) {
    return new AccessLink(id, spaceId, roomId, alias, username, role, externalUserId,
        externalMeetingId, email, phone, ttlSeconds, permanent, guestId, tokenId, accessToken, url,
        createdBy, createdAt, expiresAt, opens + 1, firstOpenedAt == null ? at : firstOpenedAt);
  }
}
