package io.livedigitalmock.server.domain.rooms;

import io.livedigitalmock.server.domain.common.Footprint;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A room of a space. Immutable snapshot; the API addresses it by id, links by alias [guide FAQ].
 * {@code redirectUrl} [docs]: where the room page sends people after they leave, or null. Its space's
 * and creator's ids are the stored space's and user's own strings.
 */
public record Room(String id, String alias, String channelId, @Footprint.Shared String spaceId,
                   @Footprint.Shared String creatorId,
                   String name, RoomType type, boolean isPublic, RoomFlags flags,
                   String waitingRoomAudience, Instant createdAt, Instant lastCallAt,
                   Map<String, RoomRole> roles, String redirectUrl) {

  public Room {
    roles = Map.copyOf(roles);
  }

  public boolean flag(RoomFlag flag) {
    return flags.get(flag);
  }

  /** The caller's role here: the creator owns the room; others have what was granted, or none. */
  public RoomRole roleOf(String userId) {
    return creatorId.equals(userId) ? RoomRole.OWNER : roles.get(userId);
  }

  /** Creator or room moderator: who may grant roles and generate access links [guide]. */
  public boolean isModeratedBy(String userId) {
    RoomRole role = roleOf(userId);
    return role == RoomRole.OWNER || role == RoomRole.MODERATOR;
  }

  /**
   * A private room admits only the users granted a role in it, "even the space owner cannot"
   * [guide FAQ]; a public room admits whoever sees its space.
   */
  public boolean admits(String userId, Space space) {
    return isPublic ? space.isVisibleTo(userId) : roleOf(userId) != null;
  }

  public Room withSettings(String name, RoomType type, boolean isPublic, Map<RoomFlag, Boolean> changed,
                           String redirectUrl) {
    return new Room(id, alias, channelId, spaceId, creatorId, name, type, isPublic, flags.with(changed),
        waitingRoomAudience, createdAt, lastCallAt, roles, redirectUrl);
  }

  public Room withRole(String userId, RoomRole role) {
    Map<String, RoomRole> copy = new HashMap<>(roles);
    copy.put(userId, role);
    return new Room(id, alias, channelId, spaceId, creatorId, name, type, isPublic, flags,
        waitingRoomAudience, createdAt, lastCallAt, copy, redirectUrl);
  }

  public Room withLastCallAt(Instant at) {
    return new Room(id, alias, channelId, spaceId, creatorId, name, type, isPublic, flags,
        waitingRoomAudience, createdAt, at, roles, redirectUrl);
  }
}
