package io.livedigitalmock.server.domain.rooms;

import java.time.Instant;

/** A one-user invite into a space [guide: "По одному инвайту можно пригласить только одного пользователя"]. */
public record Invite(String id, String spaceId, SpaceRole role, String createdBy, Instant createdAt,
                     String activatedBy, Instant activatedAt) {

  public boolean isActivated() {
    return activatedBy != null;
  }

  public Invite activatedBy(String userId, Instant at) {
    return new Invite(id, spaceId, role, createdBy, createdAt, userId, at);
  }
}
