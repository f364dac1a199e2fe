package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.PersonalToken;
import io.livedigitalmock.server.domain.auth.User;
import io.livedigitalmock.server.domain.calls.Call;
import io.livedigitalmock.server.domain.calls.Participant;
import io.livedigitalmock.server.domain.calls.Recording;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.common.MeteredMap;
import io.livedigitalmock.server.domain.common.StoredData;
import io.livedigitalmock.server.domain.rooms.AccessLink;
import io.livedigitalmock.server.domain.rooms.Invite;
import io.livedigitalmock.server.domain.rooms.Room;
import io.livedigitalmock.server.domain.rooms.Space;
import io.livedigitalmock.server.domain.webhooks.Webhook;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * All that one tenant has stored, and the look-ups every area shares. Guarded by the tenant's lock:
 * each area method validates everything first and writes last, inside one critical section, so a
 * failed request leaves nothing half-changed and one-time things are used once under concurrency.
 * Maps keep insertion order so lists come out oldest first.
 */
final class TenantState {

  private final StoredData.Meter meter;

  final Map<String, User> users;
  final Map<String, String> userIdByEmail;
  final Map<String, Space> spaces;
  final Map<String, Room> rooms;
  final Map<String, String> roomIdByAlias;
  final Map<String, Invite> invites;
  final Map<String, AccessLink> links;
  final Map<String, String> linkIdByTokenId;
  final Map<String, PersonalToken> personalTokens;
  final Map<String, String> personalTokenIdByTokenId;
  final Map<String, Participant> participants;
  /** How many participants are in each room now (rooms with none have no entry), kept as they change. */
  private final Map<String, Integer> inRoomByRoom;
  final Map<String, Call> calls;
  final Map<String, String> activeCallIdByRoom;
  final Map<String, Recording> recordings;
  final Map<String, String> activeRecordingIdByRoom;
  final Map<String, Webhook> webhookBySpace;
  /** storeExternalUserMeta, keyed by externalUserId + "\n" + externalMeetingId. */
  final Map<String, Map<String, Object>> externalUserMeta;

  /** {@code meter}: where what this state stores is counted against {@code --data-bytes}. */
  TenantState(StoredData.Meter meter) {
    this.meter = meter;
    LongConsumer metering = meter::add;
    users = MeteredMap.linked(metering);
    userIdByEmail = MeteredMap.index(metering);
    spaces = MeteredMap.linked(metering);
    rooms = MeteredMap.linked(metering);
    roomIdByAlias = MeteredMap.ownKeyIndex(metering);
    invites = MeteredMap.linked(metering);
    links = MeteredMap.linked(metering);
    linkIdByTokenId = MeteredMap.ownKeyIndex(metering);
    personalTokens = MeteredMap.linked(metering);
    personalTokenIdByTokenId = MeteredMap.ownKeyIndex(metering);
    inRoomByRoom = MeteredMap.hashed(metering);
    participants = MeteredMap.linked(metering, this::countInRoom);
    calls = MeteredMap.linked(metering);
    activeCallIdByRoom = MeteredMap.index(metering);
    recordings = MeteredMap.linked(metering);
    activeRecordingIdByRoom = MeteredMap.index(metering);
    webhookBySpace = MeteredMap.hashed(metering);
    externalUserMeta = MeteredMap.hashed(metering);
  }

  /** What this state holds, as counted against {@code --data-bytes}. */
  long bytes() {
    return meter.bytes();
  }

  /** The tenant was reset: what this state holds no longer counts. */
  void release() {
    meter.release();
  }

