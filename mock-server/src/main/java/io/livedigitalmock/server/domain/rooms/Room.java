package io.livedigitalmock.server.domain.rooms;

import io.livedigitalmock.server.domain.common.Footprint;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A room of a space. Immutable snapshot; the API addresses it by id, links by alias [guide FAQ].
 * {@code redirectUrl} [docs]: where the room page sends people after they leave, or null. Its space's
 * and creator's ids are the stored space's and user's own strings.
 *
 * <p>Rooms are most of what a tenant stores, so a room keeps only what it does not share with every
 * other room: its channel id is derived from its id ({@code channelIdOverride} is null unless a restored
 * state gave another), its waiting-room audience is null when it is {@value #NOBODY}, and its times are
 * epoch milliseconds (the mock's clocks tick in them) rather than {@link Instant}s of their own.
 */
public record Room(String id, String alias, String channelIdOverride, @Footprint.Shared String spaceId,
                   @Footprint.Shared String creatorId,
                   String name, RoomType type, boolean isPublic, RoomFlags flags,
                   String waitingRoomAudienceOverride, long createdAtMillis, long lastCallAtMillis,
                   Map<String, RoomRole> roles, String redirectUrl) {

  /** Who waits in the waiting room of every room the API makes [docs: waitingRoomAudience "nobody"]. */
  public static final String NOBODY = "nobody";
  private static final long NO_CALL = Long.MIN_VALUE;

  public Room {
    roles = Map.copyOf(roles);
    if (channelIdOverride != null && channelIdOverride.equals(ChannelIds.of(id))) {
      channelIdOverride = null;
    }
    if (NOBODY.equals(waitingRoomAudienceOverride)) {
      waitingRoomAudienceOverride = null;
    }
  }

  /** A room as the API makes it: channel id from its id, nobody in the waiting room, no call yet. */
  public static Room created(String id, String alias, String spaceId, String creatorId, String name, RoomType type,
                             boolean isPublic, RoomFlags flags, Instant createdAt, String redirectUrl) {
    return new Room(id, alias, null, spaceId, creatorId, name, type, isPublic, flags, null,
        createdAt.toEpochMilli(), NO_CALL, Map.of(), redirectUrl);
  }

  /** A room as a saved state had it (times to the millisecond, as the API shows them). */
  public static Room restored(String id, String alias, String channelId, String spaceId, String creatorId,
                              String name, RoomType type, boolean isPublic, RoomFlags flags,
                              String waitingRoomAudience, Instant createdAt, Instant lastCallAt,
                              Map<String, RoomRole> roles, String redirectUrl) {
    return new Room(id, alias, channelId, spaceId, creatorId, name, type, isPublic, flags, waitingRoomAudience,
        createdAt.toEpochMilli(), lastCallAt == null ? NO_CALL : lastCallAt.toEpochMilli(), roles, redirectUrl);
  }

  public String channelId() {
    return channelIdOverride != null ? channelIdOverride : ChannelIds.of(id);
  }

  public String waitingRoomAudience() {
    return waitingRoomAudienceOverride != null ? waitingRoomAudienceOverride : NOBODY;
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAtMillis);
  }

  /** When its last call began, or null. */
  public Instant lastCallAt() {
    return lastCallAtMillis == NO_CALL ? null : Instant.ofEpochMilli(lastCallAtMillis);
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
    return new Room(id, alias, channelIdOverride, spaceId, creatorId, name, type, isPublic, flags.with(changed),
        waitingRoomAudienceOverride, createdAtMillis, lastCallAtMillis, roles, redirectUrl);
  }

  public Room withRole(String userId, RoomRole role) {
    Map<String, RoomRole> copy = new HashMap<>(roles);
    copy.put(userId, role);
    return new Room(id, alias, channelIdOverride, spaceId, creatorId, name, type, isPublic, flags,
        waitingRoomAudienceOverride, createdAtMillis, lastCallAtMillis, copy, redirectUrl);
  }

  public Room withLastCallAt(Instant at) {
    return new Room(id, alias, channelIdOverride, spaceId, creatorId, name, type, isPublic, flags,
        waitingRoomAudienceOverride, createdAtMillis, at.toEpochMilli(), roles, redirectUrl);
  }
}
