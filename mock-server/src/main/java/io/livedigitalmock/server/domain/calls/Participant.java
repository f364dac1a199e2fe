package io.livedigitalmock.server.domain.calls;

import io.livedigitalmock.server.domain.rooms.ParticipantRole;
import java.time.Instant;

/**
 * Someone in (or on the way into) a room, as the SDK creates them [sdk], or as an access link or the
 * control plane brings them in. One participant joins once and leaves once; coming back is a new
 * participant, as with the SDK. {@code userId} is null for link guests and simulated people.
 */
public record Participant(String id, String spaceId, String roomId, String name, ParticipantRole role,
                          String userId, String linkId, String email, String phone,
                          String externalUserId, String externalMeetingId, String clientUniqueId,
                          String createdBy, Instant createdAt, String callId, Instant joinedAt,
                          Instant leftAt) {

  public boolean isInRoom() {
    return joinedAt != null && leftAt == null;
  }

  public Participant joined(String call, Instant at) {
    return new Participant(id, spaceId, roomId, name, role, userId, linkId, email, phone, externalUserId,
        externalMeetingId, clientUniqueId, createdBy, createdAt, call, at, null);
  }

  public Participant left(Instant at) {
    return new Participant(id, spaceId, roomId, name, role, userId, linkId, email, phone, externalUserId,
        externalMeetingId, clientUniqueId, createdBy, createdAt, callId, joinedAt, at);
  }
}