  static String emailKey(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  User user(String userId) {
    User user = users.get(userId);
    if (user == null) {
      throw ApiError.notFound("User");
    }
    return user;
  }

  /** The stored space's own copy of {@code spaceId}, or {@code spaceId} when there is no such space. */
  String storedSpaceId(String spaceId) {
    Space space = spaces.get(spaceId);
    return space != null ? space.id() : spaceId;
  }

  /** The stored user's own copy of {@code userId}, or {@code userId} when there is no such user. */
  String storedUserId(String userId) {
    User user = users.get(userId);
    return user != null ? user.id() : userId;
  }

  Space space(String spaceId) {
    Space space = spaces.get(spaceId);
    if (space == null) {
      throw ApiError.notFound("Space");
    }
    return space;
  }

  /** A space the user may see: 404 when there is none, 403 when it is private to others. */
  Space visibleSpace(String userId, String spaceId) {
    Space space = space(spaceId);
    if (!space.isVisibleTo(userId)) {
      throw ApiError.forbidden("No access to this space");
    }
    return space;
  }

  /** A space the user administers (owner or moderator). */
  Space managedSpace(String userId, String spaceId) {
    Space space = visibleSpace(userId, spaceId);
    if (!space.isManagedBy(userId)) {
      throw ApiError.forbidden("Only the space owner or a space moderator may do this");
    }
    return space;
  }

  /** Removes a room with its alias and the access links into it. */
  void removeRoom(Room room) {
    removeRooms(List.of(room));
  }

  /**
   * Removes rooms with their aliases and the access links into them, looking at the links once
   * however many rooms go: once a room, a space of 20,000 rooms and links took 14 s to delete.
   */
  void removeRooms(Collection<Room> gone) {
    Set<String> ids = new HashSet<>();
    for (Room room : gone) {
      rooms.remove(room.id());
      roomIdByAlias.remove(room.alias());
      ids.add(room.id());
    }
    links.values().removeIf(l -> {
      boolean intoRoom = ids.contains(l.roomId());
      if (intoRoom) {
        linkIdByTokenId.remove(l.tokenId());
      }
      return intoRoom;
    });
  }

  Participant participant(String participantId) {
    Participant p = participants.get(participantId);
    if (p == null) {
      throw ApiError.notFound("Participant");
    }
    return p;
  }

  Call activeCall(String roomId) {
    String callId = activeCallIdByRoom.get(roomId);
    return callId == null ? null : calls.get(callId);
  }

  Recording activeRecording(String roomId) {
    String id = activeRecordingIdByRoom.get(roomId);
    return id == null ? null : recordings.get(id);
  }

  /** Asked at every entry and leave, so counted as participants change rather than by looking at them all. */
  int inRoomCount(String roomId) {
    return inRoomByRoom.getOrDefault(roomId, 0);
  }

  private void countInRoom(Participant old, Participant now) {
    if (old != null && old.isInRoom()) {
      inRoomByRoom.merge(old.roomId(), -1, TenantState::sumOrNone);
    }
    if (now != null && now.isInRoom()) {
      inRoomByRoom.merge(now.roomId(), 1, TenantState::sumOrNone);
    }
  }

  private static Integer sumOrNone(int count, int change) {
    return count + change == 0 ? null : count + change;
  }

  /** Space owner or moderator, or the room's creator or moderator: who gets records and reports [guide FAQ]. */
  Room administeredRoom(String userId, String spaceId, String roomId) {
    Space space = space(spaceId);
    Room room = room(spaceId, roomId);
    if (!space.isManagedBy(userId) && !room.isModeratedBy(userId)) {
      throw ApiError.forbidden("Only space or room administrators may do this");
    }
    return room;
  }

  Room room(String spaceId, String roomId) {
    Room room = rooms.get(roomId);
    if (room == null || !room.spaceId().equals(spaceId)) {
      throw ApiError.notFound("Room");
    }
    return room;
  }

  /** A room of a space the user sees (reading it; entering may still be refused). */
  Room visibleRoom(String userId, String spaceId, String roomId) {
    visibleSpace(userId, spaceId);
    return room(spaceId, roomId);
  }

  /** A room the user may enter: private rooms only with a role in them [guide FAQ]. */
  Room admittedRoom(String userId, String spaceId, String roomId) {
    Space space = space(spaceId);
    Room room = room(spaceId, roomId);
    if (!room.admits(userId, space)) {
      throw ApiError.forbidden("No access to this room");
    }
    return room;
  }

  /**
   * A room the user may change: its creator or a room moderator, and for a public room also the
   * space's owner and moderators. The guide's moderator roles are what set managers apart from users
   * [guide: createInvite, grantRole]; a private room's rights come from its creator alone, "even the
   * space owner" needs them granted [guide FAQ] (ledger P7).
   */
  Room managedRoom(String userId, String spaceId, String roomId) {
    Space space = visibleSpace(userId, spaceId);
    Room room = room(spaceId, roomId);
    boolean spaceAdmin = room.isPublic() && space.isManagedBy(userId);
    if (!room.isModeratedBy(userId) && !spaceAdmin) {
      throw ApiError.forbidden("Only the room creator or a room moderator may do this");
    }
    return room;
  }
}
